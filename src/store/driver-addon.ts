// Where the SQLite driver's compiled addon is, found once a run: every connection caselog opens
// (the database, a backup, a copy being rekeyed) is given it, so the driver never searches for it.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../errors';

/** Set by the build (scripts/build-lib.mjs): the addon's path from the bundle, as npm installed it. */
declare const CASELOG_DRIVER_ADDON: string | undefined;

let addon: string | undefined;

/**
 * Where the driver's compiled addon is, for its nativeBinding option. Left to find it itself, the
 * driver asks the bindings package, which tries a dozen places with a file-system call each (~2 ms
 * of every command), and from inside the bundle it would look beside the bundle, not the driver.
 * The bundle knows the place from its build; tests, and a bundle moved away, ask Node for the driver.
 */
export function driverAddon(): string {
  if (addon === undefined) {
    const built = typeof CASELOG_DRIVER_ADDON === 'string' ? fileURLToPath(new URL(CASELOG_DRIVER_ADDON, import.meta.url)) : undefined;
    addon = built !== undefined && existsSync(built) ? built : installedAddon();
  }
  return addon;
}

function installedAddon(): string {
  let main: string;
  try {
    main = createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');
  } catch {
    throw new UserError('the SQLite driver (better-sqlite3-multiple-ciphers) is not installed beside caselog: run npm install');
  }
  const built = join(dirname(main), '..', 'build', 'Release', 'better_sqlite3.node');
  if (!existsSync(built)) throw new UserError(`the SQLite driver is not built (no ${built}): run npm rebuild better-sqlite3-multiple-ciphers`);
  return built;
}
