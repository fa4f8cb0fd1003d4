// caselog ingest: a hearing put off to a new date leaves one date to check by, the new one; the date
// it was first set for is not an open deadline beside it.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

let db: string;
beforeEach(() => { db = tempDb(); });

const UA = 'UA 140/20 Index: ASA 41/3500/2020 Viet Nam Date: 20 December 2020\n\nACTIVIST FACES TRIAL\n\n'
  + 'Environmental activist Nguyen Van Hai was arrested in Ha Tinh on 2 October. His trial, first set for 22 December, '
  + 'has been postponed to 5 January. If convicted he faces up to 12 years in prison.\n';

describe('a trial "first set for" one day and "postponed to" another', () => {
  it('records only the new day as a deadline, and due shows that one alone', async () => {
    expect((await caselog(['ingest', fileOf('ua.txt', UA), '--yes'], { db, today: '2020-12-21' })).code).toBe(0);
    const due = await caselog(['due'], { db, today: '2020-12-21' });
    expect(due.stdout).toContain('check before 5 January 2021');
    expect(due.stdout).not.toContain('22 December');
  });

  it('does the same when the first date is said to be the original one and the second comes first', async () => {
    const text = UA.replace(/His trial[^.]*\./, 'His trial has been postponed to 5 January; it was originally scheduled for 22 December, but the court adjourned it.');
    const r = await caselog(['--json', 'ingest', fileOf('ua.txt', text), '--dry-run'], { db, today: '2020-12-21' });
    const p = JSON.parse(r.stdout) as { candidates: Array<{ kind: string; date?: string }> };
    expect(p.candidates.filter((c) => c.kind === 'deadline').map((c) => c.date)).toEqual(['2021-01-05']);
  });
});
