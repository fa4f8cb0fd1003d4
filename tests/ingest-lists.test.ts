// caselog ingest of a list of people, one a line ("Name - arrested on <date>"): each line is its own
// fact about its own person, in Markdown, HTML and plain text alike.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2026-11-22' });

beforeEach(() => {
  db = tempDb();
});

interface TimelineEvent { type: string; date: string; summary: string; people: Array<{ name: string }> }

/** Each listed person's timeline, as `timeline --json` gives it: [type, date, people, summary]. */
async function timelines(names: string[]): Promise<Record<string, string[][]>> {
  const out: Record<string, string[][]> = {};
  for (const name of names) {
    const r = await c(['--json', 'timeline', name]);
    expect(r.code, `${name} has a timeline: ${r.stderr}`).toBe(0);
    const events = (JSON.parse(r.stdout) as { events: TimelineEvent[] }).events;
    out[name] = events.map((e) => [e.type, e.date, e.people.map((p) => p.name).join(', '), e.summary]);
  }
  return out;
}

const trackedNames = async (): Promise<string[]> =>
  (JSON.parse((await c(['export', '--format', 'json'])).stdout) as { people: Array<{ name: string }> }).people.map((p) => p.name).sort();

const LINES = [
  'Aidos Serikbayev - arrested on 3 March 2019 in Almaty',
  'Berik Zhaksylykov - arrested on 9 March 2019 in Almaty',
  'Daniyar Omarov - arrested on 21 March 2019 in Almaty',
];
const PEOPLE = ['Aidos Serikbayev', 'Berik Zhaksylykov', 'Daniyar Omarov'];
/** Each person's one arrest, on the date of their own line, which is its summary (as the document writes it). */
const oneEach = (quoted: (line: string) => string = (l) => l): Record<string, string[][]> => Object.fromEntries(
  PEOPLE.map((name, i) => [name, [['arrest', ['2019-03-03', '2019-03-09', '2019-03-21'][i]!, name, quoted(LINES[i]!)]]]),
);

describe('ingest of a bulleted list under a short title', () => {
  // Every item used to be read as a heading line above the document (no full stop), and a list of
  // up to twelve gave no event at all.
  it.each([
    // The summary is the item without its list marker.
    ['Markdown', 'list.md', `# Detained in Almaty\n\n${LINES.map((l) => `- ${l}`).join('\n')}\n`, (l: string) => l],
    ['HTML', 'list.html', `<html><body><h1>Detained in Almaty</h1><ul>${LINES.map((l) => `<li>${l}</li>`).join('')}</ul></body></html>`, (l: string) => l],
  ])('%s: one arrest for each person, on the date of their own item', async (_, name, text, quoted) => {
    expect((await c(['ingest', fileOf(name, text), '--yes'])).code).toBe(0);
    expect(await trackedNames()).toEqual(PEOPLE);
    expect(await timelines(PEOPLE)).toEqual(oneEach(quoted));
  });
});

describe('ingest of a plain-text list, one person a line', () => {
  // The lines used to run on as one sentence: three arrests each naming all three people, each quoting
  // the whole list, and "Almaty Berik Zhaksylykov" taking the last word of the line above.
  it('one arrest for each person, on the date of their own line, which is its summary', async () => {
    const file = fileOf('list3.txt', `Detained in Almaty\n\n${LINES.join('\n')}\n`);
    expect((await c(['ingest', file, '--yes'])).code).toBe(0);
    expect(await trackedNames()).toEqual(PEOPLE);
    expect(await timelines(PEOPLE)).toEqual(oneEach());
  });

  it.each([
    ['a colon', (l: string) => l.replace(' -', ':')],
    ['a comma', (l: string) => l.replace(' -', ',')],
    ['a dash', (l: string) => l.replace(' -', ' \u2013')],
  ])('with %s after the name', async (_, separate) => {
    const file = fileOf('list.txt', `Detained in Almaty\n\n${LINES.map(separate).join('\n')}\n`);
    expect((await c(['ingest', file, '--yes'])).code).toBe(0);
    expect(await trackedNames()).toEqual(PEOPLE);
    expect(await timelines(PEOPLE)).toEqual(oneEach(separate));
  });

  it('an item wrapped onto a second line stays whole; hard-wrapped prose above keeps its sentences and names', async () => {
    // Wrapped at 72: the list's lines reach the wrap width, as wrapped lines do.
    const prose = [
      'Police in Almaty detained three members of a rights group in March 2019,',
      'among them its founder and chairman, the well-known human rights activist',
      'Aidos Serikbayev, whose own lawyer said that he was beaten in custody.',
    ];
    const list = [
      'Aidos Serikbayev - arrested on 3 March 2019 in Almaty and taken to the',
      'National Security Committee detention centre in Almaty, still held there',
      LINES[1],
      LINES[2],
    ];
    const file = fileOf('wrapped.txt', `Detained in Almaty\n\n${prose.join('\n')}\n\n${list.join('\n')}\n`);
    expect((await c(['ingest', file, '--yes'])).code).toBe(0);
    expect(await trackedNames()).toEqual(PEOPLE);
    const seen = await timelines(PEOPLE);
    expect(seen['Aidos Serikbayev']).toEqual([
      ['detention', '2019-03', 'Aidos Serikbayev', prose.join(' ')],
      ['arrest', '2019-03-03', 'Aidos Serikbayev', `${list[0]} ${list[1]}`],
    ]);
    expect(seen['Berik Zhaksylykov']).toEqual(oneEach()['Berik Zhaksylykov']);
    expect(seen['Daniyar Omarov']).toEqual(oneEach()['Daniyar Omarov']);
  });
});

/** A list of n people, each arrested on their own day of 2019 ("- " between name and fact). */
function manyArrests(n: number): { lines: string[]; days: string[] } {
  // Names apart by more than a spelling: consonants that no spelling rule takes for one another (a
  // vowel or a voiced/unvoiced pair would make two lines one person's, as ingest now groups them).
  const letters = 'bdlmnrw';
  const word = (i: number, salt: string) => `${salt}${[0, 1, 2, 3, 4].map((k) => letters[Math.floor(i / 7 ** k) % 7]).join('a')}`;
  const lines: string[] = [];
  const days: string[] = [];
  for (let i = 0; i < n; i++) {
    const month = (i % 12) + 1;
    const day = (Math.floor(i / 12) % 28) + 1;
    const monthName = new Date(Date.UTC(2019, month - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
    lines.push(`${word(i, 'Ai')} ${word(i, 'Ser')}ov - arrested on ${day} ${monthName} 2019 in Almaty`);
    days.push(`2019-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
  }
  return { lines, days };
}

interface Proposal { kind: string; date?: string; text: string; people: string[] }
const proposals = async (file: string): Promise<Proposal[]> =>
  (JSON.parse((await c(['--json', 'ingest', file, '--dry-run'])).stdout) as { candidates: Proposal[] }).candidates;

describe('ingest of a document whose sentence never ends', () => {
  // A list run together on one line was one passage: every date an event naming everyone and quoting
  // the whole line, so the output grew with the square of the line (a 700 KB line never finished).
  it('quotes at most 1000 characters in any proposal, and keeps every date', async () => {
    const { lines, days } = manyArrests(300);
    const proposed = await proposals(fileOf('one-line.txt', `Detained in Almaty\n\n${lines.join(' ')}\n`));
    const events = proposed.filter((p) => p.kind === 'event');
    expect(new Set(events.map((e) => e.date))).toEqual(new Set(days));
    expect(Math.max(...proposed.map((p) => p.text.length))).toBeLessThanOrEqual(1000);
    expect(Math.max(...events.map((e) => e.people.length))).toBeLessThan(30);
  });
});

describe('ingest of a long list', () => {
  // Each name read was looked for among everyone found so far, each person arrested on a day copied
  // that day's list, and recording looked for each person of each fact among everyone: 10,000 lines
  // took minutes, and the time grew with the square of the list.
  it('records people arrested on one day as one arrest naming them all, in time that grows with the list, not its square', async () => {
    // A ratio measured in one run (the machine is shared): four times the list, about four times the
    // time; the square made it sixteen. 10,000 lines took 100 s before, 7 s after.
    const timeFor = async (n: number) => {
      const { lines } = manyArrests(n);
      const sameDay = lines.map((l) => l.replace(/on \d+ \w+ 2019/, 'on 3 March 2019'));
      const file = fileOf('list.txt', `Detained in Almaty\n\n${sameDay.join('\n')}\n`);
      db = tempDb();
      const started = performance.now();
      expect((await c(['ingest', file, '--yes'])).code).toBe(0);
      return { ms: performance.now() - started, first: sameDay[0] };
    };
    const small = await timeFor(2_000);
    const large = await timeFor(8_000);
    expect(large.ms / small.ms).toBeLessThan(10);
    const stored = JSON.parse((await c(['export', '--format', 'json'])).stdout) as { people: unknown[]; events: Array<{ date: { date: string }; summary: string; people: unknown[] }> };
    expect(stored.people).toHaveLength(8_000);
    expect(stored.events.map((e) => [e.date.date, e.people.length, e.summary])).toEqual([['2019-03-03', 8_000, large.first]]);
  }, 300_000);
});

describe('a list whose names hold the small words of names', () => {
  it('reads a line with "bint" as a list item of its own, as one with "bin"', async () => {
    const file = fileOf('particles.txt', 'Hassan bint Ali - arrested on 3 March 2019 in Cairo\nOmar bin Said - arrested on 9 March 2019 in Cairo\n');
    const r = await c(['ingest', file, '--dry-run']);
    expect(r.stdout).toContain('3 March 2019  event arrest \u2014 Hassan bint Ali\n  "Hassan bint Ali - arrested on 3 March 2019 in Cairo"\n');
    expect(r.stdout).toContain('9 March 2019  event arrest \u2014 Omar bin Said\n  "Omar bin Said - arrested on 9 March 2019 in Cairo"\n');
  });

  it('proposes "Fatima bint Ali" and "Omar bin Said" whole, as it does "Aidos Serikbayev", each with their own line', async () => {
    // "bin" and "bint" in lower case broke the name in two: nobody was proposed for these lines.
    const text = 'Fatima bint Ali - arrested on 3 March 2019 in Cairo\nOmar bin Said - detained 5 April 2019\nAidos Serikbayev - arrested on 9 March 2019\n';
    const r = await c(['ingest', fileOf('son-of.txt', text), '--dry-run', '--json']);
    expect(r.code).toBe(0);
    const candidates = (JSON.parse(r.stdout) as { candidates: Array<{ kind: string; name?: string; people: Array<{ id: string | null; name: string }>; text: string }> }).candidates;
    expect(candidates.filter((k) => k.kind === 'person').map((k) => [k.name, k.text])).toEqual([
      ['Fatima bint Ali', 'Fatima bint Ali - arrested on 3 March 2019 in Cairo'],
      ['Omar bin Said', 'Omar bin Said - detained 5 April 2019'],
      ['Aidos Serikbayev', 'Aidos Serikbayev - arrested on 9 March 2019'],
    ]);
    expect(candidates.filter((k) => k.kind === 'event').map((k) => k.people)).toEqual([['Fatima bint Ali'], ['Omar bin Said'], ['Aidos Serikbayev']].map(([name]) => [{ id: null, name }]));
  });
});
