// Real signals to the real binary (needs `npm run build`): Ctrl-C (SIGINT) or kill (SIGTERM) while
// a restore or an import waits for another caselog's lock is heard within about a second, as the
// waiting line promises, and the command stops with nothing changed, nothing left beside the
// database, and one line said.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { another } from './helpers/another';
import { BIN, caselog, DEMO, fileOf, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2026-11-23' });
const exported = async () => (await c(['export', '--format', 'json'])).stdout;
const leftBeside = () => readdirSync(dirname(db)).filter((f) => !/^test\.db(-wal|-shm)?$/.test(f));

/** Runs the binary; sends `signal` once its stderr says it waits; resolves with how it ended and how long it took to. */
function interrupted(args: string[], signal: NodeJS.Signals): Promise<{ code: number | null; stderr: string; afterSignal: number }> {
  const child = spawn(process.execPath, [BIN, '--db', db, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' } });
  let stderr = '';
  let sent = 0;
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    if (!sent && stderr.includes('waiting for another caselog')) {
      sent = Date.now();
      child.kill(signal);
    }
  });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr, afterSignal: Date.now() - sent })));
}

beforeEach(async () => {
  db = tempDb();
  expect((await c(['import', DEMO])).code).toBe(0);
});

describe('a signal while waiting for another caselog', () => {
  it('stops a restore: the database as it was, its copies removed (Ctrl-C, exit 130)', async () => {
    const backup = fileOf('backup.db', '');
    expect((await c(['backup', backup, '--force'])).code).toBe(0);
    expect((await c(['add', 'case', '--ref', 'UA 9/26', '--title', 'Added after the backup'])).code).toBe(0);
    const before = await exported();
    const other = await another(db, 12000);
    const r = await interrupted(['restore', backup, '--force'], 'SIGINT');
    expect(r.code).toBe(130);
    expect(r.stderr).toContain(`caselog: cancelled; nothing was changed: ${db} is as it was\n`);
    await other.end();
    expect(await exported()).toBe(before);
    expect(leftBeside()).toEqual([]);
  }, 30000);

  it('stops an import: nothing imported (kill, exit 143)', async () => {
    const before = await exported();
    const other = await another(db, 12000);
    const r = await interrupted(['import', fileOf('again.json', JSON.stringify({ format: 'caselog-export', version: 1, cases: [] }))], 'SIGTERM');
    expect(r.code).toBe(143);
    expect(r.stderr).toContain('caselog: cancelled; nothing was imported\n');
    await other.end();
    expect(await exported()).toBe(before);
  }, 30000);
});
