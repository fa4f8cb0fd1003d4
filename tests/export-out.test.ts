// export --out: what is at the path decides how it is written, and a refusal writes nothing.
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, DEMO, tempDb } from './helpers/cli';

let db: string;
let dir: string;
const c = (args: string[]) => caselog(args, { db, today: '2020-02-01' });

beforeEach(async () => {
  db = tempDb();
  dir = mkdtempSync(join(tmpdir(), 'caselog-out-'));
  expect((await c(['import', DEMO])).code).toBe(0);
});

describe('export --out', () => {
  it('writes through a symbolic link to the file it points to, owner-only, and keeps the link', async () => {
    writeFileSync(join(dir, 'target.json'), 'old');
    symlinkSync('target.json', join(dir, 'link.json'));
    expect((await c(['export', '--out', join(dir, 'link.json')])).code).toBe(0);
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'target.json'), 'utf8')).toBe((await c(['export'])).stdout);
    expect(statSync(join(dir, 'target.json')).mode & 0o777).toBe(0o600);
  });

  it('refuses a folder in one line and leaves nothing beside it', async () => {
    mkdirSync(join(dir, 'adir'));
    expect(await c(['export', '--out', join(dir, 'adir')])).toMatchObject({ code: 1, stderr: `caselog: cannot write ${join(dir, 'adir')}: it is a folder; --out takes a file name\n` });
    expect(readdirSync(dir)).toEqual(['adir']);
  });

  it("makes the folders a new file goes in, and never writes over the user's own NAME.partial", async () => {
    writeFileSync(join(dir, 'mine.json.partial'), 'keep');
    expect((await c(['export', '--out', join(dir, 'mine.json')])).code).toBe(0);
    expect(readFileSync(join(dir, 'mine.json.partial'), 'utf8')).toBe('keep');
    expect((await c(['export', '--format', 'ics', '--out', join(dir, 'new', 'sub', 'due.ics')])).code).toBe(0);
    expect(readFileSync(join(dir, 'new', 'sub', 'due.ics'), 'utf8')).toMatch(/^BEGIN:VCALENDAR/);
    expect(readdirSync(dir).sort()).toEqual(['mine.json', 'mine.json.partial', 'new']);
  });

  it('writes into a named pipe as it is, for the script reading it', async () => {
    const fifo = join(dir, 'pipe');
    try {
      execFileSync('mkfifo', [fifo]);
    } catch {
      return; // no mkfifo here
    }
    const reader = import('node:fs/promises').then((fs) => fs.readFile(fifo, 'utf8'));
    expect((await c(['export', '--format', 'ics', '--out', fifo])).code).toBe(0);
    expect(await reader).toMatch(/^BEGIN:VCALENDAR/);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });
});
