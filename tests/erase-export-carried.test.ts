// A database rebuilt from a JSON export remembers the erases of the database it came from: an older
// export that still holds the erased person (or the original of a document an erase rewrote) is
// refused there as it is in the first. The export carries fingerprints, never a name or a text.
import Ajv2020 from 'ajv/dist/2020.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, ROOT, tempDb } from './helpers/cli';

let old: string;
let dir: string;
const c = (db: string, args: string[]) => caselog(args, { db, today: '2026-11-24' });
const json = async (db: string, args: string[]) => JSON.parse((await c(db, ['--json', ...args])).stdout);
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const exported = async (db: string) => (await c(db, ['export'])).stdout;
const ERASED_HERE = 'this person was erased from this database for their safety';

beforeEach(async () => {
  old = tempDb();
  dir = dirname(old);
  expect((await c(old, ['add', 'person', 'Gulnara Secret', '--risk', 'torture'])).code).toBe(0);
  expect((await c(old, ['add', 'person', 'Other Guy'])).code).toBe(0);
});

/** The export before the erase, and the one after it. */
async function eraseBetweenExports(words = true): Promise<{ before: string; after: string }> {
  const before = file('before.json', await exported(old));
  expect((await c(old, ['erase', 'Gulnara Secret', ...(words ? ['--words'] : []), '--force'])).code).toBe(0);
  return { before, after: file('after.json', await exported(old)) };
}

describe('an export of a database that erased someone', () => {
  it('lets a database rebuilt from it refuse an older export that still holds them', async () => {
    const { before, after } = await eraseBetweenExports();
    const fresh = tempDb();
    const r = await c(fresh, ['import', after]);
    expect(r.stderr).toContain('Imported ');
    expect(r.stderr).toContain('note: the file carries 1 erase made for someone\'s safety where it comes from: this database now refuses the erased records too');
    const refused = await c(fresh, ['import', before]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(ERASED_HERE);
    expect((await json(fresh, ['export'])).people.map((p: { name: string }) => p.name)).toEqual(['Other Guy']);
    // And so on, from a database rebuilt from that one's export.
    const third = tempDb();
    expect((await c(third, ['import', file('fresh.json', await exported(fresh))])).code).toBe(0);
    expect((await c(third, ['import', before])).stderr).toContain(ERASED_HERE);
  });

  it('carries a fingerprint of the person, never their name, and round-trips byte for byte', async () => {
    const { before, after } = await eraseBetweenExports();
    // A database that erased no one exports as it did.
    expect(readFileSync(before, 'utf8')).toMatch(/^\{"format":"caselog-export","version":1,\n"cases":\[/);
    const text = readFileSync(after, 'utf8');
    expect(text).toMatch(/^\{"format":"caselog-export","version":1,\n"erased":\[\n\{"kind":"person","fingerprint":"[0-9a-f]{16}","words":true\}\n\],\n"cases":\[/);
    expect(text).not.toContain('Gulnara');
    const fresh = tempDb();
    expect((await c(fresh, ['import', after])).code).toBe(0);
    expect(await exported(fresh)).toBe(text);
    // Imported again: nothing changes, nothing is said again.
    const again = await c(fresh, ['import', after]);
    expect(again.stderr).not.toContain('carries');
    expect(await exported(fresh)).toBe(text);
    expect((await c(fresh, ['log', '--limit', '2'])).stdout).toContain('1 erase made where it comes from remembered');
  });

  it('is read from a file laid out by hand (pretty-printed) too, and a bad line of it is refused with its line', async () => {
    const { before, after } = await eraseBetweenExports(false);
    const pretty = file('pretty.json', JSON.stringify(JSON.parse(readFileSync(after, 'utf8')), null, 2));
    const fresh = tempDb();
    expect((await c(fresh, ['import', pretty])).code).toBe(0);
    expect((await c(fresh, ['import', before])).stderr).toContain(ERASED_HERE);
    const bad = file('bad.json', readFileSync(after, 'utf8').replace(/"fingerprint":"[0-9a-f]+"/, '"fingerprint":"Gulnara"'));
    const other = tempDb();
    expect(await c(other, ['import', bad])).toMatchObject({
      code: 1, stderr: `caselog: ${bad}, line 3: in "erased": "fingerprint" must be 16 hexadecimal digits, as caselog writes it; nothing was imported\n`,
    });
  });

  it('is remembered through an undo of the import, and a restore of a backup made before it', async () => {
    const { before, after } = await eraseBetweenExports();
    const fresh = tempDb();
    expect((await c(fresh, ['add', 'person', 'Someone Else'])).code).toBe(0);
    const backup = join(dir, 'fresh-backup.db');
    expect((await c(fresh, ['backup', backup])).code).toBe(0);
    expect((await c(fresh, ['import', after])).code).toBe(0);
    expect((await c(fresh, ['undo'])).code).toBe(0);
    expect((await c(fresh, ['import', before])).stderr).toContain(ERASED_HERE);
    expect((await c(fresh, ['restore', backup, '--force'])).code).toBe(0);
    expect((await c(fresh, ['import', before])).stderr).toContain(ERASED_HERE);
  });

  it('names someone tracked here whom the file\'s database erased, and carries no fingerprint of them on', async () => {
    const colleague = tempDb();
    expect((await c(colleague, ['import', file('shared.json', await exported(old))])).code).toBe(0);
    const { after } = await eraseBetweenExports();
    const r = await c(colleague, ['import', after]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/note: Gulnara Secret \[p-\w+\] was erased for their safety in the database the file comes from, and is still tracked here: caselog erase p-\w+ if they should go from here too/);
    expect(await exported(colleague)).not.toContain('"erased"');
  });

  it('leaves out a person brought back with --restore-erased, who is no longer erased here', async () => {
    const { before, after } = await eraseBetweenExports();
    const fresh = tempDb();
    expect((await c(fresh, ['import', after])).code).toBe(0);
    expect(await exported(fresh)).toContain('"erased"');
    expect((await c(fresh, ['import', before, '--restore-erased'])).code).toBe(0);
    const text = await exported(fresh);
    expect(text).not.toContain('"erased"');
    const third = tempDb();
    expect((await c(third, ['import', file('back.json', text)])).code).toBe(0);
    expect(await exported(third)).toBe(text);
  });

  it('matches the documented JSON Schema', async () => {
    const { after } = await eraseBetweenExports();
    const schema = JSON.parse(readFileSync(join(ROOT, 'docs', 'export.schema.json'), 'utf8'));
    const validate = new Ajv2020({ allErrors: true }).compile(schema);
    const doc = JSON.parse(readFileSync(after, 'utf8'));
    expect(doc.erased).toHaveLength(1);
    validate(doc);
    expect(validate.errors ?? []).toEqual([]);
    doc.erased[0].name = 'Gulnara Secret';
    expect(validate(doc)).toBe(false);
  });
});

describe('an export of a database whose erase rewrote an ingested document', () => {
  it('lets a database rebuilt from it refuse the original, from an older export or a colleague\'s', async () => {
    const db = tempDb();
    const doc = join(dirname(db), 'statement.txt');
    writeFileSync(doc, 'Statement on the detentions\n\nOn 2 March 2019 Hidden Witness and Bolat Serikov were detained in Almaty.\n');
    expect((await c(db, ['ingest', doc, '--yes'])).code).toBe(0);
    const older = file('older-doc.json', await exported(db));
    const colleague = tempDb();
    expect((await c(colleague, ['ingest', doc, '--yes'])).code).toBe(0);
    const theirs = file('theirs.json', await exported(colleague));
    expect((await c(db, ['erase', 'Hidden Witness', '--force'])).code).toBe(0);
    const after = await exported(db);
    expect(after).toMatch(/"erased":\[\n\{"kind":"document","fingerprint":"[0-9a-f]{32}:[0-9a-f]{64}"\},\n\{"kind":"person"/);
    const fresh = tempDb();
    expect((await c(fresh, ['import', file('after-doc.json', after)])).code).toBe(0);
    for (const f of [older, theirs]) {
      const r = await c(fresh, ['import', f, '--replace']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('an erase here rewrote this document\'s text for someone\'s safety');
    }
    expect(await exported(fresh)).toBe(after);
  });
});
