// caselog ingest: a day and month without a year, in a document that tells what has happened.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2026-11-24' });

beforeEach(() => {
  db = tempDb();
});

interface Proposals { candidates: Array<{ kind: string; date?: string; approximate?: boolean; note?: string; label?: string; type?: string; text: string }> }
const dryRun = async (text: string): Promise<Proposals> => {
  const r = await c(['--json', 'ingest', fileOf('notes.txt', text), '--dry-run']);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Proposals;
};
const facts = (p: Proposals) => p.candidates.filter((x) => x.kind === 'event' || x.kind === 'deadline')
  .map((x) => `${x.kind} ${x.date}${x.approximate ? '~' : ''} ${x.kind === 'event' ? x.type : x.label}: ${x.text}`);

// Undated: its date is taken as the latest full date it mentions, 20 February 2022.
const NOTES = 'Shymkent Lawyers Solidarity - notes from the family\n\n'
  + 'Daniyar Ospanov was taken into custody on the night of 8 to 9 June in Shymkent.\n'
  + 'A hearing in the case of Daniyar Ospanov took place on 20 February 2022 at the city court.\n'
  + 'Daniyar Ospanov began a hunger strike around 25 May.\n'
  + 'The appeal of Daniyar Ospanov will be heard on 3 March.\n';

describe('a day and month without a year', () => {
  it('told as past, is its latest day on or before the document\'s date: an event, not a deadline', async () => {
    const shown = facts(await dryRun(NOTES));
    expect(shown).toContain('event 2021-06-08 arrest: Daniyar Ospanov was taken into custody on the night of 8 to 9 June in Shymkent.');
    expect(shown).toContain('event 2021-05-25~ other: Daniyar Ospanov began a hunger strike around 25 May.');
    // What will be still looks ahead, to the next such day.
    expect(shown.filter((s) => s.startsWith('deadline'))).toEqual([
      'deadline 2022-03-03 hearing: The appeal of Daniyar Ospanov will be heard on 3 March.',
    ]);
  });

  it('is what --yes records', async () => {
    expect((await c(['ingest', fileOf('notes.txt', NOTES), '--yes'])).code).toBe(0);
    const timeline = await c(['timeline', 'Daniyar Ospanov']);
    expect(timeline.stdout).toContain('8 June 2021');
    expect(timeline.stdout).not.toContain('8 June 2022');
    const due = await c(['due', '--within', '100000']);
    expect(due.stdout).not.toContain('custody');
  });

  it('keeps the words of "the night of" out of a deadline\'s note, whole', async () => {
    const p = await dryRun('Almaty, 1 February 2030\n\nAida Bekova must report to the police on the morning of 9 February.\n');
    expect(p.candidates.filter((x) => x.kind === 'deadline').map((x) => `${x.date} ${x.label}`)).toEqual(['2030-02-09 Aida Bekova must report to the police']);
  });
});
