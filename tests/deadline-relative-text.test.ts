// A deadline typed as "tomorrow" or "in 2 weeks" keeps the day it came to as its words: a script
// reading due --json weeks later (a reminder e-mail) would otherwise write "tomorrow" of a day long past.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let db: string;
beforeEach(async () => {
  db = tempDb();
  expect((await caselog(['add', 'case', '--ref', 'AS 1', '--title', 'Appeal'], { db, today: '2026-11-24' })).code).toBe(0);
});

describe('a deadline typed counted from today', () => {
  it.each([['tomorrow', '2026-11-25', '25 November 2026'], ['in 2 weeks', '2026-12-08', '8 December 2026']])('%s: its dateText is the day, read later', async (typed, iso, words) => {
    expect((await caselog(['add', 'deadline', 'AS 1', '--date', typed, '--note', 'lodge the appeal'], { db, today: '2026-11-24' })).code).toBe(0);
    const due = JSON.parse((await caselog(['--json', 'due', '--within', '60'], { db, today: '2026-12-15' })).stdout) as Array<{ date: string; dateText: string }>;
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({ date: iso, dateText: words });
    const exported = (await caselog(['export', '--format', 'json'], { db })).stdout;
    expect(exported).not.toContain(typed);
  });
});
