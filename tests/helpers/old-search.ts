// A database's search index as an older caselog left it, for tests of the migrations that made it
// again: migration 2's table and triggers (schema 8), and migration 9's text without signs (10);
// and what a database file holds, read as SQLite reads it.
import Database from 'better-sqlite3-multiple-ciphers';
import { search, SEARCH_SOURCES } from '../../src/store/migrations/002-search';
import { searchMarks } from '../../src/store/migrations/009-search-marks';

/** The search index as the migrations up to `version` (2 to 10) made it, and the file said to be of that schema. */
export function withSearchOfSchema(path: string, version: number): void {
  const file = new Database(path);
  try {
    for (const { table } of Object.values(SEARCH_SOURCES)) {
      for (const on of ['insert', 'update', 'delete']) file.exec(`DROP TRIGGER IF EXISTS search_${table}_${on}`);
    }
    file.exec('DROP TABLE search_index; DROP TABLE search_text;');
    file.exec(search);
    if (version >= 9) searchMarks(file);
    file.pragma(`user_version = ${version}`);
  } finally {
    file.close();
  }
}

/** Rows of a query on the file, opened read-only. */
export function rowsOf(path: string, sql: string): unknown[] {
  const file = new Database(path, { readonly: true });
  try {
    return file.prepare(sql).all();
  } finally {
    file.close();
  }
}
