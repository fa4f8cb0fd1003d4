// A timeline lists every event, those dated after today too (a release expected when a sentence
// ends), under a heading whose status counts only what has happened: such an event says so.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[], today = '2026-11-24') => caselog(args, { db, today });

beforeEach(async () => {
  db = tempDb();
  await c(['add', 'case', '--ref', 'UA 5/26', '--title', 'Fear of torture']);
  await c(['add', 'person', 'Omar Said', '--case', 'UA 5/26', '--risk', 'torture']);
  await c(['add', 'event', 'Omar Said', '--date', '2026-10-01', '--type', 'arrest', '--summary', 'Arrested at home']);
  await c(['add', 'event', 'Omar Said', '--date', '2026-12-15', '--type', 'release', '--summary', 'Release expected when his sentence ends']);
  await c(['add', 'event', 'Omar Said', '--date', '2026-11', '--type', 'transfer', '--summary', 'Moved to another prison this month']);
});

describe('a timeline with an event dated after today', () => {
  it('marks that event, and only it, in a person\'s and a case\'s timeline', async () => {
    for (const who of ['Omar Said', 'UA 5/26']) {
      const lines = (await c(['timeline', who])).stdout.split('\n');
      expect(lines[0]).toMatch(who === 'Omar Said' ? /^Omar Said — detained/ : /^UA 5\/26/);
      expect(lines.filter((l) => l.includes('after today'))).toEqual([expect.stringMatching(/^15 December 2026\s+release\b/)]);
    }
  });

  it('no longer marks it once that day has come', async () => {
    expect((await c(['timeline', 'Omar Said'], '2026-12-15')).stdout).not.toContain('after today');
  });
});
