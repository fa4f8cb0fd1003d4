// A name as a caseworker types it: spacing pasted from a document is not kept, a name is not given
// twice in other capitals.
import { readFileSync, writeFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, newDatabase, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[], on = db) => caselog(args, { db: on, today: '2020-02-01' });
const namesOf = async (who: string) => (JSON.parse((await c(['--json', 'show', who])).stdout) as { names: string[] }).names;

beforeEach(() => {
  db = tempDb();
});

describe('a name typed with a run of spaces (pasted from a PDF)', () => {
  it('is stored and shown with one space between its words, however it is given', async () => {
    const added = await c(['add', 'person', ' Kaster  Musakhanuly ', '--alias', 'Qaster   Musakhan']);
    expect(added.stderr).toMatch(/^Added Kaster Musakhanuly \[p-/);
    expect(await c(['person', 'alias', 'Kaster Musakhanuly', 'Қастер  Мұсаханұлы'])).toMatchObject({ code: 0 });
    expect(await c(['add', 'person', 'Kasym   Musakhan', '--alias-of', 'Kaster Musakhanuly'])).toMatchObject({
      code: 0, stderr: expect.stringContaining('Added "Kasym Musakhan" as another name of Kaster Musakhanuly'),
    });
    expect((await c(['edit', 'Kaster Musakhanuly', '--name', 'Kaster  M.  Musakhanuly', '--alias', 'K.   Musakhanuly'])).code).toBe(0);
    expect(await namesOf('Kaster M. Musakhanuly')).toEqual([
      'Kaster M. Musakhanuly', 'Kaster Musakhanuly', 'Qaster Musakhan', 'Қастер Мұсаханұлы', 'Kasym Musakhan', 'K. Musakhanuly',
    ]);
    // Looked up with the spaces again, it is the stored name, exactly.
    const shown = await c(['show', 'Kaster   M.  Musakhanuly']);
    expect(shown.stdout).toMatch(/^Kaster M\. Musakhanuly {2}p-/);
    expect(shown.stderr).toBe('');
    // A line break is still refused, not taken for a space.
    expect((await c(['add', 'person', 'Evil\nName'])).code).toBe(1);
  });

  it('is kept as it is when it comes from an export: import then export gives the same file', async () => {
    expect((await c(['add', 'person', 'Hemit Memet'])).code).toBe(0);
    const file = `${db}.json`;
    writeFileSync(file, (await c(['export', '--format', 'json'])).stdout.replaceAll('Hemit Memet', 'Hemit  Memet'));
    const other = tempDb();
    expect((await c(['import', file], other)).code).toBe(0);
    expect((await c(['export', '--format', 'json'], other)).stdout).toBe(readFileSync(file, 'utf8'));
  });
});

describe('an --alias that is the name again in other capitals', () => {
  it('is not added again, and add person says so as person alias does', async () => {
    const added = await c(['add', 'person', 'Someone Else', '--alias', 'SOMEONE ELSE', '--alias', 'S. Else', '--alias', 's.  else']);
    expect(added.code).toBe(0);
    const id = /\[(p-[^\]]+)\]/.exec(added.stderr)![1]!;
    expect(added.stderr.split('\n')).toEqual([
      `Added Someone Else [${id}]`,
      `Nothing to add for --alias "SOMEONE ELSE": "Someone Else" is already a name of Someone Else [${id}]`,
      `Nothing to add for --alias "s. else": "S. Else" is already a name of Someone Else [${id}]`,
      newDatabase(db).trim(),
      '',
    ]);
    expect(await namesOf('Someone Else')).toEqual(['Someone Else', 'S. Else']);
    // As person alias, edit --alias and add person --alias-of take it as held.
    expect((await c(['person', 'alias', 'Someone Else', 'SOMEONE ELSE'])).stderr).toBe(`Nothing to add: "Someone Else" is already a name of Someone Else [${id}]\n`);
    expect((await c(['edit', 'Someone Else', '--alias', 'someone else'])).code).toBe(0);
    expect((await c(['add', 'person', 'Another Name', '--alias', 'SOMEONE else', '--alias-of', 'Someone Else'])).code).toBe(0);
    expect(await namesOf('Someone Else')).toEqual(['Someone Else', 'S. Else', 'Another Name']);
  });
});

