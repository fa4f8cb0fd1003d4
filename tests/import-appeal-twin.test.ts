// An appeal read here from the colleague's events sheet (whose rows carry no target) and the same
// appeal in the colleague's JSON export later are one letter: the export's appeal event is taken as
// the one here, as a CSV import takes the sheet's row, and its appeal record goes to it; never a
// silent second letter in the timeline and the dossier.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let ours: string;
let theirs: string;
const c = (args: string[], db = ours) => caselog(args, { db, today: '2026-11-24' });
const json = async (args: string[], db = ours) => JSON.parse((await c(['--json', ...args], db)).stdout);
const SUMMARY = 'Appeal sent by fax to Minister (Kasymzhomart TOKAYEV)';

beforeEach(async () => {
  ours = tempDb();
  theirs = tempDb();
  for (const db of [theirs, ours]) expect((await c(['add', 'case', '--ref', 'UA 1', '--title', 't'], db)).code).toBe(0);
  expect((await c(['add', 'target', 'Kasymzhomart TOKAYEV', '--title', 'Minister', '--fax', '(7 3172) 32 42 64'], theirs)).code).toBe(0);
  expect((await c(['appeal', 'sent', 'UA 1', '--target', 'TOKAYEV', '--via', 'fax', '--date', '2026-11-02'], theirs)).code).toBe(0);
});

/** What the colleague hands over: the events sheet without its ids, and the whole export. */
async function handOver(): Promise<{ sheet: string; file: string }> {
  const sheet = join(dirname(theirs), 'events.csv');
  const rows = (await c(['export', '--format', 'csv', '--table', 'events'], theirs)).stdout.split('\n');
  writeFileSync(sheet, rows.map((row) => row.slice(row.indexOf(',') + 1)).join('\n'));
  const file = join(dirname(theirs), 'theirs.json');
  writeFileSync(file, (await c(['export'], theirs)).stdout);
  return { sheet, file };
}

describe('an appeal brought in by a sheet, then by the export it came from', () => {
  it('is one event, which gains the export\'s appeal record; again, nothing changes', async () => {
    const { sheet, file } = await handOver();
    expect((await c(['import', sheet])).stderr).toContain(': 1 added');
    const [here] = (await json(['export'])).events as Array<{ id: string }>;
    const r = await c(['import', file, '--join-cases']);
    expect(r, r.stderr).toMatchObject({ code: 0 });
    expect(r.stderr).toMatch(new RegExp(`note: event e-\\w+ of the file \\(appeal, 2 November 2026\\) says all that event ${here!.id.slice(0, 10)} here says`));
    expect((await c(['timeline', 'UA 1'])).stdout.split(SUMMARY)).toHaveLength(2);
    const after = await json(['export']);
    expect(after.events).toHaveLength(1);
    expect(after.appeals).toEqual([expect.objectContaining({ id: here!.id, kind: 'sent', via: 'fax' })]);
    expect((await c(['appeal', 'plan', 'UA 1'])).stdout).toContain('sent 2 November 2026 by fax');
    expect((await c(['import', file, '--join-cases'])).stderr).toMatch(/: 0 added, 0 updated, \d+ unchanged/);
    expect((await c(['import', sheet])).stderr).toContain(': 0 added, 0 updated, 1 unchanged');
  });

  it('two appeals recorded in each database on the same day to the same target are one letter too', async () => {
    expect((await c(['add', 'target', 'Kasymzhomart TOKAYEV', '--title', 'Minister', '--fax', '(7 3172) 32 42 64'])).code).toBe(0);
    expect((await c(['appeal', 'sent', 'UA 1', '--target', 'TOKAYEV', '--via', 'fax', '--date', '2026-11-02'])).code).toBe(0);
    const before = await json(['export']);
    const r = await c(['import', (await handOver()).file, '--join-cases']);
    expect(r.stderr).toContain(': 0 added, 0 updated, 3 unchanged');
    expect(await json(['export'])).toEqual(before);
  });
});
