// A fresh change into danger ranks as the news to act on: a man sentenced to death yesterday came
// below a man detained for weeks whose follow-up was overdue, as the news also ended his silence.
import { expect, it } from 'vitest';
import { atRiskBlocks, caselog, tempDb } from './helpers/cli';

it('puts a death sentence of yesterday above an overdue follow-up, in the list and in --json, and lets it settle after two weeks', async () => {
  const db = tempDb();
  const c = async (args: string[], today = '1999-03-03') => {
    const r = await caselog(args, { db, today });
    expect(r.code, r.stderr).toBe(0);
    return r;
  };
  await c(['add', 'case', '--ref', 'UA 30/99', '--title', 'Incommunicado detention']);
  await c(['add', 'person', 'Farhod Usmonov', '--case', 'UA 30/99', '--risk', 'torture', '--risk', 'arbitrary-detention']);
  await c(['add', 'event', 'Farhod Usmonov', '--date', '1999-02-08', '--type', 'arrest', '--summary', 'Arrested in Tashkent']);
  await c(['add', 'deadline', 'UA 30/99', '--date', '1999-02-26', '--note', 'follow up with the lawyer']);
  await c(['add', 'case', '--ref', 'UA 21/99', '--title', 'Fear of execution']);
  await c(['add', 'person', 'Abdukerim Tursun', '--case', 'UA 21/99', '--risk', 'torture', '--risk', 'unfair-trial']);
  await c(['add', 'event', 'Abdukerim Tursun', '--date', '1999-03-02', '--type', 'sentence', '--summary', 'Sentenced to death']);
  await c(['risk', 'Abdukerim Tursun', '--add', 'death-penalty', '--date', '1999-03-02']);
  await c(['add', 'deadline', 'UA 21/99', '--date', '1999-03-13', '--note', 'send urgent appeals against the death sentence']);
  const order = async (today: string) => ({
    text: atRiskBlocks((await c(['at-risk'], today)).stdout).map((b) => b.name),
    json: (JSON.parse((await c(['--json', 'at-risk'], today)).stdout) as Array<{ name: string }>).map((p) => p.name),
  });
  expect(await order('1999-03-03')).toEqual({ text: ['Abdukerim Tursun', 'Farhod Usmonov'], json: ['Abdukerim Tursun', 'Farhod Usmonov'] });
  // Three weeks on, with both deadlines passed, the longer silence and the longer wait weigh again.
  await c(['add', 'deadline', 'UA 30/99', '--date', '1999-03-20', '--note', 'later'], '1999-03-03');
  const later = await order('1999-03-25');
  expect(later.text).toEqual(later.json);
});
