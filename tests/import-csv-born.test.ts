// A people sheet giving an age and no birth date: the person is born the year the age implies, as
// add person --age gives it, and the same sheet read again on a later day changes nothing.
import { describe, expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

describe('an age in a people sheet', () => {
  it('gives the birth year add person gives, in show, the dossier and the export', async () => {
    const [typed, read] = [tempDb(), tempDb()];
    await caselog(['add', 'person', 'Mona Kamal', '--age', '40', '--age-on', '2026-10-01'], { db: typed, today: '2026-11-24' });
    const r = await caselog(['import', fileOf('people.csv', 'name,age,age_on\nMona Kamal,40,2026-10-01\n')], { db: read, today: '2026-11-24' });
    expect(r.code).toBe(0);
    const show = (await caselog(['show', 'Mona Kamal'], { db: read, today: '2026-11-24' })).stdout;
    expect(show).toContain('aged 40 on 1 October 2026 (born c. 1986)');
    expect((await caselog(['export', '--format', 'md', 'Mona Kamal'], { db: read, today: '2026-11-24' })).stdout).toContain('1986');
    const born = async (db: string) => (JSON.parse((await caselog(['export', '--json'], { db })).stdout.split('\n').find((l) => l.includes('"Mona Kamal"'))!.replace(/,$/, '')) as { born: unknown }).born;
    expect(await born(read)).toEqual(await born(typed));
    // A birth date the sheet gives is kept as given, not the year worked out from the age.
    await caselog(['import', fileOf('given.csv', 'name,age,age_on,born\nAmal Kamal,40,2026-10-01,1986\n')], { db: read, today: '2026-11-24' });
    expect((await caselog(['show', 'Amal Kamal'], { db: read })).stdout).toMatch(/\(born 1986\)/);
  });

  it('without its day, keeps the birth year when the same sheet is read again later', async () => {
    const db = tempDb();
    const sheet = fileOf('people.csv', 'name,age\nMona Kamal,40\n');
    await caselog(['import', sheet], { db, today: '2026-03-01' });
    expect((await caselog(['show', 'Mona Kamal'], { db })).stdout).toContain('aged 40 on 1 March 2026 (born c. 1985)');
    const again = await caselog(['import', sheet], { db, today: '2026-11-24' });
    expect(again.stderr).toContain('0 added, 0 updated, 1 unchanged');
    expect((await caselog(['show', 'Mona Kamal'], { db })).stdout).toContain('(born c. 1985)');
  });
});
