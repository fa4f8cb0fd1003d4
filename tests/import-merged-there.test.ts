// A person merged in the colleague's database comes here as a person added, holding the name of
// the one merged away, who is still here: one note, with the merge that does here what was done
// there, so that the next exchange agrees.
import { describe, expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

const today = '2026-11-24';
const desk = () => {
  const db = tempDb();
  return (args: string[]) => caselog(args, { db, today });
};

describe('import of a person merged in the file\'s database', () => {
  it('says once, as added, with the merge that keeps the file\'s person; followed, each side takes the other\'s export unchanged', async () => {
    const [mine, hers] = [desk(), desk()];
    await mine(['add', 'case', '--ref', 'MENA 12/26', '--title', 'mine']);
    await mine(['add', 'person', 'Ahmed Saeed', '--case', 'MENA 12/26', '--risk', 'torture']);
    await mine(['add', 'event', 'Ahmed Saeed', '--date', '2026-03-01', '--type', 'arrest', '--summary', 'Arrested']);
    await hers(['add', 'case', '--ref', 'MENA 12/26', '--title', 'hers']);
    await hers(['add', 'person', 'Ahmad Said', '--case', 'MENA 12/26']);
    expect((await hers(['import', fileOf('mine.json', (await mine(['export'])).stdout), '--join-cases'])).code).toBe(0);
    expect((await hers(['merge', 'Ahmed Saeed', 'Ahmad Said', '--force'])).code).toBe(0);

    const r = await mine(['import', fileOf('hers.json', (await hers(['export'])).stdout), '--join-cases', '--replace']);
    expect(r.code).toBe(0);
    const notes = r.stderr.split('\n').filter((line) => line.startsWith('note: Ahmad Said'));
    expect(notes).toHaveLength(1);
    const [, ahmad, ahmed] = /^note: Ahmad Said \[(p-\w+)\], just imported, holds the name "Ahmed Saeed" of Ahmed Saeed \[(p-\w+)\] here \(were they merged where the file comes from\?\): if they are one person, caselog merge \2 \1$/.exec(notes[0]!) ?? [];
    expect(ahmad).toBeDefined();
    expect((await mine(['merge', ahmed!, ahmad!, '--force'])).code).toBe(0);

    const back = await hers(['import', fileOf('mine-after.json', (await mine(['export'])).stdout), '--join-cases']);
    expect(back).toMatchObject({ code: 0, stderr: expect.stringContaining(': 0 added, 0 updated, 2 unchanged') });
  });
});
