// Copies of the database that sit beside it and hold what it held when they were made: the
// unfinished copy of a cut-off encrypt, rekey or erase, of a restore or of a new database, and the copies
// schema upgrades (upgrade.ts) and restores (restore.ts) keep, whole or cut off.
// Either may keep what the database no longer shows: its plain text once it is encrypted, a person
// erased since.
import { basename } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import type { Check } from './trust-health';
import { copyState, lookAtFile } from './trust-key';
import { copiesBeside, unfinishedBackups, unfinishedCopyOf, unfinishedPartials, unfinishedUpgradeCopies } from './trust-copy';

/**
 * What doctor says of the copies beside the database. `encrypted`: the database is; `lastErase`: when
 * the latest erase happened (real time, as the change log has it), unknown when it could not be read.
 */
export function leftoverChecks(path: string, encrypted: boolean, lastErase: string | undefined): Check[] {
  const checks: Check[] = [];
  const copy = unfinishedCopyOf(path);
  if (existsSync(copy)) {
    checks.push({ name: 'leftovers', ok: false,
      detail: `${copy} is the unfinished copy of an encrypt, rekey or erase that was cut off: it may hold the whole database unencrypted, erased people too`,
      fix: `delete it: rm -f "${copy}" "${copy}-journal" "${copy}-wal" "${copy}-shm" (or run the encrypt or rekey again)` });
  }
  for (const partial of unfinishedUpgradeCopies(path)) {
    checks.push({ name: 'leftovers', ok: false,
      detail: `${partial} is the unfinished copy of a schema upgrade that was cut off (unless a caselog is upgrading the database right now): it is not a whole database and cannot be restored, yet may hold records, erased people too`,
      fix: `delete it: rm -f "${partial}" "${partial}-journal"` });
  }
  for (const partial of unfinishedPartials(path)) {
    checks.push({ name: 'leftovers', ok: false,
      detail: `${partial} (${sizeOf(partial)}) is the unfinished copy of a restore, or of a new database, that was cut off: it is not a whole database and nothing reads it, yet it may hold records, erased people too; the database itself is as it was`,
      fix: `delete it: rm -f ${withSides(partial, ['-wal', '-shm', '-journal'])}` });
  }
  for (const partial of unfinishedBackups(path)) {
    checks.push({ name: 'leftovers', ok: false,
      detail: `${partial} (${sizeOf(partial)}) is the unfinished copy of a backup or an export that was cut off: it is not a whole backup and nothing reads it, yet it may hold records, erased people too; the database itself is as it was`,
      fix: `delete it: rm -f ${withSides(partial, ['-wal', '-shm', '-journal'])} (a backup or export to ${partial.replace(/\.partial-\d+$/, '')} again removes it too)` });
  }
  for (const old of copiesBeside(path)) {
    const restoreCopy = !/\.schema\d+(-\d+)?\.bak$/.test(basename(old));
    const state = copyState(old);
    if (restoreCopy && state !== 'whole') checks.push(cutOffRestoreCheck(old, state));
    else checks.push(cutOff(old) || state !== 'whole' ? cutOffCopyCheck(old) : upgradeCopyCheck(old, encrypted, lastErase));
  }
  return checks;
}

/**
 * A copy a restore was keeping of the database when it was cut off: it reserves the name (empty)
 * before it copies the backup in, and keeps the database just before it replaces it, so the database
 * was never replaced.
 */
function cutOffRestoreCheck(copy: string, state: 'empty' | 'cut-off'): Check {
  const what = state === 'empty'
    ? `${copy} is empty (0 bytes): a restore was cut off before it kept the database there, so it holds nothing`
    : `${copy} (${sizeOf(copy)}) is the copy of the database a restore was keeping when it was cut off: it is not a whole database and cannot be restored`;
  return { name: 'leftovers', ok: false, detail: `${what}; the database itself was not replaced`, fix: `delete it: rm -f ${withSides(copy, ['-wal', '-journal'])}` };
}

/** The file and those of its -wal, -shm or -journal that are there, quoted for the shell. */
function withSides(file: string, sides: string[]): string {
  return [file, ...sides.map((side) => `${file}${side}`).filter((f) => existsSync(f))].map((f) => `"${f}"`).join(' ');
}

/** A file's size as a person reads it: "300 MB", "12 KB". */
function sizeOf(file: string): string {
  const bytes = statSync(file).size;
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/**
 * An upgrade copy an older caselog wrote under its final name and was cut off: empty, or with the
 * journal of its unfinished writing beside it. (A copy kept before a restore may have the database's
 * own journal beside it, to replay when opened: not one of these.)
 */
function cutOff(copy: string): boolean {
  if (!/\.schema\d+(-\d+)?\.bak$/.test(basename(copy))) return false;
  return statSync(copy).size === 0 || existsSync(`${copy}-journal`);
}

function cutOffCopyCheck(copy: string): Check {
  return { name: 'leftovers', ok: false,
    detail: `${copy} is a copy made before a schema upgrade that was cut off before it was finished: it is not a whole database and cannot be restored`,
    fix: `delete it: rm -f "${copy}" "${copy}-journal"` };
}

function upgradeCopyCheck(copy: string, encrypted: boolean, lastErase: string | undefined): Check {
  const plain = encrypted && lookAtFile(copy) === 'plain';
  const erasedSince = lastErase !== undefined && Date.parse(lastErase) > statSync(copy).mtimeMs;
  const fix = `delete it once you no longer need it: rm -f "${copy}" (or move it somewhere safe, such as an encrypted drive)`;
  if (plain || erasedSince) {
    const holds = [
      ...(plain ? ['is not encrypted, unlike the database'] : []),
      ...(erasedSince ? ['was made before an erase, so it may still hold the person erased'] : []),
    ];
    return { name: 'leftovers', ok: false, detail: `${copy}, a copy kept before a schema upgrade or a restore, ${holds.join(', and ')}`, fix };
  }
  return { name: 'upgrade copy', ok: true, detail: `${copy} is a copy kept before a schema upgrade or a restore, holding the database as it was then: ${fix}` };
}
