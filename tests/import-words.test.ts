// What an import says in words a caseworker reads: the fields of a refusal, an empty file, standard
// input; and an import that changed nothing leaves no change for undo to spend itself on.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caselog, DEMO, fileOf, spawnCaselog, tempDb } from './helpers/cli';

const today = '2026-11-24';
const desk = () => {
  const db = tempDb();
  return Object.assign((args: string[]) => caselog(args, { db, today }), { db });
};

describe('import in words', () => {
  it('names the fields a refusal lists in words, not as the file spells them', async () => {
    const [a, b] = [desk(), desk()];
    await a(['add', 'person', 'Mona Kamal']);
    const id = /\[(d-\w+)\]/.exec((await a(['add', 'deadline', 'Mona Kamal', '--date', '2026-12-01', '--note', 'Call lawyer'])).stderr)![1]!;
    expect((await b(['import', fileOf('a.json', (await a(['export'])).stdout)])).code).toBe(0);
    expect((await b(['done', id])).code).toBe(0);
    const r = await a(['import', fileOf('b.json', (await b(['export'])).stdout)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`deadline ${id} (done date); nothing was imported`);
    expect(r.stderr).not.toContain('doneOn');
  });

  it('says an empty file is empty', async () => {
    const a = desk();
    const file = fileOf('empty.json', '');
    expect(await a(['import', file])).toMatchObject({ code: 1, stderr: `caselog: ${file} is empty: nothing was imported\n` });
    expect(await a(['import', fileOf('blank.json', '\uFEFF \n')])).toMatchObject({ code: 1, stderr: expect.stringContaining('is empty: nothing was imported') });
  });

  it('calls standard input "the input"', () => {
    const db = tempDb();
    expect(spawnCaselog(['--db', db, 'import', '-'], {}, '')).toMatchObject({ code: 1, stderr: 'caselog: the input is empty: nothing was imported\n' });
    expect(spawnCaselog(['--db', db, 'import', '-'], {}, '{\n')).toMatchObject({ code: 1, stderr: expect.stringMatching(/^caselog: the input is not valid JSON: /) });
    expect(spawnCaselog(['--db', db, 'import', '-'], {}, readFileSync(DEMO, 'utf8')).stderr).toMatch(/^Imported the input: \d+ added/);
  });

  it('says in words that an object without "format" is no export, and calls a piped sheet "the input"', async () => {
    const db = tempDb();
    expect(spawnCaselog(['--db', db, 'import', '-'], {}, '{}\n')).toMatchObject({
      code: 1, stderr: expect.stringMatching(/^caselog: the input is not a caselog export: it has no "format" field \("format": "caselog-export", as caselog .*export writes\); nothing was imported\n$/),
    });
    expect(await desk()(['import', fileOf('none.json', '{}')])).toMatchObject({ code: 1, stderr: expect.not.stringContaining('undefined') });
    const list = spawnCaselog(['--db', db, 'import', '-'], {}, '[]\n');
    expect(list.code).toBe(1);
    expect(list.stderr).toMatch(/^caselog: the input, row 1: /);
    const sheet = spawnCaselog(['--db', db, 'import', '-', '--format', 'csv'], {}, 'x,y\n1,2\n');
    expect(sheet.stderr).toMatch(/^caselog: the input, row 1: the header names no known table/);
    expect(spawnCaselog(['--db', db, 'import', '-', '--format', 'csv'], {}, 'name\nMona Kamal\n').stderr).toMatch(/^Imported people from the input: 1 added/);
  });

  it('logs nothing when it changes nothing: undo then takes back the change before it', async () => {
    const a = desk();
    await a(['add', 'person', 'Mona Kamal']);
    const file = fileOf('a.json', (await a(['export'])).stdout);
    await a(['add', 'person', 'Rui Costa']);
    const again = await a(['import', file]);
    expect(again).toMatchObject({ code: 0, stderr: expect.stringContaining(': 0 added, 0 updated, 1 unchanged') });
    const undone = await a(['undo']);
    expect(undone.stderr).toMatch(/^Undid "caselog add person.*removed Rui Costa/);
    expect(undone.stderr).not.toContain('it had changed nothing');
  });
});
