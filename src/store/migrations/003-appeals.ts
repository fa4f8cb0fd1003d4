// Migration 3: appeal targets, plans and what was sent and answered.
// Sending and answering are events (type appeal/statement) on the case; appeal_records links each
// such event to its target with how it went, so that "written to 4 of 6" is one query.
// IF NOT EXISTS: re-running over a database that already has the tables changes nothing.
import { RESPONSES, VIAS } from '../../domain/appeals';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

export const appeals = `
  -- No UNIQUE (name, title): colleagues' databases may each hold the same office under its own id
  -- and must still merge by import; "add target" refuses a duplicate instead.
  CREATE TABLE IF NOT EXISTS targets (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    title TEXT NOT NULL,
    address TEXT NOT NULL,
    fax TEXT,
    email TEXT,
    salutation TEXT,
    language TEXT,
    country TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT;

  CREATE TABLE IF NOT EXISTS plans (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL UNIQUE REFERENCES cases(id) ON DELETE CASCADE,
    copies_to TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT;

  CREATE TABLE IF NOT EXISTS plan_targets (
    plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    target_id TEXT NOT NULL REFERENCES targets(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (plan_id, target_id)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS plan_targets_target ON plan_targets(target_id);

  CREATE TABLE IF NOT EXISTS plan_actions (
    id INTEGER PRIMARY KEY,
    plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    UNIQUE (plan_id, text)
  ) STRICT;
  CREATE INDEX IF NOT EXISTS plan_actions_plan ON plan_actions(plan_id, position);

  CREATE TABLE IF NOT EXISTS plan_action_targets (
    action_id INTEGER NOT NULL REFERENCES plan_actions(id) ON DELETE CASCADE,
    plan_id TEXT NOT NULL,
    target_id TEXT NOT NULL,
    PRIMARY KEY (action_id, target_id),
    FOREIGN KEY (plan_id, target_id) REFERENCES plan_targets(plan_id, target_id) ON DELETE CASCADE
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS plan_action_targets_target ON plan_action_targets(plan_id, target_id);

  CREATE TABLE IF NOT EXISTS appeal_records (
    event_id TEXT PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    target_id TEXT NOT NULL REFERENCES targets(id),
    kind TEXT NOT NULL CHECK (kind IN ('sent', 'response')),
    via TEXT CHECK (via IN (${list(VIAS)})),
    response TEXT CHECK (response IN (${list(RESPONSES)})),
    created_at TEXT NOT NULL,
    CHECK ((kind = 'sent') = (response IS NULL))
  ) STRICT;
  CREATE INDEX IF NOT EXISTS appeal_records_target ON appeal_records(target_id, kind);
`;
