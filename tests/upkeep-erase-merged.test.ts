// erase and merges: a duplicate merged into the erased person is them, and must not come back.
import { readFileSync, writeFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let db: string;
let colleague: string;
const c = (args: string[], on = db) => caselog(args, { db: on, today: '2026-11-23' });
const json = async (args: string[], on = db) => JSON.parse((await c(['--json', ...args], on)).stdout);

/** A colleague's export holding "K. Musakhanuly" and his detention; returns his id. */
async function colleagueExport(): Promise<string> {
  const theirs = tempDb();
  const id = (await json(['add', 'person', 'K. Musakhanuly', '--risk', 'torture'], theirs)).id as string;
  await c(['add', 'event', 'K. Musakhanuly', '--date', '2026-11-01', '--type', 'detention', '--summary', 'Detained in Istanbul'], theirs);
  colleague = `${theirs}.export.json`;
  writeFileSync(colleague, (await c(['export'], theirs)).stdout);
  return id;
}

beforeEach(() => {
  db = tempDb();
});

describe('erase of a person others were merged into', () => {
  it('refuses an import of the merged-away id as of the kept one, and takes that id out of the change log', async () => {
    const away = await colleagueExport();
    await c(['add', 'person', 'Kaster Musakhanuly', '--risk', 'torture']);
    await c(['add', 'person', 'Murager Alimuly']);
    expect((await c(['import', colleague])).code).toBe(0);
    await c(['add', 'event', 'K. Musakhanuly', 'Murager Alimuly', '--date', '2026-11-02', '--type', 'hearing', '--summary', 'joint hearing']);
    expect((await c(['merge', 'K. Musakhanuly', 'Kaster Musakhanuly', '--force'])).code).toBe(0);
    const r = await c(['erase', 'Kaster Musakhanuly', '--force']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^Erased one person \(and the record merged into them\) with 1 event/);

    expect((await c(['log', '--limit', '0'])).stdout).not.toContain(away.slice(0, 10));
    expect(JSON.stringify(await json(['log', '--limit', '0']))).not.toContain(away);
    const before = (await c(['export'])).stdout;
    const again = await c(['import', colleague]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`(${away}): this person was erased from this database for their safety: --skip-erased imports the rest of the file without them`);
    expect((await c(['export'])).stdout).toBe(before);
    expect((await c(['import', colleague, '--restore-erased'])).code).toBe(0);
    expect((await json(['show', 'K. Musakhanuly'])).id).toBe(away);
  });

  it('follows a chain of merges (A into B, B into C)', async () => {
    const ids: string[] = [];
    for (const name of ['Zeb Quix', 'Zebulon Quix', 'Zebulon Quixotica']) ids.push((await json(['add', 'person', name, '--new'])).id as string);
    const [a, b, kept] = ids as [string, string, string];
    const old = `${db}.before.json`;
    writeFileSync(old, (await c(['export'])).stdout);
    expect((await c(['merge', a, b, '--force'])).code).toBe(0);
    expect((await c(['merge', b, kept, '--force'])).code).toBe(0);
    expect((await c(['erase', kept, '--force'])).code).toBe(0);
    const log = JSON.stringify(await json(['log', '--limit', '0']));
    for (const id of ids) expect(log).not.toContain(id);
    // Each of them alone, as an export of theirs would bring them back.
    const all = JSON.parse(readFileSync(old, 'utf8')) as { people: Array<{ id: string }> };
    for (const id of ids) {
      const one = `${db}.${id}.json`;
      writeFileSync(one, JSON.stringify({ ...all, people: all.people.filter((p) => p.id === id) }));
      expect((await c(['import', one])).stderr).toContain(`(${id}): this person was erased from this database`);
    }
  });

  it('leaves alone a record whose merge was undone, even once deleted: it is someone else', async () => {
    const a = (await json(['add', 'person', 'Zeb Quix', '--new'])).id as string;
    const kept = (await json(['add', 'person', 'Zebulon Quixotica', '--new'])).id as string;
    const all = JSON.parse((await c(['export'])).stdout) as { people: Array<{ id: string }> };
    const onlyA = `${db}.a.json`;
    writeFileSync(onlyA, JSON.stringify({ ...all, people: all.people.filter((p) => p.id === a) }));
    await c(['merge', a, kept, '--force']);
    expect((await c(['undo'])).code).toBe(0);
    expect((await c(['delete', a, '--force'])).code).toBe(0);
    const r = await c(['erase', kept, '--force']);
    expect(r.stderr).toMatch(/^Erased one person with/);
    expect((await c(['import', onlyA, '--replace'])).code).toBe(0);
    expect((await json(['show', a])).name).toBe('Zeb Quix');
  });
});
