// log WHO by a reference or name the record had before it was changed: "caselog log 'UA 20/26'" after
// the case's reference was corrected to "UA 20/26-1" found nothing ("nearest case: UA 20/26-1"), as a
// person's name taken away did, though the change log holds both, as it does for records deleted.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(['--no-color', ...args], { db, today: '2026-11-24' });
const idOf = async (who: string) => (JSON.parse((await c(['--json', 'show', who])).stdout) as { id: string }).id;
/** Each entry of a log as "command action id". */
const logged = async (args: string[]) => (JSON.parse((await c(['--json', 'log', '--limit', '0', ...args])).stdout) as Array<{ action: string; command: string; id: string | null }>)
  .map((e) => `${e.command} ${e.action} ${e.id}`);
let theCase: string;
let ilyas: string;

beforeEach(async () => {
  db = tempDb();
  await c(['add', 'case', '--ref', 'UA 20/26', '--title', 'Fear of torture']);
  await c(['add', 'person', 'Ilyas Zordun', '--case', 'UA 20/26']);
  await c(['add', 'event', 'Ilyas Zordun', '--date', '2026-01-11', '--type', 'detention', '--summary', 'Detained in Ghulja']);
  [theCase, ilyas] = [await idOf('UA 20/26'), await idOf('Ilyas Zordun')];
});

describe('log by a reference a case had before it was changed', () => {
  it('shows the case\'s log, with what is linked to it, and says whose reference it was', async () => {
    expect((await c(['edit', 'UA 20/26', '--ref', 'UA 20/26-1'])).code).toBe(0);
    const now = await logged(['UA 20/26-1']);
    for (const what of ['UA 20/26', 'ua 20/26']) {
      const r = await c(['log', what]);
      expect(r, what).toMatchObject({ code: 0 });
      expect(r.stderr).toBe(`"${what}" was the reference of case UA 20/26-1 [${theCase.slice(0, 10)}] before it was changed: its changes\n`);
      expect(r.stdout.split('\n')[0]).toMatch(new RegExp(` {2}edit {2}case ${theCase.slice(0, 10)} "UA 20/26-1"$`));
      expect(await logged([what])).toEqual(now);
    }
    expect(now).toEqual(expect.arrayContaining([`edit edit ${theCase}`, expect.stringMatching(/^add event add e-/), `add case add ${theCase}`]));
  });

  it('beside a case that has the reference now: that case\'s log, and a note of the one that had it', async () => {
    expect((await c(['edit', 'UA 20/26', '--ref', 'UA 20/26-1'])).code).toBe(0);
    expect((await c(['add', 'case', '--ref', 'UA 20/26', '--title', 'Another'])).code).toBe(0);
    const r = await c(['log', 'UA 20/26']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/ {2}add case {2}case c-\w+ "UA 20\/26"$/);
    expect(r.stderr).toBe(`"UA 20/26" was also the reference of a case: case UA 20/26-1 [${theCase.slice(0, 10)}] (still tracked, by another reference now); `
      + `caselog log ${theCase.slice(0, 10)} shows its changes\n`);
  });
});

describe('log by a name a person had before it was changed', () => {
  it('reaches them by their former name, kept as another name by the edit, and once that name is taken away too', async () => {
    expect((await c(['edit', 'Ilyas Zordun', '--name', 'Abdulla Tursun'])).code).toBe(0);
    const now = await logged(['Abdulla Tursun']);
    expect(await logged(['Ilyas Zordun'])).toEqual(now);
    expect((await c(['person', 'unalias', 'Abdulla Tursun', 'Ilyas Zordun'])).code).toBe(0);
    const r = await c(['log', 'Ilyas Zordun']);
    expect(r).toMatchObject({ code: 0, stderr: `"Ilyas Zordun" was the name of Abdulla Tursun [${ilyas.slice(0, 10)}] before it was changed: their changes\n` });
    expect(await logged(['Ilyas Zordun'])).toEqual(await logged(['Abdulla Tursun']));
    expect(await logged(['Ilyas Zordun'])).toEqual(expect.arrayContaining([`edit edit ${ilyas}`, expect.stringMatching(/^add event add e-/)]));
  });

  it('a name that was never anyone\'s is still not found', async () => {
    const r = await c(['log', 'Nurlan Sadykov']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^caselog: no case or person matches "Nurlan Sadykov"/);
  });
});
