// Ctrl-C or kill during backup, export --out, restore, encrypt or import: killed outright, they left
// their unfinished copies (NAME.partial-PID, hundreds of MB) and said nothing. They now stop at the
// next point they can, remove what they began, say one line, and exit 130 (143 for kill); a signal
// that comes once the work is done says that it was. Here the signal is a stand-in the run listens
// to (tests/cancel-signal.test.ts sends real ones to the real binary).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Signals } from '../src/context';
import { run } from '../src/program';
import { caselog, DEMO, fileOf, tempDb } from './helpers/cli';

let db: string;
let folder: string;
const c = (args: string[], signals?: Signals, env?: Record<string, string>) => caselog(args, { db, today: '2026-11-23', signals, env });
const exported = async () => (await c(['export', '--format', 'json'])).stdout;
/** The files beside the database, but for the database's own. */
const leftBeside = () => readdirSync(folder).filter((f) => !/^test\.db(-wal|-shm)?$/.test(f));

/** A signal that comes as soon as the command listens: it stops at its first point. */
const atOnce = (signal = 'SIGINT'): Signals => (listener) => {
  queueMicrotask(() => listener(signal));
  return () => {};
};

/** A signal that comes once `path` exists: when the work has put its file in place, too late to stop it. */
const onceThere = (path: string): Signals => (listener) => {
  let listening = true;
  const look = () => {
    if (!listening) return;
    if (existsSync(path)) listener('SIGINT');
    else setImmediate(look);
  };
  setImmediate(look);
  return () => {
    listening = false;
  };
};

beforeEach(async () => {
  db = tempDb();
  folder = dirname(db);
  expect((await c(['import', DEMO])).code).toBe(0);
});

describe('a backup cancelled', () => {
  it('removes its copy, writes nothing and says so (exit 130)', async () => {
    const target = `${folder}/backup.db`;
    const r = await c(['backup', target], atOnce());
    expect(r).toMatchObject({ code: 130, stdout: '', stderr: `caselog: cancelled; no backup was written to ${target}; nothing was changed\n` });
    expect(leftBeside()).toEqual([]);
  });

  it('over an existing file (--force), leaves that file as it was; kill exits 143', async () => {
    const target = `${folder}/backup.db`;
    writeFileSync(target, 'the older backup');
    const r = await c(['backup', target, '--force'], atOnce('SIGTERM'));
    expect(r.code).toBe(143);
    expect(readFileSync(target, 'utf8')).toBe('the older backup');
    expect(leftBeside()).toEqual(['backup.db']);
  });

  it('once written, is kept, and the late cancel is said', async () => {
    const target = `${folder}/backup.db`;
    const r = await c(['backup', target], onceThere(target));
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^caselog: the backup was already written when the cancel came: it is complete and checked\nBacked up /);
    expect(leftBeside()).toEqual(['backup.db']);
  });
});

describe('a signal while the command reports what it did', () => {
  // The work was done and the listener gone: the real process then ended as a shell's
  // "interrupted" (exit 130), whole backup beside it and its line perhaps unsaid.
  it('is answered as a late cancel: the backup kept and reported, exit 0; a second signal is not held', async () => {
    const target = `${folder}/backup.db`;
    const listening = new Set<(signal: string) => void>();
    const signals: Signals = (listener) => {
      listening.add(listener);
      return () => listening.delete(listener);
    };
    let stderr = '';
    let unheard = 0;
    const send = () => {
      if (listening.size === 0) unheard++;
      for (const listener of [...listening]) listener('SIGINT');
    };
    const code = await run(['--db', db, 'backup', target], {
      env: {}, stdinIsTTY: false, stdoutIsTTY: false, now: new Date('2026-11-23T12:00:00Z'), signals,
      stdout: { write: () => true },
      stderr: { write: (s: string) => {
        stderr += s;
        if (s.startsWith('Backed up ')) {
          send();
          send();
        }
        return true;
      } },
    });
    expect(code).toBe(0);
    expect(stderr).toMatch(/^Backed up .*\ncaselog: the backup was already written when the cancel came: it is complete and checked\n/);
    expect(unheard).toBe(1);
    expect(leftBeside()).toEqual(['backup.db']);
  });
});

describe('an export to a file cancelled', () => {
  it('removes its copy and says nothing was written', async () => {
    const target = `${folder}/all.json`;
    const r = await c(['export', '--format', 'json', '--out', target], atOnce());
    expect(r).toMatchObject({ code: 130, stderr: `caselog: cancelled; nothing was written to ${target}\n` });
    expect(leftBeside()).toEqual([]);
  });
});

describe('a CSV export cancelled', () => {
  // Each table was written and put in place in turn: a cancel at the second had said "Wrote
  // people.csv" of a folder it then removed, or left the new people.csv beside older tables.
  const out = () => `${folder}/sheets`;
  /** The files in the folder and what they hold. */
  const files = () => readdirSync(out()).sort().map((f) => [f, readFileSync(`${out()}/${f}`, 'utf8')]);
  /** A signal once the new people.csv is in place (its text no longer the earlier export's). */
  const oncePeopleReplaced = (earlier: string): Signals => (listener) => {
    let listening = true;
    const look = () => {
      if (!listening) return;
      if (readFileSync(`${out()}/people.csv`, 'utf8') !== earlier) listener('SIGINT');
      else setImmediate(look);
    };
    setImmediate(look);
    return () => {
      listening = false;
    };
  };

  it('leaves an earlier export\'s files as they were, and says nothing was written to the folder', async () => {
    expect((await c(['export', '--format', 'csv', '--out', out()])).code).toBe(0);
    const before = files();
    expect((await c(['add', 'person', 'Ana Lopez'])).code).toBe(0);
    const r = await c(['export', '--format', 'csv', '--out', out()], atOnce());
    expect(r).toMatchObject({ code: 130, stdout: '', stderr: `caselog: cancelled; nothing was written to ${out()}\n` });
    expect(files()).toEqual(before);
  });

  it('into a folder it makes, removes the folder', async () => {
    const r = await c(['export', '--format', 'csv', '--out', out()], atOnce('SIGTERM'));
    expect(r).toMatchObject({ code: 143, stderr: `caselog: cancelled; nothing was written to ${out()}\n` });
    expect(leftBeside()).toEqual([]);
  });

  it('once a file is in place, finds every file written, and says so', async () => {
    expect((await c(['export', '--format', 'csv', '--out', out()])).code).toBe(0);
    const earlier = readFileSync(`${out()}/people.csv`, 'utf8');
    expect((await c(['add', 'person', 'Ana Lopez'])).code).toBe(0);
    expect((await c(['add', 'event', 'Ana Lopez', '--date', '2026-11-01', '--type', 'arrest', '--summary', 'Arrested at home'])).code).toBe(0);
    const r = await c(['export', '--format', 'csv', '--out', out()], oncePeopleReplaced(earlier));
    expect(r.code).toBe(0);
    const written = ['people', 'events', 'deadlines'].map((t) => `Wrote ${out()}/${t}.csv\n`).join('');
    expect(r.stderr).toBe(`caselog: the files in ${out()} were already written when the cancel came: they are complete\n${written}`);
    expect(readFileSync(`${out()}/events.csv`, 'utf8')).toContain('Arrested at home');
    expect(files().map(([f]) => f)).toEqual(['deadlines.csv', 'events.csv', 'people.csv']);
  });
});

describe('a restore cancelled', () => {
  it('leaves the database as it was, with no copy or kept file beside it', async () => {
    const backup = fileOf('backup.db', '');
    expect((await c(['backup', backup, '--force'])).code).toBe(0);
    expect((await c(['add', 'case', '--ref', 'UA 9/26', '--title', 'Added after the backup'])).code).toBe(0);
    const before = await exported();
    const r = await c(['restore', backup, '--force'], atOnce());
    expect(r).toMatchObject({ code: 130, stderr: `caselog: cancelled; nothing was changed: ${db} is as it was\n` });
    expect(await exported()).toBe(before);
    expect(leftBeside()).toEqual([]);
  });
});

describe('an encrypt cancelled', () => {
  const env = { CASELOG_PASSPHRASE: 'correct horse battery' };

  it('leaves the database unencrypted, without its unfinished copy', async () => {
    const r = await c(['encrypt'], atOnce(), env);
    expect(r).toMatchObject({ code: 130, stderr: `caselog: cancelled; nothing was changed: ${db} is still unencrypted\n` });
    expect(readFileSync(db).subarray(0, 15).toString()).toBe('SQLite format 3');
    expect(leftBeside()).toEqual([]);
  });

  it('cut after its rename, says the database is encrypted', async () => {
    // The copy is renamed over the database: its first bytes are no longer SQLite's plain header.
    const encrypted: Signals = (listener) => {
      let listening = true;
      const look = () => {
        if (!listening) return;
        if (!readFileSync(db).subarray(0, 15).equals(Buffer.from('SQLite format 3'))) listener('SIGINT');
        else setImmediate(look);
      };
      setImmediate(look);
      return () => {
        listening = false;
      };
    };
    const r = await c(['encrypt'], encrypted, env);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`^caselog: the cancel came too late to stop it: ${db.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is encrypted\nEncrypted `));
    expect((await c(['list', 'cases'], undefined, env)).stdout).toContain('UA 77/98');
  });
});

describe('an import cancelled', () => {
  it('imports nothing and says so', async () => {
    const before = await exported();
    const other = JSON.parse(readFileSync(DEMO, 'utf8')) as { cases: Array<{ id: string; ref: string }> };
    other.cases[0]!.ref = 'UA 1/26';
    other.cases[0]!.id = 'c-cancelled000001';
    const r = await c(['import', fileOf('other.json', JSON.stringify({ ...other, people: [], events: [], deadlines: [], plans: [], appeals: [] }))], atOnce());
    expect(r).toMatchObject({ code: 130, stderr: 'caselog: cancelled; nothing was imported\n' });
    expect(await exported()).toBe(before);
  });

  it('in a dry run, says the same', async () => {
    const r = await c(['import', DEMO, '--dry-run'], atOnce());
    expect(r).toMatchObject({ code: 130, stderr: 'caselog: cancelled; nothing was imported\n' });
  });

  it('into a new database, leaves no database behind', async () => {
    db = `${folder}/new.db`;
    const r = await c(['import', DEMO], atOnce());
    expect(r.code).toBe(130);
    expect(readdirSync(folder).filter((f) => f.startsWith(basename(db)))).toEqual([]);
  });
});
