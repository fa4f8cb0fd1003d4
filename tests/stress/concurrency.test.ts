// Eight OS processes add 250 events each to one database file that none of them finds at the start
// (so they also race to create and migrate it). Every one of the 2,000 events must be there, with
// no "database is locked" or any other failure.
import Database from 'better-sqlite3-multiple-ciphers';
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDb } from '../helpers/cli';
import { bundleCaselog, type Bundle } from './bundle';

const WORKERS = 8;
const EVENTS_EACH = 250;
const NAMES = ['Aigerim Sultanova', 'Bakhyt Nurlanov', 'Dilnoza Karimova', 'Erlan Tokayev', 'Farida Ismailova', 'Gulnara Sadykova', 'Hemit Memet', 'Ilyas Zordun'];
const WORKER = join(dirname(fileURLToPath(import.meta.url)), 'add-worker.mjs');

let bundle: Bundle;
beforeAll(async () => {
  bundle = await bundleCaselog();
});
afterAll(() => bundle?.dispose());

interface WorkerReport { name: string; failures: Array<{ args: string[]; code: number; stderr: string }> }

function startWorker(db: string, name: string): Promise<{ exit: number | null; report?: WorkerReport; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [WORKER, bundle.program, db, name, String(EVENTS_EACH)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('exit', (exit) => {
      let report: WorkerReport | undefined;
      try { report = JSON.parse(stdout) as WorkerReport; } catch { /* reported below */ }
      resolve({ exit, report, stderr });
    });
  });
}

describe('concurrent writers', () => {
  it(`keeps all ${WORKERS * EVENTS_EACH} events from ${WORKERS} processes writing at once`, async () => {
    const db = tempDb();
    const started = Date.now();
    const results = await Promise.all(NAMES.slice(0, WORKERS).map((name) => startWorker(db, name)));
    const seconds = (Date.now() - started) / 1000;

    const failures = results.flatMap((r) => r.report?.failures ?? [{ args: [], code: r.exit ?? -1, stderr: r.stderr }]);
    const locked = failures.filter((f) => /locked|busy/i.test(f.stderr));
    const conn = new Database(db, { readonly: true });
    const events = (conn.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
    const perPerson = conn.prepare(
      `SELECT p.name, count(ep.event_id) AS n, count(DISTINCT e.summary) AS distinct_summaries FROM people p
       LEFT JOIN event_people ep ON ep.person_id = p.id LEFT JOIN events e ON e.id = ep.event_id GROUP BY p.id ORDER BY p.name`,
    ).all() as Array<{ name: string; n: number; distinct_summaries: number }>;
    const logged = (conn.prepare("SELECT count(*) AS n FROM changes WHERE kind = 'events' AND action = 'add'").get() as { n: number }).n;
    const integrity = conn.pragma('integrity_check', { simple: true });
    conn.close();

    console.log(`concurrency: ${WORKERS} processes x ${EVENTS_EACH} events in ${seconds.toFixed(1)} s; found ${events} events, ` +
      `${logged} change-log entries; failures ${failures.length} (locked/busy ${locked.length})`);
    for (const f of failures.slice(0, 5)) console.log('  failure:', JSON.stringify(f).slice(0, 300));

    expect(results.map((r) => r.exit)).toEqual(Array(WORKERS).fill(0));
    expect(failures).toEqual([]);
    expect(events).toBe(WORKERS * EVENTS_EACH);
    expect(logged).toBe(WORKERS * EVENTS_EACH);
    expect(perPerson.map((p) => [p.name, p.n, p.distinct_summaries])).toEqual(
      [...NAMES.slice(0, WORKERS)].sort().map((name) => [name, EVENTS_EACH, EVENTS_EACH]),
    );
    expect(integrity).toBe('ok');
  });

  it('keeps every event when each one is its own real caselog process', async () => {
    // The same race through the real entry point, one process per event: fewer, since each costs
    // a node start-up (about 0.15 s on this machine).
    const PER_WORKER = 20;
    const db = tempDb();
    const started = Date.now();
    const failures: string[] = [];
    await Promise.all(NAMES.slice(0, WORKERS).map(async (name) => {
      const steps = [['add', 'person', name, '--new'],
        ...Array.from({ length: PER_WORKER }, (_, i) => ['add', 'event', name, '--date', '1999-02-11', '--type', 'report', '--summary', `${name} ${i}`])];
      for (const args of steps) {
        const r = await runProcess([bundle.cli, '--db', db, ...args]);
        if (r.code !== 0) failures.push(`${args.slice(0, 3).join(' ')}: exit ${r.code}: ${r.stderr.trim()}`);
      }
    }));
    const conn = new Database(db, { readonly: true });
    const events = (conn.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
    conn.close();
    console.log(`concurrency (real processes): ${WORKERS} x ${PER_WORKER + 1} caselog processes in ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
      `found ${events} events; failures ${failures.length} (locked/busy ${failures.filter((f) => /locked|busy/i.test(f)).length})`);
    expect(failures).toEqual([]);
    expect(events).toBe(WORKERS * PER_WORKER);
  });
});

function runProcess(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CASELOG_TODAY: '1999-03-01' } });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}
