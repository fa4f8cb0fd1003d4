// Import of the appeals sections: targets, plans (with their requests) and appeal records.
// Called from import-upsert.ts inside the import's one transaction; records arrive validated and canonical.
import { RecordError, shownId } from '../exchange/format';
import type { Row } from './rows';

type Obj = Record<string, unknown>;
interface Stmt { run(...params: unknown[]): unknown; get(...params: unknown[]): unknown }
type Sql = (text: string) => Stmt;

export function applyAppealRecord(sql: Sql, section: 'targets' | 'plans' | 'appeals', r: Obj, isNew: boolean, at: string): void {
  const exists = (table: string, id: unknown) => sql(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
  switch (section) {
    case 'targets':
      sql(`INSERT INTO targets (id, name, title, address, fax, email, salutation, language, country, created_at, updated_at)
           VALUES (@id, @name, @title, @address, @fax, @email, @salutation, @language, @country, @at, @at)
           ON CONFLICT(id) DO UPDATE SET name = excluded.name, title = excluded.title, address = excluded.address, fax = excluded.fax,
             email = excluded.email, salutation = excluded.salutation, language = excluded.language, country = excluded.country,
             created_at = excluded.created_at, updated_at = excluded.updated_at`)
        .run({ id: r.id, name: r.name, title: r.title, address: (r.address as string[]).join('\n'), fax: r.fax, email: r.email,
          salutation: r.salutation, language: r.language, country: r.country, at });
      return;
    case 'plans': {
      if (!exists('cases', r.case)) throw new RecordError(`refers to an unknown case ${shownId(r.case)}`);
      for (const t of r.targets as string[]) if (!exists('targets', t)) throw new RecordError(`refers to an unknown target ${shownId(t)}`);
      const clash = sql('SELECT id FROM plans WHERE case_id = ? AND id <> ?').get(r.case, r.id) as Row | undefined;
      if (clash) throw new RecordError(`case ${r.case} already has another appeal plan, ${clash.id}`);
      sql(`INSERT INTO plans (id, case_id, copies_to, created_at, updated_at) VALUES (@id, @case_id, @copies_to, @at, @at)
           ON CONFLICT(id) DO UPDATE SET case_id = excluded.case_id, copies_to = excluded.copies_to,
             created_at = excluded.created_at, updated_at = excluded.updated_at`)
        .run({ id: r.id, case_id: r.case, copies_to: r.copiesTo, at });
      if (!isNew) {
        sql('DELETE FROM plan_actions WHERE plan_id = ?').run(r.id);
        sql('DELETE FROM plan_targets WHERE plan_id = ?').run(r.id);
      }
      (r.targets as string[]).forEach((t, i) => sql('INSERT INTO plan_targets (plan_id, target_id, position) VALUES (?, ?, ?)').run(r.id, t, i));
      (r.actions as Obj[]).forEach((a, i) => {
        const inserted = sql('INSERT INTO plan_actions (plan_id, position, text) VALUES (?, ?, ?)').run(r.id, i, a.text);
        const actionId = (inserted as { lastInsertRowid: number | bigint }).lastInsertRowid;
        for (const t of a.targets as string[]) {
          sql('INSERT INTO plan_action_targets (action_id, plan_id, target_id) VALUES (?, ?, ?)').run(actionId, r.id, t);
        }
      });
      return;
    }
    case 'appeals':
      if (!exists('events', r.id)) throw new RecordError(`is about an unknown event ${r.id}`);
      if (!exists('targets', r.target)) throw new RecordError(`refers to an unknown target ${shownId(r.target)}`);
      sql(`INSERT INTO appeal_records (event_id, target_id, kind, via, response, created_at) VALUES (@id, @target, @kind, @via, @response, @at)
           ON CONFLICT(event_id) DO UPDATE SET target_id = excluded.target_id, kind = excluded.kind, via = excluded.via,
             response = excluded.response, created_at = excluded.created_at`)
        .run({ id: r.id, target: r.target, kind: r.kind, via: r.via, response: r.response, at });
      // An answer is an appeal event (migration 6), though an export before it wrote a statement;
      // one the user retyped (a release) stays as they said.
      if (r.kind === 'response') sql("UPDATE events SET type = 'appeal' WHERE id = ? AND type = 'statement'").run(r.id);
  }
}
