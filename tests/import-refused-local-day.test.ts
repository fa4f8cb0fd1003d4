// An import refused for a record edited here names the day of that edit as log shows it: the
// reader's local day, not the UTC day the change log stores (they differ for hours of every day
// far from UTC). Run here under the zones the date tests use, each with a moment whose UTC day differs.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

const original = process.env.TZ;

afterEach(() => {
  vi.useRealTimers();
  if (original === undefined) delete process.env.TZ;
  else process.env.TZ = original;
});

describe('import refused for a record edited here', () => {
  it.each([
    // Fourteen hours ahead of UTC: 20:00 UTC on the 24th is 10:00 on the 25th.
    ['Pacific/Kiritimati', '2026-11-24T20:00:00Z', '2026-11-25 10:00', '25 November 2026'],
    // Eight hours behind: 03:00 UTC on the 25th is 19:00 on the 24th.
    ['America/Los_Angeles', '2026-11-25T03:00:00Z', '2026-11-24 19:00', '24 November 2026'],
  ])('under %s, says the day of the edit as log shows it', async (zone, instant, logged, day) => {
    process.env.TZ = zone;
    const db = tempDb();
    const c = (args: string[]) => caselog(args, { db, today: '2026-11-20' });
    await c(['add', 'case', '--ref', 'UA 1/26', '--title', 'Fear of torture']);
    await c(['add', 'deadline', 'UA 1/26', '--date', '2026-12-01', '--note', 'check']);
    const file = fileOf('older.json', (await c(['export'])).stdout);
    const id = JSON.parse((await c(['--json', 'due', '--within', '99'])).stdout)[0].id as string;
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(instant));
    await c(['edit', id, '--note', 'check with the lawyer']);
    vi.useRealTimers();
    expect((await c(['--no-color', 'log'])).stdout).toMatch(new RegExp(`^${logged} .*edit`));
    const r = await c(['import', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`: 1 record here differs from the file's and would be overwritten: deadline d-\\w+ \\(note; edited here ${day}\\); nothing was imported`));
  });
});
