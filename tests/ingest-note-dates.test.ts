// caselog ingest: a research note dated in a line under its heading, with "next week" and a day to
// call back by. The note's date is the dateline's, never the call-back day's; "next week" is a day
// after the note's date, not a month that fell due before it.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

let db: string;
beforeEach(() => { db = tempDb(); });

const NOTE = '# Research note: Murager Alimuly, follow-up\n\n*Desk note, 24 July 2020, by K. Ospanova*\n\n## Summary\n\n'
  + 'Spoke by phone with his lawyer today. Murager Alimuly was sentenced on 21 January 2020. '
  + 'Murager Alimuly is expected to be released next week.\n\n## Next steps\n\n- Call the lawyer again before 7 August 2020.\n';

const proposals = async (text: string, extra: string[] = []) => {
  const r = await caselog(['--json', 'ingest', fileOf('note.md', text), '--dry-run', ...extra], { db, today: '2020-07-24' });
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as { source: { date: string | null }; candidates: Array<{ kind: string; date?: string; label?: string }> };
};

describe('a note dated under its heading', () => {
  it('takes its date from the "Desk note, 24 July 2020, by ..." line, not from the day to call back by', async () => {
    const p = await proposals(NOTE);
    expect(p.source.date).toBe('2020-07-24');
  });

  it('without that line, does not take the call-back day as its date', async () => {
    const p = await proposals(NOTE.replace(/\*Desk note[^\n]*\n\n/, ''));
    expect(p.source.date).toBe('2020-01-21');
  });
});

describe('"expected to be released next week"', () => {
  it('falls due a week after the note\'s date, not on the first of its month', async () => {
    const p = await proposals(NOTE, ['--date', '2020-07-24']);
    const release = p.candidates.find((c) => c.kind === 'deadline' && /released/.test(c.label ?? ''));
    expect(release?.date).toBe('2020-07-31');
    expect((await caselog(['ingest', fileOf('note.md', NOTE), '--date', '2020-07-24', '--yes'], { db, today: '2020-07-24' })).code).toBe(0);
    const due = (await caselog(['due'], { db, today: '2020-07-24' })).stdout;
    expect(due).toMatch(/expected to be released.*31 July 2020 \(in 7 days\)/);
    expect(due).not.toContain('overdue');
  });
});
