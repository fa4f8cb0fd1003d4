// The bundle as built (scripts/build-lib.mjs): the core is loaded with the V8 code cache made at
// build time, and a cache that does not fit (another Node, a damaged file) or is missing only makes
// a run slower, never wrong. The packages some commands use are required from dist/vendor.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO, ROOT } from './helpers/cli';

// Inside the project, so that the copy still finds the SQLite driver in node_modules.
const cache = join(ROOT, 'node_modules', '.cache');
mkdirSync(cache, { recursive: true });
const copy = mkdtempSync(join(cache, 'caselog-bundle-'));
cpSync(join(ROOT, 'dist'), join(copy, 'dist'), { recursive: true });
const cli = join(copy, 'dist', 'cli.cjs');
const codeCache = join(copy, 'dist', readdirSync(join(copy, 'dist')).find((f) => f.endsWith('.cache'))!);

afterAll(() => rmSync(copy, { recursive: true, force: true }));

function caselog(args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function morning(db: string) {
  expect(caselog(['--db', db, 'import', DEMO]).code).toBe(0);
  const due = caselog(['--db', db, '--today', '1999-03-01', 'due']);
  expect(due.stderr).toBe('');
  expect(due.stdout).toContain('check before 15 March 1999 (in 14 days)');
  // Cyrillic typed for a name stored in Latin: the transliteration table comes from dist/vendor.
  const timeline = caselog(['--db', db, 'timeline', 'Қастер Мұсаханұлы']);
  expect(timeline.code).toBe(0);
  expect(timeline.stdout).toContain('Kaster Musakhanuly');
  const ics = caselog(['--db', db, '--today', '1999-03-01', 'export', '--format', 'ics']);
  expect(ics.stdout).toContain('BEGIN:VCALENDAR');
}

describe('the bundled CLI', () => {
  it('answers with the code cache it was built with, which V8 takes', () => {
    const check = spawnSync(process.execPath, [cli], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', CASELOG_CHECK_CODE_CACHE: '1' } });
    expect(check.stdout).toBe('code cache accepted\n');
    morning(join(copy, 'with-cache.db'));
    // Import and export change a V8 flag for themselves: the next command still takes the cache.
    const after = spawnSync(process.execPath, [cli], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', CASELOG_CHECK_CODE_CACHE: '1' } });
    expect(after.stdout).toBe('code cache accepted\n');
  });

  it('answers the same with a damaged code cache, and with none', () => {
    writeFileSync(codeCache, Buffer.alloc(4096, 7));
    morning(join(copy, 'damaged-cache.db'));
    rmSync(codeCache);
    morning(join(copy, 'no-cache.db'));
  });
});
