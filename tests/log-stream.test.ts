// The whole change log is written a few entries at a time (a log of a million changes held at once,
// and as one JSON string, ran out of memory), and reads exactly as it did written at once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { logChunk } from '../src/commands/log';
import { caselog, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(['--no-color', ...args], { db, today: '2026-11-24' });
const size = logChunk.size;

beforeEach(async () => {
  db = tempDb();
  await c(['add', 'case', '--ref', 'C-1', '--title', 'asylum appeal']);
  await c(['add', 'person', 'Dawit Kebede', '--case', 'C-1']);
  await c(['add', 'source', '--title', 'Decision letter', '--ref', 'DL-1']);
  await c(['add', 'event', 'Dawit Kebede', '--date', '2026-11-01', '--type', 'asylum-decision', '--summary', 'refused', '--source', 'DL-1']);
  await c(['edit', 'C-1', '--title', 'asylum appeal, second']);
});
afterEach(() => {
  logChunk.size = size;
});

describe('log --limit 0 written a piece at a time', () => {
  it('prints the same text and the same JSON as the whole log written at once, and says a cut log is cut', async () => {
    for (const args of [['log', '--limit', '0'], ['--json', 'log', '--limit', '0'], ['log', 'Dawit Kebede'], ['--json', 'log', '--limit', '2'], ['log', '--limit', '3']]) {
      logChunk.size = 1000;
      const whole = await c(args);
      logChunk.size = 2;
      const pieces = await c(args);
      expect(pieces).toEqual(whole);
    }
    const json = await c(['--json', 'log', '--limit', '0']);
    const entries = JSON.parse(json.stdout) as Array<{ command: string; id: string; changed: Array<{ field: string }> }>;
    expect(json.stdout).toBe(`${JSON.stringify(entries, null, 2)}\n`);
    expect(entries.map((e) => e.command)).toEqual(['edit', 'add event', 'add source', 'add person', 'add case']);
    expect(entries[0]!.changed).toEqual([expect.objectContaining({ field: 'title' })]);
    const text = await c(['log', '--limit', '0']);
    expect(text.stdout).toMatch(/^.* {2}edit {2}case c-\w{8} "C-1"\n {4}title: asylum appeal → asylum appeal, second\n/);
    expect(text.stdout.match(/^\S/gm)).toHaveLength(5);
    const cut = await c(['log', '--limit', '3']);
    expect(cut.stdout.match(/^\S/gm)).toHaveLength(3);
    expect(cut.stderr).toBe('Only the latest 3 changes shown, of more: caselog log --limit 0 shows them all\n');
  });
});
