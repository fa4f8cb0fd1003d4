// Two colleagues' databases exchanging records by CSV and by JSON: a record moved by a sheet is the
// same record to a later export of its origin.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'caselog-exchange-'));
});

/** caselog on a database of its own, today 23 November 2020. */
function desk(db = tempDb()) {
  return (args: string[]) => caselog(args, { db, today: '2020-11-23' });
}
type Caselog = ReturnType<typeof desk>;

/** What one database writes (an export, a CSV table), as a file for another to read. */
async function handOver(from: Caselog, name: string, args: string[]): Promise<string> {
  const r = await from(args);
  expect(r.code).toBe(0);
  const path = join(dir, name);
  writeFileSync(path, r.stdout);
  return path;
}

/** Two databases sharing a case and a person by a JSON export, as two colleagues start. */
async function colleagues(ref: string, name: string): Promise<[Caselog, Caselog]> {
  const [a, b] = [desk(), desk()];
  await a(['add', 'case', '--ref', ref, '--title', 'Fear of torture']);
  await a(['add', 'person', name, '--case', ref, '--risk', 'torture']);
  expect((await b(['import', await handOver(a, 'a0.json', ['export'])])).code).toBe(0);
  return [a, b];
}

describe('a record moved by CSV, and later by a JSON export of its origin', () => {
  it('is unchanged both ways: the ids of its names and when it was recorded are no difference', async () => {
    const [a, b] = await colleagues('UA 1/20', 'Ilyas Zordun');
    await b(['add', 'event', 'Ilyas Zordun', '--date', '2020-11-21', '--type', 'ill-treatment', '--summary', 'Reported beaten in camp']);
    await b(['add', 'person', 'Kasim Mahpir', '--alias', 'Qasim Mahpir', '--case', 'UA 1/20', '--risk', 'torture']);
    expect((await a(['import', await handOver(b, 'ev.csv', ['export', '--format', 'csv', '--table', 'events'])])).code).toBe(0);
    expect((await a(['import', await handOver(b, 'pe.csv', ['export', '--format', 'csv', '--table', 'people'])])).code).toBe(0);

    const fromB = await a(['import', await handOver(b, 'b.json', ['export'])]);
    expect(fromB).toMatchObject({ code: 0, stderr: expect.stringContaining(': 0 added, 0 updated, 4 unchanged') });
    const fromA = await b(['import', await handOver(a, 'a.json', ['export'])]);
    expect(fromA).toMatchObject({ code: 0, stderr: expect.stringContaining(': 0 added, 0 updated, 4 unchanged') });

    // Each database keeps its own: an export read into a new database gives the same bytes back.
    const exported = (await a(['export'])).stdout;
    const copy = desk();
    expect((await copy(['import', await handOver(a, 'again.json', ['export'])])).code).toBe(0);
    expect((await copy(['export'])).stdout).toBe(exported);
  });

  it('still refuses what a user can see differ, naming the field, and never a record without one', async () => {
    const [a, b] = await colleagues('UA 1/20', 'Ilyas Zordun');
    await b(['add', 'event', 'Ilyas Zordun', '--date', '2020-11-21', '--type', 'ill-treatment', '--summary', 'Reported beaten in camp']);
    await b(['add', 'person', 'Kasim Mahpir', '--alias', 'Qasim Mahpir', '--case', 'UA 1/20']);
    await a(['import', await handOver(b, 'ev.csv', ['export', '--format', 'csv', '--table', 'events'])]);
    await a(['import', await handOver(b, 'pe.csv', ['export', '--format', 'csv', '--table', 'people'])]);
    // Edited here, after the sheets came: the colleague's export would take the edits back.
    await a(['person', 'alias', 'Kasim Mahpir', 'Kasym Mahpir']);
    const [event] = JSON.parse((await a(['--json', 'timeline', 'Ilyas Zordun'])).stdout).events as Array<{ id: string }>;
    await a(['edit', event!.id, '--place', 'Urumqi']);
    const before = (await a(['export'])).stdout;
    const r = await a(['import', await handOver(b, 'b.json', ['export'])]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/2 records here differ from the file's and would be overwritten: person Kasim Mahpir \[p-\w+\] \(names; edited here [^)]+\); event e-\w+ \(place; edited here [^)]+\); nothing was imported/);
    expect((await a(['export'])).stdout).toBe(before);
  });
});
