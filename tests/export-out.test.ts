// export --out: what is at the path decides how it is written, and a refusal writes nothing.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { BIN, caselog, DEMO, tempDb } from './helpers/cli';

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

  it('answers --json with the file it wrote, keeping stdout JSON', async () => {
    const out = join(dir, 'all.json');
    const r = await c(['--json', 'export', '--out', out]);
    expect(JSON.parse(r.stdout)).toEqual({ path: out, format: 'json' });
    expect(readFileSync(out, 'utf8')).toBe((await c(['export'])).stdout);
  });

  it('refuses a folder in one line and leaves nothing beside it', async () => {
    mkdirSync(join(dir, 'adir'));
    expect(await c(['export', '--out', join(dir, 'adir')])).toMatchObject({ code: 1, stderr: `caselog: cannot write ${join(dir, 'adir')}: it is a folder; --out takes a file name\n` });
    expect(readdirSync(dir)).toEqual(['adir']);
  });

  it("refuses a file in a folder that is not there (a stick not connected, a typo), and never writes over the user's own NAME.partial", async () => {
    writeFileSync(join(dir, 'mine.json.partial'), 'keep');
    expect((await c(['export', '--out', join(dir, 'mine.json')])).code).toBe(0);
    expect(readFileSync(join(dir, 'mine.json.partial'), 'utf8')).toBe('keep');
    const out = join(dir, 'new', 'due.ics');
    for (const format of ['ics', 'json']) {
      expect(await c(['export', '--format', format, '--out', out])).toMatchObject({ code: 1,
        stderr: `caselog: the folder ${join(dir, 'new')} does not exist, so ${out} cannot be written in it (a drive or stick not connected?): connect it, or correct the path given by --out; to write there, make the folder first (mkdir -p ${join(dir, 'new')}); nothing was written\n` });
    }
    expect(readdirSync(dir).sort()).toEqual(['mine.json', 'mine.json.partial']);
    mkdirSync(join(dir, 'new'));
    expect((await c(['export', '--format', 'ics', '--out', out])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^BEGIN:VCALENDAR/);
  });

  it('never writes over the database or its files, through a link or not, and leaves it whole', async () => {
    const before = (await c(['export'])).stdout;
    symlinkSync(db, join(dir, 'link.db'));
    for (const out of [db, `${db}-wal`, join(dir, 'link.db')]) {
      expect(await c(['export', '--format', 'ics', '--out', out])).toMatchObject({ code: 1, stderr: `caselog: cannot write ${out}: it is the database itself (or one of its files); choose another file\n` });
    }
    // Through a link in the folders, to a file not there yet (SQLite would delete a stray -journal), or by a hard link.
    symlinkSync(dirname(db), join(dir, 'dbdir'));
    const journal = join(dir, 'dbdir', `${basename(db)}-journal`);
    linkSync(db, join(dir, 'hard.db'));
    for (const out of [journal, join(dir, 'hard.db')]) {
      expect((await c(['export', '--out', out])).stderr).toBe(`caselog: cannot write ${out}: it is the database itself (or one of its files); choose another file\n`);
    }
    expect((await caselog(['backup', join(dir, 'dbdir', basename(db)), '--force'], { db })).stderr).toBe('caselog: a backup cannot replace the database itself: give another file name\n');
    expect((await c(['export'])).stdout).toBe(before);
  });

  it('makes the file a dangling link points to; says in one line why a path cannot be written', async () => {
    symlinkSync('made.json', join(dir, 'dangling.json'));
    expect((await c(['export', '--out', join(dir, 'dangling.json')])).code).toBe(0);
    expect(lstatSync(join(dir, 'dangling.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'made.json'), 'utf8')).toMatch(/^\{"format":"caselog-export"/);
    writeFileSync(join(dir, 'afile'), '');
    expect((await c(['export', '--out', join(dir, 'afile', 'x.json')])).stderr).toBe(`caselog: cannot write ${join(dir, 'afile', 'x.json')}: a part of the path is a file, not a folder; nothing was written there\n`);
    expect((await c(['export', '--out', `${join(dir, 'newdir')}/`])).stderr).toBe(`caselog: cannot write ${join(dir, 'newdir')}/: it names a folder; --out takes a file name\n`);
    expect(existsSync(join(dir, 'newdir'))).toBe(false);
  });

  it("removes the copy a killed export left (the whole database, which a later erase would not reach)", async () => {
    // A process id no process has (above the kernel's largest).
    writeFileSync(join(dir, 'out.json.partial-99999999'), 'a killed export');
    expect((await c(['export', '--out', join(dir, 'out.json')])).code).toBe(0);
    expect(readdirSync(dir)).toEqual(['out.json']);
  });

  it.skipIf(spawnSync('mkfifo', ['--version']).status !== 0)('writes into a named pipe as it is, for the script reading it', async () => {
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const reader = import('node:fs/promises').then((fs) => fs.readFile(fifo, 'utf8'));
    expect((await c(['export', '--format', 'ics', '--out', fifo])).code).toBe(0);
    expect(await reader).toMatch(/^BEGIN:VCALENDAR/);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });
});

describe('export while another caselog writes', () => {
  it('is the database at one moment: a person and deadline added while it streams are in neither section', async () => {
    // Enough events that the export waits on a full pipe in the middle of its events section.
    const rows = Array.from({ length: 4000 }, (_, i) => `1999-01-${String((i % 28) + 1).padStart(2, '0')},report,Report ${i}: ${'a long summary '.repeat(20)},Hemit Memet`);
    writeFileSync(join(dir, 'events.csv'), ['date,type,summary,people', ...rows].join('\n'));
    expect((await c(['import', join(dir, 'events.csv')])).code).toBe(0);
    const before = (await c(['export'])).stdout;

    const child = spawn(process.execPath, [BIN, '--db', db, 'export'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.setEncoding('utf8');
    let text = '';
    await new Promise<void>((resolve) => {
      const take = (chunk: string) => {
        text += chunk;
        if (!text.includes('"events":[')) return;
        child.stdout.off('data', take);
        child.stdout.pause();
        resolve();
      };
      child.stdout.on('data', take);
    });
    // The export is held in its events section (the pipe full), its people already written.
    expect((await c(['add', 'person', 'Zeb Quix', '--case', 'UA 77/98'])).code).toBe(0);
    expect((await c(['add', 'deadline', 'Zeb Quix', '--date', '2020-03-01', '--note', 'ask the embassy'])).code).toBe(0);
    const code = await new Promise<number | null>((resolve) => {
      child.stdout.on('data', (chunk: string) => { text += chunk; });
      child.on('close', resolve);
      child.stdout.resume();
    });
    expect(code).toBe(0);
    expect(text).toBe(before);
    // So it imports whole, and the writes are in the database and the next export.
    const copy = tempDb();
    writeFileSync(join(dir, 'copy.json'), text);
    expect((await caselog(['import', join(dir, 'copy.json')], { db: copy })).code).toBe(0);
    expect((await c(['export'])).stdout).toContain('ask the embassy');
  });
});
