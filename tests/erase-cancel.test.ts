// Ctrl-C or kill during an erase (tens of seconds on a large database) ended it silently, whether the
// person had been erased or not. It is heard between the steps of its long scans: before the commit
// nothing is erased, and one line says so; after it, the file's rewrite runs to its end and the
// cancel is answered as too late. On a terminal each stage is said as it begins.
import { existsSync, readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Signals } from '../src/context';
import { run } from '../src/program';
import type { Prompter } from '../src/prompter';
import { caselog, DEMO, scriptedPrompter, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2026-11-23' });
const onDisk = (text: string): boolean =>
  ['', '-wal', '-journal'].filter((s) => existsSync(db + s)).some((s) => readFileSync(db + s).includes(Buffer.from(text, 'utf8')));
const tracked = async () => (await c(['show', 'Hemit Memet'])).code === 0;

/**
 * erase --force on a terminal (or asking `asked` to confirm), a signal sent when it says a line starting with `cue` (undefined: as
 * soon as it listens); what it said and its exit code.
 */
async function erase(cue: string | undefined, asked?: Prompter): Promise<{ code: number; stderr: string }> {
  const listening = new Set<(signal: string) => void>();
  const send = () => {
    for (const listener of [...listening]) listener('SIGINT');
  };
  const signals: Signals = (listener) => {
    listening.add(listener);
    if (cue === undefined) queueMicrotask(send);
    return () => listening.delete(listener);
  };
  let stderr = '';
  const code = await run(['--db', db, '--today', '2026-11-23', 'erase', 'Hemit Memet', ...(asked ? [] : ['--force'])], {
    env: {}, stdinIsTTY: true, stdoutIsTTY: true, now: new Date('2026-11-23T12:00:00Z'), signals, prompter: asked && (async () => asked),
    stdout: { write: () => true },
    stderr: { write: (s: string) => {
      stderr += s;
      if (cue !== undefined && s.startsWith(cue)) send();
      return true;
    } },
  });
  return { code, stderr };
}

beforeEach(async () => {
  db = tempDb();
  expect((await c(['import', DEMO])).code).toBe(0);
});

describe('an erase cancelled', () => {
  it('while it looks for their names: nothing erased, said in one line, exit 130', async () => {
    const r = await erase(undefined);
    expect(r.stderr).toBe('Looking through the records for their names; on a large database this takes a while. Ctrl-C stops it safely: nothing is erased yet.\n'
      + 'caselog: cancelled; nothing was erased\n');
    expect(r.code).toBe(130);
    expect(await tracked()).toBe(true);
  });

  it('while it looks for their names before asking: nothing asked, nothing erased', async () => {
    const prompter = scriptedPrompter(['Hemit Memet']);
    const r = await erase('Looking through', prompter);
    expect(r.stderr).toBe('Looking through the records for their names; on a large database this takes a while. Ctrl-C stops it safely: nothing is erased before you confirm.\n'
      + 'caselog: cancelled; nothing was erased\n');
    expect(r.code).toBe(130);
    expect(prompter.asked).toEqual([]);
    expect(await tracked()).toBe(true);
  });

  it('while it erases, before its commit: rolled back, nothing erased', async () => {
    const r = await erase('Erasing them');
    expect(r.stderr).toMatch(/\nErasing them from the records and the change log; Ctrl-C still stops it with nothing erased\.\ncaselog: cancelled; nothing was erased\n$/);
    expect(r.code).toBe(130);
    expect(await tracked()).toBe(true);
    // The newest change is still the one before the erase (by its action: the text of the log may hold
    // the word in a path).
    const [newest] = JSON.parse((await c(['log', '--limit', '1', '--json'])).stdout) as Array<{ action: string; command: string }>;
    expect(newest).toMatchObject({ action: expect.not.stringMatching(/erase/), command: expect.not.stringMatching(/erase/) });
  });

  it('while the file is rewritten: too late, the rewrite finished and the erase reported, exit 0', async () => {
    const r = await erase('Erased; now rewriting');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Erased; now rewriting the file so that nothing of them stays in it (too late to cancel).\n'
      + 'caselog: the cancel came too late to stop it: the erase was saved, and cannot be undone\n'
      + 'Erased one person');
    expect(r.stderr).toContain('the file was rewritten');
    expect(await tracked()).toBe(false);
    expect(onDisk('Khamit Memet')).toBe(false);
  });
});
