// Extraction quality, measured against what a caseworker takes from each document
// (tests/fixtures/ingest/*.json, written before the extractor was tuned), plus the
// behaviours the ingest command relies on.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { extractFacts } from '../src/ingest/extract';
import type { Candidate, Extraction } from '../src/ingest/extraction';
import type { Day, PartialDate } from '../src/domain/types';

interface ExpectedDate { iso: string; precision: string; type?: string; note?: string }
interface Fixture {
  document: string;
  format: 'text' | 'markdown' | 'html';
  tracked: Record<string, string>;
  source: { title?: string; publisher?: string; reference?: string; date?: { iso: string; precision: string } };
  events: ExpectedDate[];
  deadlines: ExpectedDate[];
  people: { name: string; aliases?: string[]; knownAs?: string; risks: string[] }[];
  references: string[];
}

const FIXTURES = [
  'ua-77-98-further-information-1999',
  'amnesty-public-statement-eur-57-1572-2019',
  'hrw-kazakhstan-asylum-seekers-2020',
  'extra-tajikistan-extradition-2021',
  'extra-egypt-trial-2022',
  'extra-turkey-deportation-2023',
];

const fixtureUrl = (name: string): URL => new URL(`./fixtures/ingest/${name}`, import.meta.url);
const loadFixture = (name: string): Fixture => JSON.parse(readFileSync(fixtureUrl(`${name}.json`), 'utf8')) as Fixture;
function loadDocument(fixture: Fixture): string {
  const [where, file] = fixture.document.split(':') as [string, string];
  const url = where === 'samples' ? new URL(`../../shared/samples/${file}`, import.meta.url) : fixtureUrl(file);
  return readFileSync(url, 'utf8');
}

/** The person proposed under this name: missing, the test fails (a role or age checked on nobody proves nothing). */
function proposed(cs: Candidate[], name: string): Candidate {
  const found = cs.find((c) => c.kind === 'person' && c.name === name);
  expect(found, `${name} is proposed as a person`).toBeDefined();
  return found!;
}
const TODAY_2026 = { today: { year: 2026, month: 11, day: 23 } };

const isoOf = (d: PartialDate): string =>
  [String(d.year).padStart(4, '0'), d.month && String(d.month).padStart(2, '0'), d.day && String(d.day).padStart(2, '0')].filter(Boolean).join('-');
const precisionOf = (d: PartialDate): string => (d.day ? 'day' : d.month ? 'month' : 'year');
const keyOf = (d: PartialDate): string => `${isoOf(d)}@${precisionOf(d)}`;

function lookupFrom(tracked: Record<string, string>): (name: string) => string | null {
  const byName = new Map(Object.entries(tracked).map(([name, primary]) => [name.toLowerCase(), primary]));
  return (name) => byName.get(name.toLowerCase()) ?? null;
}

interface Score { expected: number; proposed: number; matched: number; typed?: number }

/** Matches ISO + precision, each expected date at most once; types are preferred when pairing. */
function scoreDates(expected: ExpectedDate[], proposed: Candidate[]): Score {
  const open = proposed.map((c) => ({ key: keyOf(c.date!), type: c.type as string | undefined }));
  let matched = 0, typed = 0;
  const pairs = expected.map((e) => ({ key: `${e.iso}@${e.precision}`, type: e.type }));
  for (const pass of ['typed', 'any'] as const) {
    for (const e of [...pairs]) {
      const i = open.findIndex((p) => p.key === e.key && (pass === 'any' || p.type === e.type));
      if (i < 0) continue;
      matched++;
      if (e.type !== undefined && open[i]!.type === e.type) typed++;
      open.splice(i, 1);
      pairs.splice(pairs.indexOf(e), 1);
    }
  }
  return { expected: expected.length, proposed: proposed.length, matched, typed };
}

const recall = (s: Score): number => (s.expected ? s.matched / s.expected : 1);
const precision = (s: Score): number => (s.proposed ? s.matched / s.proposed : 1);
const pct = (n: number): string => `${Math.round(n * 100)}%`.padStart(4);
const add = (a: Score, b: Score): Score => ({
  expected: a.expected + b.expected, proposed: a.proposed + b.proposed, matched: a.matched + b.matched, typed: (a.typed ?? 0) + (b.typed ?? 0),
});
const zero = (): Score => ({ expected: 0, proposed: 0, matched: 0, typed: 0 });

function scorePeople(fixture: Fixture, extraction: Extraction): { people: Score; risks: Score } {
  const persons = extraction.candidates.filter((c) => c.kind === 'person');
  const namesOf = (c: Candidate): string[] => [c.name!, ...(c.aliases ?? []), ...(c.knownAs ? [c.knownAs] : [])].map((n) => n.toLowerCase());
  let matched = 0;
  const risks = zero();
  for (const expected of fixture.people) {
    const wanted = [expected.name, ...(expected.aliases ?? [])].map((n) => n.toLowerCase());
    const found = persons.find((c) => namesOf(c).some((n) => wanted.includes(n)));
    if (!found) continue;
    matched++;
    const got = found.risks ?? [];
    risks.expected += expected.risks.length;
    risks.proposed += got.length;
    risks.matched += got.filter((r) => expected.risks.includes(r)).length;
  }
  return { people: { expected: fixture.people.length, proposed: persons.length, matched }, risks };
}

const rows: string[] = [];
const totals = { events: zero(), deadlines: zero(), dates: zero(), people: zero(), risks: zero() };

describe('extraction quality against caseworker fixtures', () => {
  for (const name of FIXTURES) {
    const fixture = loadFixture(name);
    const extraction = extractFacts(loadDocument(fixture), { lookupPerson: lookupFrom(fixture.tracked), format: fixture.format });
    const byKind = (kind: Candidate['kind']): Candidate[] => extraction.candidates.filter((c) => c.kind === kind);
    const events = scoreDates(fixture.events, byKind('event'));
    const deadlines = scoreDates(fixture.deadlines.map(({ iso, precision }) => ({ iso, precision })), byKind('deadline'));
    const dates = add(events, deadlines);
    const { people, risks } = scorePeople(fixture, extraction);
    totals.events = add(totals.events, events);
    totals.deadlines = add(totals.deadlines, deadlines);
    totals.dates = add(totals.dates, dates);
    totals.people = add(totals.people, people);
    totals.risks = add(totals.risks, risks);
    rows.push(row(name, events, deadlines, dates, people, risks));

    it(`${name}: reads the source's date, reference and title`, () => {
      const { source } = extraction;
      if (fixture.source.date) expect(source.date && `${isoOf(source.date)}@${precisionOf(source.date)}`).toBe(`${fixture.source.date.iso}@${fixture.source.date.precision}`);
      expect(source.reference).toBe(fixture.source.reference);
      if (fixture.source.title) expect(source.title).toBe(fixture.source.title);
    });

    it(`${name}: finds the reference codes`, () => {
      expect(byKind('reference').map((c) => c.reference).sort()).toEqual([...fixture.references].sort());
    });

    it(`${name}: proposes no event or deadline twice`, () => {
      const keys = byKind('event').map((c) => `${keyOf(c.date!)}|${c.type}`);
      expect(new Set(keys).size).toBe(keys.length);
      for (const c of [...byKind('event'), ...byKind('deadline')]) {
        expect(c.text.length).toBeGreaterThan(0);
        expect(c.text).toBe(c.text.replace(/\s+/g, ' ').trim());
      }
    });
  }

  afterAll(() => {
    console.log(['', 'ingest extraction: recall / precision (matched/expected, matched/proposed)',
      `${'document'.padEnd(44)} ${'events'.padEnd(15)} ${'deadlines'.padEnd(15)} ${'all dates'.padEnd(15)} ${'types'.padEnd(6)} ${'people'.padEnd(15)} risks`,
      ...rows, row('OVERALL', totals.events, totals.deadlines, totals.dates, totals.people, totals.risks), ''].join('\n'));
  });

  it('meets the targets overall: 90% recall, over 80% precision, on dates and on deadlines', () => {
    for (const score of [totals.dates, totals.deadlines]) {
      expect(score.expected).toBeGreaterThan(0);
      expect(recall(score)).toBeGreaterThanOrEqual(0.9);
      expect(precision(score)).toBeGreaterThan(0.8);
    }
  });

  it('keeps the people and risks it finds (measured 100% / 100% and 88% / 98%) from slipping', () => {
    expect(totals.people.expected).toBeGreaterThan(0);
    expect(totals.risks.expected).toBeGreaterThan(0);
    expect(recall(totals.people)).toBeGreaterThanOrEqual(0.9);
    expect(precision(totals.people)).toBeGreaterThan(0.8);
    expect(recall(totals.risks)).toBeGreaterThanOrEqual(0.8);
    expect(precision(totals.risks)).toBeGreaterThan(0.8);
  });
});

function row(name: string, events: Score, deadlines: Score, dates: Score, people: Score, risks: Score): string {
  const rp = (s: Score): string => `${pct(recall(s))} / ${pct(precision(s))}`.padEnd(15);
  const types = events.matched ? pct((events.typed ?? 0) / events.matched) : '  - ';
  return `${name.padEnd(44)} ${rp(events)} ${rp(deadlines)} ${rp(dates)} ${types.padEnd(6)} ${rp(people)} ${rp(risks)}`;
}

const eventsOf = (x: Extraction): Candidate[] => x.candidates.filter((c) => c.kind === 'event');
const deadlinesOf = (x: Extraction): Candidate[] => x.candidates.filter((c) => c.kind === 'deadline');
const dated = (cs: Candidate[]): string[] => cs.map((c) => `${keyOf(c.date!)}${c.type ? ` ${c.type}` : ''}`);
const day = (year: number, month: number, d: number): PartialDate => ({ year, month, day: d, approximate: false, text: '' });
const calendarDay = (year: number, month: number, d: number): Day => ({ year, month, day: d });

describe('reading dates', () => {
  it('resolves a year-less date against the document date and counts "in six months" from the date before it', () => {
    const x = extractFacts([
      'Almaty, 6 January 2020 – Rights groups condemned the trial.',
      '',
      'The hearing of Aidos Serikov was adjourned and postponed to January 21.',
      '',
      'On January 21, 2020, Aidos Serikov was sentenced to one year. He will be eligible for release in six months.',
    ].join('\n'));
    expect(x.source.date).toMatchObject({ year: 2020, month: 1, day: 6 });
    expect(dated(deadlinesOf(x))).toEqual(['2020-01-21@day', '2021-01-21@day', '2020-07-21@day']);
    expect(deadlinesOf(x).map((c) => c.note)).toEqual(['hearing', 'sentence ends', 'eligible for release']);
    // The hearing's day is told as the sentence's: done then.
    expect(deadlinesOf(x).map((c) => c.done)).toEqual(['2020-01-21', undefined, undefined]);
    // The hearing it was postponed to had not happened yet; the update's sentence had.
    expect(dated(eventsOf(x))).toEqual(['2020-01-21@day sentence']);
  });

  it('never makes an event of a month or year still running when the sentence speaks of what will be', () => {
    for (const sentence of ['Dilshod Umarov will be deported later in 2001.', 'Dilshod Umarov will be deported in March 2001.']) {
      const x = extractFacts(`Tashkent, 3 March 2001 – ${sentence} He was arrested on 2 February 2001.`);
      expect(eventsOf(x).map((c) => c.date!.text), sentence).toEqual(['2 February 2001']);
      expect(deadlinesOf(x), sentence).toHaveLength(1);
    }
    // No dateline: today decides.
    const undated = extractFacts('Dilshod Umarov will be deported later in 2026.', { today: { year: 2026, month: 11, day: 22 } });
    expect(eventsOf(undated)).toEqual([]);
    // Told as done, a month or year is an event.
    expect(eventsOf(extractFacts('Tashkent, 3 March 2001 – Dilshod Umarov was deported in March 2001.')).map((c) => c.type)).toEqual(['deportation']);
  });

  it('keeps the precision the text gives: a year, a month, or roughly a year for "a few months earlier"', () => {
    const x = extractFacts('Tashkent, 3 March 2001 – On 11 February 2001 Dilshod Umarov was deported. He was arrested a few months earlier. A warrant for his arrest was issued during 2000. In December 2000 Dilshod Umarov was charged.');
    const byText = Object.fromEntries(eventsOf(x).map((c) => [c.date!.text, c]));
    expect(byText['11 February 2001']).toMatchObject({ type: 'deportation', date: { year: 2001, month: 2, day: 11 } });
    expect(byText['a few months earlier']?.date).toEqual({ year: 2000, approximate: true, text: 'a few months earlier' });
    expect(byText['during 2000']?.date).toEqual({ year: 2000, approximate: false, text: 'during 2000' });
    expect(byText['December 2000']?.date).toEqual({ year: 2000, month: 12, approximate: false, text: 'December 2000' });
  });

  it('lets the caller set the document date, which year-less dates then follow', () => {
    const text = 'Aidos Serikov was detained on October 14 in Almaty.';
    expect(eventsOf(extractFacts(text))).toEqual([]); // no year to be had
    const x = extractFacts(text, { documentDate: day(2020, 1, 21) });
    expect(x.source).toMatchObject({ dateFrom: 'caller', date: { year: 2020, month: 1, day: 21 } });
    expect(dated(eventsOf(x))).toEqual(['2019-10-14@day detention']);
  });

  it('takes the date of a cited document as a report, not as this document\'s date', () => {
    const x = extractFacts('Further information on UA 12/03 (EUR 44/010/2003, 2 May 2003)\n\nOn 20 May 2003 Ahmet Kaya was released.');
    expect(x.source).toMatchObject({ reference: 'UA 12/03', date: { year: 2003, month: 5, day: 20 }, dateFrom: 'latest-date-mentioned' });
    expect(dated(eventsOf(x))).toEqual(['2003-05-02@day report', '2003-05-20@day release']);
    // Told as the cited document's coming out, not in this document's title (which read as if it came out then).
    expect(eventsOf(x).find((e) => e.type === 'report')!.text).toBe('EUR 44/010/2003 issued');
  });

  it('gives "two ethnic Kazakhs" of a sentence naming nobody to the two people the document is about, and no other count', () => {
    const about = (text: string) => eventsOf(extractFacts(text)).map((e) => `${isoOf(e.date!)} ${e.type}: ${(e.people ?? []).join(', ')}`);
    const people = 'Kaster Musakhanuly and Murager Alimuly are in detention in Zaysan.';
    expect(about(`12 December 2019\n\nOn 6 October 2019 two ethnic Kazakhs illegally crossed the border.\n\n${people}`))
      .toContain('2019-10-06 other: Kaster Musakhanuly, Murager Alimuly');
    expect(about(`12 December 2019\n\nOn 6 October 2019 three young Uighur men were arrested at the border.\n\n${people}`))
      .toContain('2019-10-06 arrest: ');
    // Officials are no group of theirs, nor a count of years.
    expect(about(`12 December 2019\n\nOn 6 October 2019 both Ministers were arrested at the border.\n\n${people}`)).toContain('2019-10-06 arrest: ');
    expect(about(`12 December 2019\n\nOn 6 October 2019 the defendants were sentenced to two years in prison.\n\n${people}`)).toContain('2019-10-06 sentence: ');
  });

  it('refuses ambiguous numeric dates and does not read "may" or "march" as months', () => {
    const x = extractFacts('Geneva, 5 June 2004 – Ahmet Kaya was arrested on 03/04/2004. The authorities may march him to the border; Ahmet Kaya may face torture.');
    expect(eventsOf(x)).toEqual([]);
    expect(deadlinesOf(x)).toEqual([]);
  });

  it('gives the same calendar dates in any time zone', () => {
    const fixture = loadFixture('hrw-kazakhstan-asylum-seekers-2020');
    const run = (): string[] => dated(extractFacts(loadDocument(fixture)).candidates.filter((c) => c.date));
    const original = process.env.TZ;
    try {
      process.env.TZ = 'UTC';
      const utc = run();
      for (const zone of ['Pacific/Kiritimati', 'America/Los_Angeles']) {
        process.env.TZ = zone;
        expect(run()).toEqual(utc);
      }
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });
});

describe('what is expected is a deadline, not an event', () => {
  const hearingsOf = (x: Extraction): string[] => dated(eventsOf(x).filter((c) => c.type === 'hearing'));

  it('the HRW release: "postponed to January 21" is a deadline, and the adjournment stays with the hearing of 6 January', () => {
    const x = extractFacts(loadDocument(loadFixture('hrw-kazakhstan-asylum-seekers-2020')));
    expect(dated(deadlinesOf(x))).toContain('2020-01-21@day');
    expect(deadlinesOf(x).find((c) => keyOf(c.date!) === '2020-01-21@day')).toMatchObject({ note: 'hearing', text: expect.stringContaining('postponed to January 21') });
    expect(hearingsOf(x)).toEqual(['2020-01-06@day hearing']);
    expect(eventsOf(x).filter((c) => c.text.includes('postponed to'))).toEqual([]);
  });

  it('a hearing put off to a date gives a deadline on that date and the adjournment on the day of the hearing before it', () => {
    const x = extractFacts('Osh, 5 March 2021 – On 3 March 2021, the hearing of Anvar Tursunov began in Osh. The judge adjourned the hearing of Anvar Tursunov and Ruslan Ibraimov after an hour, and their case was postponed to March 17.');
    expect(dated(deadlinesOf(x))).toEqual(['2021-03-17@day']);
    expect(hearingsOf(x)).toEqual(['2021-03-03@day hearing']);
    expect(eventsOf(x)[0]?.people).toEqual(['Anvar Tursunov', 'Ruslan Ibraimov']);
    expect(eventsOf(x).every((c) => keyOf(c.date!) !== '2021-03-17@day')).toBe(true);
  });

  it('dates the adjournment from the sentence itself when it gives the day, never from an unrelated earlier date', () => {
    const same = extractFacts('Baku, 12 May 2019 – On 10 May 2019 the court adjourned the hearing of Elnur Aliyev until 24 May 2019.');
    expect(hearingsOf(same)).toEqual(['2019-05-10@day hearing']);
    expect(deadlinesOf(same).map((c) => `${keyOf(c.date!)} ${c.note}`)).toEqual(['2019-05-24@day hearing']);
    // An arrest is not the day a trial was put off: that day is unknown, so only the deadline.
    const arrest = extractFacts('Minsk, 1 April 2021 – Pavel Sidorov was arrested on 3 March 2021. His trial was adjourned after two hours and postponed to 20 June.');
    expect(dated(eventsOf(arrest))).toEqual(['2021-03-03@day arrest']);
    expect(deadlinesOf(arrest).map((c) => `${keyOf(c.date!)} ${c.note}`)).toEqual(['2021-06-20@day trial']);
  });

  it('"postponed to 20 June", "will be heard on", "is set for": deadlines only', () => {
    for (const sentence of ['Her trial hearing was postponed to 20 June.', 'Her appeal will be heard on 20 June.', 'The trial of Aigul Osmonova is set for 20 June.']) {
      const x = extractFacts(`Bishkek, 2 May 2022 – Rights groups called for the release of Aigul Osmonova. ${sentence}`);
      expect(eventsOf(x), sentence).toEqual([]);
      expect(dated(deadlinesOf(x)), sentence).toEqual(['2022-06-20@day']);
    }
  });

  it('a date after the document\'s own date is an expectation, counted from a date or not', () => {
    const x = extractFacts('Tashkent, 3 March 2001 – Dilshod Umarov was detained on 1 March 2001. He is to be transferred to Tashkent in two weeks. His lawyer expects him to be charged three weeks later. In 2002 he may be deported.');
    expect(dated(eventsOf(x))).toEqual(['2001-03-01@day detention']);
    expect(dated(deadlinesOf(x))).toEqual(['2001-03-15@day', '2001-03-22@day', '2002@year']);
  });

  it('a document without a date of its own: nothing after today has happened', () => {
    const text = 'Dilnoza Karimova will be moved to a prison in Tashkent on 14 March 2031. She was arrested in 2024.';
    const x = extractFacts(text, { today: calendarDay(2026, 11, 22) });
    expect(dated(eventsOf(x))).toEqual(['2024@year arrest']);
    expect(deadlinesOf(x).map((c) => `${keyOf(c.date!)} ${c.people?.join()}`)).toEqual(['2031-03-14@day Dilnoza Karimova']);
    // Even told as done, a day after today is not a fact yet.
    const told = extractFacts('Ilham Nurov was sentenced on 2 February 2027. Ilham Nurov was arrested on 5 May 2025.', { today: calendarDay(2026, 11, 22) });
    expect(dated(eventsOf(told))).toEqual(['2025-05-05@day arrest']);
    expect(dated(deadlinesOf(told))).toEqual(['2027-02-02@day']);
  });

  it('an update told as done after the dateline stays an event (the document was updated), unless it is after today', () => {
    const text = 'Almaty, 6 January 2020 – Aidos Serikov is on trial.\n\nUpdate: On January 21, 2020, Aidos Serikov was sentenced to one year.';
    expect(dated(eventsOf(extractFacts(text, { today: calendarDay(2026, 11, 22) })))).toEqual(['2020-01-21@day sentence']);
    expect(dated(eventsOf(extractFacts(text, { today: calendarDay(2020, 1, 10) })))).toEqual([]);
  });
});

describe('people, merging and formats', () => {
  it('matches tracked people through the lookup, merges other spellings, and maps risk words', () => {
    const lookup = lookupFrom({ 'Kaster Musakhanuly': 'Kaster Musakhanuly', 'Qaster Musakhan': 'Kaster Musakhanuly' });
    const x = extractFacts('Berlin, 2 February 2020 – Qaster Musakhan faces torture if returned to China. Kaster Musakhanuly was detained on 14 October 2019. Nurlan Abenov (also known as Nurlan Abenuly) was executed in 2018.', { lookupPerson: lookup });
    const persons = x.candidates.filter((c) => c.kind === 'person');
    expect(persons).toHaveLength(2);
    expect(persons[0]).toMatchObject({ name: 'Qaster Musakhan', knownAs: 'Kaster Musakhanuly', aliases: ['Kaster Musakhanuly'], risks: ['torture', 'refoulement'] });
    expect(persons[1]).toMatchObject({ name: 'Nurlan Abenov', aliases: ['Nurlan Abenuly'], risks: ['death-penalty'] });
    expect(eventsOf(x).find((c) => c.type === 'detention')?.people).toEqual(['Kaster Musakhanuly']);
  });

  it('proposes one event per date and type, with the people of every sentence that reports it', () => {
    const x = extractFacts('Almaty, 9 January 2020 – On January 6, 2020, the hearing of Aidos Serikov began. Bolat Nurov said the January 6 hearing was closed to the public. On January 6, 2020, the hearing of Murat Serikov began too.');
    const hearings = eventsOf(x).filter((c) => c.type === 'hearing');
    expect(hearings).toHaveLength(1);
    // Who speaks of a hearing may be at it; who speaks of harm is not who suffered it (below).
    expect(hearings[0]?.people).toEqual(['Aidos Serikov', 'Bolat Nurov', 'Murat Serikov']);
  });

  it('gives the harm to the one it happened to, not to the relative or monitor who tells of it', () => {
    const x = extractFacts('Her husband, Timur Bekov, said Aigerim Nurlanova was beaten on 4 March 2024. Kanat Sadykov told reporters he had been tortured on 11 June 2024.', TODAY_2026);
    expect(eventsOf(x).map((e) => [e.type, e.people])).toEqual([['ill-treatment', ['Aigerim Nurlanova']], ['ill-treatment', ['Kanat Sadykov']]]);
    const monitor = extractFacts('Ali Baisal was beaten in detention on 2 May 2024, according to Erlan Kaster of the Kazakhstan Bureau for Human Rights.', TODAY_2026);
    expect(eventsOf(monitor).map((e) => e.people)).toEqual([['Ali Baisal']]);
    const wife = extractFacts("On 3 May 2024 Ali Baisal's wife, Aigerim Nurlanova, told reporters that he had been beaten.", TODAY_2026);
    expect(wife.candidates.find((c) => c.kind === 'person' && c.name === 'Aigerim Nurlanova')?.risks).toEqual([]);
  });


  it('reads HTML and Markdown: entities, links with index numbers, headings as titles', () => {
    const html = extractFacts('<html><head><title>Ignored | Site</title></head><body><h1>Release Aidos Serikov</h1><p>Almaty, 9&nbsp;January&nbsp;2020 &ndash; Aidos Serikov was arrested on 2 January 2020. See <a href="https://www.amnesty.org/en/documents/eur57/1234/2020/en/">our report</a>.</p></body></html>', { format: 'html' });
    expect(html.source).toMatchObject({ title: 'Release Aidos Serikov', date: { year: 2020, month: 1, day: 9 } });
    expect(dated(eventsOf(html))).toEqual(['2020-01-02@day arrest']);
    expect(html.candidates.filter((c) => c.kind === 'reference').map((c) => c.reference)).toEqual(['EUR 57/1234/2020']);
    const md = extractFacts('# Release **Aidos Serikov**\n\n*Almaty, 9 January 2020* \n\nAidos Serikov was [arrested](https://example.org) on 2 January 2020.', { format: 'markdown' });
    expect(md.source.title).toBe('Release Aidos Serikov');
    expect(dated(eventsOf(md))).toEqual(['2020-01-02@day arrest']);
  });

  it('keeps the extraction core pure: no node: imports, no file access, no clock', () => {
    const dir = new URL('../src/ingest/', import.meta.url);
    for (const file of ['extract', 'text', 'markup', 'date-mentions', 'deadlines', 'event-types', 'names', 'people', 'subjects', 'risks', 'source', 'passages']) {
      const code = readFileSync(new URL(`${file}.ts`, dir), 'utf8');
      expect(code, file).not.toMatch(/from ['"](node:|fs|path|os)['"/]|Date\.now|new Date\(\)|process\./);
    }
  });
});

describe('people named by an office or profession', () => {
  const person = (text: string, name: string): Candidate => proposed(extractFacts(text, TODAY_2026).candidates, name);

  it('marks an official or a researcher who speaks, on either side of the name', () => {
    expect(person('On 3 May 2021 the head of the migration service, Bolat Serikov, said the men would be deported.', 'Bolat Serikov')?.role)
      .toBe('head of the migration service');
    expect(person('"They must be freed," said Anna Petrova, Central Asia researcher at a rights group.', 'Anna Petrova')?.role)
      .toBe('Central Asia researcher at a rights group');
  });

  it('keeps as a person to track someone with a role to whom harm is done, and someone merely related to one', () => {
    const lawyer = extractFacts('On 5 May 2021 police detained the lawyer Aiman Umarova in Almaty.', TODAY_2026);
    expect(proposed(lawyer.candidates, 'Aiman Umarova').role).toBeUndefined();
    expect(lawyer.candidates.find((c) => c.kind === 'event')?.people).toEqual(['Aiman Umarova']);
    expect(person('Askar Bekov, whose brother is a lawyer, said on 3 May 2021 that he was beaten.', 'Askar Bekov')?.role).toBeUndefined();
  });
});

describe('ages beside names', () => {
  const ageOf = (text: string, name: string): number | undefined => proposed(extractFacts(text, TODAY_2026).candidates, name).age;

  it('reads "aged 28", a bare age as its own clause, and one in brackets', () => {
    expect(ageOf('Hemit Memet (previously written as Khamit Memet), aged 28 Kasim Mahpir', 'Hemit Memet')).toBe(28);
    expect(ageOf('Askar Bekov, 31, and Nurlan Ospan, 25, were detained on 14 October 2019.', 'Nurlan Ospan')).toBe(25);
    expect(ageOf('Ana Lima (42) was arrested on 3 May 2021.', 'Ana Lima')).toBe(42);
  });

  it('takes no date, count or other number for an age', () => {
    expect(ageOf('Askar Bekov, 12 March 2020: a statement.', 'Askar Bekov')).toBeUndefined();
    expect(ageOf('Askar Bekov, 2019 laureate, was detained on 14 October 2019.', 'Askar Bekov')).toBeUndefined();
    expect(ageOf('Askar Bekov, 300, was detained on 14 October 2019.', 'Askar Bekov')).toBeUndefined();
  });
});

describe('who an event is about, when officials and professionals are named', () => {
  const TODAY = { year: 2026, month: 11, day: 23 };
  const read = (text: string) => extractFacts(text, { today: TODAY }).candidates;
  const personNamed = proposed;

  it('gives a sentence to the one sentenced, never to the judge or prosecutor, who are left out', () => {
    const cs = read('On 2 March 2024 Judge Marat Ospanov sentenced Aida Bekova to seven years. On 1 February 2024 prosecutor Serik Akhmetov charged Aida Bekova with separatism.');
    expect(cs.filter((c) => c.kind === 'event').map((c) => [c.type, c.people])).toEqual([['sentence', ['Aida Bekova']], ['charge', ['Aida Bekova']]]);
    expect(personNamed(cs, 'Marat Ospanov')?.role).toBe('Judge');
    expect(personNamed(cs, 'Serik Akhmetov')?.role).toBe('prosecutor');
  });

  it('gives an arrest to the one arrested, not to the police chief who ordered it', () => {
    const cs = read('On 5 May 2021 police chief Serik Abenov ordered the arrest of activist Nurlan Bek.');
    expect(cs.filter((c) => c.kind === 'event').map((c) => c.people)).toEqual([['Nurlan Bek']]);
  });

  it('keeps a researcher at risk as a person to track, with her risks', () => {
    const cs = read('Aida Bekova, a researcher at the Helsinki Committee, has been missing since 1 March 2024 and is at grave risk of torture.');
    const aida = personNamed(cs, 'Aida Bekova');
    expect(aida?.role).toBeUndefined();
    expect(aida?.risks).toContain('torture');
  });

  it('reads no age from a list of prison terms', () => {
    const cs = read('On 3 March 2024 the court sentenced them as follows: Bolat Serikov, 10 years; Askar Nurov, 12 years.');
    expect(personNamed(cs, 'Bolat Serikov')?.age).toBeUndefined();
    expect(personNamed(cs, 'Askar Nurov')?.age).toBeUndefined();
  });

  it('leaves the coordinator to check with out of the deadline, and keeps whom to check with', () => {
    const cs = read('Please check with the Urgent Action coordinator, Sara Lee, if sending appeals after 15 March 2027.');
    const deadline = cs.find((c) => c.kind === 'deadline');
    expect(deadline?.people).toEqual([]);
    expect(deadline?.note).toBe('check with the Urgent Action coordinator before sending appeals');
  });
});

describe('harm told of someone with a profession, wherever it is learnt', () => {
  const read = (text: string) => extractFacts(text, TODAY_2026).candidates;
  const events = (cs: Candidate[]) => cs.filter((c) => c.kind === 'event').map((c) => [c.type, c.people]);
  const roleOf = (cs: Candidate[], name: string) => proposed(cs, name).role;

  it('keeps a detained lawyer whose profession comes after the detention, or who is reached by a pronoun', () => {
    const later = read('On 1 March 2024 Aida Bekova was detained in Almaty. Aida Bekova, a lawyer, had defended activists.');
    expect(events(later)).toEqual([['detention', ['Aida Bekova']]]);
    expect(roleOf(later, 'Aida Bekova')).toBeUndefined();
    const pronoun = read('Aida Bekova, a lawyer, defended activists for years. On 1 March 2024 police arrested her in Almaty.');
    expect(events(pronoun)).toEqual([['arrest', ['Aida Bekova']]]);
    expect(roleOf(pronoun, 'Aida Bekova')).toBeUndefined();
  });

  it('gives no harm to the official named after a preposition', () => {
    const byJudge = read('On 2 March 2024 Dana Amirova was sentenced by Judge Marat Ospanov to seven years.');
    expect(events(byJudge)).toEqual([['sentence', ['Dana Amirova']]]);
    expect(roleOf(byJudge, 'Marat Ospanov')).toBe('Judge');
    const meeting = read('On 5 May 2021 Nurlan Bek was detained after meeting lawyer Aigul Serik.');
    expect(events(meeting)).toEqual([['detention', ['Nurlan Bek']]]);
    expect(roleOf(meeting, 'Aigul Serik')).toBe('lawyer');
  });

  it('names a harmed professional in a deadline of theirs', () => {
    const cs = read('Lawyer Aida Bekova, who was detained on 1 March 2024, is due to appear at a hearing on 5 July 2027.');
    expect(cs.find((c) => c.kind === 'deadline')?.people).toEqual(['Aida Bekova']);
  });
});

describe('officials named with their office', () => {
  const read = (text: string) => extractFacts(text, TODAY_2026).candidates;
  const person = proposed;

  it('reads "Prosecutor X", "Interior Minister X" and "Minister of Justice X" as people, by their office', () => {
    const cs = read('On 3 May 2024 Prosecutor Yerlan Nurtayev charged Dana Amirova. Interior Minister Yerlan Turgumbayev said on 4 May 2024 that the law was followed. On 5 May 2024 the Minister of Justice Azamat Eskarayev refused to comment.');
    expect(person(cs, 'Yerlan Nurtayev')?.role).toBe('Prosecutor');
    expect(person(cs, 'Yerlan Turgumbayev')?.role).toBe('Interior Minister');
    expect(person(cs, 'Azamat Eskarayev')?.role).toBe('Minister of Justice');
    expect(cs.find((c) => c.kind === 'event' && c.type === 'charge')?.people).toEqual(['Dana Amirova']);
  });

  it('takes no person from a header line of index and date', () => {
    const cs = read('UA 12/24 Index: EUR 57/001/2024 Kazakhstan Date: 8 March 2024\n\nAida Bekova was arrested on 1 March 2024.');
    expect(cs.filter((c) => c.kind === 'person').map((c) => c.name)).toEqual(['Aida Bekova']);
  });
});

describe('a disappearance in other words', () => {
  it('reads "has been missing since" and "taken away by unidentified men" as a disappearance', () => {
    const missing = extractFacts('Aida Bekova has been missing since 2 February 2024.', TODAY_2026);
    expect(eventsOf(missing).map((c) => c.type)).toEqual(['disappearance']);
    const taken = extractFacts('On 3 February 2024 Nurlan Bek was taken away by unidentified men in Almaty.', TODAY_2026);
    expect(eventsOf(taken).map((c) => c.type)).toEqual(['disappearance']);
  });
});

describe('where people are held now, undated', () => {
  const onDocDate = (body: string) => extractFacts(`Almaty, 12 December 2019\n\n${body}`, TODAY_2026);
  const events = (body: string) => eventsOf(onDocDate(body)).map((c) => [c.date && `${c.date.year}-${c.date.month}-${c.date.day}`, c.type, c.people]);

  it('is a detention on the document\'s date for the people named', () => {
    expect(events('Kaster Musakhanuly and Murager Alimuly are currently in pre-trial detention in East Kazakhstan Region.'))
      .toEqual([['2019-12-12', 'detention', ['Kaster Musakhanuly', 'Murager Alimuly']]]);
    expect(events('Aida Bekova remains in custody in Almaty.')).toEqual([['2019-12-12', 'detention', ['Aida Bekova']]]);
    expect(events('Nurlan Bek is still held incommunicado.')).toEqual([['2019-12-12', 'detention', ['Nurlan Bek']]]);
  });

  it('is nothing for what may happen, for people nobody names, or without a document date', () => {
    expect(events('Kaster Musakhanuly could be held in detention if returned.')).toEqual([]);
    expect(events('Aida Bekova is at risk of being detained in China.')).toEqual([]);
    expect(events('An estimated one million people are detained in the camps.')).toEqual([]);
    expect(events('Gulnar Bekova is not currently detained, but fears arrest.')).toEqual([]);
    expect(events('Gulnar Bekova is no longer held in Almaty.')).toEqual([]);
    expect(events("Ivan Petrov isn't currently detained.")).toEqual([]);
    expect(events('It is unclear whether Ivan Petrov is currently detained.')).toEqual([]);
    // A prisoner who "remains in custody" is not made merely detained, whichever the document says first.
    expect(events('On 1 May 2019 Nurlan Bekov was sentenced to five years in prison. Nurlan Bekov remains in custody in Almaty.'))
      .toEqual([['2019-5-1', 'sentence', ['Nurlan Bekov']]]);
    expect(events('Nurlan Bekov remains in custody in Almaty.\n\nOn 1 May 2019 Nurlan Bekov was sentenced to five years in prison.'))
      .toEqual([['2019-5-1', 'sentence', ['Nurlan Bekov']]]);
    // Released after the sentence, and held again now: held.
    expect(events('On 1 May 2015 Nurlan Bekov was sentenced to three years in prison. On 1 May 2018 Nurlan Bekov was released. Nurlan Bekov is currently in pre-trial detention.'))
      .toEqual([['2015-5-1', 'sentence', ['Nurlan Bekov']], ['2018-5-1', 'release', ['Nurlan Bekov']], ['2019-12-12', 'detention', ['Nurlan Bekov']]]);
    const undated = extractFacts('Kaster Musakhanuly is currently in pre-trial detention.', TODAY_2026);
    expect(eventsOf(undated)).toEqual([]);
  });
});

describe('a sentence that sends nobody to prison', () => {
  // Told as a happening of no status, not a sentence that would make them imprisoned; a term in
  // prison beside probation, a fine or another's suspended sentence is still prison.
  it.each([
    ['In 2018 Sayragul Sauytbai was convicted for illegally crossing the border, but was given a suspended sentence.', 'other'],
    ['On 3 May 2021 Aida Bekova was sentenced to two years of probation.', 'other'],
    ['On 3 May 2021 Aida Bekova was sentenced to 3 years in prison, suspended for 2 years.', 'other'],
    ["On 3 May 2021 Aida Bekova was sentenced to two years' conditional imprisonment.", 'other'],
    ['On 3 May 2021 Aida Bekova was sentenced to 6 years, of which 2 years suspended.', 'sentence'],
    ["On 3 May 2021 Aida Bekova was sentenced to ten years in prison after the court suspended her lawyer's licence.", 'sentence'],
    ["On 3 May 2021 Ivan Petrov was sentenced to five years in prison and his lawyer's licence was suspended.", 'sentence'],
    ['On 3 May 2021 Ivan Petrov was sentenced to five years and the newspaper he edited was suspended for six months.', 'sentence'],
    ['On 3 May 2021 Aida Bekova was sentenced to two years in prison.', 'sentence'],
    ['On 3 May 2021 a court sentenced Aigerim Nurlanova to five years in prison, to be followed by two years of probation.', 'sentence'],
    ['On 3 May 2021 a court sentenced Bolat Serik to seven years in prison and he was fined.', 'sentence'],
    ['On 3 May 2021 a court sentenced Aigerim Nurlanova to five years in prison, while Bolat Serik received a suspended sentence.', 'sentence'],
  ])('%s: %s', (text, type) => {
    expect(eventsOf(extractFacts(text, TODAY_2026)).map((c) => c.type)).toEqual([type]);
  });
});

describe('the day a sentence ends', () => {
  const ends = (text: string) => extractFacts(text, TODAY_2026).candidates.filter((c) => c.kind === 'deadline' && c.note === 'sentence ends')
    .map((c) => `${c.date!.year}-${c.date!.month}-${c.date!.day} ${c.people!.join(', ')}`);

  // A deadline for the people sentenced, counted from the day of the sentence; none for a term not
  // given in years or months, several terms, a date without its day, or a term suspended in part or whole.
  it.each([
    ['On 3 May 2021 Aida Bekova was sentenced to two and a half years in prison.', ['2023-11-3 Aida Bekova']],
    ['On 31 January 2021 Nurlan Bek was sentenced to 13 months.', ['2022-2-28 Nurlan Bek']],
    ['On 8 February 2020 Aziz Karimov was sentenced to 2 years and 6 months in prison.', ['2022-8-8 Aziz Karimov']],
    ['On 3 May 2021 Aida Bekova was sentenced to 3 years 6 months in prison.', ['2024-11-3 Aida Bekova']],
    ['Ivan Petrov was sentenced on 2 May 2021 to 18 months in prison.', ['2022-11-2 Ivan Petrov']],
    ['On 2 May 2021 a court sentenced Ivan Petrov to 3 years in prison.', ['2024-5-2 Ivan Petrov']],
    ['On 3 May 2021 Aida Bekova was sentenced to life imprisonment.', []],
    ['In May 2021 Aida Bekova was sentenced to two years in prison.', []],
    ['On 3 May 2021 Aida Bekova was sentenced to two years, suspended sentence.', []],
    ['On 3 May 2021 Aida Bekova was sentenced to three years, suspended.', []],
    ['On 3 May 2021 Aida Bekova was sentenced to one year and Nurlan Bek to two years.', []],
    ['On 3 May 2021 Aida Bekova was sentenced after being held in custody for up to six months.', []],
    ['On 3 May 2021 Aida Bekova was sentenced and held for up to six months.', []],
    ['On 3 May 2021 Aida Bekova was sentenced to two years in prison and her lawyer was suspended from the bar.', ['2023-5-3 Aida Bekova']],
    ['On 3 May 2021 Aida Bekova was sentenced to pay a fine equal to two months of her salary.', []],
    ['On 3 May 2021 Aida Bekova was sentenced to three years, of which two years suspended.', []],
  ])('%s', (text, expected) => {
    expect(ends(text)).toEqual(expected);
  });
});

describe('people named in passing', () => {
  const passing = (text: string) => extractFacts(text, TODAY_2026).candidates
    .filter((c) => c.kind === 'person' && c.inPassing).map((c) => c.name);

  it('are those named apart from the people the document is about, and never anyone harmed in it', () => {
    const text = [
      'Almaty, 12 December 2019',
      '',
      'Aidos Serikov fears arrest. Aidos Serikov has been threatened. Aidos Serikov asks for protection.',
      '',
      'His brother Nurlan Serikov was detained on 3 March 2019. On 1 May 2019 Nurlan Serikov was sentenced to two years in prison.',
      '',
      'Another activist, Gulnar Bekova, left the country in 2018.',
    ].join('\n');
    expect(passing(text)).toEqual(['Gulnar Bekova']);
  });

  it('are nobody where nobody stands out', () => {
    expect(passing('Almaty, 12 December 2019\n\nAidos Serikov fears arrest.\n\nGulnar Bekova left the country in 2018.')).toEqual([]);
  });
});

describe('the type that decides a status, when a sentence has several cues', () => {
  const types = (text: string) => eventsOf(extractFacts(text, TODAY_2026)).map((c) => [c.date && `${c.date.year}-${c.date.month}-${c.date.day}`, c.type]);

  it('reads "has not been seen since" as a disappearance, unless a happening is named', () => {
    expect(types('Officers took Leyla Hasanova from her flat in Baku on 2 May 2023 and she has not been seen since.'))
      .toEqual([['2023-5-2', 'disappearance']]);
    expect(types('Ivan Petrov was deported on 3 May 2023 and has not been heard from since.')).toEqual([['2023-5-3', 'deportation']]);
  });

  it('reads a sentence given at a hearing as the sentence, not the hearing', () => {
    expect(types('At a hearing on 4 June 2023 the regional court sentenced Ivan Petrov to six years in prison.'))
      .toEqual([['2023-6-4', 'sentence']]);
    // Another date between them: the hearing keeps its day.
    expect(types('Ivan Petrov had a hearing on 4 June 2023 and was sentenced on 9 June 2023.'))
      .toEqual([['2023-6-4', 'hearing'], ['2023-6-9', 'sentence']]);
  });

  it('reads what police seized (laptops) as no arrest, and a person seized as one', () => {
    expect(types('During March 2024 police searched the home of Aida Bekova and seized laptops.')).toEqual([['2024-3-undefined', 'other']]);
    expect(types('Aida Bekova was seized by plain-clothes officers on 2 May 2024.')).toEqual([['2024-5-2', 'arrest']]);
  });

  it('reads harm done in custody as ill-treatment, not a detention', () => {
    expect(types('Her lawyer says Leyla Hasanova was tortured in detention on 5 May 2023.')).toEqual([['2023-5-5', 'ill-treatment']]);
  });

  it('reads reappearing before a prosecutor or in custody as a detention, unless a charge is told', () => {
    expect(types('Leyla Hasanova reappeared before the city prosecutor on 9 May 2023.')).toEqual([['2023-5-9', 'detention']]);
    expect(types('Leyla Hasanova reappeared before the city prosecutor on 9 May 2023, who charged her with fraud.')).toEqual([['2023-5-9', 'charge']]);
  });
});

describe('a count that looks back from a date given', () => {
  const dates = (text: string, today: Day) => {
    const x = extractFacts(text, { today });
    const day = (c: Candidate) => `${c.kind} ${c.date!.year}-${c.date!.month}-${c.date!.day}`;
    return [...eventsOf(x), ...deadlinesOf(x)].map(day);
  };
  const APRIL = { year: 2024, month: 4, day: 10 };

  it('invents no event or deadline from "a day after she ...", "after 18 days in detention", "22 days after she was taken"', () => {
    expect(dates('Leyla Hasanova was arrested on 14 March 2024, a day after she published an article.', APRIL)).toEqual(['event 2024-3-14']);
    expect(dates('Leyla Hasanova was released on 3 April 2024, after 18 days in detention.', APRIL)).toEqual(['event 2024-4-3']);
    expect(dates('Leyla Hasanova reappeared in custody on 4 April 2024, 22 days after she was taken.', APRIL)).toEqual(['event 2024-4-4']);
  });

  it('still counts forward from a date where the count is a step of its own', () => {
    expect(dates('Leyla Hasanova was detained on 3 March 2024 and after two days she was released.', APRIL)).toEqual(['event 2024-3-3', 'event 2024-3-5']);
    expect(dates('Baku, 3 April 2024\n\nLeyla Hasanova was sentenced on 1 April 2024. She will be eligible for release in six months.', APRIL))
      .toEqual(['event 2024-4-1', 'deadline 2024-10-1']);
  });
});

describe('a release told beside a sentence', () => {
  const facts = (text: string) => extractFacts(text, { today: { year: 2024, month: 4, day: 1 } }).candidates
    .filter((c) => c.kind === 'event' || c.kind === 'deadline')
    .map((c) => [c.kind, c.date && `${c.date.year}-${c.date.month}-${c.date.day}`, c.kind === 'event' ? c.type : c.note]);

  it('keeps the day of the sentence a sentence when the release is told in another clause', () => {
    expect(facts('On 5 March 2024 the court sentenced Aida Bekova to one year in prison; she will be eligible for release in six months.')).toEqual([
      ['event', '2024-3-5', 'sentence'], ['deadline', '2025-3-5', 'sentence ends'], ['deadline', '2024-9-5', 'eligible for release'],
    ]);
    expect(facts('Aida Bekova, sentenced on 5 March 2024, will be released on 5 September 2024.')).toEqual([
      ['event', '2024-3-5', 'sentence'], ['deadline', '2024-9-5', 'due for release'],
    ]);
  });
});

describe('someone named by their work who is released', () => {
  it('is the one released: a release is told only of someone who was held', () => {
    const text = 'Journalist Aynur Mammadova is held in Baku. Her lawyer, Rauf Hasanli, was released without charge on 3 April 2024.';
    const releases = extractFacts(text, { today: { year: 2024, month: 4, day: 10 } }).candidates.filter((c) => c.kind === 'event' && c.type === 'release');
    expect(releases.map((c) => c.people)).toEqual([['Rauf Hasanli']]);
  });
});

describe('one person under several names', () => {
  const persons = (text: string) => extractFacts(text, TODAY_2026).candidates.filter((c) => c.kind === 'person')
    .map((c) => ({ name: c.name, aliases: c.aliases ?? [], ...(c.age !== undefined ? { age: c.age } : {}) }));

  it('leaves a country in capitals out of the name beside it, and takes each name of a bracket list as another name', () => {
    const text = [
      'URGENT ACTION', '',
      'GEORGIA  Nino Beridze (also written Nina Beridze; Нино Беридзе), aged 41', '',
      'Nino Beridze was arrested in Tbilisi on 2 May 2024.',
    ].join('\n');
    expect(persons(text)).toEqual([{ name: 'Nino Beridze', aliases: ['Nina Beridze', 'Нино Беридзе'], age: 41 }]);
  });

  it('keeps a surname written first in capitals in a name of two words ("ZHANG Wei")', () => {
    expect(persons('ZHANG Wei was arrested in Beijing on 2 May 2024.').map((p) => p.name)).toEqual(['Zhang Wei']);
  });

  it('keeps a name in a script without capitals, in brackets, and one given as "also known as", as other names', () => {
    expect(persons('Salma Fathy (سلمى فتحي), also known as Salma Fathy Ali, aged 30, was arrested on 2 May 2024.'))
      .toEqual([{ name: 'Salma Fathy', aliases: ['سلمى فتحي', 'Salma Fathy Ali'], age: 30 }]);
    expect(persons('Chen Wei (陈伟) was detained in Beijing on 2 May 2024.')).toEqual([{ name: 'Chen Wei', aliases: ['陈伟'] }]);
  });
});

describe('an organisation named beside its kind', () => {
  const names = (text: string) => extractFacts(text, TODAY_2026).candidates.filter((c) => c.kind === 'person').map((c) => c.name);

  it('is no person, wherever else the document names it', () => {
    expect(names('Leyla Hasanova was arrested on 2 May 2024. Kanal Gunes reported it. Police raided the offices of her newspaper, Kanal Gunes, on 3 May 2024.'))
      .toEqual(['Leyla Hasanova']);
    expect(names('Tural Aliyev, who worked as a cameraman for Meydan Xeber, was deported on 5 April 2024.')).toEqual(['Tural Aliyev']);
  });
});

describe('whose arrest, when a sentence names two people', () => {
  const events = (text: string) => eventsOf(extractFacts(text, TODAY_2026)).map((c) => [c.date && `${c.date.year}-${c.date.month}-${c.date.day}`, c.type, c.people]);

  it('gives a date in a clause set off after a name to that person alone, a lawyer too', () => {
    expect(events('We condemn the arrest of blogger Leyla Hasanova, 31, detained on 2 May 2024, and of her lawyer Elchin Sadigov, arrested on 4 May 2024 in Baku.'))
      .toEqual([['2024-5-2', 'detention', ['Leyla Hasanova']], ['2024-5-4', 'arrest', ['Elchin Sadigov']]]);
    expect(events('Her lawyer, Elchin Sadigov, was detained on 4 May 2024.')).toEqual([['2024-5-4', 'detention', ['Elchin Sadigov']]]);
  });
});
