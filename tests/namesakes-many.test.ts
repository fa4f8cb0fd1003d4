// Many people of one name (eighteen "Hussein Rashid" in one database): a refusal or a prompt that
// names them must tell them apart, say how many it left out and how to list them, and a terminal
// must offer every one of them.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, ENTER, fileOf, scriptedPrompter, tempDb } from './helpers/cli';

let db: string;
const today = '2026-06-15';
const c = (args: string[]) => caselog(args, { db, today });

beforeEach(async () => {
  db = tempDb();
  expect((await c(['add', 'case', '--ref', 'UA 1/26', '--title', 't'])).code).toBe(0);
  for (let i = 1; i <= 7; i++) expect((await c(['add', 'person', 'Hussein Rashid', '--new', '--age', String(20 + i), '--case', 'UA 1/26'])).code).toBe(0);
});

describe('add person with a name seven tracked people have', () => {
  it('refuses, telling the five it lists apart and saying how to list the other two', async () => {
    const r = await c(['add', 'person', 'Hussein Rashid', '--age', '50']);
    expect(r.code).toBe(1);
    const listed = r.stderr.match(/Hussein Rashid \[p-\w+\] \(aged \d+ on 15 June 2026 \(born c\. \d+\), status unknown, UA 1\/26; via "Hussein Rashid", the same name, score 1\.00\)/g);
    expect(listed).toHaveLength(5);
    expect(r.stderr).toContain('; and 2 more (list them all: caselog search "Hussein Rashid"). Nothing was added: pass --new if this is a different person\n');
    expect((await c(['search', 'Hussein Rashid'])).stdout.match(/^person {2}Hussein Rashid/gm)).toHaveLength(7);
  });

  it('offers every one of them on a terminal, each with what tells them apart', async () => {
    const prompter = scriptedPrompter(['']);
    const r = await caselog(['add', 'person', 'Hussein Rashid', '--age', '50'], { db, today, tty: true, prompter });
    expect(r.code).toBe(0);
    const offered = prompter.choices[0]!.map((ch) => ch.name);
    expect(offered).toHaveLength(8);
    for (let i = 1; i <= 7; i++) {
      expect(offered).toContainEqual(expect.stringMatching(new RegExp(`^Another name of Hussein Rashid \\[p-\\w+\\] \\(aged ${20 + i} on 15 June 2026 .*status unknown, UA 1/26; the same name, score 1\\.00\\)$`)));
    }
    expect(offered[7]).toBe('A different person: add them');
  });
});

describe('undo after an import that changed nothing', () => {
  it('takes back the change before it: the import logged nothing', async () => {
    const exported = (await c(['export', '--format', 'json'])).stdout;
    const file = fileOf('export.json', exported);
    expect((await c(['import', file])).stderr).toContain(': 0 added, 0 updated, ');
    const r = await c(['undo']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^Undid "caselog add person" of /);
  });
});

describe('timeline on a terminal given a name twelve people have', () => {
  it('offers all twelve, since typing more of the name cannot narrow them', async () => {
    for (let i = 8; i <= 12; i++) expect((await c(['add', 'person', 'Hussein Rashid', '--new', '--age', String(20 + i), '--case', 'UA 1/26'])).code).toBe(0);
    const prompter = scriptedPrompter([ENTER]);
    const r = await caselog(['timeline', 'Hussein Rashid'], { db, today, tty: true, prompter });
    expect(r.code).toBe(0);
    expect(prompter.asked).toEqual(['"Hussein Rashid" matches several people; which one?']);
    const ages = prompter.choices[0]!.map((ch) => Number(/\(aged (\d+) /.exec(ch.name)?.[1]));
    expect(ages.sort((a, b) => a - b)).toEqual([21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32]);
  });
});

describe('import --new of a sheet row with a tracked name', () => {
  it('refuses it, saying how to add another person of that name', async () => {
    const sheet = fileOf('people.csv', 'name,age\nHussein Rashid,50\n');
    const before = (await c(['export', '--format', 'json'])).stdout;
    const r = await c(['import', sheet, '--new']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/row 2, column name: "Hussein Rashid" is already tracked \(p-\w+(, p-\w+){6}\): put the id in the id column to update them; if it is another person of that name, add them with caselog add person "Hussein Rashid" --new\n$/);
    expect((await c(['export', '--format', 'json'])).stdout).toBe(before);
    expect((await c(['import', '--help'])).stdout).toMatch(/not rows of\s+their\s+very\s+name:\s+add\s+those\s+with\s+add\s+person\s+--new/);
  });
});
