// list people as a caseworker reads it: the columns in line whatever script a name is written in,
// the names in the order a reader looks for them.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2020-02-01' });

beforeEach(() => {
  db = tempDb();
});

describe('list people', () => {
  it('keeps the status column in line after names with vowel signs and other combining marks', async () => {
    // Each name with the columns a terminal draws it in, counted by hand: a combining mark (Arabic
    // vowel signs, Thai sara ii, Devanagari u) or a joiner takes none; a spacing vowel sign (Thai sara
    // aa, Devanagari aa) one. Arabic with its short vowels, Thai, Devanagari, Vietnamese typed with
    // separate accents, Persian with a non-joiner.
    const names: Array<[string, number]> = [
      ['Kaster Musakhanuly', 18], ['مُحَمَّد عَلِي', 8],
      ['สมชาย ใจดี', 9], ['राम कुमार', 8],
      ['Nguye\u0302\u0303n Va\u0306n An', 13], ['علی خامنه\u200cای', 11],
    ];
    for (const [name] of names) expect((await c(['add', 'person', name, '--status', 'detained', '--new'])).code).toBe(0);
    const [header, ...rows] = (await c(['list', 'people'])).stdout.trimEnd().split('\n');
    expect(rows).toHaveLength(names.length);
    const column = header!.indexOf('STATUS');
    for (const [name, width] of names) {
      const stored = name.normalize('NFC');
      const row = rows.find((r) => r.startsWith(stored))!;
      // Characters before the status, less those that take no column: where a terminal draws it.
      expect(row.indexOf('detained') - (stored.length - width), row).toBe(column);
    }
  });

  it('lists names whose first letter has no accent to take off among their letters (Đ with D, Ł with L, Ə with E)', async () => {
    const names = ['ZHANG Wei', 'Zeynep Öz', 'Đorđe Jovanović', 'Łukasz Nowak', 'Əli Məmmədov', 'Adam Ng', 'Emre Kaya', 'Lena Berg', 'Daniel Roth', 'Øyvind Berg'];
    for (const name of names) expect((await c(['add', 'person', name, '--new'])).code).toBe(0);
    const listed = (await c(['list', 'people'])).stdout.trimEnd().split('\n').slice(1).map((row) => row.split(/ {2,}/)[0]);
    expect(listed).toEqual(['Adam Ng', 'Daniel Roth', 'Đorđe Jovanović', 'Əli Məmmədov', 'Emre Kaya', 'Lena Berg', 'Łukasz Nowak', 'Øyvind Berg', 'Zeynep Öz', 'ZHANG Wei']);
  });
});

describe('list people beside one very long name', () => {
  it('cuts that name after its start before it leaves out anyone\'s risks: whole at 80 columns for ordinary names, at 120 for four', async () => {
    const demo = (args: string[], columns: number) => caselog(args, { db, today: '2020-02-01', env: { COLUMNS: String(columns) } });
    await c(['add', 'case', '--ref', 'UA 200/26', '--title', 'Fear of torture']);
    await c(['add', 'person', 'Abdulkhakim Abdulkhamidovich Nurmukhammedov-Sayfutdinov', '--case', 'UA 200/26', '--risk', 'torture', '--new']);
    await c(['add', 'person', 'Nguyen Van An', '--risk', 'health', '--risk', 'torture', '--status', 'detained', '--new']);
    await c(['add', 'person', 'Hemit Memet', '--risk', 'death-penalty', '--risk', 'torture', '--risk', 'arbitrary-detention', '--risk', 'unfair-trial', '--new']);
    const at80 = (await demo(['list', 'people'], 80)).stdout.split('\n');
    expect(at80.find((line) => line.startsWith('Nguyen'))).toMatch(/^Nguyen Van An +detained +torture, health$/);
    expect(at80[1]).toMatch(/^Abdulkhakim Abdulk\u2026 {2}/);
    expect(at80.find((line) => line.startsWith('Hemit'))).toMatch(/^Hemit Memet +unknown +death-penalty, torture \+2$/);
    const at120 = (await demo(['list', 'people'], 120)).stdout;
    expect(at120).toContain('death-penalty, torture, arbitrary-detention, unfair-trial');
  });
});

describe('list people on a narrow terminal', () => {
  // On a terminal of that width, colour codes left out.
  const onTerminal = async (columns: number) =>
    (await caselog(['list', 'people'], { db, today: '2026-11-24', tty: true, columns })).stdout.replace(/\u001b\[[0-9;]*m/g, '').trimEnd().split('\n');

  beforeEach(async () => {
    await c(['add', 'case', '--ref', 'UA 31/26', '--title', 'Enforced disappearance']);
    await c(['add', 'person', 'Gulnara Bazhkenova', '--case', 'UA 31/26', '--status', 'disappeared', '--risk', 'arbitrary-detention',
      '--risk', 'ill-treatment', '--risk', 'torture', '--risk', 'enforced-disappearance', '--new']);
    await c(['add', 'person', 'Ilyas Zordun', '--case', 'UA 31/26', '--status', 'detained', '--risk', 'torture', '--new']);
  });

  it('leaves out later risks whole, saying how many, rather than cut one: "enforced-disappearance +3"', async () => {
    const lines = await onTerminal(80);
    expect(lines[0]).toMatch(/^NAME +STATUS +CASES +RISKS \(gravest first\) +LATEST NEWS$/);
    expect(lines[1]).toMatch(/^Gulnara Bazhkeno\u2026 +disappeared +UA 31\/26 +enforced-disappearance \+3$/);
    expect(lines[2]).toMatch(/^Ilyas Zordun +detained +UA 31\/26 +torture$/);
  });

  it('never leaves the risks out: too narrow for the gravest and the count, one block a person with every risk', async () => {
    const lines = await onTerminal(60);
    expect(lines).toEqual([
      'Gulnara Bazhkenova', '  status: disappeared', '  cases: UA 31/26',
      '  risks (gravest first): enforced-disappearance, torture,', '    ill-treatment, arbitrary-detention', '',
      'Ilyas Zordun', '  status: detained', '  cases: UA 31/26', '  risks (gravest first): torture',
    ]);
  });
});

describe('list people of namesakes on a terminal', () => {
  const onTerminal = async (args: string[], columns: number) =>
    (await caselog(['list', 'people', ...args], { db, today: '2026-11-24', tty: true, columns })).stdout.replace(/\u001b\[[0-9;]*m/g, '').trimEnd().split('\n');

  it('never cuts the id that tells them apart: the name before it gives way, or the list is written a block a person', async () => {
    await c(['add', 'case', '--ref', 'ASA 21/585/2026', '--title', 'Detained']);
    for (const age of ['30', '41', '52']) {
      await c(['add', 'person', 'Abdurehim Abdurehimovich Abdurehim', '--new', '--age', age, '--case', 'ASA 21/585/2026', '--risk', 'arbitrary-detention', '--risk', 'health']);
    }
    const ids = (JSON.parse((await c(['--json', 'list', 'people'])).stdout) as Array<{ id: string }>).map((p) => p.id.slice(0, 10)).sort();
    for (const columns of [100, 90]) {
      const rows = (await onTerminal([], columns)).slice(1);
      expect(rows).toHaveLength(3);
      for (const row of rows) expect(row).toMatch(/^Abdurehim Abd\S*\u2026 \[p-[0-9a-z]{8}\] +unknown +ASA 21\/585\/2026 +arbitrary-detention/);
      expect(rows.map((row) => /\[(p-\w+)\]/.exec(row)![1]).sort()).toEqual(ids);
    }
    // --limit leaves namesakes of those shown out: each shown still has its whole id.
    const two = await onTerminal(['--limit', '2'], 100);
    expect(two.slice(1, 3).map((row) => /^Abdurehim Abd\S*\u2026 \[(p-[0-9a-z]{8})\]/.exec(row)?.[1])).toEqual(ids.slice(0, 2));
    // Too narrow for the name's start and its id besides: a block a person, the name whole.
    const blocks = await onTerminal([], 60);
    expect(blocks.filter((line) => line.startsWith('Abdurehim')).sort()).toEqual(ids.map((id) => `Abdurehim Abdurehimovich Abdurehim [${id}]`));
  });
});
