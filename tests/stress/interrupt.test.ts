// Ctrl-C (SIGINT) and kill (SIGTERM) at random moments during a large import, backup, restore and
// encrypt: each run either finishes (exit 0, everything done, a late signal said as such) or stops
// (exit 130 or 143, "cancelled; ..." said, nothing changed); either way the database passes its
// check and holds all of the change or none of it, and no unfinished copy is left beside it. A
// signal before the command listens ends it at once, as before, having changed nothing; one in the
// last moments, once the command has finished and said so, finds Node no longer listening.
import Database from 'better-sqlite3-multiple-ciphers';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCaselog, type Bundle } from './bundle';
import { writeExport } from './export-file';
import { random, runKilled, SEED, type Run } from './kill';

const EVENTS = 20_000;
const RUNS = 12;
const KEY = 'a passphrase';

let bundle: Bundle;
let dir: string;
const run = (args: string[], killAfter: number, signal: NodeJS.Signals = 'SIGINT', env: Record<string, string> = {}) => runKilled(bundle.cli, args, killAfter, env, signal);
beforeAll(async () => {
  bundle = await bundleCaselog();
  dir = mkdtempSync(join(tmpdir(), 'caselog-interrupt-'));
  writeExport(join(dir, 'big.json'), { people: 40, events: EVENTS, deadlines: 200 });
  // The base: the export imported; the backup restored over it holds one event fewer.
  const first = await run(['--db', join(dir, 'base.db'), 'import', join(dir, 'big.json')], 600_000);
  expect(first.code, first.stderr).toBe(0);
  expect((await run(['--db', join(dir, 'base.db'), 'backup', join(dir, 'older.db')], 600_000)).code).toBe(0);
  const base = new Database(join(dir, 'base.db'));
  const person = (base.prepare('SELECT name FROM people LIMIT 1').get() as { name: string }).name;
  base.close();
  expect((await run(['--db', join(dir, 'base.db'), 'add', 'event', person, '--date', '2026', '--type', 'report', '--summary', 'after the backup'], 600_000)).code).toBe(0);
});
afterAll(() => {
  bundle?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

/** The events a database holds, and whether it passes its check; undefined when it cannot be read (with `key`, if given). */
function events(path: string, key?: string): { events: number; ok: boolean } | undefined {
  const db = new Database(path, { fileMustExist: true });
  try {
    if (key) {
      db.pragma("cipher = 'sqlcipher'");
      db.pragma('legacy = 4');
      db.pragma(`key = '${key}'`);
    }
    return { events: (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n, ok: db.pragma('quick_check', { simple: true }) === 'ok' };
  } catch {
    return undefined;
  } finally {
    db.close();
  }
}

const unfinished = (f: string) => /\.partial-\d+|unfinished/.test(f);
/** What a run that changed nothing leaves in the database's folder: the database alone. */
const theDatabase = (f: string) => /^cases\.db(-wal|-shm)?$/.test(f);

/**
 * Runs `args` on a fresh copy of the base RUNS times, each sent SIGINT or SIGTERM at a random moment;
 * `judge` says of each outcome "none" (nothing changed) or "all" (done), else what is wrong.
 */
async function interruptRepeatedly(name: string, args: (db: string) => string[], judge: (db: string) => 'none' | 'all' | string, env: Record<string, string> = {}) {
  // The moments are drawn within the quicker of two whole runs (one slowed by a busy machine puts
  // most signals after the end).
  let ms = Infinity;
  /** The first word of the line a finished run ends with ("Backed", "Imported"). */
  let finished = '';
  for (let i = 0; i < 2; i++) {
    const full = join(mkdtempSync(join(dir, `${name}-whole-`)), 'cases.db');
    copyFileSync(join(dir, 'base.db'), full);
    const reference = await run(args(full), 600_000, 'SIGINT', env);
    expect(reference.code, reference.stderr).toBe(0);
    expect(judge(full)).toBe('all');
    ms = Math.min(ms, reference.ms);
    finished = reference.stderr.trim().split('\n').at(-1)!.split(' ')[0]!;
  }
  const reference = { ms };
  const next = random(SEED);
  const tally = { stopped: 0, finished: 0, lateSaid: 0, before: 0 };
  const problems: string[] = [];
  for (let i = 0; i < RUNS; i++) {
    const folder = mkdtempSync(join(dir, `${name}-`));
    const trial = join(folder, 'cases.db');
    copyFileSync(join(dir, 'base.db'), trial);
    const at = Math.round(next() * reference.ms * 1.1);
    const signal = i % 2 === 0 ? 'SIGINT' : 'SIGTERM';
    const r: Run = await run(args(trial), at, signal, env);
    const outcome = judge(trial);
    const files = readdirSync(folder);
    const left = files.filter(unfinished);
    const besides = files.filter((f) => !theDatabase(f));
    const said = r.stderr.trim().split('\n');
    const where = `run ${i} (${signal} at ${at} ms, exit ${r.code ?? signal})`;
    if (left.length > 0) problems.push(`${where}: left ${left.join(', ')}`);
    if (r.killed && outcome === 'all' && said.at(-1)!.startsWith(`${finished} `)) {
      // After the command had finished and said so: Node, ending the process, stops listening.
      tally.finished++;
    } else if (r.killed) {
      // Before the command listened: ended at once, nothing begun.
      tally.before++;
      if (outcome !== 'none' || besides.length > 0) problems.push(`${where}: ended by the signal, yet ${outcome}; beside it: ${besides.join(', ')}; said: ${said.join(' | ')}`);
    } else if (r.code === (signal === 'SIGINT' ? 130 : 143)) {
      tally.stopped++;
      if (outcome !== 'none' || besides.length > 0 || !/^caselog: cancelled; /.test(said.at(-1)!)) problems.push(`${where}: ${outcome}; beside it: ${besides.join(', ')}; said ${said.at(-1)}`);
    } else if (r.code === 0) {
      tally.finished++;
      if (said.some((l) => /when the cancel came|too late/.test(l))) tally.lateSaid++;
      if (outcome !== 'all') problems.push(`${where}: finished, yet ${outcome}`);
    } else {
      problems.push(`${where}: ${r.stderr.trim()}`);
    }
    rmSync(folder, { recursive: true, force: true });
  }
  console.log(`interrupt (${name}): ${RUNS} runs signalled at random moments (seed ${SEED}, a full run takes ${reference.ms} ms): ` +
    `${tally.stopped} stopped and said so, ${tally.finished} finished (${tally.lateSaid} saying the cancel came late), ${tally.before} ended before listening`);
  expect(problems).toEqual([]);
  expect(tally.stopped).toBeGreaterThan(0);
}

describe('interrupted at random moments', () => {
  it(`an import of ${EVENTS.toLocaleString('en')} events imports all of it or none, and says which`, async () => {
    const other = join(dir, 'other.json');
    writeExport(other, { people: 40, events: EVENTS, deadlines: 200 });
    await interruptRepeatedly('import', (db) => ['--db', db, 'import', other], (db) => {
      const read = events(db);
      return !read?.ok ? 'damaged' : read.events === EVENTS + 1 ? 'none' : read.events === 2 * EVENTS + 1 ? 'all' : `${read.events} events`;
    });
  });

  it('a backup writes a whole copy or none, and leaves no partial copy', async () => {
    const target = (db: string) => join(db, '..', 'backup.db');
    await interruptRepeatedly('backup', (db) => ['--db', db, 'backup', target(db)], (db) => {
      if (!existsSync(target(db))) return 'none';
      const read = events(target(db));
      return read?.ok && read.events === EVENTS + 1 ? 'all' : 'a broken copy';
    });
  });

  it('a restore leaves the database as it was or the backup in its place', async () => {
    await interruptRepeatedly('restore', (db) => ['--db', db, 'restore', join(dir, 'older.db'), '--force'], (db) => {
      const read = events(db);
      return !read?.ok ? 'damaged' : read.events === EVENTS + 1 ? 'none' : read.events === EVENTS ? 'all' : `${read.events} events`;
    });
  });

  it('an encrypt leaves the database plain or encrypted, whole', async () => {
    await interruptRepeatedly('encrypt', (db) => ['--db', db, 'encrypt'], (db) => {
      const plain = events(db);
      const encrypted = plain ? undefined : events(db, KEY);
      const read = plain ?? encrypted;
      return !read?.ok || read.events !== EVENTS + 1 ? 'damaged or short' : plain ? 'none' : 'all';
    }, { CASELOG_PASSPHRASE: KEY });
  });
});
