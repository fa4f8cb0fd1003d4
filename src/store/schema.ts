// The schema, as forward migrations, one file each. Each runs in one transaction with the version bump;
// a migration, once released, is never edited: a change is a new migration.
import { foundation } from './migrations/001-foundation';
import { search } from './migrations/002-search';
import { appeals } from './migrations/003-appeals';
import { audit } from './migrations/004-audit';
import { readingIndexes } from './migrations/005-performance';

export const MIGRATIONS: string[] = [foundation, search, appeals, audit, readingIndexes];

export const SCHEMA_VERSION = MIGRATIONS.length;
