// An ingested document an erase rewrote takes the fingerprint of the text it keeps: the original's
// would let anyone holding the document confirm it was there (an export carries it). Ingesting or
// importing the original again is still refused: what was erased does not come back.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let db: string;
let doc: string;
let original: string;
const c = (args: string[], on = db) => caselog(args, { db: on, today: '2026-11-24' });
const json = async (args: string[], on = db) => JSON.parse((await c(['--json', ...args], on)).stdout);
const onDisk = (text: string) => ['', '-wal'].filter((s) => existsSync(db + s)).some((s) => readFileSync(db + s).includes(Buffer.from(text)));
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

beforeEach(async () => {
  db = tempDb();
  doc = join(dirname(db), 'statement.txt');
  writeFileSync(doc, 'Statement on the detentions\n\nOn 2 March 2019 Hidden Witness and Bolat Serikov were detained in Almaty.\n');
  expect((await c(['ingest', doc, '--yes'])).code).toBe(0);
  original = (await json(['export'])).sources[0].hash;
});

describe('erase of a person named in an ingested document', () => {
  it('gives the document the fingerprint of the text it keeps, in the database, its log and its export', async () => {
    expect((await c(['erase', 'Hidden Witness', '--force'])).code).toBe(0);
    const [source] = (await json(['export'])).sources;
    expect(source.text).toContain('[erased] and Bolat Serikov were detained');
    expect(source.hash).toBe(sha256(source.text));
    expect(source.hash).not.toBe(original);
    expect(onDisk(original)).toBe(false);
    expect(JSON.stringify(await json(['log', '--limit', '0']))).not.toContain(original);
  });

  it('refuses to ingest the original again, recording nothing', async () => {
    expect((await c(['erase', 'Hidden Witness', '--force'])).code).toBe(0);
    const before = (await c(['export'])).stdout;
    const r = await c(['ingest', doc, '--yes']);
    expect(r).toMatchObject({ code: 1, stderr: `caselog: ${doc} was ingested here before, and an erase has since rewritten its text: ingesting it again would bring back what was erased; nothing was recorded\n` });
    expect((await c(['export'])).stdout).toBe(before);
  });

  it('refuses the original from an older export or a colleague\'s, unless --restore-erased', async () => {
    const older = join(dirname(db), 'older.json');
    writeFileSync(older, (await c(['export'])).stdout);
    const colleague = tempDb();
    expect((await c(['ingest', doc, '--yes'], colleague)).code).toBe(0);
    const theirs = join(dirname(colleague), 'theirs.json');
    writeFileSync(theirs, (await c(['export'], colleague)).stdout);
    expect((await c(['erase', 'Hidden Witness', '--force'])).code).toBe(0);
    for (const file of [older, theirs]) {
      const r = await c(['import', file, '--replace']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('an erase here rewrote this document\'s text for someone\'s safety: --skip-erased imports the rest of the file without it, --restore-erased brings the original back; nothing was imported');
    }
    expect((await c(['import', theirs, '--restore-erased'])).code).toBe(0);
    expect((await json(['export'])).sources.map((s: { hash: string }) => s.hash)).toContain(original);
  });

  it('keeps it so through a restore of a backup made before the erase', async () => {
    const backup = join(dirname(db), 'monday.db');
    expect((await c(['backup', backup])).code).toBe(0);
    expect((await c(['erase', 'Hidden Witness', '--force'])).code).toBe(0);
    expect((await c(['restore', backup, '--force'])).code).toBe(0);
    const [source] = (await json(['export'])).sources;
    expect(source.hash).toBe(sha256(source.text));
    expect(onDisk(original)).toBe(false);
    expect((await c(['ingest', doc, '--yes'])).stderr).toContain('an erase has since rewritten its text');
  });

  it('does the same for a word erased on its own', async () => {
    expect((await c(['erase', 'Hidden Witness', '--force'])).code).toBe(0);
    const kept = (await json(['export'])).sources[0].hash;
    expect((await c(['erase', '--word', 'Almaty', '--force'])).code).toBe(0);
    const [source] = (await json(['export'])).sources;
    expect(source.hash).toBe(sha256(source.text));
    expect(source.text).toContain('detained in [erased]');
    expect(source.hash).not.toBe(kept);
    writeFileSync(doc, 'Statement on the detentions\n\nOn 2 March 2019 [erased] and Bolat Serikov were detained in Almaty.\n');
    expect((await c(['ingest', doc, '--yes'])).stderr).toContain('an erase has since rewritten its text');
  });
});
