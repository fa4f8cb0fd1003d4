// What a database of this caselog's schema should hold and may lack. A table dropped (by hand, by a
// tool that "cleaned" the file) leaves a file SQLite finds whole page by page: integrity checks pass,
// and only the commands that read the table fail. The objects expected are read from a database the
// migrations build in memory, so this list follows every new migration by itself.
import Database from 'better-sqlite3-multiple-ciphers';
import { driverAddon } from './driver-addon';
import type { DB } from './open';
import { MIGRATIONS, runMigration } from './schema';
import { inSentence } from '../domain/text';

interface SchemaObject { type: 'table' | 'trigger'; name: string; table: string; sql: string }

let expected: SchemaObject[] | undefined;

/** The tables (the search index's own among them) and triggers the newest schema is made of. */
function expectedObjects(): SchemaObject[] {
  if (!expected) {
    const db = new Database(':memory:', { nativeBinding: driverAddon() });
    try {
      for (const migration of MIGRATIONS) runMigration(db, migration);
      expected = db.prepare(`SELECT type, name, tbl_name AS "table", sql FROM sqlite_master
        WHERE type IN ('table', 'trigger') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid`).all() as SchemaObject[];
    } finally {
      db.close();
    }
  }
  return expected;
}

export interface Missing { tables: string[]; triggers: string[] }

/**
 * What a database of the newest schema lacks (`schema`: an attached database's name). A trigger is
 * named only when its table is there: a table dropped takes its triggers with it.
 */
export function missingFromSchema(db: DB, schema = 'main'): Missing {
  const present = new Set(db.prepare(`SELECT name FROM "${schema}".sqlite_master WHERE type IN ('table', 'trigger')`).pluck().all() as string[]);
  const objects = expectedObjects();
  const tables = objects.filter((o) => o.type === 'table' && !present.has(o.name)).map((o) => o.name);
  const triggers = objects.filter((o) => o.type === 'trigger' && !present.has(o.name) && present.has(o.table)).map((o) => o.name);
  return { tables, triggers };
}

/** The missing tables said as a user reads them: "the deadlines table", "the deadlines and sources tables". */
export function saidTables(tables: string[]): string {
  return `the ${inSentence(tables)} table${tables.length === 1 ? '' : 's'}`;
}

/**
 * Empty stand-ins, in this connection's memory, for the plain tables the database lacks, so that an
 * export reads every record the other tables hold (events without their sources, when only the
 * links are gone) where a query naming a missing table failed whole. Nothing is written to the file;
 * the stand-ins go with the connection. Returns every table the database lacks.
 */
export function standInForMissingTables(db: DB): string[] {
  const { tables } = missingFromSchema(db);
  for (const object of expectedObjects().filter((o) => tables.includes(o.name))) {
    // The search index and its tables are not read by an export (nor is a virtual table's text plain).
    if (object.name.startsWith('search_') || !/^CREATE TABLE /.test(object.sql)) continue;
    db.exec(object.sql.replace(/^CREATE TABLE /, 'CREATE TEMP TABLE '));
  }
  return tables;
}
