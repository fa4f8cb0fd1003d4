// A closed case leaves at-risk with its people: close says who goes, and an empty at-risk says who
// with open risks only closed cases hold.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '1999-02-22' });

beforeEach(async () => {
  db = tempDb();
  await c(['add', 'case', '--ref', 'UA 77/98', '--title', 'Fear of torture']);
  await c(['add', 'person', 'Hemit Memet', '--case', 'UA 77/98', '--risk', 'torture']);
  await c(['add', 'person', 'Kasim Mahpir', '--case', 'UA 77/98', '--risk', 'death-penalty', '--status', 'returned']);
});

describe('close', () => {
  it('says who leaves at-risk with the case, with their risks', async () => {
    const r = await c(['close', 'UA 77/98', '--reason', 'released']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Hemit Memet (torture), Kasim Mahpir (death-penalty) leave at-risk: no other open case\n');
  });

  it('leaves out whoever stays in an open case, is out of danger, or faces no risk', async () => {
    await c(['add', 'case', '--ref', 'UA 12/99', '--title', 'Fear of refoulement']);
    expect((await c(['edit', 'Hemit Memet', '--case', 'UA 77/98', '--case', 'UA 12/99'])).code).toBe(0);
    await c(['add', 'person', 'Ilyas Zordun', '--case', 'UA 77/98', '--risk', 'torture', '--status', 'protected']);
    await c(['add', 'person', 'Abdukerim Abliz', '--case', 'UA 77/98']);
    const r = await c(['close', 'UA 77/98']);
    expect(r.stderr).toContain('\nKasim Mahpir (death-penalty) leaves at-risk: no other open case\n');
    expect(r.stderr).not.toMatch(/Hemit|Ilyas|Abdukerim/);
  });
});

describe('close and at-risk agree', () => {
  it('names exactly those at-risk stops listing, a person also in a case not yet opened among them', async () => {
    await c(['add', 'case', '--ref', 'UA 20/99', '--title', 'Later action', '--opened', '1999-03-10']);
    expect((await c(['edit', 'Hemit Memet', '--case', 'UA 77/98', '--case', 'UA 20/99'])).code).toBe(0);
    const listed = async () => (JSON.parse((await c(['--json', 'at-risk'])).stdout) as Array<{ name: string }>).map((p) => p.name).sort();
    const before = await listed();
    const r = await c(['close', 'UA 77/98']);
    const after = await listed();
    const gone = before.filter((n) => !after.includes(n));
    expect(gone.length).toBeGreaterThan(0);
    const said = /\n(.*) leaves? at-risk: no other open case\n/.exec(r.stderr)![1]!;
    expect(said.split(/, (?=[A-Z])/).map((p) => p.replace(/ \(.*\)$/, '')).sort()).toEqual(gone);
  });
});

describe('at-risk when nobody is listed', () => {
  it('names the people with open risks that only closed cases hold', async () => {
    await c(['close', 'UA 77/98', '--reason', 'released']);
    const r = await c(['at-risk']);
    expect(r).toMatchObject({ code: 0, stdout: 'Nobody at risk in open cases; 2 people with open risks are only in closed cases: Hemit Memet (UA 77/98), Kasim Mahpir (UA 77/98)\n' });
    expect((await c(['at-risk', '--risk', 'death-penalty'])).stdout)
      .toBe('Nobody at risk of death-penalty in open cases; 1 person with that risk is only in closed cases: Kasim Mahpir (UA 77/98)\n');
    expect(JSON.parse((await c(['--json', 'at-risk'])).stdout)).toEqual([]);
  });

  it('says plainly that nobody has open risks when nobody has', async () => {
    await c(['risk', 'Hemit Memet', '--remove', 'torture']);
    await c(['risk', 'Kasim Mahpir', '--remove', 'death-penalty']);
    await c(['close', 'UA 77/98']);
    expect((await c(['at-risk'])).stdout).toBe('Nobody with open risks.\n');
  });
});
