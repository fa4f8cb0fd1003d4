// caselog ingest: where the document's own date comes from, and what counts from it ("yesterday").
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2027-03-20' });
const BODY = '\n\nIlyas Zordun was arrested yesterday by police in Tehran.\nHe had been released on 13 March 2027 after an earlier arrest.\n';

beforeEach(() => {
  db = tempDb();
});

describe('a first line of a reference and a date', () => {
  it.each([
    'UA 12/27, 14 March 2027',
    'UA 12/27 (14 March 2027)',
    'UA 12/27 \u2013 14 March 2027',
  ])('"%s" dates the document, and "yesterday" counts from it', async (first) => {
    const r = await c(['ingest', fileOf('ua-12-27.txt', first + BODY), '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Source: UA 12\/27, "ua 12 27", 14 March 2027$/m);
    expect(r.stdout).toContain('13 March 2027  event arrest \u2014 Ilyas Zordun\n  "Ilyas Zordun was arrested yesterday');
    // The document's own reference is no report it cites.
    expect(r.stdout).not.toContain('UA 12/27 issued');
  });

  it('is what --yes records: the source on 14 March, the arrest on 13 March', async () => {
    const r = await c(['ingest', fileOf('ua-12-27.txt', `UA 12/27, 14 March 2027${BODY}`), '--yes']);
    expect(r.code).toBe(0);
    const exported = JSON.parse((await c(['export', '--format', 'json'])).stdout) as {
      sources: Array<{ ref: string; date: { date: string } }>; events: Array<{ type: string; date: { date: string } }>;
    };
    expect(exported.sources.map((s) => `${s.ref} ${s.date.date}`)).toEqual(['UA 12/27 2027-03-14']);
    expect(exported.events.map((e) => `${e.date.date} ${e.type}`).sort()).toEqual(['2027-03-13 arrest', '2027-03-13 release']);
  });

  it('set off in brackets, it stays a document cited: its issue is an event, and it dates nothing else', async () => {
    const r = await c(['ingest', fileOf('fi.txt', `(EUR 57/12/98, 15 October 1998)${BODY}`), '--dry-run']);
    expect(r.stdout).toContain('15 October 1998  event report\n  "EUR 57/12/98 issued"');
    expect(r.stdout).toMatch(/^Source: .*, 13 March 2027$/m);
    expect(r.stdout).toContain('12 March 2027  event arrest');
  });
});

describe('a note when "yesterday" counts from a guessed date, or from none', () => {
  const GUESSED = 'Ilyas Zordun was arrested yesterday by police in Tehran.\nHe had been released on 10 March 2027 after an earlier arrest.\nTwo days ago his brother Kasim Mahpir was detained in Tabriz.\n';

  it('says the date was taken as the latest one mentioned, and what counts from it', async () => {
    const r = await c(['ingest', fileOf('undated.txt', GUESSED), '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('note: the document does not give its own date; it was taken as 10 March 2027, the latest date it mentions, leaving out deadlines and documents it cites, in "He had been released on 10 March 2027 after an earlier arrest."; "yesterday" and "Two days ago" are counted from it (give --date DATE if the document is of another day)\n');
    expect(r.stdout).toContain('9 March 2027  event arrest \u2014 Ilyas Zordun');
    // The flag it names is the one ingest has: given, the dates count from it and nothing is noted.
    const given = await c(['ingest', fileOf('undated.txt', GUESSED), '--dry-run', '--date', '2027-03-14']);
    expect(given.stdout).toContain('13 March 2027  event arrest \u2014 Ilyas Zordun');
    expect(given.stderr).not.toContain('note:');
  });

  it('says it on stderr with --yes, and keeps --json on stdout pure JSON', async () => {
    const yes = await c(['ingest', fileOf('undated.txt', GUESSED), '--yes']);
    expect(yes.stderr).toContain('note: the document does not give its own date; it was taken as 10 March 2027');
    const json = await c(['--json', 'ingest', fileOf('undated.txt', GUESSED), '--dry-run']);
    expect(() => JSON.parse(json.stdout) as unknown).not.toThrow();
    expect(json.stdout).not.toContain('note:');
    expect(json.stderr).toContain('"yesterday" and "Two days ago" are counted from it');
  });

  it('says nothing of a dateline; of a guessed date nothing counts from, only that it is a guess', async () => {
    expect((await c(['ingest', fileOf('ua.txt', `UA 12/27, 14 March 2027${BODY}`), '--dry-run'])).stderr).not.toContain('note:');
    // "three days later" counts from the date before it; "yesterday" here dates nothing proposed.
    const text = 'Ilyas Zordun was detained on 10 March 2027 and released three days later.\nThe ministry said yesterday that it would not comment.\n';
    const r = await c(['ingest', fileOf('plain.txt', text), '--dry-run']);
    expect(r.stdout).toContain('13 March 2027  event release');
    expect(r.stderr).toBe('note: the document does not give its own date; it was taken as 10 March 2027, the latest date it mentions, leaving out deadlines and documents it cites, '
      + 'in "Ilyas Zordun was detained on 10 March 2027 and released three days later." (give --date DATE if the document is of another day)\n');
  });

  it('says so of a date without a year ("on 5 March"), which took the year of the guessed date', async () => {
    // Only "yesterday" was noted: "5 March" took its year as silently, from the same guess.
    const text = 'Ilyas Zordun was arrested on 5 March by police in Tehran.\nHe had been released on 10 March 2027 after an earlier arrest.\n';
    const r = await c(['ingest', fileOf('yearless.txt', text), '--dry-run']);
    expect(r.stdout).toContain('5 March 2027  event arrest \u2014 Ilyas Zordun');
    expect(r.stderr).toBe('note: the document does not give its own date; it was taken as 10 March 2027, the latest date it mentions, leaving out deadlines and documents it cites, in "He had been released on 10 March 2027 after an earlier arrest."; "5 March" takes its year from it (give --date DATE if the document is of another day)\n');
    const both = await c(['ingest', fileOf('undated.txt', `${GUESSED}On 2 March their cousin Ahmad Tursun was detained in Tabriz.\n`), '--dry-run']);
    expect(both.stderr).toContain('; "yesterday" and "Two days ago" are counted from it and "2 March" takes its year from it (give --date DATE');
    // Given by --date, or by a dateline, the year is the document's own: nothing to note.
    expect((await c(['ingest', fileOf('yearless.txt', text), '--dry-run', '--date', '2027-03-14'])).stderr).not.toContain('note:');
    expect((await c(['ingest', fileOf('ua.txt', `UA 12/27, 14 March 2027\n\n${text}`), '--dry-run'])).stderr).not.toContain('note:');
  });

  it('says what was left out when the document gives no date at all', async () => {
    const r = await c(['ingest', fileOf('nodate.txt', 'Ilyas Zordun was arrested yesterday by police in Tehran.\nAmnesty International said today that he is at risk.\n'), '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('event arrest');
    expect(r.stderr).toContain('note: the document gives no date of its own, so nothing dated "yesterday" was proposed (give --date DATE, the day of the document, to count it from that day)\n');
  });

  it('says so of a date without a year too, which has no year to take', async () => {
    const r = await c(['ingest', fileOf('d8.txt', 'Detentions in the north\n\nFatima Ali was released on 9 May.\n'), '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('person Fatima Ali');
    expect(r.stderr).toBe('note: the document gives no date of its own, so nothing dated "9 May" was proposed (give --date DATE, the day of the document, to take its year from it)\n');
    const both = await c(['ingest', fileOf('d9.txt', 'Fatima Ali was released on 9 May. She was detained again yesterday.\n'), '--dry-run']);
    expect(both.stderr).toContain('nothing dated "yesterday" or "9 May" was proposed (give --date DATE, the day of the document, to count "yesterday" from that day and take the year of "9 May" from it)\n');
    const dated = await c(['ingest', fileOf('d8.txt', 'Detentions in the north\n\nFatima Ali was released on 9 May.\n'), '--dry-run', '--date', '2022-06-01']);
    expect(dated.stdout).toContain('9 May 2022  event release \u2014 Fatima Ali');
    expect(dated.stderr).not.toContain('note:');
  });
});

describe('where the source\'s date came from, in the note and in --json', () => {
  interface Source { date: string | null; dateFrom: string | null; dateGuessedFrom: string | null }
  const sourceOf = async (name: string, text: string, extra: string[] = []) => {
    const r = await c(['--json', 'ingest', fileOf(name, text), '--dry-run', ...extra]);
    expect(r.code).toBe(0);
    return { source: (JSON.parse(r.stdout) as { source: Source }).source, stderr: r.stderr };
  };
  // Like an old Urgent Action follow-up: no date of its own, only the dates of what it reports.
  const FOLLOW_UP = 'Further information on UA 31/05 (ASA 17/0099/2005, 2 March 2005) - Fear of torture\n\n'
    + 'Local radio said on 20 April 2005 that the border guards had handed Rustam Aliev to the police of his own country.\n'
    + 'Rustam Aliev had been held in the border town since the end of 2004.\n';

  it('says a guessed date is a guess, and which sentence gave it, though nothing counts from it', async () => {
    const { source, stderr } = await sourceOf('fi.txt', FOLLOW_UP);
    expect(source).toMatchObject({ date: '2005-04-20', dateFrom: 'guessed' });
    expect(source.dateGuessedFrom).toBe('Local radio said on 20 April 2005 that the border guards had handed Rustam Aliev to the police of his own country.');
    expect(stderr).toContain('note: the document does not give its own date; it was taken as 20 April 2005, the latest date it mentions, leaving out deadlines and documents it cites, '
      + 'in "Local radio said on 20 April 2005 that the border guards had handed Rustam..." (give --date DATE if the document is of another day)\n');
  });

  it('calls a dateline\'s date the document\'s own, and --date the flag\'s', async () => {
    expect((await sourceOf('ua.txt', `UA 12/27, 14 March 2027${BODY}`)).source).toMatchObject({ date: '2027-03-14', dateFrom: 'document', dateGuessedFrom: null });
    const given = await sourceOf('fi.txt', FOLLOW_UP, ['--date', '2005-04-25']);
    expect(given.source).toMatchObject({ date: '2005-04-25', dateFrom: 'flag', dateGuessedFrom: null });
    expect(given.stderr).not.toContain('note:');
  });

  it('takes a byline\'s date ("News release \u2014 Gulf Rights Watch, 4 March 2024") as the document\'s own, though a later date is mentioned', async () => {
    const md = '# Bahrain: poet sentenced over a poem\n\n**News release \u2014 Gulf Rights Watch, 4 March 2024**\n\n'
      + 'The poet Hasan Jaber was sentenced on 1 March 2024 to three years in prison.\n\nHis appeal hearing is set for 6 May 2024.\n';
    const { source, stderr } = await sourceOf('release.md', md);
    expect(source).toMatchObject({ date: '2024-03-04', dateFrom: 'document' });
    expect(stderr).not.toContain('note:');
  });
});
