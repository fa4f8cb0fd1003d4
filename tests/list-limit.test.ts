// due and list with --limit N: the first N in the usual order, and on stderr one line saying how
// many more there are and how to see them all; nothing else changes (a due list of 6,044 lines, a
// list of 100,000 people, had no shorter form).
import { beforeAll, describe, expect, it } from 'vitest';
import { caselog, DEMO, tempDb } from './helpers/cli';

let db: string;
const run = (args: string[]) => caselog(args, { db, today: '2020-02-01' });
const c = async (args: string[]) => {
  const r = await run(args);
  expect(r.code, r.stderr).toBe(0);
  return r;
};

beforeAll(async () => {
  db = tempDb();
  await c(['import', DEMO]);
  // Deadlines coming up on both cases, beside the overdue one the demo holds.
  for (const [ref, date, note] of [['KZ 2019/12', '2020-02-10', 'hearing on extradition'], ['UA 77/98', '2020-02-05', 'ask the family'],
    ['KZ 2019/12', '2020-02-20', 'asylum appeal decision']]) {
    await c(['add', 'deadline', ref!, '--date', date!, '--note', note!]);
  }
  // Two people of one name, last in name order.
  await c(['add', 'person', 'Zhang Wei', '--new']);
  await c(['add', 'person', 'Zhang Wei', '--new']);
});

/** A table's rows as their cells: a shorter list may pad its columns otherwise. */
const cells = (text: string) => text.trimEnd().split('\n').map((line) => line.trim().split(/ {2,}/));

describe('--limit N', () => {
  it('due: the N most urgent, as the whole list begins, and how many more on stderr', async () => {
    const all = await c(['due']);
    expect(all.stderr).toBe('');
    const blocks = all.stdout.trimEnd().split('\n\n');
    expect(blocks).toHaveLength(5);
    const two = await c(['due', '--limit', '2']);
    expect(two.stdout).toBe(`${blocks.slice(0, 2).join('\n\n')}\n`);
    expect(two.stderr).toBe('3 more deadlines not shown: caselog due --within 30 --limit 0 shows them all\n');
    expect((await c(['due', '--within', '5', '--limit', '2'])).stderr).toBe('1 more deadline not shown: caselog due --within 5 --limit 0 shows them all\n');
  });

  it('list people: the first N by name, with the filters given in the command that shows them all', async () => {
    const all = await c(['list', 'people']);
    expect(all.stderr).toBe('');
    const three = await c(['list', 'people', '--limit', '3']);
    expect(cells(three.stdout)).toEqual(cells(all.stdout).slice(0, 4));
    expect(three.stderr).toBe('5 more people not shown: caselog list people --limit 0 shows them all\n');
    const torture = await c(['list', 'people', '--risk', 'torture', '--case', 'UA 77/98', '--limit', '1']);
    expect(cells(torture.stdout).map((row) => row[0])).toEqual(['NAME', 'Hemit Memet']);
    expect(torture.stderr).toBe('2 more people not shown: caselog list people --risk torture --case "UA 77/98" --limit 0 shows them all\n');
  });

  it('list people: a namesake whose twin is past the limit still carries the id that tells them apart', async () => {
    const all = cells((await c(['list', 'people'])).stdout);
    expect(all[7]![0]).toMatch(/^Zhang Wei \[p-[0-9a-z]+\]$/);
    const seven = cells((await c(['list', 'people', '--limit', '7'])).stdout);
    expect(seven).toHaveLength(8);
    expect(seven[7]).toEqual(all[7]);
  });

  it('list cases, sources and targets: the first N in their order', async () => {
    const cases = await c(['list', 'cases', '--open', '--limit', '1']);
    expect(cells(cases.stdout)).toEqual(cells((await c(['list', 'cases', '--open'])).stdout).slice(0, 2));
    expect(cases.stderr).toBe('1 more case not shown: caselog list cases --open --limit 0 shows them all\n');
    const sources = await c(['list', 'sources', '--limit', '3']);
    expect(cells(sources.stdout)).toEqual(cells((await c(['list', 'sources'])).stdout).slice(0, 4));
    expect(sources.stderr).toBe('1 more source not shown: caselog list sources --limit 0 shows them all\n');
    const targets = await c(['list', 'targets', '--limit', '4']);
    expect(targets.stdout).toBe(`${(await c(['list', 'targets'])).stdout.trimEnd().split('\n\n').slice(0, 4).join('\n\n')}\n`);
    expect(targets.stderr).toBe('2 more targets not shown: caselog list targets --limit 0 shows them all\n');
  });

  it('--json: the array holds the first N, and stderr says how many more, as for the text list', async () => {
    let cut = 0;
    for (const args of [['due'], ['list', 'people'], ['list', 'cases'], ['list', 'sources'], ['list', 'targets']]) {
      const all = JSON.parse((await c(['--json', ...args])).stdout) as unknown[];
      const two = await c(['--json', ...args, '--limit', '2']);
      expect(JSON.parse(two.stdout), args.join(' ')).toEqual(all.slice(0, 2));
      expect(two.stderr, args.join(' ')).toBe((await c([...args, '--limit', '2'])).stderr);
      expect(two.stderr, args.join(' ')).toMatch(all.length > 2 ? /^\d+ more [a-z ]+ not shown: caselog .*--limit 0 shows them all\n$/ : /^$/);
      cut += all.length > 2 ? 1 : 0;
    }
    expect(cut).toBeGreaterThan(1);
  });

  it('0, or a limit the list does not reach, is the whole list as without --limit, with no line on stderr', async () => {
    for (const args of [['due'], ['list', 'people'], ['list', 'cases'], ['list', 'sources'], ['list', 'targets']]) {
      const all = await c(args);
      for (const limit of ['0', '8', '100']) expect(await c([...args, '--limit', limit]), `${args.join(' ')} --limit ${limit}`).toEqual(all);
    }
  });

  it('refuses what is not a whole number of 0 or more: a usage error, one line, nothing listed', async () => {
    for (const args of [['due'], ['list', 'people'], ['list', 'cases'], ['list', 'sources'], ['list', 'targets']]) {
      for (const limit of ['-1', 'ten', '2.5', '', '1e3']) {
        const r = await run([...args, '--limit', limit]);
        expect({ args, limit, code: r.code, stdout: r.stdout, stderr: r.stderr })
          .toEqual({ args, limit, code: 2, stdout: '', stderr: `caselog: --limit takes a whole number of 0 or more, not "${limit}"\n` });
      }
    }
  });
});
