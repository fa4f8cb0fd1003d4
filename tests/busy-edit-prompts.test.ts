// Bare `caselog edit` answered at its prompts while another caselog keeps the database busy: asked
// whether to keep waiting, Ctrl-C there stops as No does, with nothing changed and the edit command
// that makes the same changes, which run as printed makes them.
import { describe, expect, it } from 'vitest';
import { CancelledError } from '../src/errors';
import { another } from './helpers/another';
import { commandsIn, SAME, STILL_BUSY, WAITING } from './helpers/busy';
import { caselog, DEMO, ENTER, scriptedPrompter, tempDb } from './helpers/cli';

const EVENT = 'e-dwwy003tkj54n9xt';
const SUMMARY = 'Forcibly returned to China.\nReported by Kazakstan Television on 11 February 1999';

async function event(db: string) {
  const events = JSON.parse((await caselog(['--json', 'timeline', 'Hemit Memet'], { db })).stdout).events as Array<{ id: string }>;
  return events.find((e) => e.id === EVENT)!;
}

describe("edit's prompts when the database stays busy", () => {
  it('Ctrl-C at "keep waiting?": nothing changed, and the edit command with every change answered', async () => {
    const db = tempDb();
    expect((await caselog(['import', DEMO], { db })).code).toBe(0);
    const before = await event(db);
    const other = await another(db, 60000);
    const prompter = scriptedPrompter([ENTER, ENTER, SUMMARY, '-', 'Kazakstan National Security Committee']);
    const confirm = prompter.confirm;
    prompter.confirm = async (message, initial) => {
      if (message === STILL_BUSY) throw new CancelledError();
      return confirm(message, initial);
    };
    const r = await caselog(['edit', EVENT], { db, tty: true, today: '2026-11-23', prompter });
    await other.end();
    const command = "caselog edit e-dwwy003t --summary $'Forcibly returned to China.\\nReported by Kazakstan Television on 11 February 1999' --place \"\""
      + ' --actor "Kazakstan National Security Committee"';
    expect(r).toEqual({ code: 1, stdout: '', stderr: `${WAITING}${SAME}${command}\n` });
    expect(await event(db)).toEqual(before);
    const [words, ...more] = commandsIn(command);
    expect(more).toEqual([]);
    expect((await caselog(words!, { db, today: '2026-11-23' })).code).toBe(0);
    expect(await event(db)).toEqual({ ...before, summary: SUMMARY, place: null, actor: 'Kazakstan National Security Committee' });
  }, 60000);
});
