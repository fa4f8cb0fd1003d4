// An older database reached through a link (home/caselog.db -> vault/caselog.db) is copied before its
// upgrade beside the real file, where its folder protects it and where caselog finds it whichever path
// is given: the copy beside the link was outside the vault, and unseen by doctor and erase given the
// real path, though it still held a person erased since.
import Database from 'better-sqlite3-multiple-ciphers';
import { mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../src/store/schema';
import { caselog, tempDb } from './helpers/cli';

let vault: string;
let home: string;
let real: string;
let link: string;

beforeEach(async () => {
  const root = dirname(tempDb());
  vault = join(root, 'vault');
  home = join(root, 'home');
  mkdirSync(vault, { mode: 0o700 });
  mkdirSync(home, { mode: 0o700 });
  real = join(vault, 'caselog.db');
  link = join(home, 'caselog.db');
  expect((await caselog(['add', 'person', 'Aron Atabek'], { db: real })).code).toBe(0);
  expect((await caselog(['add', 'person', 'Bolat Serikov'], { db: real })).code).toBe(0);
  // As a caselog one schema older left it.
  const raw = new Database(real);
  raw.pragma(`user_version = ${SCHEMA_VERSION - 1}`);
  raw.close();
  symlinkSync(real, link);
});

describe('the copy kept before an upgrade, through a link', () => {
  it('is beside the real file, and erase given either path names it', async () => {
    const r = await caselog(['list', 'people'], { db: link });
    expect(r.code, r.stderr).toBe(0);
    const copy = `caselog.db.schema${SCHEMA_VERSION - 1}.bak`;
    expect(readdirSync(vault)).toContain(copy);
    expect(readdirSync(home).filter((f) => f.includes('.schema'))).toEqual([]);
    const erased = await caselog(['--json', 'erase', 'Aron Atabek', '--force'], { db: real });
    expect(erased.code, erased.stderr).toBe(0);
    expect(JSON.parse(erased.stdout).oldCopies).toEqual([join(vault, copy)]);
  });

  it('is named once when the folder itself is a link', async () => {
    const linkedFolder = join(dirname(vault), 'vault-link');
    symlinkSync(vault, linkedFolder);
    const through = join(linkedFolder, 'caselog.db');
    expect((await caselog(['list', 'people'], { db: through })).code).toBe(0);
    const erased = await caselog(['--json', 'erase', 'Aron Atabek', '--force'], { db: through });
    expect(erased.code, erased.stderr).toBe(0);
    expect(JSON.parse(erased.stdout).oldCopies).toHaveLength(1);
  });
});

