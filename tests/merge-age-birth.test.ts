// An age and a birth date are one fact: a merge that would put the merged-away person's age beside the
// kept person's birth date it contradicts leaves the age out and says so (the card read "aged 19 on
// 12 April 1998 (born c. 1958)", and the people sheet caselog wrote could not be imported back).
import { writeFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '1998-04-12' });
const shown = async (who: string) => JSON.parse((await c(['--json', 'show', who])).stdout) as { age: number | null; born: unknown };

beforeEach(() => {
  db = tempDb();
});

describe('a merge of someone whose age contradicts the kept person\'s birth year', () => {
  it('leaves the age out, says so, and the exported sheet imports back unchanged', async () => {
    expect((await c(['add', 'person', 'Jean-Luc Adeyemi', '--age', '19'])).code).toBe(0);
    expect((await c(['add', 'person', 'Kasim Rahman', '--born', '~1958'])).code).toBe(0);
    const merged = await c(['merge', 'Jean-Luc Adeyemi', 'Kasim Rahman', '--force']);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stderr).toContain("leaving out Jean-Luc Adeyemi's age 19 on 12 April 1998");
    expect((await shown('Kasim Rahman')).age).toBeNull();
    const sheet = `${db}.people.csv`;
    const exported = await c(['export', '--format', 'csv', '--table', 'people']);
    expect(exported.code).toBe(0);
    writeFileSync(sheet, exported.stdout);
    const again = await c(['import', sheet]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('0 added, 0 updated, 1 unchanged');
  });

  it('still takes an age that fits the kept birth year', async () => {
    expect((await c(['add', 'person', 'Jean-Luc Adeyemi', '--age', '40'])).code).toBe(0);
    expect((await c(['add', 'person', 'Kasim Rahman', '--born', '~1958'])).code).toBe(0);
    expect((await c(['merge', 'Jean-Luc Adeyemi', 'Kasim Rahman', '--force'])).code).toBe(0);
    expect((await shown('Kasim Rahman')).age).toBe(40);
  });
});
