// undo takes an import back whole (what it added removed, what it updated put back), so that an
// import no longer cuts off the changes before it; and where undo must stop (an erase), it says why.
import Database from 'better-sqlite3-multiple-ciphers';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bulkImport } from '../src/store/search-bulk';
import { caselog, DEMO, tempDb } from './helpers/cli';

let db: string;
let dir: string;
const c = (args: string[]) => caselog(args, { db, today: '2026-11-23' });
const exported = async () => (await c(['export', '--format', 'json'])).stdout;
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};
type Obj = Record<string, unknown>;
const demo = async () => JSON.parse(await exported()) as Record<string, Obj[]>;
const KASTER = 'p-54a262vz34jxw1dd';
const KZ = 'c-fwjcwcfyv5bvaz3v';
const RECORDED = '2026-11-20T10:00:00.000Z';

/** A colleague's export: a case of their own with a person and an event on it, and an event about Kaster here. */
const colleague = () => ({
  format: 'caselog-export', version: 1,
  cases: [{ id: 'c-colleague000001', ref: 'UA 5/21', title: 'Fear of torture', countries: ['China'], summary: null, opened: null, closed: null, closeReason: null, recorded: RECORDED }],
  people: [{ id: 'p-colleague000001', name: 'Ayla Demir', names: [{ id: 'n-colleague000001', name: 'Ayla Demir', note: null }], age: null, ageOn: null, born: null,
    gender: null, citizenship: null, ethnicity: null, status: null, statusOn: null, risks: ['torture'], cases: ['c-colleague000001'], recorded: RECORDED }],
  events: [
    { id: 'e-colleague000001', case: 'c-colleague000001', type: 'arrest', status: null, date: { date: '2021-03-02', precision: 'day', approximate: false, dateText: '2 March 2021' },
      summary: 'Taken from her home in Urumqi', place: null, actor: null, people: ['p-colleague000001'], sources: [], recorded: RECORDED },
    { id: 'e-colleague000002', case: KZ, type: 'release', status: null, date: { date: '2026-11-01', precision: 'day', approximate: false, dateText: '1 November 2026' },
      summary: 'Released on bail', place: null, actor: null, people: [KASTER], sources: [], recorded: RECORDED },
  ],
});

beforeEach(async () => {
  db = tempDb();
  dir = mkdtempSync(join(tmpdir(), 'caselog-undo-import-'));
  expect((await c(['import', DEMO])).code).toBe(0);
});
afterEach(() => {
  bulkImport.fromBytes = 1024 * 1024;
});

describe('undo after an import', () => {
  it('removes what it added, and the export is byte for byte what it was', async () => {
    const before = await exported();
    expect((await c(['import', file('colleague.json', colleague())])).stderr).toContain('4 added, 0 updated');
    expect((await c(['--json', 'show', 'Kaster Musakhanuly'])).stdout).toContain('"status": "released"');
    const r = await c(['undo']);
    expect(r).toMatchObject({ code: 0, stderr: expect.stringMatching(/^Undid "caselog import" \(.*colleague\.json\) of \d{4}-\d\d-\d\d \d\d:\d\d: removed case UA 5\/21 \[c-colleagu\] and 3 other records\n$/) });
    expect(await exported()).toBe(before);
    // Derived fields follow: Kaster is imprisoned again, and search no longer finds what went.
    expect(JSON.parse((await c(['--json', 'show', 'Kaster Musakhanuly'])).stdout).status).toBe('imprisoned');
    expect((await c(['search', 'Urumqi'])).stdout).toContain('Nothing matches');
  });

  it('puts back what an import with --replace updated, and removes what it added, in one undo', async () => {
    const before = await exported();
    const mine = await demo();
    const kaster = mine.people!.find((p) => p.id === KASTER)!;
    const changed = {
      ...mine,
      people: mine.people!.map((p) => (p.id === KASTER ? { ...kaster, risks: ['health'], names: (kaster.names as Obj[]).slice(0, 1) } : p)),
      events: [...mine.events!.map((e) => (e.type === 'sentence' ? { ...e, summary: 'Sentenced to seven years' } : e)), ...colleague().events],
      cases: [...mine.cases!, ...colleague().cases], deadlines: mine.deadlines!.map((d) => ({ ...d, doneOn: '2026-11-20' })),
    };
    changed.people!.push(...colleague().people);
    const r = await c(['import', file('changed.json', changed), '--replace']);
    expect(r.stderr).toContain('4 added, 5 updated');
    expect((await c(['undo'])).stderr).toMatch(/: put back Kaster Musakhanuly \[p-54a262vz\] and 4 other records as before; removed case UA 5\/21 \[c-colleagu\] and 3 other records\n$/);
    expect(await exported()).toBe(before);
    // The names it took away are found again.
    expect((await c(['show', 'Qaster Musakhanuly'])).code).toBe(0);
  });

  it('puts back an appeal record an import moved away with its event, or pointed at a target it added', async () => {
    const mine = await demo();
    const [target] = mine.targets!;
    const appeal = (id: string, to: string) => ({ id, target: to, kind: 'sent', via: 'post', response: null, recorded: RECORDED });
    const letters = ['e-appeal0000000001', 'e-appeal0000000002'].map((id) => ({ id, case: KZ, type: 'appeal', status: null,
      date: { date: '2026-11-02', precision: 'day', approximate: false, dateText: '2 November 2026' }, summary: 'Letter sent', place: null, actor: null,
      people: [KASTER], sources: [], recorded: RECORDED }));
    await c(['import', file('letters.json', { format: 'caselog-export', version: 1, events: letters, appeals: letters.map((e) => appeal(e.id, target!.id as string)) })]);
    const before = await exported();
    const newTarget = { ...target, id: 't-colleague000001', name: 'Another Office' };
    const moved = { format: 'caselog-export', version: 1, cases: colleague().cases, targets: [newTarget],
      events: [{ ...letters[0], case: 'c-colleague000001' }], appeals: [appeal('e-appeal0000000002', 't-colleague000001')] };
    expect((await c(['import', file('moved.json', moved), '--replace'])).stderr).toContain('2 added, 2 updated');
    expect((await c(['undo'])).code).toBe(0);
    expect(await exported()).toBe(before);
  });

  it('takes back a CSV import, rows added and rows updated', async () => {
    const before = await exported();
    const sheet = ['id,name,risks', `${KASTER},Kaster Musakhanuly,health`, ',Ayla Demir,torture'].join('\n');
    expect((await c(['import', file('people.csv', sheet), '--replace', '--new'])).stderr).toContain('1 added, 1 updated');
    expect((await c(['undo'])).stderr).toMatch(/^Undid "caselog import" \(.*people\.csv\) of .*: put back Kaster Musakhanuly \[p-54a262vz\] as before; removed Ayla Demir \[p-\w+\]\n$/);
    expect(await exported()).toBe(before);
  });

  it('takes back a large import loaded in bulk, search index included', async () => {
    const before = await exported();
    const searched = (await c(['search', 'Musakhanuly'])).stdout;
    bulkImport.fromBytes = 1;
    expect((await c(['import', file('colleague.json', colleague())])).code).toBe(0);
    bulkImport.fromBytes = 1024 * 1024;
    expect((await c(['search', 'Ayla'])).stdout).toContain('Ayla Demir');
    expect((await c(['undo'])).code).toBe(0);
    expect(await exported()).toBe(before);
    expect((await c(['search', 'Musakhanuly'])).stdout).toBe(searched);
    expect((await c(['search', 'Ayla'])).stdout).toContain('Nothing matches');
  });

  it('takes back a bulk import into an empty database, leaving it empty and its search index whole', async () => {
    db = tempDb();
    bulkImport.fromBytes = 1;
    expect((await c(['import', DEMO])).code).toBe(0);
    bulkImport.fromBytes = 1024 * 1024;
    expect((await c(['undo'])).code).toBe(0);
    expect(JSON.parse(await exported())).toMatchObject({ cases: [], people: [], events: [], targets: [], plans: [] });
    const conn = new Database(db);
    try {
      expect(conn.prepare('SELECT count(*) AS n FROM search_text').get()).toEqual({ n: 0 });
      // Throws when the full-text index disagrees with its content.
      conn.exec("INSERT INTO search_index (search_index) VALUES ('integrity-check')");
    } finally {
      conn.close();
    }
    expect((await c(['import', DEMO, '--replace'])).stderr).toContain('36 added');
    expect((await c(['search', 'Musakhanuly'])).stdout).toContain('Kaster Musakhanuly');
  });

  it('walks back past an import to a delete made before it', async () => {
    const before = await exported();
    expect((await c(['delete', 'Kaster Musakhanuly', '--force'])).stderr).toContain('"caselog undo" puts it back');
    await c(['import', file('someone.json', { format: 'caselog-export', version: 1, people: colleague().people.map((p) => ({ ...p, cases: [] })) })]);
    expect((await c(['undo'])).stderr).toMatch(/^Undid "caselog import" .*: removed Ayla Demir/);
    expect((await c(['undo'])).stderr).toMatch(/^Undid "caselog delete" .*: put back Kaster Musakhanuly/);
    expect(await exported()).toBe(before);
  });

  it('says which records would come back when the file of an import undone is imported again', async () => {
    const path = file('colleague.json', colleague());
    await c(['import', path]);
    await c(['undo']);
    const again = await c(['import', path]);
    expect(again).toMatchObject({ code: 1, stderr: expect.stringContaining('4 records deleted or undone here would come back: case UA 5/21') });
    expect(again.stderr).toMatch(/give --replace \(caselog undo takes an import back\)\n$/);
    expect((await c(['import', path, '--replace'])).stderr).toContain('4 added');
  });
});

describe('where undo stops', () => {
  it('at an erase, saying why and that the changes before it can no longer be undone', async () => {
    await c(['delete', 'Hemit Memet', '--force']);
    await c(['erase', 'Kaster Musakhanuly', '--force']);
    const r = await c(['undo']);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toMatch(/^caselog: undo stops at the erase of \d{4}-\d\d-\d\d \d\d:\d\d: an erase cannot be undone, as what it erased is gone for good; the changes made before it can no longer be undone\n$/);
    expect((await c(['show', 'Hemit Memet'])).code).toBe(1);
  });

  it('at an import an older caselog made, which logged its counts but not the records it added', async () => {
    const before = await exported();
    const conn = new Database(db);
    try {
      conn.prepare("INSERT INTO changes (batch, at, command, action, kind, after) VALUES (99, '2024-05-01T10:00:00.000Z', 'import', 'import', 'file', ?)")
        .run(JSON.stringify({ file: 'old.json', added: 3, updated: 0, unchanged: 0 }));
    } finally {
      conn.close();
    }
    const r = await c(['undo']);
    expect(r).toMatchObject({ code: 1, stderr: expect.stringMatching(/^caselog: undo stops at the import of 2024-05-01 \d\d:\d\d: it was made by an older caselog, which did not record which records the import added; the changes made before it can no longer be undone\n$/) });
    expect(await exported()).toBe(before);
  });

  it('says in its help what it cannot reverse', async () => {
    const help = (await c(['undo', '--help'])).stdout;
    expect(help).toContain('delete, merge or import');
    expect(help).toContain('It cannot reverse an erase');
    expect(help).toContain('the changes made before an erase can no longer be undone');
  });
});
