// A person merged here, still tracked under their old id in a colleague's database: the colleague's
// export is taken as the person they were merged into, not as a deleted record come back.
import { describe, expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

const today = '2026-11-24';
const desk = () => {
  const db = tempDb();
  return (args: string[]) => caselog(args, { db, today });
};
const ref = 'EUR 57/1572/2019';

async function mergedHereTheirsNot() {
  const [a, b] = [desk(), desk()];
  await a(['add', 'case', '--ref', ref, '--title', 'Musakhanuly']);
  await a(['add', 'person', 'Kaster Musakhanuly', '--case', ref]);
  await a(['add', 'person', 'Qaster Musakhan', '--case', ref, '--new']);
  expect((await b(['import', fileOf('x1.json', (await a(['export'])).stdout)])).code).toBe(0);
  expect((await a(['merge', 'Qaster Musakhan', 'Kaster Musakhanuly', '--force'])).code).toBe(0);
  await b(['add', 'event', 'Qaster Musakhan', '--type', 'hearing', '--date', '2026-11-20', '--summary', 'Hearing held']);
  expect((await b(['add', 'deadline', 'Qaster Musakhan', '--date', '2026-12-20', '--note', 'Appeal due'])).code).toBe(0);
  return { a, y1: fileOf('y1.json', (await b(['export'])).stdout) };
}

describe('import of a person merged here', () => {
  it('takes the file\'s record of them as the person kept, and gives that one their new event and deadline', async () => {
    const { a, y1 } = await mergedHereTheirsNot();
    const r = await a(['import', y1]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('would come back');
    expect(r.stderr).toMatch(/^note: person Qaster Musakhan \[p-\w+\] of the file was merged here into Kaster Musakhanuly \[p-\w+\]: its 1 new event and 1 new deadline go to them$/m);
    const data = JSON.parse((await a(['export'])).stdout) as { people: Array<{ id: string; name: string; names: Array<{ name: string }> }>; events: Array<{ people: string[] }>; deadlines: Array<{ people: string[] }> };
    expect(data.people.map((p) => p.name)).toEqual(['Kaster Musakhanuly']);
    const kaster = data.people[0]!.id;
    expect(data.events.map((e) => e.people)).toEqual([[kaster]]);
    expect(data.deadlines.map((d) => d.people)).toEqual([[kaster]]);

    const again = await a(['import', y1]);
    expect(again.stderr).toContain(': 0 added, 0 updated, 5 unchanged');
    expect(again.stderr).toMatch(/merged here into Kaster Musakhanuly \[p-\w+\]: taken as them, not brought back$/m);
  });

  it('says so in a dry run, and writes nothing', async () => {
    const { a, y1 } = await mergedHereTheirsNot();
    const r = await a(['import', y1, '--dry-run']);
    expect(r.stderr).toMatch(/merged here into Kaster Musakhanuly \[p-\w+\]: its 1 new event and 1 new deadline would go to them$/m);
    expect(JSON.parse((await a(['export'])).stdout).events).toEqual([]);
  });

  it('brings them back once the merge is undone: a person unmerged is no longer taken as another', async () => {
    const { a, y1 } = await mergedHereTheirsNot();
    expect((await a(['undo'])).code).toBe(0);
    const r = await a(['import', y1]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('merged here');
    expect(JSON.parse((await a(['export'])).stdout).people).toHaveLength(2);
  });
});
