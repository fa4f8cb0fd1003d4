// A document naming "Hemit Memet" when two tracked people have that name: what ingest says of them,
// with --yes and on a terminal, must tell the two apart, not name "Hemit Memet or Hemit Memet".
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, ENTER, scriptedPrompter, tempDb } from './helpers/cli';

let db: string;
const today = '2026-06-15';
const DOC = '/work/shared/samples/ua-77-98-further-information-1999.txt';
const c = (args: string[]) => caselog(args, { db, today });

beforeEach(async () => {
  db = tempDb();
  expect((await c(['add', 'person', 'Hemit Memet', '--age', '30'])).code).toBe(0);
  expect((await c(['add', 'person', 'Hemit Memet', '--new', '--age', '60'])).code).toBe(0);
});

describe('ingest of a document naming one of two namesakes', () => {
  it('with --yes, leaves them out naming each with their id, age, status and cases', async () => {
    const r = await c(['ingest', DOC, '--yes']);
    expect(r.code).toBe(0);
    const m = /Left out "Hemit Memet": it could be Hemit Memet \[(p-\w+)\] \(aged (\d+) on 15 June 2026 \(born c\. \d+\), status unknown, in no case; the same name\) or Hemit Memet \[(p-\w+)\] \(aged (\d+) on 15 June 2026 .*; the same name\); add the facts about them by hand\n/.exec(r.stderr);
    expect(m, r.stderr).not.toBeNull();
    expect([m![2], m![4]].sort()).toEqual(['30', '60']);
    expect(m![1]).not.toBe(m![3]);
  });

  it('on a terminal, offers each with what tells them apart', async () => {
    const prompter = scriptedPrompter(Array<unknown>(200).fill(ENTER));
    const r = await caselog(['ingest', DOC], { db, today, tty: true, prompter });
    const names = prompter.choices.flat().map((o) => o.name).filter((n) => n.startsWith('Another name of Hemit Memet'));
    expect(r.stderr).not.toContain('unexpected question');
    const told = names.map((n) => /^Another name of Hemit Memet \[(p-\w+)\] \(aged (\d+) on 15 June 2026 \(born c\. \d+\), status unknown, in no case; the same name\)$/.exec(n));
    expect(told.every(Boolean), names.join('\n')).toBe(true);
    expect(told.map((t) => t![2]).sort()).toEqual(['30', '60']);
    expect(new Set(told.map((t) => t![1])).size).toBe(2);
  });
});
