// Several --target/--action pairs in one `appeal plan`: each request goes to the target typed before it.
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO, caselog, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '1999-02-20' });
const LAWYERS = 'urging China to allow the men access to lawyers';
const RETURNS = 'urging Kazakstan to stop further returns to China';

/** Each target's name with the requests asked of it, as the plan's JSON gives them. */
async function asked(): Promise<Record<string, string[]>> {
  const plan = JSON.parse((await c(['--json', 'appeal', 'plan', 'UA 77/98'])).stdout);
  return Object.fromEntries(plan.targets.map((t: { id: string; name: string }) => [t.name,
    plan.actions.filter((a: { targets: string[] }) => a.targets.includes(t.id)).map((a: { text: string }) => a.text)]));
}

/** The letter to the target named, from the plain-text letters. */
async function letterTo(name: string): Promise<string> {
  const out = (await c(['appeal', 'letters', 'UA 77/98'])).stdout;
  return out.split(/^==== Letter \d+ of \d+: /m).find((l) => l.startsWith(name))!;
}

beforeEach(async () => {
  db = tempDb();
  expect((await c(['import', DEMO])).code).toBe(0);
});

describe('appeal plan with several --target/--action pairs', () => {
  it('asks each request of the target given before it only, and says so', async () => {
    const r = await c(['appeal', 'plan', 'UA 77/98', '--target', 'JIANG', '--action', LAWYERS, '--target', 'TOKAYEV', '--action', RETURNS]);
    expect(r.code).toBe(0);
    const plan = await asked();
    expect(plan['JIANG Zemin']).toContain(LAWYERS);
    expect(plan['JIANG Zemin']).not.toContain(RETURNS);
    expect(plan['Kasymzhomart Kemel-uly TOKAYEV']).toContain(RETURNS);
    expect(plan['Kasymzhomart Kemel-uly TOKAYEV']).not.toContain(LAWYERS);
    const jiang = await letterTo('JIANG Zemin');
    expect(jiang).toContain('I respectfully urge China to allow the men access to lawyers.');
    expect(jiang).not.toContain('further returns');
    expect(await letterTo('Kasymzhomart Kemel-uly TOKAYEV')).not.toContain('access to lawyers');
    expect(r.stderr).toContain(`"${LAWYERS}": asked of JIANG Zemin\n"${RETURNS}": asked of Kasymzhomart Kemel-uly TOKAYEV\n`);
  });

  it('asks a request given after a run of targets of each of them, and one before any target of all', async () => {
    const r = await c(['appeal', 'plan', 'UA 77/98', '--action', 'calling for their release',
      '--target', 'JIANG', '--target', 'XIAO', '--action', LAWYERS, '--target', 'TOKAYEV', '--action', RETURNS]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`"${LAWYERS}": asked of JIANG Zemin and XIAO Yang\n`);
    const plan = await asked();
    expect(Object.values(plan).every((requests) => requests.includes('calling for their release'))).toBe(true);
    expect(Object.entries(plan).filter(([, requests]) => requests.includes(LAWYERS)).map(([name]) => name)).toEqual(['JIANG Zemin', 'XIAO Yang']);
    expect(Object.entries(plan).filter(([, requests]) => requests.includes(RETURNS)).map(([name]) => name)).toEqual(['Kasymzhomart Kemel-uly TOKAYEV']);
  });

  it('says which targets a request already in the plan is now asked of too', async () => {
    await c(['appeal', 'plan', 'UA 77/98', '--target', 'TOKAYEV', '--action', RETURNS]);
    const r = await c(['appeal', 'plan', 'UA 77/98', '--target', 'NAZARBAYEV', '--action', RETURNS]);
    expect(r.stderr).toContain(`"${RETURNS}": now also asked of Nursultan Abishevich NAZARBAYEV`);
  });
});

describe('appeal plan with a request the plan holds written otherwise', () => {
  const FAIR = 'seeking assurance that any judicial proceedings brought against them will meet all international standards for fair trial';

  it('takes it as that request, with a note, whether given alone or with a target', async () => {
    const alone = await c(['appeal', 'plan', 'UA 77/98', '--action', 'Seeking  assurance that any judicial proceedings brought against them will meet all international standards for fair trial.']);
    expect(alone.code).toBe(0);
    expect(alone.stderr).toContain('5 requests (0 new)');
    expect(alone.stderr).toContain(`note: taken as the request in the plan "${FAIR}" (the same but for capitals, spaces or a final full stop)\n`);
    const paired = await c(['appeal', 'plan', 'UA 77/98', '--target', 'TOKAYEV', '--action', `${FAIR.toUpperCase()}.`]);
    expect(paired.stderr).toContain('5 requests (0 new)');
    expect(paired.stderr).toContain(`"${FAIR}": now also asked of Kasymzhomart Kemel-uly TOKAYEV`);
    const plan = JSON.parse((await c(['--json', 'appeal', 'plan', 'UA 77/98'])).stdout);
    expect(plan.actions.map((a: { text: string }) => a.text).filter((t: string) => t.toLowerCase().includes('fair trial'))).toEqual([FAIR]);
    expect((await letterTo('Kasymzhomart Kemel-uly TOKAYEV'))).toContain('standards for fair trial.');
  });
});
