// Crash safety of changing keys and of backups. "caselog rekey" and "caselog encrypt" killed with
// SIGKILL at random moments must leave a database that the old passphrase (or, for encrypt, no
// passphrase) or the new one opens, with every record, never one that neither opens; the next run
// finishes the job and removes the unfinished copy a killed run left beside the database. A killed
// "caselog backup" may leave its partial copy, owner-only, which the next backup removes.
import Database from 'better-sqlite3-multiple-ciphers';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCaselog, type Bundle } from './bundle';
import { writeExport } from './export-file';
import { random, runKilled as runCli, SEED } from './kill';

const EVENTS = 20_000;
const KILLS = 30;
const BACKUP_KILLS = 12;
const OLD = 'old passphrase';
const NEW = 'new passphrase';

let bundle: Bundle;
const runKilled = (args: string[], env: Record<string, string>, killAfter: number) => runCli(bundle.cli, args, killAfter, env);
let dir: string;
beforeAll(async () => {
  bundle = await bundleCaselog();
  dir = mkdtempSync(join(tmpdir(), 'caselog-crash-rekey-'));
  writeExport(join(dir, 'big.json'), { people: 40, events: EVENTS, deadlines: 200 });
});
afterAll(() => {
  bundle?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const SQL = {
  events: 'SELECT count(*) AS n FROM events', people: 'SELECT count(*) AS n FROM people',
  deadlines: 'SELECT count(*) AS n FROM deadlines', changes: 'SELECT count(*) AS n FROM changes',
};

/** What a passphrase (undefined: none) reads in the file: its counts and integrity, or undefined when it cannot read it. */
function readWith(path: string, passphrase: string | undefined): { counts: string; integrity: string } | undefined {
  const db = new Database(path, { timeout: 15000 }); // read-write: a hot journal is rolled back, as caselog would
  try {
    if (passphrase !== undefined) {
      db.pragma("cipher = 'sqlcipher'");
      db.pragma('legacy = 4');
      db.pragma(`key = '${passphrase}'`);
    }
    const counts = Object.entries(SQL).map(([k, q]) => `${k}=${(db.prepare(q).get() as { n: number }).n}`).join(' ');
    return { counts, integrity: db.pragma('integrity_check', { simple: true }) as string };
  } catch {
    return undefined;
  } finally {
    db.close();
  }
}

/** Tries the keys in turn on a copy of the file as the kill left it (with its journal), as a user would. */
function tryInOrder(path: string, keys: Array<string | undefined>): { key?: string; read?: { counts: string; integrity: string } } {
  const probe = join(dir, 'probe.db');
  for (const side of ['', '-journal', '-wal', '-shm']) {
    rmSync(`${probe}${side}`, { force: true });
    if (existsSync(`${path}${side}`)) copyFileSync(`${path}${side}`, `${probe}${side}`);
  }
  for (const key of keys) {
    const read = readWith(probe, key);
    if (read) return { key, read };
  }
  return {};
}

const leftovers = (name: string) => readdirSync(dir).filter((f) => f.startsWith(`${name}.`) || f.startsWith(`${name}-`));

async function killRepeatedly(name: string, base: string, command: 'rekey' | 'encrypt', before: string | undefined, after: string) {
  const env: Record<string, string> = command === 'rekey' ? { CASELOG_PASSPHRASE: before!, CASELOG_NEW_PASSPHRASE: after } : { CASELOG_PASSPHRASE: after };
  const expected = readWith(base, before)!;
  expect(expected.integrity).toBe('ok');
  const full = join(dir, `${name}-full.db`);
  copyFileSync(base, full);
  const reference = await runKilled(['--db', full, command], env, 600_000);
  expect(reference.code, reference.stderr).toBe(0);
  expect(readWith(full, after)).toEqual(expected);

  const next = random(SEED);
  const outcomes = { before: 0, after: 0, neither: 0, lost: 0, killedMidway: 0, leftCopy: 0, finishFailed: 0 };
  const problems: string[] = [];
  for (let i = 0; i < KILLS; i++) {
    const trialName = `${name}-${i}.db`;
    const trial = join(dir, trialName);
    copyFileSync(base, trial);
    // A third of the kills anywhere, the others late in the run, where the new file is checked and swapped in.
    const at = Math.round(reference.ms * [next() * 1.1, 0.6 + next() * 0.5, 0.85 + next() * 0.2][i % 3]!);
    const run = await runKilled(['--db', trial, command], env, at);
    if (run.killed) outcomes.killedMidway++;
    if (leftovers(trialName).some((f) => f.includes('unfinished'))) outcomes.leftCopy++;
    // Opening rolls a hot journal back, with the key given: try both orders, each on its own copy.
    const firstBefore = tryInOrder(trial, [before, after]);
    const firstAfter = tryInOrder(trial, [after, before]);
    const withBefore = Boolean(firstBefore.read) && firstBefore.key === before;
    const found = firstBefore.read;
    if (!found || !firstAfter.read) {
      outcomes.neither++;
      problems.push(`run ${i} killed at ${at} ms: ${found ? 'the new passphrase tried first' : 'neither passphrase'} opens it (${leftovers(trialName).join(', ')})`);
    } else if (found.counts !== expected.counts || found.integrity !== 'ok' || firstAfter.read.counts !== expected.counts) {
      outcomes.lost++;
      problems.push(`run ${i} killed at ${at} ms: ${found.counts}, integrity ${found.integrity}`);
    } else {
      outcomes[withBefore ? 'before' : 'after']++;
      // The next run finishes the job and clears what the killed one left.
      const finish = withBefore
        ? await runKilled(['--db', trial, command], env, 600_000)
        : command === 'rekey' ? await runKilled(['--db', trial, 'rekey'], { CASELOG_PASSPHRASE: after, CASELOG_NEW_PASSPHRASE: 'third' }, 600_000) : undefined;
      const finalKey = !finish ? after : withBefore ? after : 'third';
      if (finish && finish.code !== 0) problems.push(`run ${i}: the next ${command} failed: ${finish.stderr.trim()}`);
      const final = readWith(trial, finalKey);
      const left = leftovers(trialName);
      if ((finish && finish.code !== 0) || final?.counts !== expected.counts || (finish && left.length)) {
        outcomes.finishFailed++;
        problems.push(`run ${i}: after the next ${command}: ${final?.counts ?? 'unreadable'}; left beside it: ${left.join(', ')}`);
      }
    }
    for (const f of leftovers(trialName)) rmSync(join(dir, f), { force: true });
    rmSync(trial, { force: true });
  }
  console.log(`crash (${name}): ${KILLS} runs of "caselog ${command}" killed at random moments (seed ${SEED}, a full run takes ${reference.ms} ms): ` +
    `${outcomes.killedMidway} killed mid-run, ${outcomes.before} left the old file, ${outcomes.after} the new one, ` +
    `${outcomes.neither} neither, ${outcomes.lost} lost records or failed the integrity check, ` +
    `${outcomes.leftCopy} left an unfinished copy, ${outcomes.finishFailed} not put right by the next run`);
  expect(problems).toEqual([]);
  // That the kills did land mid-run, enough of them to mean something: how many do depends on how
  // the machine's speed now compares with the reference run's (14 of 30 on a loaded CI machine).
  expect(outcomes.killedMidway).toBeGreaterThanOrEqual(KILLS / 3);
}

describe('killed in the middle', () => {
  beforeAll(async () => {
    const file = join(dir, 'big.json');
    const imports = await Promise.all([
      runKilled(['--db', join(dir, 'rekey-base.db'), 'import', file], { CASELOG_PASSPHRASE: OLD }, 600_000),
      runKilled(['--db', join(dir, 'encrypt-base.db'), 'import', file], {}, 600_000),
    ]);
    for (const r of imports) expect(r.code, r.stderr).toBe(0);
  });

  it(`a rekey of ${EVENTS.toLocaleString('en')} events leaves a database one of the two passphrases opens, with every record`, async () => {
    await killRepeatedly('rekey', join(dir, 'rekey-base.db'), 'rekey', OLD, NEW);
  });

  it(`an encrypt of ${EVENTS.toLocaleString('en')} events leaves a database that opens without the passphrase or with it`, async () => {
    await killRepeatedly('encrypt', join(dir, 'encrypt-base.db'), 'encrypt', undefined, NEW);
  });

  for (const [kind, key] of [['plain', undefined], ['encrypted', OLD]] as const) {
    it(`a killed backup of a database that is ${kind} leaves only owner-only partial copies, which the next backup removes`, async () => {
      const base = join(dir, kind === 'plain' ? 'encrypt-base.db' : 'rekey-base.db');
      const env: Record<string, string> = key ? { CASELOG_PASSPHRASE: key } : {};
      const expected = readWith(base, key)!;
      const target = join(dir, `backup-${kind}.db`);
      const reference = await runKilled(['--db', base, 'backup', target], env, 600_000);
      expect(reference.code, reference.stderr).toBe(0);
      rmSync(target);
      const next = random(SEED + 1);
      const found = { partials: 0, notOwnerOnly: 0, leftAfterNext: 0, badCopies: 0 };
      for (let i = 0; i < BACKUP_KILLS; i++) {
        await runKilled(['--db', base, 'backup', target], env, Math.round(reference.ms * (0.3 + next() * 0.8)));
        const partials = leftovers(`backup-${kind}.db`).filter((f) => f.includes('.partial-'));
        found.partials += partials.length;
        found.notOwnerOnly += partials.filter((f) => (statSync(join(dir, f)).mode & 0o077) !== 0).length;
        const again = await runKilled(['--db', base, 'backup', target, '--force'], env, 600_000);
        expect(again.code, again.stderr).toBe(0);
        found.leftAfterNext += leftovers(`backup-${kind}.db`).length;
        if (JSON.stringify(readWith(target, key)) !== JSON.stringify(expected)) found.badCopies++;
        rmSync(target);
      }
      console.log(`crash (backup, ${kind}): ${BACKUP_KILLS} backups killed at random moments (a full one takes ${reference.ms} ms): ` +
        `${found.partials} partial files left, ${found.notOwnerOnly} of them readable by others; after the next backup ` +
        `${found.leftAfterNext} left, ${found.badCopies} copies not whole`);
      expect(found).toMatchObject({ notOwnerOnly: 0, leftAfterNext: 0, badCopies: 0 });
      expect(found.partials).toBeGreaterThan(0);
    });
  }
});
