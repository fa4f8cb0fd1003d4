// Which target of a plan is asked what: only the flags that name targets and requests together
// (or a new target or request alone) change it; copies and restating what is there change nothing.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '1999-02-22' });
const ASSURANCE = 'seeking assurance that he will not be tortured';
const CONCERN = 'expressing concern that Kazakstan violated non-refoulement';

/** Each target's name with the requests asked of it, as the plan's JSON gives them. */
async function asked(): Promise<Record<string, string[]>> {
  const plan = JSON.parse((await c(['--json', 'appeal', 'plan', 'UA 77/98'])).stdout);
  return Object.fromEntries(plan.targets.map((t: { id: string; name: string }) => [t.name,
    plan.actions.filter((a: { targets: string[] }) => a.targets.includes(t.id)).map((a: { text: string }) => a.text)]));
}

beforeEach(async () => {
  db = tempDb();
  await c(['add', 'case', '--ref', 'UA 77/98', '--title', 'Fear of torture']);
  await c(['add', 'person', 'Hemit Memet', '--case', 'UA 77/98', '--risk', 'torture', '--risk', 'refoulement']);
  await c(['add', 'target', 'JIANG Zemin', '--title', "President of the People's Republic of China", '--address', 'Beijingshi']);
  await c(['add', 'target', 'Kasymzhomart TOKAYEV', '--title', 'Minister of Foreign Affairs of the Republic of Kazakstan', '--address', 'g. Astana']);
  await c(['appeal', 'plan', 'UA 77/98', '--target', 'JIANG Zemin', '--action', ASSURANCE]);
  await c(['appeal', 'plan', 'UA 77/98', '--target', 'TOKAYEV', '--action', CONCERN]);
});

const EACH_OWN = { 'JIANG Zemin': [ASSURANCE], 'Kasymzhomart TOKAYEV': [CONCERN] };

describe('appeal plan leaves who is asked what alone', () => {
  it('when only --copies-to is set', async () => {
    const r = await c(['appeal', 'plan', 'UA 77/98', '--copies-to', 'diplomatic representatives accredited to your country']);
    expect(r.code).toBe(0);
    expect(await asked()).toEqual(EACH_OWN);
    const text = (await c(['appeal', 'plan', 'UA 77/98'])).stdout;
    expect(text).toContain('JIANG Zemin, President of the People\'s Republic of China  t-');
    expect(text).toMatch(/JIANG Zemin[^\n]*\n[^\n]*\n {2}requests: 1\n/);
    expect(text).toMatch(/TOKAYEV[^\n]*\n[^\n]*\n {2}requests: 2\n/);
  });

  it('when a target already in the plan is named again alone, or with --copies-to, and says so', async () => {
    const r = await c(['appeal', 'plan', 'UA 77/98', '--target', 'JIANG Zemin', '--copies-to', 'embassies']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('JIANG Zemin was in the plan already: asked the same as before (to ask more of them: --target NAME --action TEXT)');
    expect(await c(['appeal', 'plan', 'UA 77/98', '--target', 'TOKAYEV'])).toMatchObject({ code: 0 });
    expect(await asked()).toEqual(EACH_OWN);
  });

  it('when a request already in the plan is given again alone', async () => {
    const r = await c(['appeal', 'plan', 'UA 77/98', '--action', CONCERN]);
    expect(r.stderr).toContain(`"${CONCERN}" was in the plan already: asked of the same targets as before`);
    expect(await asked()).toEqual(EACH_OWN);
  });

  it('but a new target alone is asked every request, a new request alone goes to every target, and both given are linked', async () => {
    await c(['add', 'target', 'XIAO Yang', '--title', "President of the Supreme People's Court", '--address', 'Beijingshi']);
    await c(['appeal', 'plan', 'UA 77/98', '--target', 'XIAO Yang', '--copies-to', 'embassies']);
    await c(['appeal', 'plan', 'UA 77/98', '--action', 'calling for his release']);
    await c(['appeal', 'plan', 'UA 77/98', '--target', 'JIANG Zemin', '--action', CONCERN]);
    expect(await asked()).toEqual({
      'JIANG Zemin': [ASSURANCE, CONCERN, 'calling for his release'],
      'Kasymzhomart TOKAYEV': [CONCERN, 'calling for his release'],
      'XIAO Yang': [ASSURANCE, CONCERN, 'calling for his release'],
    });
  });

  it('and --replace with targets alone asks them nothing', async () => {
    const r = await c(['appeal', 'plan', 'UA 77/98', '--replace', '--target', 'JIANG Zemin', '--copies-to', 'embassies']);
    expect(r.stderr).toContain('no requests yet for JIANG Zemin');
    expect(r.stderr).not.toContain('in the plan already');
    expect(await asked()).toEqual({ 'JIANG Zemin': [] });
  });
});
