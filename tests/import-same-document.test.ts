// Two colleagues who each ingested the same document hold it under two source ids: an import of one's
// export into the other's database takes the file's source as the one here (the same text) and has
// its events cite that one, with a note; never "UNIQUE constraint failed".
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let ours: string;
let theirs: string;
let doc: string;
const c = (args: string[], db = ours) => caselog(args, { db, today: '2026-11-24' });
const json = async (args: string[], db = ours) => JSON.parse((await c(['--json', ...args], db)).stdout);

beforeEach(async () => {
  ours = tempDb();
  theirs = tempDb();
  doc = join(dirname(ours), 'statement.txt');
  writeFileSync(doc, 'Statement on Kaster Musakhanuly\n\nOn 2 March 2019 Kaster Musakhanuly was detained in Almaty.\n');
  for (const db of [ours, theirs]) expect((await c(['ingest', doc, '--yes'], db)).code).toBe(0);
});

/** The colleague's export, written to a file. */
async function theirExport(): Promise<string> {
  const file = join(dirname(theirs), 'theirs.json');
  writeFileSync(file, (await c(['export'], theirs)).stdout);
  return file;
}

describe('import of a source whose document is stored here under another id', () => {
  it('takes it as the source here, the file\'s events citing that one, with a note; again, nothing changes', async () => {
    const file = await theirExport();
    const [here] = (await json(['export'])).sources as Array<{ id: string }>;
    const [there] = (await json(['export'], theirs)).sources as Array<{ id: string }>;
    const r = await c(['import', file]);
    expect(r, r.stderr).toMatchObject({ code: 0 });
    expect(r.stderr).toContain(`note: source ${there!.id.slice(0, 10)} of the file holds the document stored here as source ${here!.id.slice(0, 10)} (the same text): taken as that one`);
    const after = await json(['export']);
    expect(after.sources.map((s: { id: string }) => s.id)).toEqual([here!.id]);
    expect(after.events).toHaveLength(2);
    for (const e of after.events) expect(e.sources).toEqual([here!.id]);
    const again = await c(['import', file]);
    expect(again.stderr).toMatch(/: 0 added, 0 updated, 3 unchanged/);
    expect(await json(['export'])).toEqual(after);
  });

  it('says so under --json too, with the counts', async () => {
    const r = await json(['import', await theirExport()]);
    expect(r).toMatchObject({ added: 2, updated: 0, unchanged: 1 });
    expect(r.notes[0]).toMatch(/^source s-\w+ of the file holds the document stored here as source s-\w+ \(the same text\)/);
  });
});
