// The everyday queries must stay served by indexes: with years of records (a million events) one
// full table scan turns an instant answer into seconds, and nothing else would notice. The real
// statements are captured from the Reader as it runs, and SQLite's EXPLAIN QUERY PLAN for each must
// search the expected indexes and scan no table (json_each lists and subquery results aside).
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../src/store/open';
import { deletedCheck } from '../src/store/import-checks';
import { mergedHereLookup } from '../src/store/import-merged-here';
import { Reader } from '../src/store/reader';
import type { SqliteStore } from '../src/store/sqlite-store';
import { deadlinesAbout } from '../src/store/upkeep-read';
import { nextToUndo } from '../src/store/upkeep-undo';
import { caselog, DEMO, tempDb } from './helpers/cli';

interface Captured { sql: string; args: unknown[] }

let db: DB;
const ids: Record<string, string> = {};

beforeAll(async () => {
  const path = tempDb();
  expect((await caselog(['--db', path, 'import', DEMO])).code).toBe(0);
  db = openDatabase({ path, create: false });
  const one = (sql: string) => (db.prepare(sql).get() as { id: string }).id;
  ids.person = one("SELECT person_id AS id FROM person_names WHERE name = 'Hemit Memet'");
  ids.case = one("SELECT id FROM cases WHERE ref = 'UA 77/98'");
});

/** Runs reads against a database whose statements are recorded with their parameters. */
function capturedOn(use: (recording: DB) => unknown, on: DB = db): Captured[] {
  const seen: Captured[] = [];
  const recording = {
    prepare(sql: string) {
      const statement = on.prepare(sql);
      const record = (method: 'all' | 'get' | 'iterate' | 'run') => (...args: unknown[]) => {
        seen.push({ sql, args });
        return (statement[method] as (...a: unknown[]) => unknown)(...args);
      };
      const recorded = { all: record('all'), get: record('get'), iterate: record('iterate'), run: record('run'), raw: (on = true) => {
        statement.raw(on);
        return recorded;
      }, pluck: (on?: boolean) => {
        statement.pluck(on ?? true);
        return recorded;
      } };
      return recorded;
    },
    // SQL functions (list people's name_order) on the database the plans are read from.
    function: (...args: unknown[]) => (db.function as (...a: unknown[]) => unknown)(...args),
  } as unknown as DB;
  use(recording);
  expect(seen.length).toBeGreaterThan(0);
  return seen;
}

/** Runs a Reader method against the demo database, its statements recorded. */
const captured = (read: (reader: Reader) => unknown) => capturedOn((recording) => read(new Reader(recording)));

const planOf = (q: Captured): string[] => planOn(q, db);

function planOn(q: Captured, on: DB): string[] {
  return (on.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.args) as Array<{ detail: string }>).map((r) => r.detail);
}

/** Scans of a table: not of a json_each list of ids, nor of a subquery's or CTE's own rows. */
function tableScans(plan: string[]): string[] {
  const derived = new Set(plan.flatMap((line) => /^(?:CO-ROUTINE|MATERIALIZE) (\S+)/.exec(line)?.[1] ?? []));
  return plan.filter((line) => {
    const scanned = /^SCAN (\S+)/.exec(line)?.[1];
    return scanned !== undefined && scanned !== 'json_each' && !scanned.startsWith('(subquery') && !derived.has(scanned);
  });
}

/** Every statement the method ran: no table scanned (but those allowed), and each index named used somewhere. */
function expectIndexed(read: (reader: Reader) => unknown, uses: string[], allowedScans: RegExp[] = []) {
  expectRunIndexed((db) => read(new Reader(db)), uses, allowedScans);
}

function expectRunIndexed(run: (db: DB) => unknown, uses: string[], allowedScans: RegExp[] = []) {
  const plans = capturedOn(run).map((q) => ({ sql: q.sql, plan: planOf(q) }));
  for (const { sql, plan } of plans) {
    const scans = tableScans(plan).filter((line) => !allowedScans.some((a) => a.test(line)));
    expect({ sql: sql.replace(/\s+/g, ' ').slice(0, 120), scans }).toEqual({ sql: sql.replace(/\s+/g, ' ').slice(0, 120), scans: [] });
  }
  const all = plans.flatMap((p) => p.plan).join('\n');
  for (const index of uses) expect(all, `the plans should use ${index}`).toMatch(new RegExp(`USING (COVERING )?INDEX ${index}\\b`));
}

describe('the hot queries use their indexes', () => {
  it('due: open deadlines through the two partial indexes of open ones, never a scan of all deadlines', () => {
    expectIndexed((r) => r.dueDeadlines({ today: '1999-03-01', horizon: '1999-03-31' }), ['deadlines_open_due', 'deadlines_open_warn']);
  });

  it('due --limit: the first deadlines and the count of all, both through the partial indexes of open ones', () => {
    const q = { today: '1999-03-01', horizon: '1999-03-31', limit: 1 };
    expectIndexed((r) => r.dueDeadlines(q), ['deadlines_open_due', 'deadlines_open_warn']);
    const count = captured((r) => r.dueDeadlines(q)).find((c) => /^SELECT count\(\*\)/.test(c.sql));
    expect(planOf(count!).join('\n')).toMatch(/deadlines_open_due[\s\S]*deadlines_open_warn/);
  });

  it('list people: one pass over the people for all of them, a filter by case or risk through its index, those shown by id', () => {
    // Everyone (or everyone in an open case): one pass over the people table, sorted by SQLite, which lists them all.
    const sorted = /^USE TEMP B-TREE FOR ORDER BY$/;
    expectIndexed((r) => r.peopleInNameOrder({}, 5), [], [/^SCAN p$/, /^SCAN people USING COVERING INDEX \S+$/, sorted]);
    expectIndexed((r) => r.peopleInNameOrder({ caseId: ids.case! }, 0), ['sqlite_autoindex_people_1'], [sorted]);
    expectIndexed((r) => r.peopleInNameOrder({ risk: 'torture' }, 5), ['person_risks_risk'], [sorted]);
    // What is shown of the people listed (the first --limit of them): their risks and cases, or whole; their namesakes by the fold of their names.
    expectIndexed((r) => r.peopleShownByIds([ids.person!]), ['sqlite_autoindex_people_1', 'case_people_person', 'sqlite_autoindex_cases_1']);
    expectIndexed((r) => r.peopleWholeByIds([ids.person!]), ['sqlite_autoindex_people_1', 'person_names_person', 'case_people_person']);
    expectIndexed((r) => r.peopleFoldedAlike({}, [ids.person!]), ['person_names_folded', 'sqlite_autoindex_people_1']);
  });

  it("list cases: in reference order by its index (with --limit, stopping there), each one's people and events counted by index", () => {
    const byRef = /^SCAN (c|cases) USING (COVERING )?INDEX sqlite_autoindex_cases_2$/;
    expectIndexed((r) => r.casesListed({}, 1), ['sqlite_autoindex_cases_2'], [byRef]);
    expectIndexed((r) => r.casesListed({ open: true, risk: 'torture' }, 0), ['sqlite_autoindex_cases_2'], [byRef]);
    // The cases' people in one statement for all of them, not one a case (20,000 at a million events).
    expect(captured((r) => r.casesListed({}, 0)).length).toBe(2);
    // The case's own events by the index alone; the events on no case found once, then by the person:
    // not each event of each person in the case, looked up to see whether it is on no case.
    expectIndexed((r) => r.caseEventCounts([ids.case!]), ['events_case_date']);
    const counts = captured((r) => r.caseEventCounts([ids.case!])).flatMap(planOf).join('\n');
    expect(counts).not.toMatch(/event_people_person/);
  });

  it("at-risk: the people at risk in one pass, their open cases and next deadlines from the open ones, by index", () => {
    // Listing everyone at risk passes over the people table once (cheaper than looking up half of
    // them by id) and over the cases for the open ones; every link is followed by its index.
    const passes = [/^SCAN p$/, /^SCAN cases$/];
    const links = ['sqlite_autoindex_person_risks_1', 'case_people_person', 'deadlines_open_case'];
    expectIndexed((r) => r.atRisk(undefined), links, passes);
    expectIndexed((r) => r.atRiskList(undefined), links, passes);
    // The list's next deadlines by the rowid `next` keeps from the row min() picked, not by id again.
    expect(captured((r) => r.atRiskList(undefined)).flatMap(planOf).join('\n')).toMatch(/SEARCH d USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    // One risk: its people through the risk's index, not a pass over everyone.
    expectIndexed((r) => r.atRiskList('torture'), ['person_risks_risk', ...links.slice(1)], passes.slice(1));
  });

  it("closing a case: which of its people at-risk lists, from them and their cases by index, not the whole list", () => {
    // The whole list passes over the people and the cases (above): close read it twice, most of a
    // second at a million events, to say who of the case's few people leaves it.
    expectIndexed((r) => r.atRiskList(undefined, [ids.person!]),
      ['sqlite_autoindex_people_1', 'case_people_person', 'deadline_people_person', 'sqlite_autoindex_cases_1', 'deadlines_open_case']);
    expect(captured((r) => r.atRiskList(undefined, [ids.person!])).flatMap(planOf).join('\n')).not.toMatch(/SCAN (p|cases)$/m);
  });

  it("an import: whether a file's record was deleted or merged away here, by the change log's record and batch indexes", () => {
    // Each asked of an id the file holds: reading the whole log first took seconds at a million events.
    const sql = (text: string) => db.prepare(text);
    expectRunIndexed((recording) => deletedCheck((text) => recording.prepare(text))(ids.person!), ['changes_record']);
    expectRunIndexed((recording) => mergedHereLookup(recording)('p-0000000000000000'), ['sqlite_autoindex_people_1', 'changes_record', 'changes_batch']);
    expect(deletedCheck(sql)(ids.person!)).toBe(false);
  });

  it("a dossier (export --format md): the person's or the case's open deadlines by index, not every open deadline", () => {
    const store = (recording: DB) => ({ db: recording, read: new Reader(recording) }) as unknown as SqliteStore;
    expectRunIndexed((recording) => deadlinesAbout(store(recording), { kind: 'person', id: ids.person! }),
      ['deadline_people_person', 'case_people_person']);
    expectRunIndexed((recording) => deadlinesAbout(store(recording), { kind: 'case', id: ids.case! }),
      ['deadlines_open_case', 'deadline_people_person', 'sqlite_autoindex_deadlines_1']);
    // Its done deadlines too, which at a million events are ten times the open ones.
    expectRunIndexed((recording) => deadlinesAbout(store(recording), { kind: 'person', id: ids.person! }, 'done'),
      ['deadline_people_person', 'case_people_person']);
    expectRunIndexed((recording) => deadlinesAbout(store(recording), { kind: 'case', id: ids.case! }, 'done'), ['deadline_people_person']);
  });

  it("a person's timeline: their events and their cases' whole-case events by index", () => {
    expectIndexed((r) => r.personTimeline(ids.person!), ['event_people_person', 'events_case_date', 'case_people_person']);
  });

  it("a case's timeline: the case's events, and its people's, by index", () => {
    expectIndexed((r) => r.caseTimeline(ids.case!), ['events_case_date', 'event_people_person']);
  });

  it('due and timeline: whose name someone else has, by the fold index', () => {
    expectIndexed((r) => r.namesHeldByOthers([ids.person!]), ['person_names_person', 'person_names_folded']);
  });

  it('a name: same fold or shared match keys, by index', () => {
    expectIndexed((r) => r.nameCandidates('Khamit Memet'), ['person_names_folded']);
    // A name not stored as typed goes on to the match keys.
    expectIndexed((r) => r.nameCandidates('Qamit Memmet'), ['person_names_folded']);
    const all = captured((r) => r.nameCandidates('Qamit Memmet')).flatMap(planOf).join('\n');
    expect(all).toMatch(/SEARCH (name_keys|k) USING (PRIMARY KEY|COVERING INDEX)/);
  });

  it('an id prefix: a range of the primary key index', () => {
    for (const [kind, prefix, index] of [['person', 'p-2d', 'people'], ['event', 'e-6', 'events'], ['deadline', 'd-w', 'deadlines']] as const) {
      const plan = captured((r) => r.idsByPrefix(kind, prefix)).flatMap(planOf);
      expect(plan).toEqual([`SEARCH ${index} USING COVERING INDEX sqlite_autoindex_${index}_1 (id>? AND id<?)`]);
    }
  });

  it("the stored ids a sheet's new id begins with: the primary key, one id per length", () => {
    const plan = captured((r) => r.idsBeginning('person', 'p-2d4k8m0q')).flatMap(planOf);
    expect(tableScans(plan)).toEqual([]);
    expect(plan.join('\n')).toMatch(/SEARCH people USING COVERING INDEX sqlite_autoindex_people_1 \(id=\?\)/);
  });

  it('undo: the latest change by its batch, walking back past an undo by index, never reading the whole change log', async () => {
    const path = tempDb();
    expect((await caselog(['--db', path, 'import', DEMO])).code).toBe(0);
    expect((await caselog(['--db', path, 'add', 'event', 'Hemit Memet', '--date', '1999-03-02', '--type', 'report', '--summary', 'x'])).code).toBe(0);
    expect((await caselog(['--db', path, 'undo'])).code).toBe(0);
    const own = openDatabase({ path, create: false });
    try {
      let next: { action: string } | undefined;
      // nextToUndo reads through store.db alone: the recording database stands in for the store.
      const seen = capturedOn((recording) => {
        next = nextToUndo({ db: recording } as SqliteStore);
      }, own);
      expect(next?.action).toBe('import');
      for (const q of seen) {
        const scans = tableScans(planOn(q, own)).filter((line) => !/^SCAN changes USING COVERING INDEX changes_batch$/.test(line));
        expect({ sql: q.sql.replace(/\s+/g, ' ').slice(0, 120), scans }).toEqual({ sql: q.sql.replace(/\s+/g, ' ').slice(0, 120), scans: [] });
      }
    } finally {
      own.close();
    }
  });

  it('the checks can fail: a query that scans a table is caught', () => {
    const scan = planOf({ sql: 'SELECT * FROM deadlines WHERE note = ?', args: ['x'] });
    expect(tableScans(scan)).toEqual(['SCAN deadlines']);
  });
});
