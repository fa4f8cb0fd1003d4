// Two colleagues who each recorded the same Urgent Action as a source (add source --ref) hold it under
// two ids: an import of one's export into the other's takes the file's source as the one here, by
// its reference and publisher, as add source refuses a second; never a second "EUR 57/12/98" that
// makes --source ambiguous for good (no command deletes or merges a source).
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let ours: string;
let theirs: string;
const c = (args: string[], db = ours) => caselog(args, { db, today: '2026-11-24' });
const json = async (args: string[], db = ours) => JSON.parse((await c(['--json', ...args], db)).stdout);
const UA = ['--publisher', 'Amnesty International', '--ref', 'EUR 57/12/98', '--title', 'EXTRA 77/98', '--date', '15 October 1998'];

beforeEach(() => {
  ours = tempDb();
  theirs = tempDb();
});

async function theirExport(): Promise<string> {
  const file = join(dirname(theirs), 'theirs.json');
  writeFileSync(file, (await c(['export'], theirs)).stdout);
  return file;
}

/** The colleague's source of the reference, cited by an event about a person both track. */
async function theirSourceCited(source: string[]): Promise<void> {
  expect((await c(['add', 'source', ...source], theirs)).code).toBe(0);
  expect((await c(['add', 'person', 'Hemit Memet'], theirs)).code).toBe(0);
  expect((await c(['add', 'event', 'Hemit Memet', '--date', '1999-02-11', '--type', 'deportation', '--summary', 'Returned to China', '--source', 'EUR 57/12/98'], theirs)).code).toBe(0);
}

describe('import of a source whose reference a source here has', () => {
  it('takes it as the source here, the file\'s events citing that one, with a note; again, nothing changes', async () => {
    expect((await c(['add', 'source', ...UA])).code).toBe(0);
    await theirSourceCited(UA);
    const file = await theirExport();
    const [here] = (await json(['export'])).sources as Array<{ id: string }>;
    const [there] = (await json(['export'], theirs)).sources as Array<{ id: string }>;
    const r = await c(['import', file]);
    expect(r, r.stderr).toMatchObject({ code: 0 });
    expect(r.stderr).toContain(': 2 added, 0 updated, 1 unchanged');
    expect(r.stderr).toContain(`note: source ${there!.id.slice(0, 10)} of the file, EUR 57/12/98, is source ${here!.id.slice(0, 10)} here ` +
      '(the same reference and publisher): taken as that one; the file\'s events cite it');
    const after = await json(['export']);
    expect(after.sources.map((s: { id: string }) => s.id)).toEqual([here!.id]);
    expect(after.events[0].sources).toEqual([here!.id]);
    // The reference still names one source.
    expect((await c(['add', 'event', 'Hemit Memet', '--date', '1999-03-01', '--type', 'report', '--summary', 'Held', '--source', 'EUR 57/12/98'])).code).toBe(0);
    const again = await c(['import', file]);
    expect(again.stderr).toContain(': 0 added, 0 updated, 3 unchanged');
  });

  it('keeps the details here, naming those that differ; a reference written otherwise and no publisher there are the same source', async () => {
    expect((await c(['add', 'source', '--ref', 'eur 57/12/98', '--title', 'UA by hand'])).code).toBe(0);
    await theirSourceCited(UA);
    const r = await c(['import', await theirExport()]);
    expect(r.stderr).toMatch(/is source s-\w+ here \(the same reference\): taken as that one, which keeps its own title, publisher, reference as written and date \(the file's differ\)/);
    const { sources } = await json(['export']);
    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatchObject({ ref: 'eur 57/12/98', title: 'UA by hand', publisher: null });
  });

  it('refuses one of another publisher, with the edits that make them one source or two; nothing is imported', async () => {
    expect((await c(['add', 'source', '--publisher', 'Human Rights Watch', '--ref', 'EUR 57/12/98', '--title', 'Other'])).code).toBe(0);
    await theirSourceCited(UA);
    const before = (await c(['export'])).stdout;
    const r = await c(['import', await theirExport()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/its reference "EUR 57\/12\/98" is source (s-\w+) here, published by "Human Rights Watch", not "Amnesty International": a reference names one source\. If both are one document, caselog edit \1 --publisher "Amnesty International" and import again/);
    expect(r.stderr).toContain('nothing was imported');
    expect((await c(['export'])).stdout).toBe(before);
  });

  it('gives a source recorded here by hand the document the colleague ingested, as ingest would; undo takes it back', async () => {
    expect((await c(['add', 'source', ...UA])).code).toBe(0);
    const doc = join(dirname(theirs), 'ua.txt');
    writeFileSync(doc, 'Further information on EXTRA 77/98\n\nOn 11 February 1999 Hemit Memet was returned to China.\n');
    expect((await c(['ingest', doc, '--yes', '--ref', 'EUR 57/12/98', '--publisher', 'Amnesty International'], theirs)).code).toBe(0);
    const before = (await c(['export'])).stdout;
    const file = await theirExport();
    const r = await c(['import', file]);
    expect(r.stderr).toContain(': 2 added, 1 updated, 0 unchanged');
    expect(r.stderr).toContain('is given the file\'s text of the document (it had none)');
    const { sources } = await json(['export']);
    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatchObject({ title: 'EXTRA 77/98', text: expect.stringContaining('returned to China') });
    expect((await c(['import', file])).stderr).toContain(': 0 added, 0 updated, 3 unchanged');
    // The import again changed nothing and logged nothing: one undo takes back the first.
    expect((await c(['undo'])).code).toBe(0);
    expect((await c(['export'])).stdout).toBe(before);
  });

  it('adds another document under the same reference beside the one here, as ingest does, and says --source then fits both', async () => {
    const [mine, hers] = [join(dirname(ours), 'a.txt'), join(dirname(theirs), 'b.txt')];
    writeFileSync(mine, 'Urgent Action\n\nOn 11 February 1999 Hemit Memet was returned to China.\n');
    writeFileSync(hers, 'Urgent Action, update\n\nOn 12 March 1999 Hemit Memet was sentenced.\n');
    expect((await c(['ingest', mine, '--yes', '--ref', 'EUR 57/12/98'])).code).toBe(0);
    expect((await c(['ingest', hers, '--yes', '--ref', 'EUR 57/12/98'], theirs)).code).toBe(0);
    const r = await c(['import', await theirExport()]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/note: source s-\w+ of the file holds another document \(another text\) under the reference EUR 57\/12\/98 of source s-\w+ here: added beside it, as ingest keeps two documents; --source "EUR 57\/12\/98" then fits both/);
    expect((await json(['export'])).sources).toHaveLength(2);
  });

  it('leaves two sources of one reference as they are in a round trip into an empty database', async () => {
    const [a, b] = [join(dirname(ours), 'a.txt'), join(dirname(ours), 'b.txt')];
    writeFileSync(a, 'Urgent Action\n\nOn 11 February 1999 Hemit Memet was returned to China.\n');
    writeFileSync(b, 'Urgent Action, update\n\nOn 12 March 1999 Hemit Memet was sentenced.\n');
    for (const doc of [a, b]) expect((await c(['ingest', doc, '--yes', '--ref', 'EUR 57/12/98'])).code).toBe(0);
    const exported = (await c(['export'])).stdout;
    const file = join(dirname(ours), 'ours.json');
    writeFileSync(file, exported);
    expect((await c(['import', file], theirs)).code).toBe(0);
    expect((await c(['export'], theirs)).stdout).toBe(exported);
  });
});
