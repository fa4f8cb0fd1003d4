// import --skip-erased: a colleague's file that still holds someone erased here is taken without
// them, as their erase left this database: nothing of them comes back, and nothing else is lost.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let mine: string;
let hers: string;
const c = (db: string, args: string[]) => caselog(args, { db, today: '2026-11-24' });
const json = async (db: string, args: string[]) => JSON.parse((await c(db, ['--json', ...args])).stdout);
const exported = async (db: string) => (await c(db, ['export'])).stdout;
const save = (db: string, name: string, text: string) => {
  const path = join(dirname(db), name);
  writeFileSync(path, text);
  return path;
};
const onDisk = (db: string, text: string) => ['', '-wal', '-journal'].filter((s) => existsSync(db + s)).some((s) => readFileSync(db + s).includes(Buffer.from(text)));

/** Both databases hold Gulnara and Other Guy, their shared arrest and her own hearing; then she is erased in mine. */
async function sharedThenErased(eraseArgs: string[] = []): Promise<void> {
  for (const args of [
    ['add', 'case', '--ref', 'UA 1/26', '--title', 'Two detained', '--summary', 'Gulnara Secret and Other Guy were detained in Almaty.'],
    ['add', 'person', 'Gulnara Secret', '--case', 'UA 1/26', '--risk', 'torture'],
    ['add', 'person', 'Other Guy', '--case', 'UA 1/26'],
    ['add', 'event', 'Gulnara Secret', 'Other Guy', '--date', '2026-11-01', '--type', 'arrest', '--summary', 'Gulnara Secret and Other Guy arrested'],
    ['add', 'event', 'Gulnara Secret', '--date', '2026-11-02', '--type', 'hearing', '--summary', 'Gulnara Secret in court'],
    ['add', 'deadline', 'Gulnara Secret', '--date', '2026-12-01', '--note', 'ask about her health'],
  ]) expect((await c(mine, args)).code).toBe(0);
  expect((await c(hers, ['import', save(mine, 'old.json', await exported(mine))])).code).toBe(0);
  expect((await c(mine, ['erase', 'Gulnara Secret', ...eraseArgs, '--force'])).code).toBe(0);
}

beforeEach(() => {
  mine = tempDb();
  hers = tempDb();
});

describe('import of a file holding someone erased here', () => {
  it('is refused, saying how to take the rest without them', async () => {
    await sharedThenErased();
    const file = save(hers, 'hers.json', await exported(hers));
    const before = await exported(mine);
    const r = await c(mine, ['import', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/line \d+ \(p-\w+\): this person was erased from this database for their safety: --skip-erased imports the rest of the file without them \(leaving out what is theirs alone, and taking them and their names out of what they share with others\), --restore-erased brings them back; nothing was imported/);
    expect(await exported(mine)).toBe(before);
  });

  it('with --skip-erased, takes the colleague\'s new records and leaves out everything of the erased person', async () => {
    await sharedThenErased();
    expect((await c(hers, ['add', 'event', 'Other Guy', '--date', '2026-11-10', '--type', 'detention', '--summary', 'Other Guy moved to prison 3'])).code).toBe(0);
    expect((await c(hers, ['add', 'event', 'Gulnara Secret', 'Other Guy', '--date', '2026-11-12', '--type', 'statement',
      '--summary', 'Lawyer of Gulnara Secret and Other Guy denied access', '--place', 'Gulnara Secret\'s cell block'])).code).toBe(0);
    expect((await c(hers, ['add', 'deadline', 'Gulnara Secret', 'Other Guy', '--date', '2026-12-05', '--note', 'write to Gulnara Secret and Other Guy'])).code).toBe(0);
    const file = save(hers, 'hers.json', await exported(hers));

    const dry = await c(mine, ['import', file, '--skip-erased', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stderr).toContain('note: --skip-erased would leave out 1 person erased here for their safety and 2 records about them alone; ' +
      '4 records that named them with others would be taken without them (their names replaced by [erased])');

    const r = await c(mine, ['import', file, '--skip-erased']);
    expect(r.code, r.stderr).toBe(0);
    // Added: the two new events and the shared deadline. The case, Other Guy and the arrest are as the erase left them here.
    expect(r.stderr).toContain(`Imported ${file}: 3 added, 0 updated, 3 unchanged`);
    expect(r.stderr).toContain('note: --skip-erased left out 1 person erased here for their safety and 2 records about them alone; ' +
      '4 records that named them with others were taken without them (their names replaced by [erased])');
    const summaries = (await json(mine, ['timeline', 'Other Guy'])).events.map((e: { summary: string }) => e.summary);
    expect(summaries).toEqual(['[erased] and Other Guy arrested', 'Other Guy moved to prison 3', 'Lawyer of [erased] and Other Guy denied access']);
    const all = await exported(mine);
    expect(all).not.toContain('Gulnara');
    expect(all).not.toContain('in court');
    expect(all).not.toContain('her health');
    expect(all).toContain('"note":"write to [erased] and Other Guy"');
    expect(all).toContain('"place":"[erased]\'s cell block"');
    expect(JSON.parse(all).people.map((p: { name: string }) => p.name)).toEqual(['Other Guy']);
    expect(JSON.stringify(await json(mine, ['log', '--limit', '0']))).not.toContain('Gulnara');
    expect(onDisk(mine, 'Gulnara')).toBe(false);
    // Taken again: nothing changes.
    expect((await c(mine, ['import', file, '--skip-erased'])).stderr).toContain('0 added, 0 updated, 6 unchanged');
  });

  it('replaces the words of their names too when theirs was an erase --words', async () => {
    await sharedThenErased(['--words']);
    expect((await c(hers, ['add', 'event', 'Other Guy', '--date', '2026-11-10', '--type', 'statement', '--summary', 'Other Guy asked about Ms Secret'])).code).toBe(0);
    const r = await c(mine, ['import', save(hers, 'hers.json', await exported(hers)), '--skip-erased']);
    expect(r.code, r.stderr).toBe(0);
    const all = await exported(mine);
    expect(all).toContain('Other Guy asked about Ms [erased]');
    expect(all).not.toMatch(/Gulnara|Secret/);
  });

  it('leaves a namesake\'s own records their name, as the erase does', async () => {
    const id = async (args: string[]) => JSON.parse((await c(mine, ['--json', ...args])).stdout).id as string;
    const erased = await id(['add', 'person', 'Gulnara Secret', '--risk', 'torture']);
    const namesake = await id(['add', 'person', 'Gulnara Secret', '--citizenship', 'Uzbek', '--new']);
    expect((await c(mine, ['add', 'event', erased, '--date', '2026-11-01', '--type', 'arrest', '--summary', 'Gulnara Secret arrested'])).code).toBe(0);
    expect((await c(hers, ['import', save(mine, 'old.json', await exported(mine))])).code).toBe(0);
    expect((await c(mine, ['erase', erased, '--force'])).code).toBe(0);
    expect((await c(hers, ['add', 'event', namesake, '--date', '2026-11-10', '--type', 'statement', '--summary', 'Gulnara Secret (the Uzbek one) visited by her family'])).code).toBe(0);
    const r = await c(mine, ['import', save(hers, 'hers.json', await exported(hers)), '--skip-erased']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('1 added, 0 updated, 1 unchanged');
    expect((await json(mine, ['timeline', namesake])).events.map((e: { summary: string }) => e.summary)).toEqual(['Gulnara Secret (the Uzbek one) visited by her family']);
    expect((await json(mine, ['export'])).people.map((p: { name: string }) => p.name)).toEqual(['Gulnara Secret']);
  });

  it('leaves out the original of a document an erase rewrote here, keeping the copy here', async () => {
    const doc = join(dirname(mine), 'statement.txt');
    writeFileSync(doc, 'Statement on the detentions\n\nOn 2 March 2019 Hidden Witness and Bolat Serikov were detained in Almaty.\n');
    expect((await c(mine, ['ingest', doc, '--yes'])).code).toBe(0);
    // A colleague ingested the same document: her source, her people.
    expect((await c(hers, ['ingest', doc, '--yes'])).code).toBe(0);
    expect((await c(mine, ['erase', 'Hidden Witness', '--force'])).code).toBe(0);
    const file = save(hers, 'hers.json', await exported(hers));
    expect((await c(mine, ['import', file])).stderr).toContain('an erase here rewrote this document\'s text for someone\'s safety: --skip-erased imports the rest of the file without it');
    const r = await c(mine, ['import', file, '--skip-erased']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('left out 1 source holding the original of a document an erase rewrote here (the rewritten copy here stands; the file\'s events cite no original)');
    const { sources, events } = await json(mine, ['export']);
    expect(sources).toHaveLength(1);
    expect(sources[0].text).toContain('[erased] and Bolat Serikov');
    expect(events.every((e: { sources: string[] }) => e.sources.every((s) => s === sources[0].id))).toBe(true);
  });

  it('takes a shared document of an older export as the erase left it here', async () => {
    const doc = join(dirname(mine), 'statement.txt');
    writeFileSync(doc, 'Statement on the detentions\n\nOn 2 March 2019 Hidden Witness and Bolat Serikov were detained in Almaty.\n');
    expect((await c(mine, ['ingest', doc, '--yes'])).code).toBe(0);
    const older = save(mine, 'older.json', await exported(mine));
    expect((await c(mine, ['erase', 'Hidden Witness', '--force'])).code).toBe(0);
    const before = await exported(mine);
    const r = await c(mine, ['import', older, '--skip-erased']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('0 added, 0 updated, 3 unchanged');
    expect(await exported(mine)).toBe(before);
  });

  it('is refused with --restore-erased and with standard input; a CSV sheet takes it', async () => {
    const file = save(mine, 'x.json', await exported(mine));
    expect(await c(mine, ['import', file, '--skip-erased', '--restore-erased'])).toMatchObject({
      code: 2, stderr: expect.stringContaining('--skip-erased leaves out people erased here, --restore-erased brings them back: give one of the two'),
    });
    expect(await c(mine, ['import', '-', '--skip-erased'])).toMatchObject({
      code: 2, stderr: expect.stringContaining('--skip-erased reads the file twice: give its path, not - (standard input) or a pipe'),
    });
    const pipe = join(dirname(mine), 'pipe.json');
    execFileSync('mkfifo', [pipe]);
    expect(await c(mine, ['import', pipe, '--skip-erased'])).toMatchObject({ code: 2, stderr: expect.stringContaining('not - (standard input) or a pipe') });
    // Nobody erased here: the sheet is taken as without it (import-csv-erased.test.ts has the rest).
    expect(await c(mine, ['import', save(mine, 'p.csv', 'name\nSomeone\n'), '--skip-erased'])).toMatchObject({ code: 0 });
  });

  it('is offered in the help', async () => {
    expect((await c(mine, ['import', '--help'])).stdout).toMatch(/--skip-erased\s+take the rest of a file that holds people erased here/);
  });
});
