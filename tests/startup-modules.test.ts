// The everyday reading commands and add event load only what they use: no prompt library, date
// grammar, transliteration tables or node:crypto when the name typed is stored and nothing is asked.
// Each costs milliseconds of every run (start-up is most of a command's time); one pulled onto the
// common path by an import at a module's top is caught here, in the real bundled CLI.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, caselog, DEMO, fileOf, tempDb } from './helpers/cli';

let db: string;
const TODAY = '1999-03-01';

beforeAll(async () => {
  db = tempDb();
  expect((await caselog(['import', DEMO], { db, today: TODAY })).code).toBe(0);
});

/** What the real CLI loaded for these arguments: Node's own modules and the files it required. */
function loadedBy(args: string[]): string[] {
  const out = join(fileOf('modules.txt', ''));
  const probe = `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(out)},
    [...process.moduleLoadList, ...Object.keys(require.cache)].join('\\n')));
    process.argv = [process.argv[0], ${JSON.stringify(BIN)}, ...${JSON.stringify(args)}];
    require(${JSON.stringify(BIN)});`;
  const r = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8', env: { ...process.env, CASELOG_TODAY: TODAY } });
  expect(r.status, r.stderr).toBe(0);
  return readFileSync(out, 'utf8').split('\n');
}

const HEAVY = [/NativeModule crypto$/, /any-ascii/, /chrono-node/, /inquirer/, /csv-(parse|stringify)/, /ical-generator/, /eta\.cjs/, /entities-decode/];

describe('start-up', () => {
  it.each([
    ['due'], ['at-risk'], ['timeline', 'Hemit Memet'], ['search', 'deported'], ['--version'],
    ['add', 'event', 'Kasim Mahpir', '--date', '1999-02-20', '--type', 'statement', '--summary', 'Family statement'],
  ].map((args) => ({ args })))('$args loads none of the heavy modules', ({ args }) => {
    const loaded = loadedBy(['--db', db, ...args]);
    // The probe saw the run: the SQLite driver's binding for a command that opened the file.
    if (args[0] !== '--version') expect(loaded.some((m) => m.includes('better-sqlite3'))).toBe(true);
    for (const heavy of HEAVY) expect(loaded.filter((m) => heavy.test(m)), String(heavy)).toEqual([]);
  });
});
