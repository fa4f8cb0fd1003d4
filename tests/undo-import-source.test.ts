// What undo says of a source an import added: its reference and title, as add names it (the change
// log of an import keeps what a record is called, and of a source that was its reference alone).
import { describe, expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

const today = '2026-11-24';
const desk = () => {
  const db = tempDb();
  return (args: string[]) => caselog(args, { db, today });
};

describe('undo of an import that added a source', () => {
  it('names the source by its reference and title, as add does', async () => {
    const [mine, other] = [desk(), desk()];
    await mine(['add', 'source', '--publisher', 'Amnesty International', '--ref', 'EUR 57/12/98', '--title', 'EXTRA 77/98', '--date', '15 October 1998']);
    expect((await other(['import', fileOf('mine.json', (await mine(['export'])).stdout)])).code).toBe(0);
    const r = await other(['undo']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/: removed source EUR 57\/12\/98 "EXTRA 77\/98" \[s-\w+\]\n$/);
  });
});
