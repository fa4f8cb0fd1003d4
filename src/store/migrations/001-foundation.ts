// Migration 1: the foundation — cases, people and their names, events, sources, deadlines, change log.
import { EVENT_TYPES, RISKS, STATUSES } from '../../domain/types';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/** A date column set: ISO at its precision, the approximate flag and the text as typed. */
const date = (name: string, required = false) =>
  `${name} TEXT${required ? ' NOT NULL' : ''}, ${name}_approx INTEGER NOT NULL DEFAULT 0, ${name}_text TEXT`;

/**
 * The change log as this migration makes it. Kept apart (the text of the migration is the same) for
 * the repair of a log made before its batch column was added here (change-log-repair.ts).
 */
export const CHANGE_LOG = `CREATE TABLE changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    batch INTEGER NOT NULL,
    at TEXT NOT NULL,
    os_user TEXT,
    command TEXT,
    action TEXT NOT NULL,
    kind TEXT,
    record_id TEXT,
    before TEXT,
    after TEXT
  ) STRICT;`;
export const CHANGE_LOG_INDEXES = `CREATE INDEX changes_record ON changes(record_id);
  CREATE INDEX changes_batch ON changes(batch);`;

export const foundation = `
  CREATE TABLE cases (
    id TEXT PRIMARY KEY,
    ref TEXT NOT NULL,
    ref_key TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    countries TEXT NOT NULL DEFAULT '[]',
    summary TEXT,
    ${date('opened')},
    ${date('closed')},
    close_reason TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT;

  CREATE TABLE people (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    age INTEGER,
    ${date('age_on')},
    ${date('born')},
    gender TEXT,
    citizenship TEXT,
    ethnicity TEXT,
    recorded_status TEXT CHECK (recorded_status IN (${list(STATUSES)})),
    recorded_status_on TEXT,
    status TEXT NOT NULL DEFAULT 'unknown' CHECK (status IN (${list(STATUSES)})),
    ${date('status_since')},
    status_event_id TEXT,
    ${date('latest_news')},
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT;

  CREATE TABLE person_names (
    id TEXT PRIMARY KEY,
    person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    folded TEXT NOT NULL,
    is_primary INTEGER NOT NULL DEFAULT 0,
    note TEXT,
    UNIQUE (person_id, name)
  ) STRICT;
  CREATE INDEX person_names_folded ON person_names(folded);
  CREATE INDEX person_names_person ON person_names(person_id);

  CREATE TABLE name_keys (
    key TEXT NOT NULL,
    name_id TEXT NOT NULL REFERENCES person_names(id) ON DELETE CASCADE,
    PRIMARY KEY (key, name_id)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX name_keys_name ON name_keys(name_id);

  CREATE TABLE person_risks (
    person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    risk TEXT NOT NULL CHECK (risk IN (${list(RISKS)})),
    PRIMARY KEY (person_id, risk)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX person_risks_risk ON person_risks(risk, person_id);

  CREATE TABLE case_people (
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    PRIMARY KEY (case_id, person_id)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX case_people_person ON case_people(person_id, case_id);

  CREATE TABLE sources (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    publisher TEXT,
    ref TEXT,
    ref_key TEXT,
    ${date('date')},
    url TEXT,
    reliability TEXT,
    body TEXT,
    hash TEXT UNIQUE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX sources_ref_key ON sources(ref_key);

  CREATE TABLE events (
    id TEXT PRIMARY KEY,
    case_id TEXT REFERENCES cases(id) ON DELETE CASCADE,
    type TEXT NOT NULL CHECK (type IN (${list(EVENT_TYPES)})),
    status TEXT CHECK (status IN (${list(STATUSES)})),
    summary TEXT NOT NULL,
    place TEXT,
    actor TEXT,
    ${date('date', true)},
    whole_case INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX events_case_date ON events(case_id, whole_case, date);

  CREATE TABLE event_people (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, person_id)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX event_people_person ON event_people(person_id, event_id);

  CREATE TABLE event_sources (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, source_id)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX event_sources_source ON event_sources(source_id, event_id);

  CREATE TABLE deadlines (
    id TEXT PRIMARY KEY,
    case_id TEXT REFERENCES cases(id) ON DELETE CASCADE,
    ${date('date', true)},
    due TEXT NOT NULL,
    warn_days INTEGER,
    warn_from TEXT NOT NULL,
    note TEXT NOT NULL,
    done_on TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX deadlines_open_due ON deadlines(due) WHERE done_on IS NULL;
  CREATE INDEX deadlines_open_warn ON deadlines(warn_from) WHERE done_on IS NULL;
  CREATE INDEX deadlines_case ON deadlines(case_id, due);

  CREATE TABLE deadline_people (
    deadline_id TEXT NOT NULL REFERENCES deadlines(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    PRIMARY KEY (deadline_id, person_id)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX deadline_people_person ON deadline_people(person_id, deadline_id);

  ${CHANGE_LOG}
  ${CHANGE_LOG_INDEXES}
`;
