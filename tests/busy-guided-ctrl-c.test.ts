// Ctrl-C in the guided `caselog add` while it waits for a colleague's caselog to let go of the
// database: the wait was one blocking call of up to fifteen seconds, the signal was not heard until it
// ended, and then the process died with everything typed lost. Now the wait goes in slices of a
// second with a pause between, where the signal is heard: it stops at once, nothing changed, with the
// command that records the same, as answering No to "keep waiting?" does. The real binary on a real
// terminal (util-linux's script), the lock held by another process, the signal sent to caselog.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { another } from './helpers/another';
import { BIN, caselog, tempDb } from './helpers/cli';
import { commandsIn } from './helpers/busy';

const script = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
const ps = spawnSync('ps', ['-o', 'pid=', '--ppid', String(process.pid)], { encoding: 'utf8' }).status === 0;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const plain = (text: string) => text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');

describe.skipIf(!script || !ps)('Ctrl-C while the guided add waits for another caselog', () => {
  it('stops within a second or so, changes nothing, and gives the command that records the same', async () => {
    const db = tempDb();
    expect((await caselog(['add', 'case', '--ref', 'UA 1/26', '--title', 'Fear of torture'], { db })).code).toBe(0);
    const other = await another(db, 60_000);
    const child = spawn('script', ['-qec', `exec "${process.execPath}" "${BIN}" --db "${db}" add`, '/dev/null'], { stdio: ['pipe', 'pipe', 'inherit'] });
    let screen = '';
    child.stdout.on('data', (data: Buffer) => { screen += data.toString(); });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const shown = async (text: string) => {
      for (let i = 0; i < 1500 && !plain(screen).includes(text); i++) await pause(20);
      expect(plain(screen)).toContain(text);
    };
    try {
      await shown('What do you want to record?');
      child.stdin.write('\u001b[B\u001b[B\u001b[B');
      await pause(200);
      child.stdin.write('\r');
      await shown('Case reference');
      child.stdin.write('UA 9/26\r');
      await shown('Title');
      child.stdin.write('Fear of refoulement\r');
      await shown('caselog: waiting for another caselog to finish');
      // The caselog process itself (script's child), as kill -INT or a terminal's Ctrl-C reaches it.
      const pid = Number(execFileSync('ps', ['-o', 'pid=', '--ppid', String(child.pid)], { encoding: 'utf8' }).trim());
      const sent = Date.now();
      process.kill(pid, 'SIGINT');
      expect(await exited).toBe(130);
      expect(Date.now() - sent).toBeLessThan(5000);
    } finally {
      child.kill();
      await other.end();
    }
    const said = plain(screen).split('\n').find((line) => line.startsWith('caselog: cancelled'));
    const command = `caselog --db ${db} add case --ref "UA 9/26" --title "Fear of refoulement"`;
    expect(said).toBe(`caselog: cancelled; nothing was changed; once the database is free, this does the same: ${command}`);
    expect((await caselog(['list', 'cases'], { db })).stdout).not.toContain('UA 9/26');
    // Run as printed once the database is free, it records what was answered.
    const [words] = commandsIn(command);
    expect((await caselog(words!, { db })).code).toBe(0);
    expect((await caselog(['show', 'UA 9/26'], { db })).stdout).toContain('Fear of refoulement');
  }, 60_000);
});
