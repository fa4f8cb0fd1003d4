// A colleague's person whose name several people here hold could be any of them: the import says
// how many, and where they are listed, never a merge into the first found (which joined two people).
import { describe, expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

function onNewDatabase(db = tempDb()) {
  return (args: string[]) => caselog(args, { db, today: '2020-06-01' });
}

describe('import of a person several tracked people share a name with', () => {
  it('says how many they may be and the search listing them, with no merge into one of them', async () => {
    const mine = onNewDatabase();
    const theirs = onNewDatabase();
    for (const age of ['30', '41', '52']) expect((await mine(['add', 'person', 'Perhat Zordun', '--new', '--age', age])).code).toBe(0);
    await theirs(['add', 'person', 'Perhat Zordun']);
    const file = fileOf('theirs.json', (await theirs(['export'])).stdout);
    const dry = await mine(['import', file, '--dry-run']);
    expect(dry.stderr).toMatch(/note: Perhat Zordun \[p-\w+\], of the file, may be one of 3 tracked people named Perhat Zordun \(list them all: caselog search "Perhat Zordun"\): if one of them is, merge the two by their ids after the import\n/);
    const r = await mine(['import', file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/note: Perhat Zordun \[p-\w+\], just imported, may be one of 3 tracked people named Perhat Zordun \(list them all: caselog search "Perhat Zordun"\): if one of them is, merge the two by their ids\n/);
    expect(r.stderr).not.toContain('caselog merge');
    // The search it names lists all four.
    expect(JSON.parse((await mine(['--json', 'search', 'Perhat Zordun'])).stdout)).toHaveLength(4);
  });

  it('gives the search a limit when more than it shows hold the name', async () => {
    const mine = onNewDatabase();
    const theirs = onNewDatabase();
    for (let i = 0; i < 21; i++) expect((await mine(['add', 'person', 'Perhat Zordun', '--new'])).code).toBe(0);
    await theirs(['add', 'person', 'Perhat Zordun']);
    const r = await mine(['import', fileOf('theirs.json', (await theirs(['export'])).stdout)]);
    expect(r.stderr).toContain('may be one of 21 tracked people named Perhat Zordun (list them all: caselog search --limit 22 "Perhat Zordun")');
  });

  it('still names the merge when one tracked person alone may be them', async () => {
    const mine = onNewDatabase();
    const theirs = onNewDatabase();
    await mine(['add', 'person', 'Perhat Zordun']);
    await theirs(['add', 'person', 'Perhat Zordun']);
    const r = await mine(['import', fileOf('theirs.json', (await theirs(['export'])).stdout)]);
    expect(r.stderr).toMatch(/note: Perhat Zordun \[(p-\w+)\], just imported, may be Perhat Zordun \[(p-\w+)\] \(via "Perhat Zordun", the same name\): if they are one person, caselog merge \1 \2\n/);
  });

  it('says how many share a name a person updated from the file now holds, with no merge into one of them', async () => {
    const theirs = onNewDatabase();
    const mine = onNewDatabase();
    await theirs(['add', 'person', 'Kaster Musakhanuly']);
    await theirs(['add', 'person', 'Qaster Musakhan', '--new']);
    expect((await mine(['import', fileOf('before.json', (await theirs(['export'])).stdout)])).code).toBe(0);
    await mine(['add', 'person', 'Qaster Musakhan', '--new']);
    expect((await theirs(['merge', 'Qaster Musakhan', 'Kaster Musakhanuly', '--force'])).code).toBe(0);
    const r = await mine(['import', fileOf('merged.json', (await theirs(['export'])).stdout), '--replace']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/note: Kaster Musakhanuly \[p-\w+\], updated from the file, now shares the name "Qaster Musakhan" with 2 other tracked people \(list them all: caselog search "Qaster Musakhan"\)\n/);
    expect(r.stderr).not.toContain('caselog merge');
  });
});
