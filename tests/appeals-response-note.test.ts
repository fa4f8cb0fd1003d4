// What an answer said (appeal response --note) is in the JSON of the plan, the target and the event.
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO, caselog, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '1999-04-20' });

beforeEach(async () => {
  db = tempDb();
  expect((await c(['import', DEMO])).code).toBe(0);
  await c(['appeal', 'sent', 'UA 77/98', '--target', 'TOKAYEV', '--target', 'XIAO Yang', '--date', '1999-03-02']);
});

describe('the note of an answer', () => {
  it('is in appeal plan --json, show TARGET --json and the event\'s appeal object; null when none was given', async () => {
    const noted = JSON.parse((await c(['--json', 'appeal', 'response', 'UA 77/98', '--target', 'TOKAYEV', '--date', '1999-04-02',
      '--response', 'token', '--note', 'acknowledged'])).stdout);
    expect(noted.appeal).toMatchObject({ kind: 'response', response: 'token', note: 'acknowledged' });
    await c(['appeal', 'response', 'UA 77/98', '--target', 'XIAO Yang', '--date', '1999-04-10', '--response', 'denial']);
    const plan = JSON.parse((await c(['--json', 'appeal', 'plan', 'UA 77/98'])).stdout);
    const responses = (name: string) => plan.targets.find((t: { name: string }) => t.name.includes(name)).responses;
    expect(responses('TOKAYEV')).toEqual([{ id: noted.id, date: '1999-04-02', precision: 'day', approximate: false, dateText: '1999-04-02',
      response: 'token', note: 'acknowledged' }]);
    expect(responses('XIAO')[0]).toMatchObject({ response: 'denial', note: null });
    const target = JSON.parse((await c(['--json', 'show', noted.appeal.target])).stdout);
    expect(target.appeals[0].responses[0]).toMatchObject({ response: 'token', note: 'acknowledged' });
    const timeline = JSON.parse((await c(['--json', 'timeline', 'UA 77/98'])).stdout);
    expect(timeline.events.find((e: { id: string }) => e.id === noted.id).appeal.note).toBe('acknowledged');
  });

  it('of no reply is read back after the addressee, whatever it is called', async () => {
    await c(['appeal', 'response', 'UA 77/98', '--target', 'XIAO Yang', '--response', 'none', '--note', 'chased by fax (twice): nothing']);
    expect((await c(['edit', 'XIAO Yang', '--title', 'Former President (retired)'])).code).toBe(0);
    const plan = JSON.parse((await c(['--json', 'appeal', 'plan', 'UA 77/98'])).stdout);
    const xiao = plan.targets.find((t: { name: string }) => t.name === 'XIAO Yang');
    expect(xiao.responses[0]).toMatchObject({ response: 'none', note: 'chased by fax (twice): nothing' });
  });
});
