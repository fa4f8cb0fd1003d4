// caselog ingest: a day and month without a year goes back a year only when its sentence tells it as
// past; a hearing "is on", a trial "opens on", a ruling "is expected on" are ahead of the document.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2026-11-24' });

beforeEach(() => {
  db = tempDb();
});

interface Proposals { candidates: Array<{ kind: string; date?: string; note?: string; type?: string; text: string }> }
const facts = (p: Proposals) => p.candidates.filter((x) => x.kind === 'event' || x.kind === 'deadline')
  .map((x) => `${x.kind} ${x.date}: ${x.text}`);

const DOC = 'Osh, 5 January 2022\n\n'
  + 'Bakyt Toktogulov is a lawyer from Osh. The hearing of Bakyt Toktogulov is on 12 January. '
  + 'His appeal opens on 17 May. The ruling in his case is expected on 24 January. '
  + 'Bakyt Toktogulov was questioned on 22 December. Police searched his flat on 27 December, and his trial starts on 3 February.\n';

describe('a year-less date', () => {
  it('told in the present or future keeps the nearest day: ahead of the document, a deadline', async () => {
    const r = await c(['--json', 'ingest', fileOf('osh.txt', DOC), '--dry-run']);
    expect(r.code).toBe(0);
    const shown = facts(JSON.parse(r.stdout) as Proposals);
    expect(shown).toEqual(expect.arrayContaining([
      'deadline 2022-01-12: The hearing of Bakyt Toktogulov is on 12 January.',
      'deadline 2022-05-17: His appeal opens on 17 May.',
      'deadline 2022-01-24: The ruling in his case is expected on 24 January.',
      'deadline 2022-02-03: Police searched his flat on 27 December, and his trial starts on 3 February.',
    ]));
    // Told as past, it stays on or before the document's date.
    expect(shown).toContain('event 2021-12-22: Bakyt Toktogulov was questioned on 22 December.');
    expect(shown).toContain('event 2021-12-27: Police searched his flat on 27 December, and his trial starts on 3 February.');
    expect(shown.filter((s) => / 2021-0[1-5]-/.test(s))).toEqual([]);
  });

  it('--yes puts the coming hearing in due, not a year back in the timeline', async () => {
    expect((await c(['ingest', fileOf('osh.txt', DOC), '--yes'])).code).toBe(0);
    const due = await c(['due', '--within', '100000']);
    expect(due.stdout).toMatch(/12 Jan(uary)? 2022/);
    const timeline = await c(['timeline', 'Bakyt Toktogulov']);
    expect(timeline.stdout).not.toContain('2021-01-12');
    expect(timeline.stdout).not.toContain('12 January 2021');
    expect(timeline.stdout).toContain('22 December 2021');
  });
});
