// log WHO of a person or a case no longer tracked: a colleague asks the change log who deleted a case
// or a person, or what a record merged into someone held, by the name, reference or id they knew.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(['--no-color', ...args], { db, today: '2026-11-24' });
const idOf = async (who: string) => (JSON.parse((await c(['--json', 'show', who])).stdout) as { id: string }).id;
/** Each entry of a log as "command action id". */
const logged = async (args: string[]) => (JSON.parse((await c(['--json', 'log', ...args])).stdout) as Array<{ action: string; command: string; id: string | null }>)
  .map((e) => `${e.command} ${e.action} ${e.id}`);
let hemit: string;
let theCase: string;

beforeEach(async () => {
  db = tempDb();
  await c(['add', 'case', '--ref', 'UA 77/98', '--title', 'Fear of torture']);
  await c(['add', 'person', 'Hemit Memet', '--alias', 'Khamit Memet', '--case', 'UA 77/98']);
  await c(['add', 'person', 'Kasim Mahpir', '--case', 'UA 77/98']);
  await c(['add', 'event', 'Hemit Memet', 'Kasim Mahpir', '--date', '1999-02-11', '--type', 'deportation', '--summary', 'Forcibly returned to China']);
  [hemit, theCase] = [await idOf('Hemit Memet'), await idOf('UA 77/98')];
});

describe('log of a person or a case deleted', () => {
  it('reaches a deleted person by any logged name and by id, the delete first, and says who deleted them when', async () => {
    expect((await c(['delete', 'Hemit Memet', '--force'])).code).toBe(0);
    for (const who of ['Hemit Memet', 'khamit memet', hemit, hemit.slice(0, 8)]) {
      const r = await c(['log', who]);
      expect(r, who).toMatchObject({ code: 0 });
      expect(r.stderr).toMatch(new RegExp(`^Hemit Memet \\[${hemit.slice(0, 10)}\\] is no longer tracked \\(deleted \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d [+-]\\d\\d:\\d\\d by \\S+\\): their changes as the change log holds them\\n$`));
      expect(r.stdout.split('\n')[0]).toMatch(/ {2}delete {2}edit {2}event e-\w+ "Forcibly returned to China"$/);
      expect(r.stdout).toMatch(new RegExp(`delete {2}person ${hemit.slice(0, 10)} "Hemit Memet"\\n`));
    }
    expect(await logged([hemit])).toEqual([`delete edit ${(await logged(['Kasim Mahpir']))[0]!.split(' ')[2]}`, `delete delete ${hemit}`,
      expect.stringMatching(/^add event add e-/), `add person add ${hemit}`]);
  });

  it('reaches a deleted case by its reference and id, with what went with it', async () => {
    expect((await c(['delete', 'UA 77/98', '--force'])).code).toBe(0);
    for (const what of ['UA 77/98', 'ua77/98', theCase]) {
      const r = await c(['log', what]);
      expect(r, what).toMatchObject({ code: 0 });
      expect(r.stderr).toMatch(new RegExp(`^case UA 77/98 \\[${theCase.slice(0, 10)}\\] is no longer tracked \\(deleted .* by \\S+\\): its changes`));
    }
    const entries = await logged(['UA 77/98']);
    expect(entries).toContain(`delete delete ${theCase}`);
    expect(entries.filter((e) => e.startsWith('delete edit p-'))).toHaveLength(2);
    expect(entries.at(-1)).toBe(`add case add ${theCase}`);
  });

  it('refuses a name two people no longer tracked had, naming each with its id; says nothing new of one never logged', async () => {
    expect((await c(['delete', 'Hemit Memet', '--force'])).code).toBe(0);
    await c(['add', 'person', 'Hemit Memet']);
    const second = await idOf('Hemit Memet');
    expect((await c(['delete', 'Hemit Memet', '--force'])).code).toBe(0);
    const r = await c(['log', 'Hemit Memet']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^caselog: "Hemit Memet" was the name of 2 people no longer tracked: Hemit Memet \\[${hemit.slice(0, 10)}\\] \\(deleted .*\\); Hemit Memet \\[${second.slice(0, 10)}\\] \\(deleted .*\\)\\. Give the id of one\\n$`));
    expect((await c(['log', second])).code).toBe(0);
    expect((await c(['log', 'Nobody Here'])).stderr).toMatch(/^caselog: no case or person matches "Nobody Here"/);
  });

  it('shows a tracked namesake\'s log, and says the name was also someone\'s no longer tracked, with their id', async () => {
    expect((await c(['delete', 'Hemit Memet', '--force'])).code).toBe(0);
    await c(['add', 'person', 'Hemit Memet']);
    const now = await idOf('Hemit Memet');
    const r = await c(['log', 'Hemit Memet']);
    expect(r.code).toBe(0);
    expect(await logged(['Hemit Memet'])).toEqual([`add person add ${now}`]);
    expect(r.stderr).toMatch(new RegExp(`^"Hemit Memet" is also the name of someone no longer tracked: Hemit Memet \\[${hemit.slice(0, 10)}\\] \\(deleted .*\\); caselog log ${hemit.slice(0, 10)} shows their changes\\n$`));
    // By id, each alone.
    expect((await c(['log', now])).stderr).toBe('');
  });
});

describe('log and merged records', () => {
  let musakhan: string;
  let kaster: string;
  beforeEach(async () => {
    await c(['add', 'person', 'Kaster Musakhanuly', '--case', 'UA 77/98']);
    await c(['add', 'person', 'K. Musakhan', '--new']);
    [musakhan, kaster] = [await idOf('K. Musakhan'), await idOf('Kaster Musakhanuly')];
    await c(['edit', 'K. Musakhan', '--citizenship', 'Kazakhstan']);
    expect((await c(['merge', 'K. Musakhan', 'Kaster Musakhanuly', '--force'])).code).toBe(0);
  });

  it("holds, in the kept person's log, the changes made to the one merged into them, marked as such", async () => {
    const r = await c(['log', 'Kaster Musakhanuly']);
    expect(r.code).toBe(0);
    const mark = `(merged into Kaster Musakhanuly [${kaster.slice(0, 10)}])`;
    expect(r.stdout).toMatch(new RegExp(`  edit  person ${musakhan.slice(0, 10)} "K\\. Musakhan" ${mark.replace(/[[\]()]/g, '\\$&')}\\n    citizenship: — → Kazakhstan\\n`));
    expect(r.stdout).toContain(`  add person  person ${musakhan.slice(0, 10)} "K. Musakhan" ${mark}\n`);
    // Its own entries are not marked.
    expect(r.stdout).toMatch(new RegExp(`  add person  person ${kaster.slice(0, 10)} "Kaster Musakhanuly"\\n`));
    const entries = JSON.parse((await c(['--json', 'log', 'Kaster Musakhanuly'])).stdout) as Array<{ action: string; id: string; mergedInto?: string }>;
    expect(entries.filter((e) => e.id === musakhan).map((e) => [e.action, e.mergedInto])).toEqual([['merge', kaster], ['edit', kaster], ['add', kaster]]);
    expect(entries.filter((e) => e.id === kaster).every((e) => !('mergedInto' in e))).toBe(true);
  });

  it('reaches the one merged away by id, and says whom it went into', async () => {
    const r = await c(['log', musakhan]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`^K\\. Musakhan \\[${musakhan.slice(0, 10)}\\] is no longer tracked \\(merged into Kaster Musakhanuly \\[${kaster.slice(0, 10)}\\] .* by \\S+\\)`));
    expect(await logged([musakhan])).toEqual([`merge merge ${musakhan}`, `edit edit ${musakhan}`, `add person add ${musakhan}`]);
  });
});

describe('the whole log names records no longer tracked', () => {
  it('by the name or reference it last logged for them, beside the id, as it names the others', async () => {
    expect((await c(['delete', 'Hemit Memet', '--force'])).code).toBe(0);
    expect((await c(['delete', 'UA 77/98', '--force'])).code).toBe(0);
    const r = await c(['log', '--limit', '0']);
    expect(r.stdout).toContain(`    cases: removed UA 77/98 [${theCase.slice(0, 10)}]\n`);
    expect(r.stdout).toContain(`    people: removed Hemit Memet [${hemit.slice(0, 10)}]\n`);
    expect(r.stdout).not.toMatch(/(removed|people:) [cp]-\w+/);
  });
});
