// A person's id, as --json gives it, is accepted where a flag names a person (edit --person,
// add person --alias-of), as it is for WHO: the one way a script tells namesakes apart.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2020-01-10' });
const json = async (args: string[]) => {
  const r = await c(['--json', ...args]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};

let second: string;
let event: string;
beforeEach(async () => {
  db = tempDb();
  await json(['add', 'person', 'Ali Hassan']);
  second = (await json(['add', 'person', 'Ali Hassan', '--new', '--citizenship', 'Syria'])).id;
  event = (await json(['add', 'event', second, '--date', '2019', '--type', 'other', '--summary', 'seen in Idlib'])).id;
});

describe('a person id in a flag', () => {
  it('edit --person takes the whole id or its short form, where the shared name is refused', async () => {
    const byName = await c(['edit', event, '--person', 'Ali Hassan', '--summary', 'seen in Idlib in spring']);
    expect(byName.code).toBe(1);
    expect(byName.stderr).toContain('matches several people');
    const edited = await json(['edit', event, '--person', second.slice(0, 10), '--summary', 'seen in Idlib in spring']);
    expect(edited.people).toEqual([{ id: second, name: 'Ali Hassan' }]);
    expect(edited.summary).toBe('seen in Idlib in spring');
  });

  it('add person --alias-of takes the id, and the name goes to that namesake', async () => {
    expect((await c(['add', 'person', 'Ali Hasan', '--alias-of', second])).code).toBe(0);
    const shown = await json(['show', second]);
    expect(shown.names.map((n: string | { name: string }) => (typeof n === 'string' ? n : n.name))).toContain('Ali Hasan');
  });

  it('an id of nobody is still refused, saying so', async () => {
    const r = await c(['edit', event, '--person', 'p-zzzzzzzz']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('caselog: no person has an id starting "p-zzzzzzzz", and no one is called so\n');
  });

  it('says which namesake an edit took off and put on, by id', async () => {
    const first = (await json(['list', 'people'])).map((p: { id: string }) => p.id).find((id: string) => id !== second) as string;
    const r = await c(['edit', event, '--person', first]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`(about: added Ali Hassan [${first.slice(0, 10)}]; removed Ali Hassan [${second.slice(0, 10)}])`);
  });
});

