// erase: nothing of the person may remain in the bytes of the database file or its journals.
import { existsSync, readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, DEMO, scriptedPrompter, spawnCaselog, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2020-02-01' });
const json = async (args: string[]) => JSON.parse((await c(['--json', ...args])).stdout);

/** Words that exist only in the erased person's records. */
const TRACES = ['Zebulon Quixotica', 'Зебулон Квиксотика', 'Quixotica', 'Xylophonics', 'Plumtree', 'Wobblequist', 'Marsupian', 'Freedonian', 'Snorkelvale'];

/** Which traces are in the database file, its write-ahead log or its rollback journal. */
function tracesOnDisk(): string[] {
  const bytes = ['', '-wal', '-journal'].filter((s) => existsSync(db + s)).map((s) => readFileSync(db + s));
  return TRACES.filter((t) => bytes.some((b) => b.includes(Buffer.from(t, 'utf8'))));
}

async function zebulon(): Promise<string> {
  const added = JSON.parse((await c(['--json', 'add', 'person', 'Zebulon Quixotica', '--alias', 'Зебулон Квиксотика', '--case', 'UA 77/98',
    '--citizenship', 'Freedonian', '--risk', 'torture'])).stdout);
  await c(['add', 'event', 'Zebulon Quixotica', '--date', '2019-05-05', '--type', 'arrest', '--summary', 'Arrested by Captain Xylophonics', '--place', 'Plumtree']);
  await c(['add', 'event', 'Zebulon Quixotica', 'Hemit Memet', '--date', '2019-05-06', '--type', 'hearing', '--summary', 'Joint hearing']);
  await c(['add', 'deadline', 'Zebulon Quixotica', '--date', '2020-03-01', '--note', 'call Mrs Wobblequist']);
  await c(['edit', 'Zebulon Quixotica', '--ethnicity', 'Marsupian']);
  await c(['status', 'Zebulon Quixotica', 'detained', '--note', 'held at Snorkelvale']);
  await c(['undo']);
  await c(['status', 'Zebulon Quixotica', 'detained', '--note', 'held at Snorkelvale']);
  return added.id as string;
}

beforeEach(async () => {
  db = tempDb();
  expect((await c(['import', DEMO])).code).toBe(0);
});

describe('erase', () => {
  it('leaves nothing of the person in the database file, its WAL or journal, and only the fact of an erase in the log', async () => {
    const id = await zebulon();
    expect(tracesOnDisk()).toEqual(TRACES);
    expect((await c(['search', 'Plumtree'])).stdout).toContain('Plumtree');

    const r = await c(['erase', 'Zebulon Quixotica', '--force']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^Erased one person with 2 events and 1 deadline; \d+ change-log entries cleared; the file was rewritten\. This cannot be undone\.\n$/);
    expect(tracesOnDisk()).toEqual([]);

    expect((await c(['show', 'Зебулон Квиксотика'])).code).toBe(1);
    const hemit = (await json(['timeline', 'Hemit Memet'])).events;
    expect(hemit.find((e: { summary: string }) => e.summary === 'Joint hearing').people.map((p: { name: string }) => p.name)).toEqual(['Hemit Memet']);
    const log = await json(['log', '--limit', '0']);
    expect(log[0]).toMatchObject({ action: 'erase', id: null });
    expect(JSON.stringify(log)).not.toContain(id);
    expect((await c(['search', 'Plumtree'])).stdout).toBe('Nothing matches "Plumtree".\n');
    expect((await c(['search', 'Joint hearing'])).stdout).toContain('Hemit Memet');
  });

  it('cannot be undone, and undo says so', async () => {
    await zebulon();
    await c(['erase', 'Zebulon Quixotica', '--force']);
    const r = await c(['undo']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/undo stops at the erase of .*: an erase cannot be undone/);
    expect(tracesOnDisk()).toEqual([]);
  });

  it('needs --force without a terminal and changes nothing without it', async () => {
    await zebulon();
    const before = (await c(['export'])).stdout;
    const r = await c(['erase', 'Zebulon Quixotica']);
    expect(r).toMatchObject({ code: 1, stderr: 'caselog: erasing Zebulon Quixotica cannot be undone and needs confirmation: use --force\n' });
    expect((await c(['export'])).stdout).toBe(before);
  });

  it('on a terminal, warns that it cannot be undone and erases only when the name is typed', async () => {
    await zebulon();
    const wrong = scriptedPrompter(['Zebulon']);
    const refused = await caselog(['erase', 'Zebulon Quixotica'], { db, today: '2020-02-01', tty: true, prompter: wrong });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('This cannot be undone, not even with caselog undo.');
    expect(refused.stderr).toContain('all their names (Zebulon Quixotica, Зебулон Квиксотика), 2 events and 1 deadline about them only');
    expect((await c(['show', 'Zebulon Quixotica'])).code).toBe(0);
    const right = scriptedPrompter(['Zebulon Quixotica']);
    const done = await caselog(['erase', 'Zebulon Quixotica'], { db, today: '2020-02-01', tty: true, prompter: right });
    expect(done.code).toBe(0);
    expect(right.asked).toEqual(['Type the name "Zebulon Quixotica" to erase them for good:']);
    expect(tracesOnDisk()).toEqual([]);
  });

  it('warns about records that stay and still name the person', async () => {
    await zebulon();
    await c(['add', 'event', 'Hemit Memet', '--date', '2019-06-01', '--type', 'statement', '--summary', 'Said Zebulon Quixotica was beaten']);
    const r = await c(['erase', 'Zebulon Quixotica', '--force']);
    expect(r.stderr).toMatch(/Warning: these records stay and still mention them; edit or delete them too: event e-\w+/);
  });

  it('warns about a mention in another script, whatever its case', async () => {
    await zebulon();
    await c(['add', 'event', 'Hemit Memet', '--date', '2019-06-01', '--type', 'statement', '--summary', 'ЗЕБУЛОН КВИКСОТИКА был избит']);
    const r = await c(['erase', 'Zebulon Quixotica', '--force']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/still mention them; edit or delete them too: event e-\w+/);
  });

  it('works from the real binary', async () => {
    const env = { CASELOG_DB: db, CASELOG_TODAY: '2020-02-01' };
    await zebulon();
    const r = spawnCaselog(['erase', 'Zebulon Quixotica', '--force'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(tracesOnDisk()).toEqual([]);
  });
});
