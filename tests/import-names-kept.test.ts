// A colleague's export of a person both sides added to: an import never takes a name away (another
// name is how a person is found again), and what --replace would take away, a risk, is named value
// by value in the refusal, in the dry run and after it; undo puts all back.
import { describe, expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

const today = '2026-11-24';
const desk = () => {
  const db = tempDb();
  return (args: string[]) => caselog(args, { db, today });
};
type Caselog = ReturnType<typeof desk>;
const exportOf = async (c: Caselog, name: string) => fileOf(name, (await c(['export'])).stdout);
const shown = async (c: Caselog, who: string) => JSON.parse((await c(['--json', 'show', who])).stdout) as { id: string; names: string[]; risks: string[] };

/** Hemit Memet in both databases; then a name and a risk added in mine, another name in hers. */
async function bothAddedTo(): Promise<{ mine: Caselog; hers: Caselog; file: string }> {
  const [mine, hers] = [desk(), desk()];
  await mine(['add', 'person', 'Hemit Memet', '--risk', 'torture']);
  expect((await hers(['import', await exportOf(mine, 'v1.json')])).code).toBe(0);
  await mine(['person', 'alias', 'Hemit Memet', '艾买提·买买提']);
  await mine(['risk', 'Hemit Memet', '--add', 'death-penalty', '--note', 'sentenced to death']);
  await hers(['person', 'alias', 'Hemit Memet', 'Xemit Memet']);
  return { mine, hers, file: await exportOf(hers, 'hers.json') };
}

const CHANGES = 'names: adds "Xemit Memet", keeps "艾买提·买买提" though the file lacks it, as an import takes no name away; risks here not in the file';

describe("import --replace of a colleague's export of a person both sides added to", () => {
  it('is refused naming the risk that would go and the names that stay, and a dry run names them too', async () => {
    const { mine, file } = await bothAddedTo();
    const before = (await mine(['export'])).stdout;
    const refused = await mine(['import', file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(new RegExp(`would be overwritten: person Hemit Memet \\[p-\\w+\\] \\(${CHANGES}: death-penalty; edited here [^)]+\\); nothing was imported`));
    const dry = await mine(['import', file, '--replace', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stderr).toMatch(new RegExp(`\\nnote: would take the file's version of person Hemit Memet \\[p-\\w+\\] \\(${CHANGES}: death-penalty; edited here [^)]+\\)\\n`));
    expect((await mine(['export'])).stdout).toBe(before);
  });

  it('keeps the names here, takes the risk away with a note giving it back, and undo puts all back', async () => {
    const { mine, file } = await bothAddedTo();
    const before = (await mine(['export'])).stdout;
    const r = await mine(['import', file, '--replace']);
    expect(r.code).toBe(0);
    const hemit = await shown(mine, 'Hemit Memet');
    expect(hemit).toMatchObject({ names: ['Hemit Memet', '艾买提·买买提', 'Xemit Memet'], risks: ['torture'] });
    expect(r.stderr).toContain(`note: took the file's version of person Hemit Memet [${hemit.id.slice(0, 10)}] (${CHANGES}, taken away: death-penalty; ` +
      `edited here`);
    expect(r.stderr).toMatch(new RegExp(`: should it still hold, caselog risk ${hemit.id.slice(0, 10)} --add death-penalty puts it back\\n`));
    expect((await mine(['search', '艾买提'])).stdout).toContain('Hemit Memet');
    expect((await mine(['undo'])).code).toBe(0);
    expect((await mine(['export'])).stdout).toBe(before);
  });

  it('is unchanged when imported again, and so is an export that lacks only names added here', async () => {
    const { mine, file } = await bothAddedTo();
    await mine(['import', file, '--replace']);
    const again = await mine(['import', file]);
    expect(again).toMatchObject({ code: 0, stderr: expect.stringContaining(': 0 added, 0 updated, 1 unchanged') });
    // Hers again, once she has taken mine: all she lacks is the name added here.
    const [older, now] = [desk(), desk()];
    await older(['add', 'person', 'Kasim Mahpir']);
    await now(['import', await exportOf(older, 'old.json')]);
    await now(['person', 'alias', 'Kasim Mahpir', 'Qasim Mahpir']);
    const r = await now(['import', await exportOf(older, 'old-again.json')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(': 0 added, 0 updated, 1 unchanged');
    expect(r.stderr).toMatch(/note: person Kasim Mahpir \[p-\w+\] keeps "Qasim Mahpir" though the file lacks it: an import takes no name away \(caselog person unalias does\)\n/);
    expect((await shown(now, 'Kasim Mahpir')).names).toEqual(['Kasim Mahpir', 'Qasim Mahpir']);
  });
});

describe("import of a colleague's export of a person renamed there", () => {
  it('names the change once, and --replace keeps the name known here as another name', async () => {
    const [mine, hers] = [desk(), desk()];
    await mine(['add', 'person', 'Kasim Mahpir']);
    await hers(['import', await exportOf(mine, 'v1.json')]);
    await mine(['edit', 'Kasim Mahpir', '--name', 'Kasim Mahpirov']);
    const file = await exportOf(mine, 'v2.json');
    expect((await hers(['import', file])).stderr)
      .toMatch(/person Kasim Mahpir \[p-\w+\] \(names: known by "Kasim Mahpirov" instead of "Kasim Mahpir", which stays another name\); nothing was imported/);
    expect((await hers(['import', file, '--replace'])).code).toBe(0);
    expect((await shown(hers, 'Kasim Mahpirov')).names).toEqual(['Kasim Mahpirov', 'Kasim Mahpir']);
  });
});

describe('a name note a CSV sheet did not carry', () => {
  it('is no difference: the export of its origin brings the note in, and the way back is unchanged', async () => {
    const [mine, hers] = [desk(), desk()];
    await mine(['add', 'person', 'Kasim Mahpir']);
    await mine(['person', 'alias', 'Kasim Mahpir', 'Qasim Mahpir', '--note', 'spelling in EUR 57/12/98']);
    const sheet = fileOf('people.csv', (await mine(['export', '--format', 'csv', '--table', 'people'])).stdout);
    expect((await hers(['import', sheet])).code).toBe(0);
    const noteOf = async (c: Caselog) => (JSON.parse((await c(['export'])).stdout).people[0].names as Array<{ name: string; note: string | null }>)
      .find((n) => n.name === 'Qasim Mahpir')?.note;
    expect(await noteOf(hers)).toBeNull();
    // Her export, without the note, takes nothing from mine.
    const back = await mine(['import', await exportOf(hers, 'hers.json')]);
    expect(back).toMatchObject({ code: 0, stderr: expect.stringContaining(': 0 added, 0 updated, 1 unchanged') });
    expect(await noteOf(mine)).toBe('spelling in EUR 57/12/98');
    const r = await hers(['import', await exportOf(mine, 'mine.json')]);
    expect(r).toMatchObject({ code: 0, stderr: expect.stringContaining(': 0 added, 1 updated, 0 unchanged') });
    expect(await noteOf(hers)).toBe('spelling in EUR 57/12/98');
    expect((await mine(['import', await exportOf(hers, 'hers-again.json')])).stderr).toContain(': 0 added, 0 updated, 1 unchanged');
  });
});
