// A deadline id prefix that fits more deadlines than the refusal lists says how many it leaves out.
import { expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

it('done with a prefix fitting twelve deadlines lists ten and says two more', async () => {
  const db = tempDb();
  const c = (args: string[]) => caselog(args, { db, today: '2026-11-24' });
  await c(['add', 'case', '--ref', 'C-1', '--title', 'asylum appeal']);
  for (let i = 1; i <= 12; i++) expect((await c(['add', 'deadline', 'C-1', '--date', `+${i}d`, '--note', `call ${i}`])).code).toBe(0);
  const before = (await c(['export'])).stdout;
  const r = await c(['done', 'd-']);
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/^caselog: "d-" fits several deadline ids \((d-[0-9a-z]{10}, ){10}and 2 more\): type more of it\n$/);
  expect((await c(['export'])).stdout).toBe(before);
});
