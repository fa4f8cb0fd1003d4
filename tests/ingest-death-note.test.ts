// caselog ingest: a death the document tells of is not recorded as a status (a false report would take
// a living person off at-risk), but said, with the command that records it once confirmed.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2026-11-24' });

beforeEach(() => {
  db = tempDb();
});

const DOC = 'Van, 20 August 2023\n\n'
  + 'Kamil Aslan is a trade unionist from Van. Kamil Aslan was detained on 2 June 2023. '
  + 'Kamil Aslan died in detention; his brother was informed of his death on 14 August 2023.\n';
const RUMOUR = 'Van, 21 August 2023\n\nKamil Aslan may have died in detention, a cellmate said on 19 August 2023.\n';

describe('a death told in a document', () => {
  it('a dry run says it, with the command to record it', async () => {
    const r = await c(['--json', 'ingest', fileOf('aslan.txt', DOC), '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('note: the document tells of the death of Kamil Aslan: if it is confirmed, record it once the document is ingested: '
      + 'caselog status "Kamil Aslan" deceased --date 2023-08-14');
    // Not of a death only feared as possible.
    const rumour = await c(['ingest', fileOf('rumour.txt', RUMOUR), '--dry-run']);
    expect(rumour.code).toBe(0);
    expect(rumour.stderr).not.toContain('death of');
  });

  it('--yes says it with the person\'s id and leaves them at risk, not deceased', async () => {
    const r = await c(['ingest', fileOf('aslan.txt', DOC), '--yes']);
    expect(r.code).toBe(0);
    const note = /note: the document tells of the death of Kamil Aslan \[(p-\w+)\]: if it is confirmed, record it: caselog status (p-\w+) deceased --date 2023-08-14/.exec(r.stderr);
    expect(note).not.toBeNull();
    expect(note![1]).toBe(note![2]);
    const people = JSON.parse((await c(['--json', 'list', 'people'])).stdout) as Array<{ id: string; name: string; status: string }>;
    expect(people.map((p) => [p.name, p.status])).toEqual([['Kamil Aslan', 'detained']]);
    // The command as said works, and once recorded, a later document says nothing more.
    expect((await c(['status', note![2]!, 'deceased', '--date', '2023-08-14'])).code).toBe(0);
    const again = await c(['ingest', fileOf('later.txt', 'Van, 25 August 2023\n\nKamil Aslan died in detention, his lawyer said on 24 August 2023.\n'), '--yes']);
    expect(again.code).toBe(0);
    expect(again.stderr).not.toContain('death of');
  });
});
