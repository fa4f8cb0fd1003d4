// Output redirected to a file (`caselog export --format md "UA 77/98" > dossier.md`, as the README
// teaches) is written whole or the loss is said, exit 1: a filling disk cut a dossier short, silently,
// and the command exited 0, so a caseworker could hand a lawyer half of it.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, it } from 'vitest';
import { BIN, caselog, fileOf, tempDb } from './helpers/cli';

/** The real caselog, stdout to a file, files limited to `blocks` of 512 bytes (ulimit -f). */
function toFile(blocks: number | 'unlimited', out: string, args: string[]) {
  const r = spawnSync('sh', ['-c', `ulimit -f ${blocks} && exec "$0" "$@" > "${out}"`, process.execPath, BIN, ...args],
    { encoding: 'utf8', input: '', env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' } });
  return { code: r.status ?? -1, stderr: r.stderr };
}

it('says so, exit 1, when a dossier or a timeline sent to a file cannot be written whole; whole otherwise', async () => {
  const db = tempDb();
  expect((await caselog(['add', 'case', '--ref', 'M1', '--title', 'Many reports'], { db })).code).toBe(0);
  const rows = Array.from({ length: 3000 }, (_, i) => `M1,2020-01-${String((i % 28) + 1).padStart(2, '0')},report,report number ${i} about the situation in detention`);
  expect((await caselog(['import', fileOf('many.csv', `case,date,type,summary\n${rows.join('\n')}\n`)], { db })).code).toBe(0);
  const dir = dirname(db);
  for (const args of [['export', '--format', 'md', 'M1'], ['timeline', 'M1']]) {
    const cut = toFile(64, join(dir, 'cut.txt'), ['--db', db, ...args]);
    expect(cut.code, cut.stderr).toBe(1);
    expect(cut.stderr).toBe('caselog: the output could not be written whole (the file size limit was reached); any change the command made is saved\n');
    const whole = toFile('unlimited', join(dir, 'whole.txt'), ['--db', db, ...args]);
    expect(whole.code, whole.stderr).toBe(0);
    expect(statSync(join(dir, 'whole.txt')).size).toBeGreaterThan(64 * 512);
    expect(readFileSync(join(dir, 'whole.txt'), 'utf8')).toContain('report number 2999');
  }
});
