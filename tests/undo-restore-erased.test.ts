// Undoing an import --restore-erased made by mistake: the person is erased again, as the erase left
// them, with nothing of them in the change log or the file (not even what the undo itself logged).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2026-11-24' });
const onDisk = (text: string) => ['', '-wal', '-journal'].filter((s) => existsSync(db + s)).some((s) => readFileSync(db + s).includes(Buffer.from(text)));

beforeEach(() => {
  db = tempDb();
});

async function restoredThenUndone(extra: string[][] = []): Promise<{ undo: string; old: string }> {
  for (const args of [
    ['add', 'case', '--ref', 'EUR 57/1572/2019', '--title', 'Detained'],
    ['add', 'person', 'Kaster Musakhanuly', '--case', 'EUR 57/1572/2019'],
    ['add', 'person', 'Murat Tuleuov', '--case', 'EUR 57/1572/2019'],
    ['add', 'event', 'Murat Tuleuov', '--type', 'release', '--date', '2026-11-01', '--summary', 'Murat Tuleuov released on bail in Almaty'],
    ...extra,
  ]) expect((await c(args)).code).toBe(0);
  const old = join(dirname(db), 'old.json');
  writeFileSync(old, (await c(['export'])).stdout);
  expect((await c(['erase', 'Murat Tuleuov', '--force'])).code).toBe(0);
  expect(onDisk('Tuleuov')).toBe(false);
  const restore = await c(['import', old, '--restore-erased', '--replace']);
  expect(restore.code).toBe(0);
  expect(onDisk('Tuleuov')).toBe(true);
  const undo = await c(['undo']);
  expect(undo.code).toBe(0);
  return { undo: undo.stdout + undo.stderr, old };
}

describe('undo of an import that brought back someone erased', () => {
  it('erases them again: nothing of them in the log or the file, and says so', async () => {
    const { undo, old } = await restoredThenUndone();
    expect(undo).toMatch(/removed Murat Tuleuov \[p-\w+\] and 1 other record/);
    expect(undo).toMatch(/Murat Tuleuov \[p-\w+\] had been erased here for their safety before the import brought them back: erased again, the change log keeps nothing of them and the file was rewritten/);
    expect((await c(['log', '--limit', '0'])).stdout).not.toContain('Tuleuov');
    expect(onDisk('Tuleuov')).toBe(false);
    expect(onDisk('Almaty')).toBe(false);
    // Erased as before: the old export is refused again, and undo stops at the erase.
    expect((await c(['import', old])).stderr).toContain('this person was erased from this database for their safety');
    expect((await c(['undo'])).stderr).toContain('undo stops at the erase');
  });

  it('keeps what they shared with others as the erase left it', async () => {
    await restoredThenUndone([['add', 'event', 'Kaster Musakhanuly', 'Murat Tuleuov', '--type', 'detention', '--date', '2026-11-05',
      '--summary', 'Kaster Musakhanuly and Murat Tuleuov detained']]);
    expect((await c(['timeline', 'Kaster Musakhanuly'])).stdout).toContain('Kaster Musakhanuly and [erased] detained');
    expect((await c(['log', '--limit', '0'])).stdout).not.toContain('Tuleuov');
    expect(onDisk('Tuleuov')).toBe(false);
  });

  it('walks back past the undone import to the erase, however often the restore was undone', async () => {
    const { old } = await restoredThenUndone();
    expect((await c(['import', old, '--restore-erased'])).code).toBe(0);
    expect((await c(['undo'])).code).toBe(0);
    expect((await c(['log', '--limit', '0'])).stdout).not.toContain('Tuleuov');
    const r = await c(['undo']);
    expect(r.stderr).toContain('undo stops at the erase');
    expect(r.stderr).not.toContain('older caselog');
  });
});
