// The change log's times are the reader's local time, with its offset from UTC on each line: colleagues
// in other zones reading one database (or a laptop that travelled) can tell when a change was made,
// and a change made in summer keeps summer's offset. --json keeps the moment as recorded, in UTC.
import Database from 'better-sqlite3-multiple-ciphers';
import { beforeAll, describe, expect, it } from 'vitest';
import { caselog, spawnCaselog, tempDb } from './helpers/cli';

let db: string;

beforeAll(async () => {
  db = tempDb();
  expect((await caselog(['add', 'person', 'Ana Lopez'], { db, today: '2026-11-24' })).code).toBe(0);
  // Two imports of known moments: one in summer time, one in winter time (in Berlin).
  const conn = new Database(db);
  try {
    const insert = conn.prepare("INSERT INTO changes (batch, at, os_user, command, action, kind, after) VALUES (?, ?, 'ana', 'import', 'import', 'file', ?)");
    insert.run(901, '2026-07-01T12:05:00.000Z', JSON.stringify({ file: 'summer.json', added: 1, updated: 0, unchanged: 0 }));
    insert.run(902, '2026-01-15T12:05:00.000Z', JSON.stringify({ file: 'winter.json', added: 1, updated: 0, unchanged: 0 }));
  } finally {
    conn.close();
  }
});

const logIn = (tz: string, json = false) => spawnCaselog(['--no-color', ...(json ? ['--json'] : []), 'log'], { CASELOG_DB: db, TZ: tz });
const heads = (stdout: string) => stdout.split('\n').filter((l) => l && !l.startsWith(' '));

describe('log shows when, with the offset from UTC', () => {
  it('on every line, each moment with its own offset (summer and winter time)', () => {
    const r = logIn('Europe/Berlin');
    expect(r.code).toBe(0);
    expect(heads(r.stdout)).toEqual([
      '2026-01-15 13:05 +01:00  ana  import  file',
      '2026-07-01 14:05 +02:00  ana  import  file',
      expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d \+0[12]:00 {2}\S+ {2}add person {2}person p-\w+ "Ana Lopez"$/),
    ]);
  });

  it('in zones behind UTC, by half hours, and far ahead', () => {
    expect(heads(logIn('America/St_Johns').stdout)[0]).toBe('2026-01-15 08:35 -03:30  ana  import  file');
    expect(heads(logIn('Asia/Kolkata').stdout)[0]).toBe('2026-01-15 17:35 +05:30  ana  import  file');
    expect(heads(logIn('Pacific/Kiritimati').stdout)[0]).toBe('2026-01-16 02:05 +14:00  ana  import  file');
    expect(heads(logIn('UTC').stdout)[0]).toBe('2026-01-15 12:05 +00:00  ana  import  file');
  });

  it('--json keeps the moment as recorded, in UTC, whatever the zone', () => {
    const entries = JSON.parse(logIn('Pacific/Kiritimati', true).stdout) as Array<{ at: string }>;
    expect(entries.slice(0, 2).map((e) => e.at)).toEqual(['2026-01-15T12:05:00.000Z', '2026-07-01T12:05:00.000Z']);
    expect(Object.keys(entries[0]!)).toEqual(['seq', 'batch', 'at', 'user', 'session', 'command', 'action', 'kind', 'id', 'changed', 'before', 'after']);
  });
});
