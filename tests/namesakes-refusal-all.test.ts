// Without a terminal, a name that fits more people than the refusal lists says how to see them all:
// "use more of the name" cannot narrow a name that twelve people share.
import { expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

it('ends the list of people of one name with the search that lists them all, which does', async () => {
  const db = tempDb();
  for (let i = 1; i <= 12; i++) expect((await caselog(['add', 'person', 'Hussein Rashid', '--new', '--age', String(20 + i)], { db })).code).toBe(0);
  const r = await caselog(['timeline', 'Hussein Rashid'], { db });
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('; and 2 more (list them all: caselog search "Hussein Rashid"). Use more of the name, or the id\n');
  const all = JSON.parse((await caselog(['--json', 'search', 'Hussein Rashid'], { db })).stdout) as unknown[];
  const ids = new Set(JSON.stringify(all).match(/p-[0-9a-z]{16}/g));
  expect(ids.size).toBeGreaterThanOrEqual(12);
});
