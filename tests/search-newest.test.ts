// Of many records that match a word alike, search lists the newest first: the oldest first hid the
// latest news behind "More matches than these 20 are not shown".
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2026-11-24' });

beforeEach(() => {
  db = tempDb();
});

describe('a word in more records than search shows', () => {
  it('shows the newest of those that match alike, and says more are left out', async () => {
    expect((await c(['add', 'person', 'Ali Veli'])).code).toBe(0);
    const ids: string[] = [];
    for (let i = 1; i <= 22; i++) {
      const day = `2025-${String(Math.ceil(i / 2)).padStart(2, '0')}-${i % 2 === 0 ? '20' : '05'}`;
      const r = await c(['--json', 'add', 'event', 'Ali Veli', '--date', day, '--type', 'detention', '--summary', `Held in detention centre ${i}`]);
      ids.push(JSON.parse(r.stdout).id);
    }
    const shown = JSON.parse((await c(['--json', 'search', 'detention'])).stdout).filter((h: { kind: string }) => h.kind === 'event').map((h: { id: string }) => h.id);
    expect(shown).toHaveLength(20);
    expect(shown).toContain(ids[21]);
    expect(shown).toContain(ids[20]);
    expect(shown).not.toContain(ids[0]);
    expect((await c(['search', 'detention'])).stderr).toMatch(/more matches/i);
  });
});

describe('a timeline where an account lies beside two accounts of the same day', () => {
  it('says "reports vary" for it once', async () => {
    await c(['add', 'person', 'Kasim Mahpir']);
    for (const s of ['A', 'B', 'C']) await c(['add', 'source', '--title', `Report ${s}`, '--ref', `AI ${s}`]);
    await c(['add', 'event', 'Kasim Mahpir', '--date', 'Feb 1999', '--type', 'arrest', '--summary', 'Arrested in February', '--source', 'AI A']);
    await c(['add', 'event', 'Kasim Mahpir', '--date', 'Feb 1999', '--type', 'arrest', '--summary', 'Detained by police in February', '--source', 'AI B']);
    await c(['add', 'event', 'Kasim Mahpir', '--date', '11 February 1999', '--type', 'arrest', '--summary', 'Arrested on 11 February', '--source', 'AI C']);
    await c(['add', 'event', 'Kasim Mahpir', '--date', '25 February 1999', '--type', 'arrest', '--summary', 'Arrested on 25 February', '--source', 'AI C']);
    const lines = (await c(['timeline', 'Kasim Mahpir'])).stdout.split('\n').filter((l) => l.includes('in another account'));
    expect(lines.length).toBeGreaterThan(0);
    expect(new Set(lines).size).toBe(lines.length);
  });
});
