// npm run demo: loads the demo data (two real cases) into a fresh database and shows a
// caseworker's morning on two dates: 1 March 1999 and 10 January 2020.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const folder = join(root, '.demo');
const db = join(folder, 'demo.db');
rmSync(folder, { recursive: true, force: true });
mkdirSync(folder, { recursive: true, mode: 0o700 });

const show = (...args) => {
  console.log(`\n$ caselog ${args.map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(' ')}`);
  const result = spawnSync(process.execPath, [join(root, 'bin', 'caselog'), '--db', db, ...args], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

console.log(`Demo database: ${db}`);
show('import', join('data', 'demo.json'));
show('--today', '1999-03-01', 'due');
show('--today', '1999-03-01', 'at-risk');
show('timeline', 'Hemit Memet');
show('--today', '2020-01-10', 'due');
show('timeline', 'Qaster Musakhanuly');
console.log(`\nTry more with: node bin/caselog --db ${db} --today 2020-01-10 at-risk`);
