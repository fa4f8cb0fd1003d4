// The schema, as forward migrations, one file each. Each runs in one transaction with the version bump;
// a migration, once released, is never edited: a change is a new migration.
import { foundation } from './migrations/001-foundation';
import { search } from './migrations/002-search';
import { appeals } from './migrations/003-appeals';
import { audit } from './migrations/004-audit';
import { readingIndexes } from './migrations/005-performance';
import { appealAnswers } from './migrations/006-appeal-answers';
import { remakeNameKeys } from './migrations/007-name-keys';
import { refoldNames } from './migrations/008-name-folds';
import { searchMarks } from './migrations/009-search-marks';
import { readNamesAgain } from './migrations/010-name-readings';
import { searchByDate } from './migrations/011-search-dated';
import { changeSessions } from './migrations/012-change-sessions';
import type { DB } from './open';

/**
 * A migration: SQL, or a step that reads what is stored to change it (name keys are made by the name
 * matcher); a step may return people whose derived fields (status, latest news) are to be worked out
 * again, which is done after the last migration, by the code of the newest schema.
 */
export type Migration = string | ((db: DB) => void | string[]);

export const MIGRATIONS: Migration[] = [foundation, search, appeals, audit, readingIndexes, appealAnswers, remakeNameKeys, refoldNames, searchMarks, readNamesAgain, searchByDate, changeSessions];

/** Runs one migration; returns the people it asks to be refreshed (none for SQL). */
export function runMigration(db: DB, migration: Migration): string[] {
  if (typeof migration === 'string') {
    db.exec(migration);
    return [];
  }
  return migration(db) ?? [];
}

export const SCHEMA_VERSION = MIGRATIONS.length;
