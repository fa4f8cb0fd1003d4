// The copies a sync program (Dropbox, OneDrive, Nextcloud, Syncthing, Seafile) makes beside a
// database kept in a synced folder when two computers changed it at once: each keeps its own version,
// and records added on one are then only in the other's copy. Found by name only: their names are
// the database's with a mark in between ("cases (Berik's conflicted copy 2026-11-24).db",
// "cases.sync-conflict-20261124-101010-ABCDEFG.db", "cases-LAPTOP.db" in a OneDrive folder).
import { readdirSync } from 'node:fs';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';

/** A conflicted copy: the file that holds a database (when there is one) and its -wal, -shm and -journal found with it. */
export interface ConflictedCopy { copy: string; hasDatabase: boolean; sides: string[] }

const SIDE = /(-wal|-shm|-journal)$/;

export function conflictedCopies(path: string): ConflictedCopy[] {
  const folder = dirname(path);
  const name = basename(path);
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  // OneDrive marks a conflict with the computer's name alone: read so only in a folder of OneDrive's.
  const oneDrive = resolve(folder).split(sep).some((part) => /^onedrive\b/i.test(part));
  const isConflict = (base: string) => {
    if (base === name || !base.startsWith(stem) || !base.endsWith(ext) || base.length <= name.length) return false;
    const mark = base.slice(stem.length, base.length - ext.length);
    return /conflict/i.test(mark) || (oneDrive && /^-[^\s.]+$/.test(mark));
  };
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const copies = new Map<string, ConflictedCopy>();
  for (const file of names.sort()) {
    const base = file.replace(SIDE, '');
    if (!isConflict(base)) continue;
    const found = copies.get(base) ?? { copy: join(folder, base), hasDatabase: false, sides: [] };
    if (file === base) found.hasDatabase = true;
    else found.sides.push(join(folder, file));
    copies.set(base, found);
  }
  return [...copies.values()];
}
