// Data in and out at size: a generated database of 10,000 people and 100,000 events goes
// export -> import into a fresh file -> export, and the two exports are the same bytes.
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// The benchmark's generator writes a realistic export file (names in several scripts, partial dates).
import { generate } from '../../scripts/bench/generate.mjs';
import { spawnCaselog } from '../helpers/cli';

describe('export and import at 100,000 events', () => {
  it('reproduces the database exactly, and a second import changes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'caselog-roundtrip-'));
    const source = join(dir, 'generated.json');
    generate(source, 100_000);
    const [first, second] = [join(dir, 'first.db'), join(dir, 'second.db')];
    const [a, b] = [join(dir, 'a.json'), join(dir, 'b.json')];

    expect(spawnCaselog(['--db', first, 'import', source]).code).toBe(0);
    expect(spawnCaselog(['--db', first, 'export', '--out', a]).code).toBe(0);
    const exported = JSON.parse(readFileSync(a, 'utf8'));
    expect(exported.events.length).toBe(100_000);
    expect(exported.people.length).toBe(10_000);

    const imported = spawnCaselog(['--db', second, 'import', a]);
    expect(imported.stderr).toMatch(/ 0 updated, 0 unchanged/);
    expect(spawnCaselog(['--db', second, 'export', '--out', b]).code).toBe(0);
    expect(statSync(b).size).toBe(statSync(a).size);
    expect(readFileSync(b).equals(readFileSync(a))).toBe(true);

    const again = spawnCaselog(['--db', second, 'import', a]);
    expect(again.stderr).toMatch(/: 0 added, 0 updated, \d+ unchanged/);
    console.log(`round trip: ${exported.people.length} people, ${exported.events.length} events, ${statSync(a).size} bytes, identical`);
  });
});
