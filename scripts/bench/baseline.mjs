// The floor each caselog command is measured against: the least a Node script can do to answer
// the same question — open the file with the same driver, run one equivalent query, print a line
// a row. A person is found by their name's indexed fold (lowercase is the fold of the plain Latin
// names the benchmark looks up). Usage: node scripts/bench/baseline.mjs DB due|at-risk|timeline|insert|search [ARG]
import Database from 'better-sqlite3-multiple-ciphers';

const [path, what, arg] = process.argv.slice(2);
const db = new Database(path, { fileMustExist: true });
const out = [];
const today = '2026-06-15';

const QUERIES = {
  // Open deadlines on open cases: overdue, due within 30 days, or inside their own warning.
  due: () => db.prepare(
    `SELECT d.id, d.due, d.note, c.ref,
       (SELECT json_group_array(p.name) FROM (SELECT person_id FROM deadline_people WHERE deadline_id = d.id
          UNION ALL SELECT person_id FROM case_people WHERE case_id = d.case_id
            AND NOT EXISTS (SELECT 1 FROM deadline_people WHERE deadline_id = d.id)) x JOIN people p ON p.id = x.person_id) AS names
     FROM deadlines d LEFT JOIN cases c ON c.id = d.case_id
     WHERE d.id IN (SELECT id FROM deadlines WHERE done_on IS NULL AND due <= ?
                    UNION ALL SELECT id FROM deadlines WHERE done_on IS NULL AND warn_from <= ?)
       AND c.closed IS NULL ORDER BY d.due`).all('2026-07-15', today)
    .map((r) => `${r.ref}  ${JSON.parse(r.names).join(', ')}\n  ${r.note} — ${r.due}`),
  // People with open risks, not protected or dead, not only in closed cases, with their next deadline.
  'at-risk': () => db.prepare(
    `SELECT p.name, p.status, p.latest_news,
       (SELECT json_group_array(risk) FROM person_risks WHERE person_id = p.id) AS risks,
       (SELECT json_group_array(c.ref) FROM case_people cp JOIN cases c ON c.id = cp.case_id WHERE cp.person_id = p.id) AS refs,
       (SELECT min(d.due) FROM deadlines d WHERE d.done_on IS NULL AND (d.id IN (SELECT deadline_id FROM deadline_people WHERE person_id = p.id)
          OR d.case_id IN (SELECT case_id FROM case_people WHERE person_id = p.id))) AS next
     FROM people p
     WHERE p.id IN (SELECT person_id FROM person_risks) AND p.status NOT IN ('protected', 'deceased')
       AND (NOT EXISTS (SELECT 1 FROM case_people WHERE person_id = p.id)
            OR EXISTS (SELECT 1 FROM case_people cp JOIN cases c ON c.id = cp.case_id WHERE cp.person_id = p.id AND c.closed IS NULL))`).all()
    .map((r) => `${r.name}  ${JSON.parse(r.refs).join(', ')}  ${r.status}\n  risks: ${JSON.parse(r.risks).join(', ')}\n  ${r.latest_news}\n  ${r.next}`),
  // A person's events (named, or on their cases as a whole) in date order, with people and sources.
  timeline: () => db.prepare(
    `SELECT e.date, e.type, e.summary, e.place,
       (SELECT json_group_array(p.name) FROM event_people ep JOIN people p ON p.id = ep.person_id WHERE ep.event_id = e.id) AS people,
       (SELECT json_group_array(s.publisher || ', ' || s.ref) FROM event_sources es JOIN sources s ON s.id = es.source_id WHERE es.event_id = e.id) AS sources
     FROM events e WHERE e.id IN (
       SELECT event_id FROM event_people WHERE person_id = (SELECT person_id FROM person_names WHERE folded = lower(@name))
       UNION SELECT e2.id FROM case_people cp JOIN events e2 ON e2.case_id = cp.case_id AND e2.whole_case = 1
        WHERE cp.person_id = (SELECT person_id FROM person_names WHERE folded = lower(@name)))
     ORDER BY e.date, e.created_at`).all({ name: arg })
    .map((r) => `${r.date}  ${r.type}\n  ${r.summary}\n  ${r.place}\n  ${JSON.parse(r.people).join(', ')}\n  source: ${JSON.parse(r.sources).join('; ')}`),
  // One event for a person, its link and a change-log row, in one immediate transaction, as durable
  // as caselog's writes (better-sqlite3 itself defaults to synchronous=NORMAL under WAL).
  insert: () => {
    db.pragma('synchronous = FULL');
    const id = `e-${Math.random().toString(32).slice(2, 18).padEnd(16, '0')}`;
    const at = new Date().toISOString();
    db.transaction(() => {
      const person = db.prepare('SELECT person_id FROM person_names WHERE folded = lower(?)').get(arg).person_id;
      db.prepare(`INSERT INTO events (id, type, summary, date, date_approx, date_text, created_at, updated_at)
                  VALUES (?, 'statement', 'Bench: family statement', ?, 0, ?, ?, ?)`).run(id, today, today, at, at);
      db.prepare('INSERT INTO event_people (event_id, person_id) VALUES (?, ?)').run(id, person);
      db.prepare(`INSERT INTO changes (batch, at, action, kind, record_id) VALUES (0, ?, 'add', 'events', ?)`).run(at, id);
    }).immediate();
    return [`Recorded ${id}`];
  },
  // Full-text search, on whichever FTS5 table the search work created.
  search: () => {
    const fts = db.prepare("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%fts5%' LIMIT 1").get();
    if (!fts) return ['no full-text table'];
    return db.prepare(`SELECT rowid, snippet("${fts.name}", -1, '[', ']', '…', 8) AS s FROM "${fts.name}" WHERE "${fts.name}" MATCH ? LIMIT 50`)
      .all(arg).map((r) => `${r.rowid}  ${r.s}`);
  },
};

if (!QUERIES[what]) throw new Error(`unknown baseline ${what}`);
out.push(...QUERIES[what]());
process.stdout.write(`${out.join('\n')}\n`);
db.close();
