// A person merged here, still tracked under their old id in a colleague's database: the colleague's
// export is taken as the person they were merged into, not as a deleted record come back.
import { spawnSync } from 'node:child_process';
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

// The colleague kept the duplicate and recorded new facts of them; here it was merged away.
async function factsOfTheMergedAway(hereFirst: string[] = []) {
  const [a, b] = [desk(), desk()];
  await a(['add', 'case', '--ref', 'UA 1/26', '--title', 'Veli']);
  await a(['add', 'person', 'Ali Veli', '--case', 'UA 1/26']);
  await a(['add', 'person', 'Aly Velli', '--case', 'UA 1/26', '--new']);
  if (hereFirst.length > 0) expect((await a(hereFirst)).code).toBe(0);
  expect((await b(['import', fileOf('x.json', (await a(['export'])).stdout)])).code).toBe(0);
  expect((await b(['risk', 'Aly Velli', '--add', 'torture'])).code).toBe(0);
  expect((await b(['edit', 'Aly Velli', '--age', '40', '--age-on', '2026-11-01', '--alias', 'Али Вели', '--force'])).code).toBe(0);
  expect((await a(['merge', 'Aly Velli', 'Ali Veli', '--force'])).code).toBe(0);
  return { a, file: fileOf('colleague.json', (await b(['export'])).stdout) };
}
type Person = { id: string; name: string; age: number | null; names: Array<{ name: string }>; risks: string[] };
const peopleOf = async (a: ReturnType<typeof desk>) => (JSON.parse((await a(['export'])).stdout) as { people: Person[] }).people;

describe('import of a person merged here, with facts recorded of them since', () => {
  for (const replace of [[], ['--replace']]) {
    it(`gives the one kept the risk, name and age the file added${replace.length ? ' (--replace)' : ''}`, async () => {
      const { a, file } = await factsOfTheMergedAway();
      const r = await a(['import', file, ...replace]);
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/^note: Ali Veli \[p-\w+\] takes from the file's record of Aly Velli: other name "Али Вели", risk torture, age 40/m);
      const people = await peopleOf(a);
      expect(people).toHaveLength(1);
      expect(people[0]!.risks).toEqual(['torture']);
      expect(people[0]!.age).toBe(40);
      expect(people[0]!.names.map((n) => n.name)).toEqual(['Ali Veli', 'Aly Velli', 'Али Вели']);
      expect((await a(['at-risk'])).stdout).toContain('Ali Veli');
    });
  }

  it('leaves an age the one kept has otherwise, and says the command that takes the file\'s', async () => {
    const { a, file } = await factsOfTheMergedAway(['edit', 'Ali Veli', '--age', '38', '--age-on', '2026-10-01']);
    const r = await a(['import', file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^note: Ali Veli \[(p-\w+)\] keeps their own, not the file's record of Aly Velli: age 40 \(caselog edit \1 --age 40 --age-on 2026-11-01\)$/m);
    expect((await peopleOf(a))[0]!.age).toBe(38);
    expect((await peopleOf(a))[0]!.risks).toEqual(['torture']);
  });

  it('quotes a value in the command it gives so that a shell reads it back as it is', async () => {
    const { a, file } = await factsOfTheMergedAway(['edit', 'Ali Veli', '--ethnicity', 'Uzbek']);
    // The colleague's value, with what a shell would expand or end a quote at.
    const b = desk();
    expect((await b(['import', file])).code).toBe(0);
    expect((await b(['edit', 'Aly Velli', '--ethnicity', 'Kazakh "Qazaq" $HOME'])).code).toBe(0);
    const r = await a(['import', fileOf('colleague2.json', (await b(['export'])).stdout), '--replace']);
    const command = / \((caselog edit p-\w+ --ethnicity .*)\)$/m.exec(r.stderr)?.[1];
    expect(command, r.stderr).toBeDefined();
    const read = spawnSync('sh', ['-c', `printf '%s\\n' ${command!.replace(/^caselog edit p-\w+ --ethnicity /, '')}`], { encoding: 'utf8' }).stdout;
    expect(read).toBe('Kazakh "Qazaq" $HOME\n');
  });
});

