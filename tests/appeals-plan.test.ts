// Targets kept once and reused, and a case's appeal plan: whom to write to and what to ask.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '1999-03-01' });

async function twoCasesAndTargets() {
  await c(['add', 'case', '--ref', 'UA 77/98', '--title', 'Fear of torture']);
  await c(['add', 'person', 'Hemit Memet', '--case', 'UA 77/98']);
  await c(['add', 'case', '--ref', 'UA 12/99', '--title', 'Fear of refoulement']);
  await c(['add', 'target', 'JIANG Zemin', '--title', "President of the People's Republic of China", '--address', 'JIANG Zemin Guojia Zhuxi',
    '--address', 'Beijingshi', '--country', 'China', '--salutation', 'Your Excellency']);
  await c(['add', 'target', 'Kasymzhomart TOKAYEV', '--title', 'Minister of Foreign Affairs of the Republic of Kazakstan',
    '--address', 'ul. Mira, 10\\ng. Astana', '--fax', '(7 3172) 32 42 64', '--email', 'mfa@example.kz', '--country', 'Kazakstan']);
}

const planJson = async (ref = 'UA 77/98') => JSON.parse((await c(['--json', 'appeal', 'plan', ref])).stdout);

beforeEach(async () => {
  db = tempDb();
  await twoCasesAndTargets();
});

describe('targets', () => {
  it('keeps each address line as given, and lists targets in text and JSON', async () => {
    const list = (await c(['list', 'targets'])).stdout;
    expect(list).toContain("JIANG Zemin — President of the People's Republic of China");
    expect(list).toContain('  ul. Mira, 10 / g. Astana\n  fax: (7 3172) 32 42 64 · email: mfa@example.kz · country: Kazakstan');
    const json = JSON.parse((await c(['--json', 'list', 'targets'])).stdout);
    expect(json[1]).toMatchObject({ name: 'Kasymzhomart TOKAYEV', address: ['ul. Mira, 10', 'g. Astana'], fax: '(7 3172) 32 42 64', salutation: null });
    expect(json[0].id).toMatch(/^t-[0-9a-z]{16}$/);
  });

  it('refuses a second target with the same name and title, and one without an address', async () => {
    const again = await c(['add', 'target', 'jiang zemin', '--title', "President of the People's Republic of China", '--address', 'x']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    const bare = await c(['add', 'target', 'XIAO Yang', '--title', 'President of the Supreme People\'s Court']);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('missing a way to reach them: --address (repeat it for each line, or separate lines with \\n), --fax or --email');
    expect(JSON.parse((await c(['--json', 'list', 'targets'])).stdout)).toHaveLength(2);
  });
});

describe('appeal plan', () => {
  it('names targets by name, title, a word of either or an id prefix, and asks each only what was given with it', async () => {
    const id = JSON.parse((await c(['--json', 'list', 'targets'])).stdout)[1].id as string;
    const r = await c(['appeal', 'plan', 'UA 77/98', '--target', "President of the People's Republic of China",
      '--action', 'urging the authorities to disclose his whereabouts;', '--copies-to', 'diplomatic representatives of China']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Appeal plan for UA 77/98: 1 target (1 new), 1 request (1 new)');
    await c(['appeal', 'plan', 'UA 77/98', '--target', id.slice(0, 6), '--action', 'expressing concern at his forcible return']);
    const plan = await planJson();
    expect(plan.targets.map((t: { name: string }) => t.name)).toEqual(['JIANG Zemin', 'Kasymzhomart TOKAYEV']);
    expect(plan.actions).toEqual([
      { text: 'urging the authorities to disclose his whereabouts;', targets: [plan.targets[0].id] },
      { text: 'expressing concern at his forcible return', targets: [id] },
    ]);
    expect(plan.copiesTo).toBe('diplomatic representatives of China');
    const text = (await c(['appeal', 'plan', 'UA 77/98'])).stdout;
    expect(text).toContain('Kasymzhomart TOKAYEV, Minister of Foreign Affairs of the Republic of Kazakstan');
    expect(text).toContain('  not written to yet\n  requests: 2');
    expect(text).toContain('Copies to: diplomatic representatives of China');
  });

  it('adds without duplicates: an action alone goes to every target, a target alone gets every action', async () => {
    await c(['appeal', 'plan', 'UA 77/98', '--target', 'JIANG', '--action', 'urging A']);
    await c(['appeal', 'plan', 'UA 77/98', '--action', 'seeking B']);
    await c(['appeal', 'plan', 'UA 77/98', '--target', 'tokayev']);
    const again = await c(['appeal', 'plan', 'UA 77/98', '--target', 'JIANG', '--action', 'urging A']);
    expect(again.stderr).toContain('2 targets (0 new), 2 requests (0 new)');
    const plan = await planJson();
    const [jiang, tokayev] = plan.targets.map((t: { id: string }) => t.id);
    expect(plan.actions).toEqual([{ text: 'urging A', targets: [jiang, tokayev] }, { text: 'seeking B', targets: [jiang, tokayev] }]);
  });

  it('replaces the plan with --replace', async () => {
    await c(['appeal', 'plan', 'UA 77/98', '--target', 'JIANG', '--action', 'urging A', '--copies-to', 'embassies']);
    const r = await c(['appeal', 'plan', 'UA 77/98', '--replace', '--target', 'TOKAYEV', '--action', 'seeking B']);
    expect(r.stderr).toContain('Replaced the appeal plan for UA 77/98: 1 target (1 new), 1 request (1 new)');
    const plan = await planJson();
    expect(plan.targets.map((t: { name: string }) => t.name)).toEqual(['Kasymzhomart TOKAYEV']);
    expect(plan.actions.map((a: { text: string }) => a.text)).toEqual(['seeking B']);
    expect(plan.copiesTo).toBeNull();
  });

  it('counts as new, after --replace, only the targets and requests the plan did not hold before', async () => {
    await c(['appeal', 'plan', 'UA 77/98', '--target', 'JIANG', '--target', 'TOKAYEV', '--action', 'urging A', '--action', 'seeking B']);
    const kept = await c(['appeal', 'plan', 'UA 77/98', '--replace', '--target', 'JIANG', '--action', 'urging A']);
    expect(kept.stderr).toContain('Replaced the appeal plan for UA 77/98: 1 target (0 new), 1 request (0 new)');
    const more = await c(['appeal', 'plan', 'UA 77/98', '--replace', '--target', 'JIANG', '--target', 'TOKAYEV', '--action', 'urging A', '--action', 'seeking C']);
    expect(more.stderr).toContain('Replaced the appeal plan for UA 77/98: 2 targets (1 new), 2 requests (1 new)');
  });

  it('logs a change of plan as the targets and requests added or removed, by name and in words', async () => {
    const long = 'urging the authorities to disclose information about his legal status and whereabouts';
    await c(['appeal', 'plan', 'UA 77/98', '--target', 'JIANG', '--action', long]);
    await c(['appeal', 'plan', 'UA 77/98', '--target', 'JIANG', '--action', 'calling for his immediate release']);
    const added = (await c(['log', '--limit', '1'])).stdout;
    expect(added).toContain('appeal plan  edit  plan a-');
    expect(added).toContain('actions: added "calling for his immediate release"');
    expect(added).not.toContain('{');
    // A target alone is asked every request: said once for them all.
    await c(['appeal', 'plan', 'UA 77/98', '--target', 'TOKAYEV']);
    expect((await c(['log', '--limit', '1'])).stdout).toContain('targets: added Kasymzhomart TOKAYEV; actions: changed '
      + '"urging the authorities to disclose information ab\u2026", "calling for his immediate release" (targets: added Kasymzhomart TOKAYEV)');
    await c(['appeal', 'plan', 'UA 77/98', '--replace', '--target', 'TOKAYEV', '--action', 'calling for his immediate release']);
    expect((await c(['log', '--limit', '1'])).stdout).toContain('targets: removed JIANG Zemin; actions: removed '
      + '"urging the authorities to disclose information ab\u2026"; changed "calling for his immediate release" (targets: removed JIANG Zemin)');
    // The JSON keeps the whole record.
    const [entry] = JSON.parse((await c(['--json', 'log', '--limit', '1'])).stdout);
    expect(entry.changed.find((f: { field: string }) => f.field === 'actions').before[0]).toMatchObject({ text: long });
  });

  it('keeps plans apart per case, reusing the same targets', async () => {
    await c(['appeal', 'plan', 'UA 77/98', '--target', 'JIANG', '--action', 'urging A']);
    await c(['appeal', 'plan', 'UA 12/99', '--target', 'JIANG', '--action', 'urging C']);
    expect((await planJson('UA 12/99')).actions.map((a: { text: string }) => a.text)).toEqual(['urging C']);
    expect((await planJson()).actions.map((a: { text: string }) => a.text)).toEqual(['urging A']);
    expect(JSON.parse((await c(['--json', 'list', 'targets'])).stdout)).toHaveLength(2);
  });

  it.each([
    [['appeal', 'plan', 'UA 77/98', '--target', 'Tokaev'], 1, 'no target "Tokaev"; nearest: Kasymzhomart TOKAYEV'],
    [['appeal', 'plan', 'UA 77/98', '--target', 'of'], 1, 'fits several targets'],
    [['appeal', 'plan', 'UA 77/9', '--target', 'JIANG'], 1, 'no case with reference "UA 77/9"'],
    [['appeal', 'plan', 'UA 77/98'], 1, 'no appeal plan for UA 77/98 yet'],
    [['appeal', 'plan', 'UA 77/98', '--replace', '--action', 'x'], 2, '--replace needs the new --target list'],
  ])('%j exits %i: %s', async (args, code, message) => {
    const r = await c(args as string[]);
    expect(r.code).toBe(code);
    expect(r.stderr).toContain(message as string);
    expect(r.stdout).toBe('');
  });
});
