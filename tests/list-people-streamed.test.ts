// list people of thousands: sorted and cut by SQLite (a hundred thousand people were sorted in
// JavaScript to show five), and written out as it is read, a piece at a time (the whole list was
// built in memory first: 400 MB of text, 820 MB of --json, at a hundred thousand people). What the
// user sees is what it was: the order names are read in, namesakes with their ids, the count left out.
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../src/program';
import { inNameOrder } from '../src/domain/names-order';
import { caselog, fileOf, tempDb } from './helpers/cli';

const TODAY = '2026-06-15';
/** Names a reader sorts accents and capitals aside: Đorđe among the D, ZHANG WEI a namesake of Zhang Wei. */
const NAMES = ['Zhang Wei', 'ZHANG WEI', '\u0110or\u0111e Jovanovi\u0107', 'Dorde Jovanovic', '\u018Fli M\u0259mm\u0259dov', 'Ali Mammadov',
  '\u00C9mile Zola', 'emile Zola', '\u0141ukasz Nowak', 'Lukas Nowak', 'Abdurehim Abdurehim'];
const COUNT = 2400;
const id = (kind: string, i: number) => `${kind}-${i.toString(36).padStart(16, '0')}`;

let db: string;
/** The people as imported: id and name. */
const people = Array.from({ length: COUNT }, (_, i) => ({ id: id('p', i + 1), name: `${NAMES[i % NAMES.length]}${i % 3 === 0 ? '' : ` ${i % 97}`}` }));

beforeAll(async () => {
  db = tempDb();
  const file = fileOf('many.json', JSON.stringify({
    format: 'caselog-export', version: 1, cases: [], sources: [], targets: [], events: [], deadlines: [], plans: [], appeals: [],
    people: people.map((p, i) => ({ id: p.id, name: p.name, names: [{ id: id('n', i + 1), name: p.name, note: null }], age: null, ageOn: null, born: null,
      gender: null, citizenship: null, ethnicity: null, status: null, statusOn: null, risks: i % 5 === 0 ? ['torture'] : [], cases: [], recorded: '2026-01-01T00:00:00.000Z' })),
  }));
  const r = await caselog(['import', file], { db, today: TODAY });
  expect(r.code, r.stderr).toBe(0);
}, 60_000);

/** The command's stdout as written: each piece given to write, and stderr. */
async function pieces(args: string[]): Promise<{ writes: string[]; stderr: string }> {
  const writes: string[] = [];
  let stderr = '';
  const code = await run(['--today', TODAY, ...args], {
    env: { CASELOG_DB: db }, stdinIsTTY: false, stdoutIsTTY: false, now: new Date(2026, 5, 15, 12),
    stdout: { write: (s: string) => Boolean(writes.push(s)) }, stderr: { write: (s: string) => { stderr += s; return true; } },
  });
  expect(code, stderr).toBe(0);
  return { writes, stderr };
}

/** A table's rows as their cells. */
const cells = (text: string) => text.trimEnd().split('\n').slice(1).map((line) => line.trim().split(/ {2,}/));

describe('list people of thousands', () => {
  it('is written out a piece at a time, in the order a reader looks names up, namesakes with their ids', async () => {
    const { writes } = await pieces(['list', 'people']);
    expect(writes.length).toBeGreaterThan(3);
    const rows = cells(writes.join(''));
    expect(rows).toHaveLength(COUNT);
    // Each name as often as imported; a name held by several people, with the id telling them apart.
    const shared = new Map<string, number>();
    for (const p of people) shared.set(p.name.toUpperCase(), (shared.get(p.name.toUpperCase()) ?? 0) + 1);
    const label = (p: { id: string; name: string }) => (shared.get(p.name.toUpperCase())! > 1 ? `${p.name} [${p.id.slice(0, 10)}]` : p.name);
    expect(rows.map((r) => r[0])).toEqual(inNameOrder(people).map(label));
  });

  it('with --limit, shows the first of that order and says how many more, namesakes left out still told apart', async () => {
    const whole = cells((await pieces(['list', 'people'])).writes.join(''));
    const { writes, stderr } = await pieces(['list', 'people', '--limit', '5']);
    expect(cells(writes.join(''))).toEqual(whole.slice(0, 5));
    expect(stderr).toBe(`${COUNT - 5} more people not shown: caselog list people --limit 0 shows them all\n`);
    const torture = cells((await pieces(['list', 'people', '--risk', 'torture'])).writes.join(''));
    expect(torture).toHaveLength(COUNT / 5);
    const some = await pieces(['list', 'people', '--risk', 'torture', '--limit', '20']);
    expect(cells(some.writes.join(''))).toEqual(torture.slice(0, 20));
    expect(some.stderr).toBe(`${COUNT / 5 - 20} more people not shown: caselog list people --risk torture --limit 0 shows them all\n`);
  });

  it('--json: the list as JSON.stringify wrote it whole, written a piece at a time; --limit its first', async () => {
    const { writes } = await pieces(['--json', 'list', 'people']);
    expect(writes.length).toBeGreaterThan(3);
    const text = writes.join('');
    const listed = JSON.parse(text) as Array<{ id: string; name: string }>;
    expect(text).toBe(`${JSON.stringify(listed, null, 2)}\n`);
    expect(listed.map((p) => p.id)).toEqual(inNameOrder(people).map((p) => p.id));
    const five = await pieces(['--json', 'list', 'people', '--limit', '5']);
    expect(JSON.parse(five.writes.join(''))).toEqual(listed.slice(0, 5));
    expect((await pieces(['--json', 'list', 'people', '--status', 'deceased'])).writes.join('')).toBe('[]\n');
  });
});
