// caselog add event with flags missing, on a terminal: what is asked is read as the flag reads it,
// so an answer the flag would refuse is asked again, never stored or left to fail the write.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, scriptedPrompter, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[], prompter?: ReturnType<typeof scriptedPrompter>) =>
  caselog(args, { db, today: '2026-11-24', tty: Boolean(prompter), prompter });
const held = ['add', 'event', 'Hemit Memet', '--date', '1999-02-11', '--summary', 'Held at border'];

beforeEach(async () => {
  db = tempDb();
  await c(['add', 'case', '--ref', 'UA 77/98', '--title', 'Fear of torture']);
  await c(['add', 'person', 'Hemit Memet', '--case', 'UA 77/98']);
});

async function events() {
  return JSON.parse((await c(['--json', 'timeline', 'Hemit Memet'])).stdout).events as Array<{ type: string; status?: string; summary: string }>;
}

describe('add event without --type on a terminal', () => {
  it('asks again for a type caselog does not know, with the did-you-mean --type gives, and records the one meant', async () => {
    const prompter = scriptedPrompter(['foo', 'detained', 'Detention']);
    const r = await c(held, prompter);
    expect(prompter.refusals).toEqual([
      expect.stringMatching(/^"foo" is not an event type caselog knows \(one of arrest, detention, /),
      expect.stringMatching(/^"detained" is not an event type caselog knows: did you mean detention\?/),
    ]);
    expect(r).toMatchObject({ code: 0, stderr: expect.stringContaining('Recorded detention on 11 February 1999 for Hemit Memet') });
    expect(await events()).toEqual([expect.objectContaining({ type: 'detention', summary: 'Held at border' })]);
  });

  it('asks for the new status when the type is status, read as --status reads it', async () => {
    const prompter = scriptedPrompter(['status', 'held', 'Detained']);
    const r = await c(held, prompter);
    expect(prompter.asked[1]).toMatch(/^The new status \(at-liberty, in-hiding, detained, /);
    expect(prompter.refusals).toEqual([expect.stringContaining('"held" is not a status caselog knows')]);
    expect(r.code).toBe(0);
    expect(await events()).toEqual([expect.objectContaining({ type: 'status', status: 'detained' })]);
    expect((await c(['--json', 'show', 'Hemit Memet'])).stdout).toContain('"status": "detained"');
  });

  it('asks for the status --type status was given without, and without a terminal still refuses', async () => {
    const prompter = scriptedPrompter(['in hiding']);
    expect((await c([...held, '--type', 'status'], prompter)).code).toBe(0);
    expect(await events()).toEqual([expect.objectContaining({ type: 'status', status: 'in-hiding' })]);
    const refused = await c([...held, '--type', 'status']);
    expect(refused).toMatchObject({ code: 2, stderr: 'caselog: --type status needs --status S (the new status)\n' });
  });
});
