// at-risk tells people of one name apart by their ids, and only them: a list of thousands is
// labelled by grouping spellings, and these are the cases the grouping must keep right.
import { beforeAll, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let db: string;
const ok = async (args: string[]) => {
  const r = await caselog(args, { db, today: '2024-05-01' });
  expect(r.code, r.stderr).toBe(0);
  return r;
};

beforeAll(async () => {
  db = tempDb();
  await ok(['add', 'person', 'Zhang Wei', '--risk', 'torture']);
  await ok(['add', 'person', 'Zhang Wei', '--risk', 'torture', '--new']);
  await ok(['add', 'person', 'Ilyas Zordun', '--risk', 'torture']);
  await ok(['add', 'person', 'ILYAS ZORDUN', '--risk', 'torture', '--new']);
  await ok(['add', 'person', 'Aydin Altin', '--risk', 'torture']);
  await ok(['add', 'person', 'Ayd\u0131n Alt\u0131n', '--risk', 'torture', '--new']);
  await ok(['add', 'person', 'Kasim Mahpir', '--risk', 'torture']);
});

describe('at-risk names', () => {
  it('gives each person of a shared name (capitals aside) an id, and nobody else', async () => {
    const heads = (await ok(['at-risk'])).stdout.split('\n\n').map((block) => block.split('\n')[0]!.split('  ')[0]!);
    expect(heads.filter((h) => h.startsWith('Zhang Wei')).every((h) => /^Zhang Wei \[p-\w+\]$/.test(h))).toBe(true);
    expect(heads.filter((h) => /^ilyas zordun/i.test(h))).toHaveLength(2);
    expect(heads.filter((h) => /^ilyas zordun/i.test(h)).every((h) => /\[p-\w+\]$/.test(h))).toBe(true);
    // Not one name: "Aydin" and "Ayd\u0131n" differ in a letter, not in its capital.
    expect(heads).toContain('Aydin Altin');
    expect(heads).toContain('Ayd\u0131n Alt\u0131n');
    expect(heads).toContain('Kasim Mahpir');
    expect(heads.filter((h) => h.includes('[p-'))).toHaveLength(4);
  });
});
