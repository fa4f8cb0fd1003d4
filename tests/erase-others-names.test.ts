// What an erase leaves because it is another tracked person's name, said rather than left silently:
// a word (erase --word) that a tracked person's longer name holds, and a name the erased person once
// had (an alias taken away) that someone tracked has now.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, scriptedPrompter, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2026-11-23' });
const json = async (args: string[]) => JSON.parse((await c(['--json', ...args])).stdout);

beforeEach(async () => {
  db = tempDb();
  await c(['add', 'case', '--ref', 'UA 5/26', '--title', 'Detentions']);
  await c(['add', 'person', 'Murager Alimuly', '--case', 'UA 5/26']);
});

describe('erase --word and a tracked person whose longer name holds the word', () => {
  it('names them, before and after, and leaves their name', async () => {
    const kaster = (await json(['add', 'person', 'Kaster Musakhanuly', '--case', 'UA 5/26'])).id as string;
    const target = (await json(['add', 'target', 'Aidos Kaster', '--title', 'Prosecutor', '--email', 'office@example.org'])).id as string;
    const event = (await json(['add', 'event', 'Murager Alimuly', '--date', '2026-11-02', '--type', 'statement', '--summary', 'Kaster called'])).id as string;
    const asked = await caselog(['erase', '--word', 'Kaster'], { db, today: '2026-11-23', tty: true, prompter: scriptedPrompter(['Kaster']) });
    expect(asked.code, asked.stderr).toBe(0);
    expect(asked.stderr).toContain(`These people and appeal targets hold the word in their names and stay as they are, for you to check: person ${kaster.slice(0, 10)}, appeal target ${target.slice(0, 10)}.`);
    expect(asked.stderr).toContain(`Warning: these people and appeal targets hold the word and stay as they are; check them: person ${kaster.slice(0, 10)}, appeal target ${target.slice(0, 10)}`);
    expect((await json(['show', kaster])).name).toBe('Kaster Musakhanuly');
    expect((await json(['timeline', 'Murager Alimuly'])).events.find((e: { id: string }) => e.id === event).summary).toBe('[erased] called');
  });
});

describe('erase and a name they once had that someone tracked has now', () => {
  it('lists the records holding it, and who has it now, before and after', async () => {
    await c(['add', 'person', 'Kaster Musakhanuly', '--alias', 'Qaster Musakhanuly', '--case', 'UA 5/26']);
    await c(['person', 'unalias', 'Kaster Musakhanuly', 'Qaster Musakhanuly']);
    const qaster = (await json(['add', 'person', 'Qaster Musakhanuly', '--new', '--case', 'UA 5/26'])).id as string;
    const event = (await json(['add', 'event', 'Murager Alimuly', '--date', '2026-11-02', '--type', 'detention', '--summary', 'Held with Qaster Musakhanuly'])).id as string;
    const asked = await caselog(['erase', 'Kaster Musakhanuly'], { db, today: '2026-11-23', tty: true, prompter: scriptedPrompter(['Kaster Musakhanuly']) });
    expect(asked.code, asked.stderr).toBe(0);
    expect(asked.stderr).toContain(`A name they once had (taken away) is a tracked person's now (${qaster.slice(0, 10)}), taken as theirs: these hold it and stay as they are: event ${event.slice(0, 10)}.`);
    expect(asked.stderr).toContain(`Warning: a name they once had (taken away) is a tracked person's now (${qaster.slice(0, 10)}), taken as theirs; these hold it and stay as they are, check them: event ${event.slice(0, 10)}`);
    expect((await json(['timeline', 'Murager Alimuly'])).events.find((e: { id: string }) => e.id === event).summary).toBe('Held with Qaster Musakhanuly');
  });

  it('says it in --json', async () => {
    await c(['add', 'person', 'Kaster Musakhanuly', '--alias', 'Qaster Musakhanuly', '--case', 'UA 5/26']);
    await c(['person', 'unalias', 'Kaster Musakhanuly', 'Qaster Musakhanuly']);
    const qaster = (await json(['add', 'person', 'Qaster Musakhanuly', '--new', '--case', 'UA 5/26'])).id as string;
    const event = (await json(['add', 'event', 'Murager Alimuly', '--date', '2026-11-02', '--type', 'detention', '--summary', 'Held with Qaster Musakhanuly'])).id as string;
    const r = await c(['--json', 'erase', 'Kaster Musakhanuly', '--force']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ formerNameHolders: [qaster], keptForFormerNameHolders: [{ kind: 'event', id: event }] });
  });
});
