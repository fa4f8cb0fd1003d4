// An export made before an erase holds the texts the erase rewrote as they were, with a name the
// erase memory cannot tell: an alias taken away before the erase (person unalias) is in no record of
// the person in the file. Imported again (import --replace --skip-erased), such a text stays as the
// erase left it here.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2026-11-23' });
const json = async (args: string[]) => JSON.parse((await c(['--json', ...args])).stdout);
const onDisk = (text: string) => ['', '-wal', '-journal'].filter((s) => existsSync(db + s)).some((s) => readFileSync(db + s).toString('utf8').includes(text));
const summaryOf = async (id: string) => (await json(['timeline', 'Murager Alimuly'])).events.find((e: { id: string }) => e.id === id).summary as string;

beforeEach(async () => {
  db = tempDb();
  await c(['add', 'case', '--ref', 'UA 5/26', '--title', 'Detentions']);
  await c(['add', 'person', 'Kaster Musakhanuly', '--alias', 'Qaster Musakhanuly', '--case', 'UA 5/26']);
  await c(['add', 'person', 'Murager Alimuly', '--case', 'UA 5/26']);
});

describe('import of an export made before an erase', () => {
  it('keeps out an alias taken away before the erase, in the record and on disk; a text changed otherwise is the file\'s', async () => {
    const held = (await json(['add', 'event', 'Murager Alimuly', '--date', '2026-11-02', '--type', 'detention', '--summary', 'Held with Qaster Musakhanuly'])).id as string;
    const moved = (await json(['add', 'event', 'Murager Alimuly', '--date', '2026-11-03', '--type', 'statement', '--summary', 'Moved'])).id as string;
    expect((await c(['person', 'unalias', 'Kaster Musakhanuly', 'Qaster Musakhanuly'])).code).toBe(0);
    const file = `${db}.before-erase.json`;
    writeFileSync(file, (await c(['export'])).stdout);
    expect((await c(['erase', 'Kaster Musakhanuly', '--force'])).code).toBe(0);
    expect(await summaryOf(held)).toBe('Held with [erased]');
    expect((await c(['edit', moved, '--summary', 'Moved to prison 3'])).code).toBe(0);
    const r = await c(['import', file, '--replace', '--skip-erased']);
    expect(r.code, r.stderr).toBe(0);
    expect(await summaryOf(held)).toBe('Held with [erased]');
    expect(await summaryOf(moved)).toBe('Moved');
    expect((await c(['export'])).stdout).not.toContain('Qaster');
    expect(JSON.stringify(await json(['log', '--limit', '0']))).not.toContain('Qaster');
    expect(onDisk('Qaster')).toBe(false);
  });
});
