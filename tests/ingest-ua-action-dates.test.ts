// caselog ingest: an Urgent Action in Amnesty's later layout, whose header labels its own date among
// other fields and whose closing line says until when to act.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2026-11-24' });

beforeEach(() => {
  db = tempDb();
});

interface Proposals {
  source: { ref: string | null; date: string | null };
  candidates: Array<{ kind: string; date?: string; note?: string; label?: string; type?: string }>;
}
const dryRun = async (name: string, text: string): Promise<Proposals> => {
  const r = await c(['--json', 'ingest', fileOf(name, text), '--dry-run']);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Proposals;
};
const deadlines = (p: Proposals) => p.candidates.filter((x) => x.kind === 'deadline').map((x) => `${x.date} ${x.label}`);

const HEADER = 'URGENT ACTION\nBLOGGER HELD WITHOUT CHARGE\nUA: 118/23 Index: MDE 12/7001/2023 Egypt Date: 2 October 2023\n\n';
const BODY = 'Karim Adel, a blogger aged 31, was arrested on 14 September 2023 at his home in Giza. He was questioned without a lawyer on 16 September 2023.\n\n';

describe('an Urgent Action dated by its header\'s "Date:"', () => {
  it('takes the labelled date as the source\'s, and the closing "UNTIL:" date as a deadline', async () => {
    const p = await dryRun('ua.txt', `${HEADER}${BODY}PLEASE TAKE ACTION AS SOON AS POSSIBLE UNTIL: 13 November 2023\n`);
    expect(p.source).toMatchObject({ ref: 'UA 118/23', date: '2023-10-02' });
    expect(deadlines(p)).toEqual(['2023-11-13 take action until this date']);
  });

  it('reads "take action before" the same way', async () => {
    const p = await dryRun('ua.txt', `${HEADER}${BODY}Please take action before 13 November 2023. Check with your section office if sending appeals after that date.\n`);
    expect(deadlines(p)).toEqual(['2023-11-13 take action until this date']);
  });

  it('does so in a saved web page too, and --yes records the source\'s date and the deadline', async () => {
    const html = '<!DOCTYPE html><html><head><title>Urgent Action</title></head><body>\n'
      + '<h1>UA 118/23 &ndash; Blogger held without charge</h1>\n<p>Index: MDE 12/7001/2023 &nbsp; Date: 2 October 2023</p>\n'
      + '<p>Karim Adel, a blogger aged 31, was arrested on 14 September 2023 at his home in Giza.</p>\n'
      + '<p>PLEASE TAKE ACTION AS SOON AS POSSIBLE UNTIL: 13 November 2023</p>\n</body></html>\n';
    const p = await dryRun('ua.html', html);
    expect(p.source.date).toBe('2023-10-02');
    expect(deadlines(p)).toEqual(['2023-11-13 take action until this date']);
    await c(['add', 'case', '--ref', 'UA 118/23', '--title', 'Blogger held']);
    expect((await c(['ingest', fileOf('ua.html', html), '--yes'])).code).toBe(0);
    const exported = JSON.parse((await c(['export', '--format', 'json'])).stdout) as {
      sources: Array<{ date: { date: string } }>; deadlines: Array<{ date: { date: string }; note: string }>;
    };
    expect(exported.sources.map((s) => s.date.date)).toEqual(['2023-10-02']);
    expect(exported.deadlines.map((d) => `${d.date.date} ${d.note}`)).toEqual(['2023-11-13 take action until this date (source: UA 118/23)']);
  });
});
