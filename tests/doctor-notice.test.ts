// doctor reads every page: on a large database (most of a minute at a million events) it says so
// before it starts, instead of a blank screen that looks hung; on an everyday one it says nothing more.
import { afterEach, describe, expect, it } from 'vitest';
import { doctorNotice } from '../src/commands/doctor';
import { caselog, tempDb } from './helpers/cli';

const usual = doctorNotice.fromBytes;
afterEach(() => {
  doctorNotice.fromBytes = usual;
});

describe('doctor on a database', () => {
  it('says first that it takes a while when the file is large', async () => {
    const db = tempDb();
    expect((await caselog(['add', 'person', 'Ana Lopez'], { db })).code).toBe(0);
    doctorNotice.fromBytes = 1;
    const r = await caselog(['doctor'], { db });
    expect(r.stderr).toMatch(/^Checking every page of .* \(\d+ MiB\); on a database this size it takes a while\.\n/);
    expect(r.stdout).toContain('is healthy.');
  });

  it('says nothing of the kind for an everyday one', async () => {
    const db = tempDb();
    expect((await caselog(['add', 'person', 'Ana Lopez'], { db })).code).toBe(0);
    const r = await caselog(['doctor'], { db });
    expect(r.stderr).not.toContain('Checking every page');
  });
});
