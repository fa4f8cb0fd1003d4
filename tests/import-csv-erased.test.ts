// A colleague's sheet of events (or people) that still holds someone erased here: the rows about them
// are known by the ids the sheet gives, refused as an export's are, or taken without them with
// --skip-erased; an erased id never lands on someone added since under the same name.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let a: string;
let b: string;
const c = (db: string, args: string[]) => caselog(args, { db, today: '2026-11-24' });
const save = (db: string, name: string, text: string) => {
  const path = join(dirname(db), name);
  writeFileSync(path, text);
  return path;
};
const onDisk = (db: string, text: string) => ['', '-wal', '-journal'].filter((s) => existsSync(db + s)).some((s) => readFileSync(db + s).includes(Buffer.from(text)));

/** A tracks Kaster and Murat (his release alone, their detention together); B took A's export and erased Murat. */
async function erasedInB(): Promise<{ events: string; people: string }> {
  for (const args of [
    ['add', 'case', '--ref', 'EUR 57/1572/2019', '--title', 'Two detained'],
    ['add', 'person', 'Kaster Musakhanuly', '--case', 'EUR 57/1572/2019'],
    ['add', 'person', 'Murat Tuleuov', '--case', 'EUR 57/1572/2019'],
    ['add', 'event', 'Murat Tuleuov', '--type', 'release', '--date', '2026-11-01', '--summary', 'Murat Tuleuov released on bail in Almaty'],
    ['add', 'event', 'Kaster Musakhanuly', 'Murat Tuleuov', '--type', 'detention', '--date', '2026-11-05', '--summary', 'Kaster Musakhanuly and Murat Tuleuov detained'],
  ]) expect((await c(a, args)).code).toBe(0);
  expect((await c(b, ['import', save(a, 'a.json', (await c(a, ['export'])).stdout)])).code).toBe(0);
  expect((await c(b, ['erase', 'Murat Tuleuov', '--force'])).code).toBe(0);
  return {
    events: save(a, 'a-events.csv', (await c(a, ['export', '--format', 'csv', '--table', 'events'])).stdout),
    people: save(a, 'a-people.csv', (await c(a, ['export', '--format', 'csv', '--table', 'people'])).stdout),
  };
}

const ERASED = /row 2, column people_ids: the person p-\w+ was erased from this database for their safety: --skip-erased imports the rest of the sheet without them/;

beforeEach(() => {
  a = tempDb();
  b = tempDb();
});

describe('import of a sheet holding someone erased here', () => {
  it('refuses the rows about them, saying they were erased and how to take the rest', async () => {
    const { events, people } = await erasedInB();
    const r = await c(b, ['import', events]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(ERASED);
    expect(r.stderr).not.toContain('no person with the stored name');
    const p = await c(b, ['import', people]);
    expect(p.code).toBe(1);
    expect(p.stderr).toMatch(/row \d, column id: the person p-\w+ was erased from this database for their safety: --skip-erased/);
    expect(onDisk(b, 'Tuleuov')).toBe(false);
  });

  it('with --skip-erased, takes the sheet without them: nothing of them comes back', async () => {
    const { people } = await erasedInB();
    expect((await c(a, ['add', 'event', 'Kaster Musakhanuly', '--type', 'hearing', '--date', '2026-11-10', '--summary', 'Kaster Musakhanuly in court'])).code).toBe(0);
    const more = save(a, 'a-events2.csv', (await c(a, ['export', '--format', 'csv', '--table', 'events'])).stdout);
    const r = await c(b, ['import', more, '--skip-erased']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('1 added');
    expect(r.stderr).toContain('note: --skip-erased left out 1 record about them alone');
    const p = await c(b, ['import', people, '--skip-erased']);
    expect(p.code).toBe(0);
    expect(p.stderr).toContain('left out 1 person erased here for their safety');
    const log = (await c(b, ['log', '--limit', '0'])).stdout;
    expect(log).not.toContain('Tuleuov');
    expect((await c(b, ['timeline', 'Kaster Musakhanuly'])).stdout).toContain('[erased] detained');
    expect(onDisk(b, 'Tuleuov')).toBe(false);
  });

  it('never puts an erased person\'s events on someone added since under the same name', async () => {
    const { events } = await erasedInB();
    expect((await c(b, ['add', 'person', 'Murat Tuleuov', '--case', 'EUR 57/1572/2019'])).code).toBe(0);
    const r = await c(b, ['import', events]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(ERASED);
    const s = await c(b, ['import', events, '--skip-erased']);
    expect(s.code).toBe(0);
    const timeline = (await c(b, ['timeline', 'Murat Tuleuov'])).stdout;
    expect(timeline).not.toContain('released');
    expect(timeline).not.toContain('detained');
  });

  // The release row's people column given by hand: the erased man's id, his name and Kaster's.
  const unpaired = (events: string, people: string) => save(a, 'unpaired.csv', readFileSync(events, 'utf8').split('\n')
    .map((line) => (line.includes('released on bail') ? line.replace(/,"?Murat Tuleuov"?(?=,)/, `,"${people}"`) : line)).join('\n'));

  it('with --skip-erased, keeps a row whose people cell names another beside the erased person, for that other', async () => {
    const { events } = await erasedInB();
    const sheet = unpaired(events, 'Murat Tuleuov; Kaster Musakhanuly');
    expect(readFileSync(sheet, 'utf8')).toContain('Murat Tuleuov; Kaster Musakhanuly');
    const r = await c(b, ['import', sheet, '--skip-erased']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('about them alone');
    expect((await c(b, ['timeline', 'Kaster Musakhanuly'])).stdout).toContain('released on bail');
    expect(onDisk(b, 'Tuleuov')).toBe(false);
  });

  it('refuses such a row when the erased person cannot be told from the others, saying to give one name per id', async () => {
    const { events } = await erasedInB();
    expect((await c(b, ['add', 'person', 'Ivan Petrov', '--case', 'EUR 57/1572/2019'])).code).toBe(0);
    const r = await c(b, ['import', unpaired(events, 'Kaster Musakhanuly; Ivan Petrov'), '--skip-erased']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/row 2, column people: people_ids and people do not pair up, so the erased person cannot be told from the others: give one name per id/);
  });
});
