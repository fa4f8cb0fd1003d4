// Statuses, risks and event types as a caseworker types them: capitals and spaces are spelling;
// their own words ("deported") are never read as ours, but answered with the one they likely mean.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, DEMO, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '1999-03-01' });
const show = async (who: string) => JSON.parse((await c(['--json', 'show', who])).stdout) as { status: string; risks: string[] };

beforeEach(async () => {
  db = tempDb();
  expect((await c(['import', DEMO])).code).toBe(0);
});

describe('a word of the vocabulary in other capitals or with spaces', () => {
  it('is read as that word', async () => {
    expect((await c(['add', 'person', 'Abdullah Rahimi', '--risk', 'Torture', '--risk', 'death penalty', '--status', 'In Hiding'])).code).toBe(0);
    expect(await show('Abdullah Rahimi')).toMatchObject({ status: 'in-hiding', risks: expect.arrayContaining(['torture', 'death-penalty']) });
    expect((await c(['add', 'person', 'Farid Karimi', '--risk', 'Unfair Trial'])).code).toBe(0);
    expect((await c(['add', 'event', 'Farid Karimi', '--date', '1999-02-20', '--type', 'Arrest', '--summary', 'Arrested at home'])).code).toBe(0);
    expect(await show('Farid Karimi')).toMatchObject({ status: 'detained', risks: ['unfair-trial'] });
  });

  it('takes a status of two words at the end of status without quotes', async () => {
    expect((await c(['status', 'Kasim Mahpir', 'in', 'hiding'])).code).toBe(0);
    expect((await show('Kasim Mahpir')).status).toBe('in-hiding');
  });
});

describe('a word of their own', () => {
  it.each([
    [['status', 'Kasim Mahpir', 'deported'], 'the new status comes last: "deported" is not a status caselog knows: did you mean returned?'],
    [['add', 'event', 'Kasim Mahpir', '--date', '1999-02-20', '--type', 'arested', '--summary', 'x'], '--type "arested" is not an event type caselog knows: did you mean arrest?'],
    [['add', 'event', 'Kasim Mahpir', '--date', '1999-02-20', '--type', 'deported', '--summary', 'x'], '--type "deported" is not an event type caselog knows: did you mean deportation?'],
    [['risk', 'Kasim Mahpir', '--add', 'tortured'], '--add "tortured" is not a risk caselog knows: did you mean torture?'],
    [['at-risk', '--risk', 'execution'], '--risk "execution" is not a risk caselog knows: did you mean death-penalty?'],
    [['list', 'people', '--status', 'Detaned'], '--status "Detaned" is not a status caselog knows: did you mean detained?'],
  ])('is refused as a usage error naming the word meant, nothing changed: %j', async (args, said) => {
    const before = (await c(['export'])).stdout;
    const r = await c(args);
    expect(r.code).toBe(2);
    expect(r.stderr.startsWith(`caselog: ${said} (one of `)).toBe(true);
    expect(r.stderr.split('\n')).toHaveLength(2);
    expect((await c(['export'])).stdout).toBe(before);
  });

  it('without a likely meaning, lists the words', async () => {
    const r = await c(['add', 'event', 'Kasim Mahpir', '--date', '1999-02-20', '--type', 'foo', '--summary', 'x']);
    expect(r.stderr).toBe('caselog: --type "foo" is not an event type caselog knows (one of arrest, detention, charge, hearing, sentence, release, deportation, extradition-request, asylum-application, asylum-decision, disappearance, ill-treatment, statement, appeal, report, status, other)\n');
  });
});

describe('a status of two words of the caseworker', () => {
  it('reads "Forcibly Returned" as returned, and answers "in prison" and "executed" with the status meant', async () => {
    expect((await c(['status', 'Kasim Mahpir', 'Forcibly', 'Returned'])).code).toBe(0);
    expect((await show('Kasim Mahpir')).status).toBe('returned');
    const prison = await c(['status', 'Kasim Mahpir', 'in', 'prison']);
    expect(prison).toMatchObject({ code: 2 });
    expect(prison.stderr).toMatch(/^caselog: the new status comes last: "in prison" is not a status caselog knows: did you mean imprisoned\? /);
    expect((await c(['status', 'Kasim Mahpir', 'executed'])).stderr).toContain('did you mean deceased?');
  });
});
