// A table read a range of its order at a time (src/store/in-order.ts) comes out in exactly the
// order of one query sorting it whole, however it is cut: ranges of one row, of a few, ties across
// their bounds, keys beyond the basic plane (which SQLite and JavaScript order differently), rows
// deleted from the middle.
import { describe, expect, it } from 'vitest';
import { rowsInOrder, type Ordered } from '../src/store/in-order';
import { openDatabase } from '../src/store/open';
import { caselog, DEMO, tempDb } from './helpers/cli';

const NAMES = ['Ана', 'Ana', 'ana', 'Ａna', '𠜎na', 'Ana ', ' Ana', 'Zoë', 'Zoe\u0308', 'محمد', '王', 'Ana'];
const DATES = ['1998', '1998-05', '1998-05-02', '2001', '1890-12-31'];

async function database() {
  const path = tempDb();
  expect((await caselog(['import', DEMO], { db: path })).code).toBe(0);
  const db = openDatabase({ path, create: false });
  const at = '2026-11-24T10:00:00.000Z';
  const person = db.prepare('INSERT INTO people (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)');
  const event = db.prepare("INSERT INTO events (id, type, summary, date, created_at, updated_at) VALUES (?, 'report', ?, ?, ?, ?)");
  db.transaction(() => {
    for (let i = 0; i < 240; i++) {
      // Ids in an order of their own, not the order the rows are stored in.
      const n = String((i * 97) % 241).padStart(3, '0');
      person.run(`p-range${n}`, NAMES[i % NAMES.length], at, at);
      event.run(`e-range${n}`, `Report ${i}, "quoted"`, DATES[i % DATES.length], at, at);
    }
  })();
  // Gaps in the rowids: the sampling reads the next row there is.
  db.exec("DELETE FROM people WHERE id LIKE 'p-range1%'; DELETE FROM events WHERE id LIKE 'e-range0%'");
  return db;
}

const QUERIES: Ordered[] = [
  { table: 'people', as: 'p', keys: ['name', 'id'], select: 'SELECT p.id, p.name FROM people p' },
  { table: 'events', as: 'e', keys: ['date', 'id'], select: 'SELECT e.id, e.date, c.ref FROM events e LEFT JOIN cases c ON c.id = e.case_id' },
];

describe('a table read a range of its order at a time', () => {
  it('comes out as one query sorting it whole gives it, however small the ranges', async () => {
    const db = await database();
    for (const query of QUERIES) {
      const whole = db.prepare(`${query.select} ORDER BY ${query.keys.map((k) => `${query.as}.${k}`).join(', ')}`).all();
      expect(whole.length).toBeGreaterThan(100);
      // Rows of 20-40 bytes: ranges of one row, of a few, of a third of the table, and one range.
      for (const budget of [1, 100, 1000, 3000, 2 ** 30]) {
        expect([...rowsInOrder(db, query, budget)], `${query.table} in ranges of ${budget} bytes`).toEqual(whole);
      }
    }
    db.close();
  });

  it('reads an empty table as empty', async () => {
    const db = await database();
    db.exec('DELETE FROM deadline_people; DELETE FROM deadlines');
    expect([...rowsInOrder(db, { table: 'deadlines', as: 'd', keys: ['due', 'id'], select: 'SELECT d.id FROM deadlines d' }, 1)]).toEqual([]);
    db.close();
  });
});
