// A write that waits for another caselog (a colleague's long import or erase) said nothing for
// fifteen seconds and then failed: on an old laptop it looked like a hang. After about a second it
// now says, once, that it is waiting and that Ctrl-C is safe; the outcome is as it was.
import { beforeEach, describe, expect, it } from 'vitest';
import { another } from './helpers/another';
import { caselog, DEMO, tempDb } from './helpers/cli';

const WAITING = 'caselog: waiting for another caselog to finish (an import, an erase or a restore can take a while); Ctrl-C cancels safely: nothing has been changed yet\n';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2026-11-23' });
const hearing = ['add', 'event', 'Kaster Musakhanuly', '--date', '2026-11-20', '--type', 'hearing', '--summary', 'Hearing adjourned'];

beforeEach(async () => {
  db = tempDb();
  expect((await c(['import', DEMO])).code).toBe(0);
});

describe('a write waiting for another caselog', () => {
  it('says once, after about a second, that it waits; then does its work', async () => {
    const other = await another(db, 2500);
    const r = await c(hearing);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`${WAITING}Recorded hearing on 20 November 2026 for Kaster Musakhanuly [${r.stderr.match(/\[(e-\w+)\]/)![1]}]\n`);
    await other.done;
  });

  it('says nothing of waiting when nothing holds the database', async () => {
    const r = await c(hearing);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('waiting');
  });

  it('after the usual fifteen seconds, fails as before: nothing changed', async () => {
    const other = await another(db, 17000);
    const r = await c(hearing);
    expect(r).toMatchObject({ code: 1, stderr: `${WAITING}caselog: the database stayed busy in another caselog for too long: nothing was changed, try again\n` });
    await other.end();
    expect((await c(['timeline', 'Kaster Musakhanuly'])).stdout).not.toContain('Hearing adjourned');
  }, 40000);
});

describe('a restore waiting for another caselog', () => {
  it('says that it waits, then restores', async () => {
    const backup = `${db}.backup`;
    expect((await c(['backup', backup])).code).toBe(0);
    const other = await another(db, 2500);
    const r = await c(['restore', backup, '--force']);
    expect(r.code).toBe(0);
    expect(r.stderr.startsWith(`${WAITING}Restored ${backup} to `)).toBe(true);
    await other.done;
  });

  it('refused at once as in use by a caselog that only has it open, with no wait said', async () => {
    const backup = `${db}.backup`;
    expect((await c(['backup', backup])).code).toBe(0);
    const other = await another(db, 3000, 'open');
    const r = await c(['restore', backup, '--force']);
    expect(r).toMatchObject({ code: 1, stderr: `caselog: ${db} is in use by another caselog: close it and try again; nothing was changed\n` });
    await other.end();
  });
});
