// The guided `caselog add` asks which stored sources an event cites: searchable, the last recorded
// first, none on Enter; with none stored, it says how to record one. Deadlines cite no source.
import { describe, expect, it } from 'vitest';
import { caselog, DEMO, ownLines, scriptedPrompter, tempDb } from './helpers/cli';

const SOURCE = 'Source? (type to search; Enter: none)';
const ANOTHER = 'Another source? (type to search; Enter: no more)';

/** The demo data, UA 77/98's id and Hemit Memet's, and the stored sources' ids by reference code. */
async function demo() {
  const db = tempDb();
  await caselog(['import', DEMO], { db });
  const ua = JSON.parse((await caselog(['--json', 'show', 'UA 77/98'], { db })).stdout);
  const source = async (ref: string) => JSON.parse((await caselog(['export'], { db })).stdout).sources.find((s: { ref: string }) => s.ref === ref).id as string;
  const hemit = ua.people.find((p: { name: string }) => p.name === 'Hemit Memet').id as string;
  return { db, caseId: ua.id as string, hemit, source };
}

/** The references of the sources the event of this summary cites. */
async function cited(db: string, summary: string): Promise<string[]> {
  const events = JSON.parse((await caselog(['--json', 'timeline', 'Hemit Memet'], { db })).stdout).events;
  return events.find((e: { summary: string }) => e.summary === summary).sources.map((s: { ref: string }) => s.ref);
}

describe('guided add: the sources of an event', () => {
  it('offers the stored sources after the details, "none" first, the last recorded next, and cites the one picked', async () => {
    const { db, caseId, hemit, source } = await demo();
    await caselog(['add', 'source', '--title', 'Uighur men held in Urumqi', '--publisher', 'Radio Free Asia', '--ref', 'RFA 2000-03', '--date', 'March 2000'], { db });
    const rfa = await source('RFA 2000-03');
    const prompter = scriptedPrompter(['event', caseId, [hemit], '2 March 2000', 'statement', 'Family says he is held in Urumqi', '', '', rfa, '']);
    const r = await caselog(['add'], { db, tty: true, prompter });
    expect(r.code).toBe(0);
    expect(prompter.asked.slice(-3)).toEqual(['Who did it? (optional)', SOURCE, ANOTHER]);
    const offered = prompter.choices.at(-2)!;
    expect(offered.slice(0, 2)).toEqual([{ name: 'none', value: '' }, { name: 'RFA 2000-03 \u2014 Uighur men held in Urumqi (Radio Free Asia, March 2000)', value: rfa }]);
    expect(offered).toHaveLength(6);
    expect(prompter.choices.at(-1)!.map((c) => c.value)).not.toContain(rfa);
    expect(await cited(db, 'Family says he is held in Urumqi')).toEqual(['RFA 2000-03']);
  });

  it('finds the sources by any part of their reference, title or publisher as it is typed, and cites several', async () => {
    const { db, caseId, hemit, source } = await demo();
    const prompter = scriptedPrompter(['event', caseId, [hemit], '2019', 'report', 'Named in the statement', '', '',
      await source('EUR 57/1572/2019'), await source('HRW 2020-01 KZ'), '']);
    const r = await caselog(['add'], { db, tty: true, prompter });
    expect(r.code).toBe(0);
    const found = prompter.searches[0]!('kazakhstan').map((c) => c.name);
    expect(found).toHaveLength(3);
    expect(found[2]).toBe('none');
    expect(found.slice(0, 2).every((name) => name.includes('Kazakhstan'))).toBe(true);
    expect(prompter.searches[0]!('hrw 2020').map((c) => c.value)).toEqual([await source('HRW 2020-01 KZ'), '']);
    expect(prompter.searches[1]!('').map((c) => c.name)[0]).toBe('no more');
    expect(await cited(db, 'Named in the statement')).toEqual(expect.arrayContaining(['EUR 57/1572/2019', 'HRW 2020-01 KZ']));
    expect(await cited(db, 'Named in the statement')).toHaveLength(2);
  });

  it('cites nothing on Enter', async () => {
    const { db, caseId, hemit } = await demo();
    const prompter = scriptedPrompter(['event', caseId, [hemit], '2 March 2000', 'statement', 'Family says he is held in Urumqi', '', '', '']);
    expect((await caselog(['add'], { db, tty: true, prompter })).code).toBe(0);
    expect(prompter.asked.at(-1)).toBe(SOURCE);
    expect(await cited(db, 'Family says he is held in Urumqi')).toEqual([]);
  });

  it('asks nothing with no source stored, and says how to record one and cite it', async () => {
    const db = tempDb();
    const prompter = scriptedPrompter(['event', 'new', 'UA 1/24', 'Fear of torture', 'new', 'Aziz Karimov', '', '', '1 May 2024', 'arrest', 'Arrested at home', '', '']);
    const r = await caselog(['add'], { db, tty: true, today: '2024-05-02', prompter });
    expect(r.code).toBe(0);
    expect(prompter.asked).not.toContain(SOURCE);
    expect(ownLines(r.stderr, db)).toMatch(/\nnote: no source is stored to cite: record one with caselog add source --title TITLE \[--ref CODE\], then caselog edit e-\w+ --source CODE\n$/);
  });

  it('asks no source for a deadline', async () => {
    const { db, caseId, hemit } = await demo();
    const prompter = scriptedPrompter(['deadline', caseId, [hemit], 'in 2 weeks', 'ask the lawyer', '']);
    expect((await caselog(['add'], { db, tty: true, today: '2024-05-01', prompter })).code).toBe(0);
    expect(prompter.asked).not.toContain(SOURCE);
  });

  it('writes nothing when a source picked is deleted before the end', async () => {
    const { db, caseId, hemit } = await demo();
    const before = (await caselog(['export'], { db })).stdout;
    const prompter = scriptedPrompter(['event', caseId, [hemit], '2 March 2000', 'statement', 'Family says he is held in Urumqi', '', '', 's-deleted', '']);
    const r = await caselog(['add'], { db, tty: true, prompter });
    expect([r.code, r.stderr]).toEqual([1, 'caselog: a source picked was deleted meanwhile: nothing was recorded\n']);
    expect((await caselog(['export'], { db })).stdout).toBe(before);
  });
});
