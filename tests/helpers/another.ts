// Another process holding a database, as a colleague's caselog does during a long import (its write
// lock) or while it is merely open.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './cli';

const DRIVER = join(ROOT, 'node_modules', 'better-sqlite3-multiple-ciphers');

/**
 * Resolves once the other process holds the database; `done` when it has let go (after `ms`), or
 * `end` makes it go at once (killed: what it held is let go with it, unwritten).
 */
export async function another(db: string, ms: number, how: 'write' | 'open' = 'write'): Promise<{ done: Promise<void>; end: () => Promise<void> }> {
  const script = `const db = new (require(${JSON.stringify(DRIVER)}))(${JSON.stringify(db)});
    ${how === 'write' ? "db.exec('BEGIN IMMEDIATE');" : "db.prepare('SELECT 1 FROM cases').get();"}
    process.stdout.write('held\\n');
    setTimeout(() => { ${how === 'write' ? "db.exec('COMMIT');" : ''} db.close(); }, ${ms});`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const done = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', () => resolve());
    child.on('exit', (code) => reject(new Error(`the other process ended first (${code})`)));
  });
  return { done, end: () => { child.kill(); return done; } };
}
