// A large import loads in bulk (src/store/search-bulk.ts): search triggers and secondary indexes are
// set aside and rebuilt at the end of the one transaction. Lowering bulkImport.fromBytes sends a
// small file down that path; each test compares it with the row-by-row import of the same file.
import Database from 'better-sqlite3-multiple-ciphers';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../scripts/bench/generate.mjs';
import { openDatabase } from '../src/store/open';
import { bulkImport } from '../src/store/search-bulk';
import { caselog, tempDb } from './helpers/cli';

const ROW_BY_ROW = Infinity;
const defaultThreshold = bulkImport.fromBytes;
/** Words and names the generator writes (scripts/bench/generate.mjs), a loose spelling among them. */
const TERMS = ['Zhosaly', 'detention', 'Yerzhan Kuanyshbekuly', 'Ержан', 'Yerjan Quanyshbekuli', 'court', 'border crossing', 'Almaty', 'released'];

let dir: string;
let file: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'caselog-bulk-'));
  file = join(dir, 'generated.json');
  generate(file, 2000);
});
afterEach(() => {
  bulkImport.fromBytes = defaultThreshold;
});

async function importInto(db: string, path: string, fromBytes: number, ...flags: string[]) {
  bulkImport.fromBytes = fromBytes;
  try {
    return await caselog(['import', path, ...flags], { db });
  } finally {
    bulkImport.fromBytes = defaultThreshold;
  }
}

function query<T = Record<string, unknown>>(db: string, sql: string): T[] {
  const file = new Database(db, { readonly: true });
  try {
    return file.prepare(sql).all() as T[];
  } finally {
    file.close();
  }
}

/** Everything search reads, in row id order (equal ranks come out in that order), with the ids themselves or not. */
const searchText = (db: string, ids = true) => query(db, `SELECT ${ids ? 'id, ' : ''}kind, record_id, body, folded FROM search_text ORDER BY id`);
const schema = (db: string) => query(db, 'SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name');
/** The order the schema holds its entries in: the bulk path recreates its triggers and indexes, so they move to the end. */
const schemaOrder = (db: string) => query<{ name: string }>(db, "SELECT name FROM sqlite_master WHERE type IN ('trigger', 'index') ORDER BY rowid").map((r) => r.name);
const searches = async (db: string) => Promise.all(TERMS.map(async (t) => (await caselog(['--json', 'search', t, '--limit', '100'], { db })).stdout));
const exported = async (db: string) => (await caselog(['export', '--format', 'json'], { db })).stdout;

function ftsIntact(db: string): void {
  const file = new Database(db);
  try {
    file.exec("INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)");
    expect(file.pragma('integrity_check', { simple: true })).toBe('ok');
  } finally {
    file.close();
  }
}

describe('a bulk import', () => {
  it('leaves search, the schema and the export exactly as a row-by-row import does', async () => {
    const [rowByRow, bulk] = [tempDb(), tempDb()];
    expect((await importInto(rowByRow, file, ROW_BY_ROW)).code).toBe(0);
    const r = await importInto(bulk, file, 0);
    expect(r.code, r.stderr).toBe(0);

    expect(schemaOrder(bulk)).not.toEqual(schemaOrder(rowByRow)); // the bulk path did run
    expect(schema(bulk)).toEqual(schema(rowByRow));
    expect(searchText(bulk)).toEqual(searchText(rowByRow));
    const answers = await searches(bulk);
    expect(answers.filter((a) => a !== '[]\n').length).toBeGreaterThan(5);
    expect(answers).toEqual(await searches(rowByRow));
    expect(await exported(bulk)).toBe(await exported(rowByRow));
    ftsIntact(bulk);
  });

  it('puts the triggers back: what is added, edited and deleted afterwards is searched as usual', async () => {
    const db = tempDb();
    expect((await importInto(db, file, 0)).code).toBe(0);
    const c = (args: string[]) => caselog(args, { db, today: '2026-06-15' });
    expect((await c(['add', 'person', 'Quurmanbek Zzyxova', '--alias', 'Kurmanbek Zyxova'])).code).toBe(0);
    const added = JSON.parse((await c(['--json', 'add', 'event', 'Quurmanbek Zzyxova', '--date', '2020', '--type', 'arrest', '--summary', 'Held at Pzzlograd station'])).stdout);
    const found = async (word: string) => JSON.parse((await c(['--json', 'search', word])).stdout).map((h: { id: string }) => h.id);
    expect(await found('Zyxova')).toHaveLength(1);
    expect(await found('Pzzlograd')).toEqual([added.id]);
    await c(['edit', added.id, '--summary', 'Held at Qxxburg station']);
    expect(await found('Pzzlograd')).toEqual([]);
    expect(await found('Qxxburg')).toEqual([added.id]);
    expect((await c(['delete', added.id, '--force'])).code).toBe(0);
    expect(await found('Qxxburg')).toEqual([]);
  });

  it('into a database that has records, indexes new and changed ones as a row-by-row import does', async () => {
    const [rowByRow, bulk] = [tempDb(), tempDb()];
    for (const db of [rowByRow, bulk]) expect((await importInto(db, file, ROW_BY_ROW)).code).toBe(0);
    const changed = join(dir, 'changed.json');
    writeFileSync(changed, changedExport(readFileSync(file, 'utf8')));
    expect((await importInto(rowByRow, changed, ROW_BY_ROW, '--replace')).stderr).toMatch(/: 2 added, 2 updated, \d+ unchanged/);
    expect((await importInto(bulk, changed, 0, '--replace')).stderr).toMatch(/: 2 added, 2 updated, \d+ unchanged/);

    expect(searchText(bulk)).toEqual(searchText(rowByRow));
    expect(await searches(bulk)).toEqual(await searches(rowByRow));
    for (const word of ['Renamedova', 'Newcomerov', 'Vlorkstad']) {
      expect(JSON.parse((await caselog(['--json', 'search', word], { db: bulk })).stdout)).toHaveLength(1);
    }
    ftsIntact(bulk);
  });

  it('of a file that gives a record twice is refused as a row-by-row import is, and leaves the schema whole', async () => {
    const lines = readFileSync(file, 'utf8').split('\n');
    const people = lines.indexOf('"people":[') + 1;
    const first = JSON.parse(lines[people]!.replace(/,$/, ''));
    const again = { ...first, names: [first.names[0], { id: 'n-again0000000000', name: 'Daulet Twiceov', note: null }] };
    const end = lines.indexOf('"events":[') - 1;
    lines.splice(end, 0, JSON.stringify(again));
    lines[end - 1] += ',';
    const twice = join(dir, 'twice.json');
    writeFileSync(twice, lines.join('\n'));
    const [rowByRow, bulk] = [tempDb(), tempDb()];
    for (const db of [rowByRow, bulk]) openDatabase({ path: db, create: true }).close();
    const before = schema(bulk);
    const message = `${twice}, line ${end + 1} (${first.id}): the same id as an earlier record in the file`;
    expect((await importInto(rowByRow, twice, ROW_BY_ROW)).stderr).toContain(message);
    const r = await importInto(bulk, twice, 0);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(message);
    expect(schema(bulk)).toEqual(before);
    expect(schemaOrder(bulk)).toEqual(schemaOrder(rowByRow));
    expect(query(bulk, 'SELECT (SELECT count(*) FROM people) + (SELECT count(*) FROM search_text) AS n')).toEqual([{ n: 0 }]);
  });
});

/**
 * The export with its last person renamed (the newest rows of person_names are deleted and written
 * again, below the highest rowid there was), a person added after them, one event's summary changed
 * and an event added.
 */
function changedExport(text: string): string {
  const lines = text.split('\n');
  const section = (name: string) => lines.indexOf(`"${name}":[`);
  const lastPerson = section('events') - 2;
  const person = JSON.parse(lines[lastPerson]!.replace(/,$/, ''));
  person.names = [{ id: 'n-renamed0000000', name: 'Arman Renamedova', note: null }, ...person.names.slice(1)];
  person.name = 'Arman Renamedova';
  const newcomer = { ...person, id: 'p-zzzzzzzzzzzzzzzz', name: 'Bolat Newcomerov', names: [{ id: 'n-newcomer000000', name: 'Bolat Newcomerov', note: null }] };
  lines[lastPerson] = `${JSON.stringify(person)},\n${JSON.stringify(newcomer)}${lines[lastPerson]!.endsWith(',') ? ',' : ''}`;
  const firstEvent = section('events') + 1;
  const event = JSON.parse(lines[firstEvent]!.replace(/,$/, ''));
  lines[firstEvent] = `${JSON.stringify({ ...event, summary: 'Seen last at Vlorkstad' })},`;
  const extra = { ...event, id: 'e-zzzzzzzzzzzzzzzz', summary: 'A new event', people: [newcomer.id] };
  lines[firstEvent] += `\n${JSON.stringify(extra)},`;
  return lines.join('\n');
}

describe('a bad record in the middle of a bulk import', () => {
  const broken = (what: string, edit: (r: Record<string, unknown>) => void) => {
    const lines = readFileSync(file, 'utf8').split('\n');
    const at = lines.indexOf('"events":[') + 1000;
    const record = JSON.parse(lines[at]!.replace(/,$/, ''));
    edit(record);
    lines[at] = `${JSON.stringify(record)},`;
    const path = join(dir, `broken-${what}.json`);
    writeFileSync(path, lines.join('\n'));
    return { path, line: at + 1, id: record.id as string };
  };

  it.each([
    ['person', (r: Record<string, unknown>) => { r.people = ['p-doesnotexist0000']; }, 'refers to an unknown person p-doesnotexist0000'],
    ['case', (r: Record<string, unknown>) => { r.case = 'c-doesnotexist0000'; }, 'refers to an unknown case c-doesnotexist0000'],
    ['source', (r: Record<string, unknown>) => { r.sources = ['s-doesnotexist0000']; }, 'refers to an unknown source s-doesnotexist0000'],
    ['date', (r: Record<string, unknown>) => { r.date = { date: '1999-02-30', precision: 'day', approximate: false, dateText: 'x' }; }, '"date"'],
  ])('(an unknown %s) exits 1 naming its line, writes nothing and leaves the triggers in place', async (what, edit, message) => {
    const { path, line, id } = broken(what, edit);
    for (const start of ['empty', 'with records']) {
      const db = tempDb();
      if (start === 'with records') await caselog(['add', 'person', 'Already Tracked'], { db });
      else openDatabase({ path: db, create: true }).close();
      const before = { schema: schema(db), order: schemaOrder(db), rows: searchText(db), changes: query(db, 'SELECT count(*) AS n FROM changes') };
      const r = await importInto(db, path, 0);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`${path}, line ${line} (${id}): ${message}`);
      expect(r.stderr).toContain('nothing was imported');
      expect({ schema: schema(db), order: schemaOrder(db), rows: searchText(db), changes: query(db, 'SELECT count(*) AS n FROM changes') }).toEqual(before);
      expect(query(db, 'SELECT (SELECT count(*) FROM events) + (SELECT count(*) FROM cases) AS n')).toEqual([{ n: 0 }]);
      await caselog(['add', 'person', 'Zorbek Afterwardsov'], { db });
      expect(JSON.parse((await caselog(['--json', 'search', 'Afterwardsov'], { db })).stdout)).toHaveLength(1);
    }
  });
});
