// The guided `caselog add` submitted while another caselog holds the database (a colleague's long
// import): after the usual fifteen seconds it failed "busy ... try again", and everything typed was
// lost. Now the caseworker is asked whether to keep waiting, and the same write is tried again; No
// ends it with nothing changed and the command that records the same, every answer in it.
import { describe, expect, it } from 'vitest';
import { another } from './helpers/another';
import { caselog, DEMO, scriptedPrompter, tempDb } from './helpers/cli';
import { commandsIn, SAME, STILL_BUSY, WAITING } from './helpers/busy';

const UA = 'c-wx6dgjjdb5e4vvs2';
const HEMIT = 'p-g238jb05efthtc9a';
const EUR = 's-pndsxwry4r05kecy';
const SUMMARY = 'Taken from his home in Ghulja at night.\nHis sister\'s account, by phone: "they said $5 for the car"';

async function demo(): Promise<string> {
  const db = tempDb();
  expect((await caselog(['import', DEMO], { db })).code).toBe(0);
  return db;
}

/** Hemit Memet's events with this summary, as timeline --json has them. */
async function recorded(db: string, summary: string) {
  const events = JSON.parse((await caselog(['--json', 'timeline', 'Hemit Memet'], { db })).stdout).events as Array<Record<string, unknown>>;
  return events.filter((e) => e.summary === summary)
    .map((e) => ({ ...e, sources: (e.sources as Array<{ ref: string }>).map((s) => s.ref) }));
}

const answers = ['event', UA, [HEMIT], '11 February 1999', 'detention', SUMMARY, 'Ghulja', '', EUR, ''];

describe('the guided add when the database stays busy', () => {
  it('asks whether to keep waiting; No: nothing changed, and the command that records the same', async () => {
    const db = await demo();
    const other = await another(db, 60000);
    const prompter = scriptedPrompter([...answers, false]);
    const r = await caselog(['add'], { db, tty: true, today: '2026-11-23', prompter });
    await other.end();
    expect(prompter.asked.at(-1)).toBe(STILL_BUSY);
    const command = 'caselog add event "UA 77/98" "Hemit Memet" --date "11 February 1999" --type detention'
      + ` --summary $'Taken from his home in Ghulja at night.\\nHis sister\\'s account, by phone: "they said $5 for the car"' --place Ghulja --source s-pndsxwry`;
    expect(r).toEqual({ code: 1, stdout: '', stderr: `${WAITING}${SAME}${command}\n` });
    expect(await recorded(db, SUMMARY)).toEqual([]);
    // Run as printed, once the database is free, it records what was answered.
    const [words, ...more] = commandsIn(command);
    expect(more).toEqual([]);
    expect((await caselog(words!, { db, today: '2026-11-23' })).code).toBe(0);
    expect(await recorded(db, SUMMARY)).toEqual([expect.objectContaining({
      type: 'detention', summary: SUMMARY, place: 'Ghulja', dateText: '11 February 1999', sources: ['EUR 57/12/98'],
      case: { id: UA, ref: 'UA 77/98' }, people: [{ id: HEMIT, name: 'Hemit Memet' }],
    })]);
  }, 60000);

  it('the lock let go while it asks, Yes: the same write is done, once', async () => {
    const db = await demo();
    const other = await another(db, 60000);
    const prompter = scriptedPrompter([...answers, true]);
    const confirm = prompter.confirm;
    prompter.confirm = async (message, initial) => {
      if (message === STILL_BUSY) await other.end();
      return confirm(message, initial);
    };
    const r = await caselog(['add'], { db, tty: true, today: '2026-11-23', prompter });
    expect(r.code).toBe(0);
    expect(prompter.asked.filter((q) => q === STILL_BUSY)).toHaveLength(1);
    expect(r.stderr).toMatch(new RegExp(`^${WAITING.replace(/[().;]/g, '\\$&')}Recorded detention on 11 February 1999 for Hemit Memet \\[e-\\w+\\]\\n`));
    expect(await recorded(db, SUMMARY)).toHaveLength(1);
  }, 60000);
});
