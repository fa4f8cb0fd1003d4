// Taking one target out of an appeal plan without retyping the plan, and what a deleted letter
// leaves in the plan.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '1999-03-01' });
const planJson = async () => JSON.parse((await c(['--json', 'appeal', 'plan', 'EXTRA 77/98'])).stdout);
const names = (plan: { targets: Array<{ name: string }> }) => plan.targets.map((t) => t.name);

beforeEach(async () => {
  db = tempDb();
  await c(['add', 'case', '--ref', 'EXTRA 77/98', '--title', 'Fear of torture']);
  await c(['add', 'person', 'Hemit Memet', '--case', 'EXTRA 77/98', '--risk', 'torture']);
  await c(['add', 'target', 'JIANG Zemin', '--title', "President of the People's Republic of China", '--address', 'Beijingshi']);
  await c(['add', 'target', 'Kasymzhomart TOKAYEV', '--title', 'Minister of Foreign Affairs of the Republic of Kazakstan', '--address', 'g. Astana']);
  await c(['add', 'target', 'XIAO Yang', '--title', "President of the Supreme People's Court", '--address', 'Beijingshi']);
  await c(['appeal', 'plan', 'EXTRA 77/98', '--target', 'TOKAYEV', '--action', 'expressing concern at the forcible return']);
  await c(['appeal', 'plan', 'EXTRA 77/98', '--target', 'JIANG', '--target', 'XIAO', '--action', 'seeking assurance that he will not be tortured']);
});

describe('appeal plan --remove-target', () => {
  it('takes one target out, keeps the others with what they are asked, and keeps the letters sent to it', async () => {
    await c(['appeal', 'sent', 'EXTRA 77/98', '--target', 'XIAO']);
    const r = await c(['appeal', 'plan', 'EXTRA 77/98', '--remove-target', 'XIAO Yang']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Appeal plan for EXTRA 77/98: 2 targets (0 new), 2 requests (0 new)');
    expect(r.stderr).toContain('Took XIAO Yang out of the appeal plan of EXTRA 77/98, with what they were asked; letters sent stay on record');
    const plan = await planJson();
    expect(names(plan)).toEqual(['Kasymzhomart TOKAYEV', 'JIANG Zemin']);
    expect(plan.actions.map((a: { targets: string[] }) => a.targets.length)).toEqual([1, 1]);
    const xiao = JSON.parse((await c(['--json', 'list', 'targets'])).stdout).find((t: { name: string }) => t.name === 'XIAO Yang');
    const shown = JSON.parse((await c(['--json', 'show', xiao.id])).stdout);
    expect(shown.appeals).toMatchObject([{ case: { ref: 'EXTRA 77/98' }, inPlan: false, sent: [{ date: '1999-03-01' }] }]);
    // Undone as one change.
    expect((await c(['undo'])).code).toBe(0);
    expect(names(await planJson())).toEqual(['Kasymzhomart TOKAYEV', 'JIANG Zemin', 'XIAO Yang']);
  });

  it('is what delete of a target points to', async () => {
    const xiao = JSON.parse((await c(['--json', 'list', 'targets'])).stdout).find((t: { name: string }) => t.name === 'XIAO Yang');
    const r = await c(['delete', xiao.id, '--force']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('take it off a plan with caselog appeal plan REF --remove-target "XIAO Yang"');
  });

  it('says which requests are asked of nobody now', async () => {
    const r = await c(['appeal', 'plan', 'EXTRA 77/98', '--remove-target', 'TOKAYEV']);
    expect(r.stderr).toContain('asked of no target now: "expressing concern at the forcible return"');
  });

  it.each([
    [['--remove-target', 'TOKAYEV', '--remove-target', 'Tokaev'], 1, 'no target "Tokaev"'],
    [['--remove-target', 'TOKAYEV', '--target', 'TOKAYEV'], 2, 'Kasymzhomart TOKAYEV is given to both --target and --remove-target'],
    [['--replace', '--target', 'JIANG', '--remove-target', 'TOKAYEV'], 2, '--remove-target takes targets out of the plan as it is'],
  ])('refuses %j (exit %i), changing nothing', async (args, code, message) => {
    const r = await c(['appeal', 'plan', 'EXTRA 77/98', ...(args as string[])]);
    expect(r).toMatchObject({ code, stdout: '' });
    expect(r.stderr).toContain(message as string);
    expect(names(await planJson())).toEqual(['Kasymzhomart TOKAYEV', 'JIANG Zemin', 'XIAO Yang']);
  });

  it('refuses a target that is not in the plan, changing nothing', async () => {
    await c(['add', 'target', 'Nursultan NAZARBAYEV', '--title', 'President of the Republic of Kazakstan', '--address', 'g. Astana']);
    const r = await c(['appeal', 'plan', 'EXTRA 77/98', '--remove-target', 'TOKAYEV', '--remove-target', 'NAZARBAYEV']);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toContain('Nursultan NAZARBAYEV is not in the appeal plan of EXTRA 77/98: nothing was changed');
    expect(names(await planJson())).toEqual(['Kasymzhomart TOKAYEV', 'JIANG Zemin', 'XIAO Yang']);
  });
});

describe('delete of a letter whose recording added its target to the plan', () => {
  const sentId = (r: { stderr: string }) => /\[(e-[0-9a-z]+)\]/.exec(r.stderr)![1]!;

  it('says the target stays in the plan, and how to take them out', async () => {
    await c(['add', 'target', 'Nursultan NAZARBAYEV', '--title', 'President of the Republic of Kazakstan', '--address', 'g. Astana']);
    const sent = await c(['appeal', 'sent', 'EXTRA 77/98', '--target', 'NAZARBAYEV']);
    expect(sent.stderr).toContain('Nursultan NAZARBAYEV was not in the appeal plan of EXTRA 77/98: added');
    const r = await c(['delete', sentId(sent), '--force']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Nursultan NAZARBAYEV stays in the appeal plan of EXTRA 77/98, which recording this letter had added them to, '
      + 'and counts as not written to: to take them out, caselog appeal plan "EXTRA 77/98" --remove-target "Nursultan NAZARBAYEV"');
    expect((await c(['appeal', 'plan', 'EXTRA 77/98', '--remove-target', 'Nursultan NAZARBAYEV'])).code).toBe(0);
    expect(names(await planJson())).toEqual(['Kasymzhomart TOKAYEV', 'JIANG Zemin', 'XIAO Yang']);
  });

  it('says nothing of a target that was in the plan before, or that has another letter', async () => {
    const inPlan = await c(['appeal', 'sent', 'EXTRA 77/98', '--target', 'JIANG']);
    expect((await c(['delete', sentId(inPlan), '--force'])).stderr).not.toContain('stays in the appeal plan');
    await c(['add', 'target', 'Nursultan NAZARBAYEV', '--title', 'President of the Republic of Kazakstan', '--address', 'g. Astana']);
    const first = await c(['appeal', 'sent', 'EXTRA 77/98', '--target', 'NAZARBAYEV', '--date', '1999-02-20']);
    await c(['appeal', 'sent', 'EXTRA 77/98', '--target', 'NAZARBAYEV']);
    expect((await c(['delete', sentId(first), '--force'])).stderr).not.toContain('stays in the appeal plan');
  });
});
