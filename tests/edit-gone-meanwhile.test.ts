// edit on a terminal asks for as long as the caseworker takes; a colleague's caselog may delete or
// erase the record meanwhile. The answers then changed nothing, yet ended in "unexpected error".
import { beforeEach, describe, expect, it } from 'vitest';
import type { Prompter } from '../src/prompter';
import { caselog, scriptedPrompter, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[], prompter?: Prompter) => caselog(args, { db, today: '2020-02-01', tty: Boolean(prompter), prompter });

/** Answers a new name at the name question, after another caselog ran `meanwhile` on the database. */
function removedWhileAsked(meanwhile: string[]): Prompter {
  let done = false;
  return {
    ...scriptedPrompter([]),
    input: async (message, opts) => {
      if (!done) {
        done = true;
        expect((await c(meanwhile)).code).toBe(0);
      }
      return message.startsWith('Another name to add') ? 'Kaster Secretname' : opts?.default ?? '';
    },
  };
}

beforeEach(async () => {
  db = tempDb();
  await c(['add', 'case', '--ref', 'KZ 2019/12', '--title', 'At risk of return']);
  await c(['add', 'person', 'Kaster Musakhanuly', '--case', 'KZ 2019/12']);
  await c(['add', 'event', 'KZ 2019/12', '--date', '2019-12-01', '--type', 'other', '--summary', 'Case opened']);
});

describe('a record removed by another caselog while edit asks about it', () => {
  it.each([
    ['erased', ['erase', 'Kaster Musakhanuly', '--force']],
    ['deleted', ['delete', 'Kaster Musakhanuly', '--force']],
  ])('%s: says so, and changes nothing', async (_how, meanwhile) => {
    const r = await c(['edit', 'Kaster Musakhanuly'], removedWhileAsked(meanwhile));
    expect(r).toMatchObject({ code: 1, stderr: 'caselog: the person being edited was deleted, merged or erased meanwhile (by another caselog?): nothing was changed\n' });
    expect((await c(['export'])).stdout).not.toContain('Secretname');
  });
});
