// An erase takes out the names a person once had as well as those they have now: an alias taken
// away (person unalias) or a name before a correction still stands in other people's records, and
// an import of an export made before the erase does not bring one back.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2026-11-23' });
const json = async (args: string[]) => JSON.parse((await c(['--json', ...args])).stdout);
const onDisk = (text: string) => ['', '-wal'].filter((s) => existsSync(db + s)).some((s) => readFileSync(db + s).toString('utf8').includes(text));
const summaryOf = async (who: string, id: string) => (await json(['timeline', who])).events.find((e: { id: string }) => e.id === id).summary as string;

beforeEach(async () => {
  db = tempDb();
  await c(['add', 'case', '--ref', 'UA 5/26', '--title', 'Detentions']);
  await c(['add', 'person', 'Kaster Musakhanuly', '--alias', 'Qaster Musakhanuly', '--case', 'UA 5/26']);
  await c(['add', 'person', 'Murager Alimuly', '--case', 'UA 5/26']);
});

describe('erase and the names a person had', () => {
  it('replaces an alias taken away before the erase, in records, the change log and the file', async () => {
    const event = (await json(['add', 'event', 'Murager Alimuly', '--date', '2026-11-02', '--type', 'detention', '--summary', 'Held with Qaster Musakhanuly'])).id as string;
    expect((await c(['person', 'unalias', 'Kaster Musakhanuly', 'Qaster Musakhanuly'])).code).toBe(0);
    const r = await c(['erase', 'Kaster Musakhanuly', '--force']);
    expect(r.code, r.stderr).toBe(0);
    expect(await summaryOf('Murager Alimuly', event)).toBe('Held with [erased]');
    expect(JSON.stringify(await json(['log', '--limit', '0']))).not.toContain('Qaster');
    expect(onDisk('Qaster')).toBe(false);
  });

  it('replaces a name they had before a correction', async () => {
    await c(['add', 'person', 'Aidos Kenzhebekov', '--case', 'UA 5/26']);
    const event = (await json(['add', 'event', 'Murager Alimuly', '--date', '2026-11-02', '--type', 'detention', '--summary', 'Aidos Kenzhebekov was taken too'])).id as string;
    expect((await c(['edit', 'Aidos Kenzhebekov', '--name', 'Aidos Kenzhebek'])).code).toBe(0);
    expect((await c(['person', 'unalias', 'Aidos Kenzhebek', 'Aidos Kenzhebekov'])).code).toBe(0);
    expect((await c(['erase', 'Aidos Kenzhebek', '--force'])).code).toBe(0);
    expect(await summaryOf('Murager Alimuly', event)).toBe('[erased] was taken too');
  });

  it('replaces a former alias of a duplicate merged into them', async () => {
    await c(['add', 'person', 'K. Musakhan', '--alias', 'Nurlan Abenov', '--new']);
    const event = (await json(['add', 'event', 'Murager Alimuly', '--date', '2026-11-02', '--type', 'detention', '--summary', 'Olga saw Nurlan Abenov'])).id as string;
    expect((await c(['person', 'unalias', 'K. Musakhan', 'Nurlan Abenov'])).code).toBe(0);
    expect((await c(['merge', 'K. Musakhan', 'Kaster Musakhanuly', '--force'])).code).toBe(0);
    expect((await c(['erase', 'Kaster Musakhanuly', '--force'])).code).toBe(0);
    expect(await summaryOf('Murager Alimuly', event)).toBe('Olga saw [erased]');
    expect(onDisk('Abenov')).toBe(false);
  });

  it('leaves a former alias that another tracked person has now: it was taken away as theirs', async () => {
    await c(['person', 'unalias', 'Kaster Musakhanuly', 'Qaster Musakhanuly']);
    await c(['add', 'person', 'Qaster Musakhanuly', '--new', '--case', 'UA 5/26']);
    const event = (await json(['add', 'event', 'Murager Alimuly', '--date', '2026-11-02', '--type', 'detention', '--summary', 'Held with Qaster Musakhanuly'])).id as string;
    expect((await c(['erase', 'Kaster Musakhanuly', '--force'])).code).toBe(0);
    expect(await summaryOf('Murager Alimuly', event)).toBe('Held with Qaster Musakhanuly');
  });
});

describe('import of an export made before the erase', () => {
  // The file's record of the person no longer has the alias, and the erase memory keeps no names:
  // the text here, as the erase left it, is what tells.
  it('keeps out an alias taken away before the erase, in the record and on disk; a text changed otherwise is the file\'s', async () => {
    const held = (await json(['add', 'event', 'Murager Alimuly', '--date', '2026-11-02', '--type', 'detention', '--summary', 'Held with Qaster Musakhanuly'])).id as string;
    const moved = (await json(['add', 'event', 'Murager Alimuly', '--date', '2026-11-03', '--type', 'statement', '--summary', 'Moved'])).id as string;
    expect((await c(['person', 'unalias', 'Kaster Musakhanuly', 'Qaster Musakhanuly'])).code).toBe(0);
    const file = `${db}.before-erase.json`;
    writeFileSync(file, (await c(['export'])).stdout);
    expect((await c(['erase', 'Kaster Musakhanuly', '--force'])).code).toBe(0);
    expect(await summaryOf('Murager Alimuly', held)).toBe('Held with [erased]');
    expect((await c(['edit', moved, '--summary', 'Moved to prison 3'])).code).toBe(0);
    const r = await c(['import', file, '--replace', '--skip-erased']);
    expect(r.code, r.stderr).toBe(0);
    expect(await summaryOf('Murager Alimuly', held)).toBe('Held with [erased]');
    expect(await summaryOf('Murager Alimuly', moved)).toBe('Moved');
    expect((await c(['export'])).stdout).not.toContain('Qaster');
    expect(JSON.stringify(await json(['log', '--limit', '0']))).not.toContain('Qaster');
    expect(onDisk('Qaster')).toBe(false);
  });
});
