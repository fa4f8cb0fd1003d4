// A fresh change into danger ranks as the news to act on: a man sentenced to death yesterday came
// below a man detained for weeks whose follow-up was overdue, as the news also ended his silence.
import { expect, it } from 'vitest';
import { atRiskBlocks, caselog, tempDb } from './helpers/cli';

/** A new database and a command on it, asserted to succeed, on `today` unless said otherwise. */
function desk(today: string) {
  const db = tempDb();
  return async (args: string[], on = today) => {
    const r = await caselog(args, { db, today: on });
    expect(r.code, r.stderr).toBe(0);
    return r;
  };
}

it('puts a death sentence of yesterday above an overdue follow-up, in the list and in --json', async () => {
  const c = desk('1999-03-03');
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
  // That the pressure lapses after two weeks: tests/urgency.test.ts.
});

it('counts as fresh only a change an event made: a status typed when someone was added is no news', async () => {
  const c = desk('2026-11-24');
  await c(['add', 'person', 'Old Prisoner', '--status', 'imprisoned', '--risk', 'torture']);
  await c(['add', 'person', 'Older Prisoner', '--status', 'imprisoned', '--risk', 'torture'], '2026-10-01');
  await c(['add', 'event', 'Older Prisoner', '--date', '2026-10-01', '--type', 'report', '--summary', 'still held']);
  await c(['add', 'event', 'Old Prisoner', '--date', '2026-10-01', '--type', 'report', '--summary', 'still held']);
  const people = JSON.parse((await c(['--json', 'at-risk'])).stdout) as Array<{ name: string; urgency: number }>;
  expect(people.find((p) => p.name === 'Old Prisoner')!.urgency).toBe(people.find((p) => p.name === 'Older Prisoner')!.urgency);
});

it('puts a man sentenced to death yesterday above a man held for months whose follow-up is overdue', async () => {
  const c = desk('2026-11-24');
  await c(['add', 'case', '--ref', 'UA 1/26', '--title', 'Held'], '2026-01-05');
  await c(['add', 'case', '--ref', 'UA 2/26', '--title', 'Fear of execution'], '2026-01-05');
  await c(['add', 'person', 'Long Held', '--case', 'UA 1/26', '--risk', 'torture'], '2026-01-05');
  await c(['add', 'event', 'Long Held', '--date', '2026-01-05', '--type', 'detention', '--summary', 'detained'], '2026-01-05');
  await c(['add', 'event', 'Long Held', '--date', '2026-10-20', '--type', 'report', '--summary', 'still held']);
  await c(['add', 'deadline', 'UA 1/26', '--date', '2026-11-20', '--note', 'follow up']);
  await c(['add', 'person', 'Just Sentenced', '--case', 'UA 2/26', '--risk', 'death-penalty', '--risk', 'torture'], '2026-01-05');
  await c(['add', 'event', 'Just Sentenced', '--date', '2026-03-01', '--type', 'arrest', '--summary', 'arrested'], '2026-03-01');
  await c(['add', 'event', 'Just Sentenced', '--date', '2026-11-23', '--type', 'sentence', '--summary', 'sentenced to death']);
  expect(atRiskBlocks((await c(['at-risk'])).stdout).map((b) => b.name)).toEqual(['Just Sentenced', 'Long Held']);
});
