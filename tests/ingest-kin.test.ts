// A relative named to say whose relative someone is ("X, the father of Y") is not who the sentence's
// facts are about: a tracked father took his son's arrest (and its status), a tracked son his father's death.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2026-11-24' });
const doc = (body: string) => `URGENT ACTION\n\nUA 40/26, 21 November 2026\n\nChina: Uyghur family\n\n${body}\n`;

interface Timeline { events: Array<{ type: string; date: string; people: Array<{ name: string }> }> }
/** Each event of the timeline as [date, type, the people it names]; a person's timeline shows their case's events too. */
const timeline = async (who: string): Promise<string[][]> => {
  const r = await c(['--json', 'timeline', who]);
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as Timeline).events.map((e) => [e.date, e.type, e.people.map((p) => p.name).join(', ')]);
};
const statusOf = async (who: string): Promise<string> => (JSON.parse((await c(['--json', 'show', who])).stdout) as { status: string }).status;

beforeEach(async () => {
  db = tempDb();
  expect((await c(['add', 'case', '--ref', 'UA 40/26', '--title', 'China: Uyghur family', '--opened', '2026-01-10'])).code).toBe(0);
});

describe('ingest: a relative named beside the one a sentence is about', () => {
  it.each([
    ['Hemit Memet, the son of Memet Tursun, was arrested on 19 November 2026 in Ghulja. He is held incommunicado.'],
    ['Hemit Memet, son of the imprisoned scholar Memet Tursun, was arrested on 19 November 2026 in Ghulja.'],
    ['The son of Memet Tursun, Hemit Memet, was arrested on 19 November 2026 in Ghulja.'],
    ["Memet Tursun's son Hemit Memet was arrested on 19 November 2026 in Ghulja."],
    ['Police arrested Hemit Memet, whose father Memet Tursun is serving a life sentence, on 19 November 2026.'],
  ])('the son\'s arrest is his alone, the tracked father stays imprisoned: %s', async (body) => {
    expect((await c(['add', 'person', 'Memet Tursun', '--case', 'UA 40/26', '--born', '1950'])).code).toBe(0);
    expect((await c(['add', 'event', 'Memet Tursun', '--date', '2019-05-02', '--type', 'sentence', '--summary', 'Sentenced to life imprisonment'])).code).toBe(0);
    expect((await c(['ingest', fileOf('ua.txt', doc(body)), '--case', 'UA 40/26', '--yes'])).code).toBe(0);
    expect(await timeline('Memet Tursun')).toEqual([['2019-05-02', 'sentence', 'Memet Tursun']]);
    expect(await statusOf('Memet Tursun')).toBe('imprisoned');
    // The son: the arrest, no sentence of his father's; the relative is still a person of the document.
    const son = await timeline('Hemit Memet');
    expect(son).toContainEqual(['2026-11-19', 'arrest', 'Hemit Memet']);
    expect(son.map(([, type]) => type)).not.toContain('sentence');
    expect(await statusOf('Hemit Memet')).toBe('detained');
  });

  it('"X, the 24-year-old son of activist Y, was arrested": his arrest and age, the tracked mother stays at liberty', async () => {
    expect((await c(['add', 'person', 'Phạm Thị Lan', '--case', 'UA 40/26', '--born', '1961', '--status', 'at-liberty'])).code).toBe(0);
    const body = 'Nguyễn Văn An, the 24-year-old son of activist Phạm Thị Lan, was arrested on 19 November 2026 by police.';
    expect((await c(['ingest', fileOf('ua.txt', doc(body)), '--case', 'UA 40/26', '--yes'])).code).toBe(0);
    expect(await statusOf('Phạm Thị Lan')).toBe('at-liberty');
    expect(await timeline('Nguyễn Văn An')).toEqual([['2026-11-19', 'arrest', 'Nguyễn Văn An']]);
    expect((await c(['show', 'Nguyễn Văn An'])).stdout).toContain('aged 24 on 21 November 2026');
  });

  it('the father\'s death in custody is his, and no note proposes marking the tracked son deceased', async () => {
    expect((await c(['add', 'person', 'Hemit Memet', '--case', 'UA 40/26', '--born', '1998'])).code).toBe(0);
    expect((await c(['add', 'event', 'Hemit Memet', '--date', '2025-05-02', '--type', 'sentence', '--summary', 'Sentenced to 10 years'])).code).toBe(0);
    const body = 'Memet Tursun, the father of Hemit Memet, died in custody on 19 November 2026.';
    const dry = await c(['ingest', fileOf('ua.txt', doc(body)), '--case', 'UA 40/26', '--dry-run']);
    expect(dry.stdout).toContain('19 November 2026  event other \u2014 Memet Tursun\n');
    const r = await c(['ingest', fileOf('ua.txt', doc(body)), '--case', 'UA 40/26', '--yes']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/note: the document tells of the death of Memet Tursun \[p-\w+\]/);
    expect(r.stderr).not.toContain('death of Hemit Memet');
    expect(await timeline('Hemit Memet')).toEqual([['2025-05-02', 'sentence', 'Hemit Memet']]);
    expect(await timeline('Memet Tursun')).toEqual([['2026-11-19', 'other', 'Memet Tursun']]);
  });

  it('a date in the relative\'s own "whose" clause is theirs, the rest of the sentence is the son\'s', async () => {
    const body = 'Hemit Memet, whose father Memet Tursun was sentenced to life in 2019, was arrested on 19 November 2026.';
    expect((await c(['ingest', fileOf('ua.txt', doc(body)), '--case', 'UA 40/26', '--yes'])).code).toBe(0);
    expect(await timeline('Hemit Memet')).toEqual([['2026-11-19', 'arrest', 'Hemit Memet']]);
    expect(await timeline('Memet Tursun')).toEqual([['2019', 'sentence', 'Memet Tursun']]);
  });

  it('"a mother of three" is no one\'s relative named', async () => {
    const body = 'A mother of three Aynur Mammadova was arrested on 19 November 2026.';
    expect((await c(['ingest', fileOf('ua.txt', doc(body)), '--case', 'UA 40/26', '--yes'])).code).toBe(0);
    expect(await timeline('Aynur Mammadova')).toEqual([['2026-11-19', 'arrest', 'Aynur Mammadova']]);
  });

  it('what a relative says of someone stays theirs: "the wife of X said he was tortured"', async () => {
    const body = 'The wife of Memet Tursun said he was tortured in custody on 10 November 2026.';
    expect((await c(['ingest', fileOf('ua.txt', doc(body)), '--case', 'UA 40/26', '--yes'])).code).toBe(0);
    expect(await timeline('Memet Tursun')).toEqual([['2026-11-10', 'ill-treatment', 'Memet Tursun']]);
  });
});
