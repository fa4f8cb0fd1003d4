// caselog edit: by id prefix or by name/reference, with flags or (on a terminal) prompts.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Prompter } from '../src/prompter';
import { caselog, DEMO, scriptedPrompter, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[], prompter?: Prompter) => caselog(args, { db, today: '2020-02-01', tty: Boolean(prompter), prompter });
const json = async (args: string[]) => JSON.parse((await c(['--json', ...args])).stdout);
const exported = async () => (await c(['export', '--format', 'json'])).stdout;

/** Answers each question with its filled-in value unless told otherwise, and remembers what was filled in. */
function fillingPrompter(answers: Record<string, string>) {
  const filledIn: Record<string, string | undefined> = {};
  const prompter: Prompter = {
    ...scriptedPrompter([]),
    input: async (message, opts) => {
      filledIn[message] = opts?.default;
      const key = Object.keys(answers).find((k) => message.startsWith(k));
      const answer = key !== undefined ? answers[key]! : opts?.default ?? '';
      const valid = opts?.validate?.(answer) ?? true;
      if (valid !== true) throw new Error(`answer "${answer}" to "${message}" refused: ${valid}`);
      return answer;
    },
  };
  return { prompter, filledIn };
}

async function eventOf(who: string, type: string): Promise<{ id: string; date: string; summary: string }> {
  const { events } = await json(['timeline', who]);
  return events.find((e: { type: string }) => e.type === type);
}

beforeEach(async () => {
  db = tempDb();
  expect((await c(['import', DEMO])).code).toBe(0);
});

describe('edit with flags', () => {
  it("re-sorts the timeline when an event's date changes, found by a prefix of its id", async () => {
    const asylum = await eventOf('Kaster Musakhanuly', 'asylum-application');
    expect((await json(['timeline', 'Kaster Musakhanuly'])).events[0].id).toBe(asylum.id);
    const r = await c(['edit', asylum.id.slice(0, 7), '--date', 'March 2020', '--place', '']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Edited asylum-application in March 2020 (Kaster Musakhanuly, Murager Alimuly)');
    const events = (await json(['timeline', 'Kaster Musakhanuly'])).events;
    expect(events.at(-1)).toMatchObject({ id: asylum.id, date: '2020-03', precision: 'month', dateText: 'March 2020', place: null });
    const text = (await c(['timeline', 'Kaster Musakhanuly'])).stdout;
    expect(text.indexOf('21 January 2020')).toBeLessThan(text.indexOf('March 2020'));
  });

  it("refreshes the person's status when an event's date moves it", async () => {
    const sentence = await eventOf('Murager Alimuly', 'sentence');
    expect((await json(['show', 'Murager Alimuly'])).status).toBe('imprisoned');
    await c(['edit', sentence.id, '--date', '1 October 2019']);
    const card = await json(['show', 'Murager Alimuly']);
    expect(card).toMatchObject({ status: 'detained', statusSince: { date: '2019-10-14' }, statusEvent: { type: 'detention' } });
  });

  it("replaces an event's sources and changes its type", async () => {
    const hearing = await eventOf('Kaster Musakhanuly', 'hearing');
    await c(['edit', hearing.id, '--source', 'HRW 2020-01 KZ', '--type', 'other', '--actor', 'Zaysan district court']);
    const after = (await json(['timeline', 'Kaster Musakhanuly'])).events.find((e: { id: string }) => e.id === hearing.id);
    expect(after).toMatchObject({ type: 'other', actor: 'Zaysan district court' });
    expect(after.sources.map((s: { ref: string }) => s.ref)).toEqual(['HRW 2020-01 KZ']);
  });

  it('renames a person and keeps the old name as another name; adds names and an age', async () => {
    const r = await c(['edit', 'Murager Alimuly', '--name', 'Murager Alimuly Nurlanuly', '--alias', 'Мұрагер Әлімұлы', '--age', '30', '--age-on', 'December 2019']);
    expect(r.code).toBe(0);
    const person = await json(['show', 'Murager Alimuly']);
    expect(person.name).toBe('Murager Alimuly Nurlanuly');
    expect(person.names).toEqual(['Murager Alimuly Nurlanuly', 'Murager Alimuly', 'Мұрагер Әлімұлы']);
    expect(person).toMatchObject({ age: 30, ageOn: { date: '2019-12' }, born: { date: '1989', approximate: true } });
    expect((await c(['show', 'Мұрагер Әлімұлы'])).stdout).toContain('aged 30 in December 2019 (born c. 1989)');
  });

  it('takes --force for no change of its own: alone it is a usage error, and on a record that is not a person too', async () => {
    // Beside a field that is no name, it would pass for a change: refused too.
    expect(await c(['edit', 'Hemit Memet', '--gender', 'male', '--force'])).toMatchObject({ code: 2, stderr: "caselog: --force goes with a person's --name or --alias\n" });
    const alone = await c(['edit', 'Hemit Memet', '--force']);
    expect(alone).toMatchObject({ code: 2, stderr: expect.stringContaining('say what to change') });
    // What asks on a terminal is the command with what to edit (bare "caselog edit" is missing it).
    expect(alone.stderr).toMatch(/; on a terminal, caselog edit "Hemit Memet" alone asks\n$/);
    const event = (await json(['timeline', 'Hemit Memet'])).events[0].id as string;
    const onEvent = await c(['edit', event, '--summary', 'x', '--force']);
    expect(onEvent).toMatchObject({ code: 2, stderr: "caselog: --force goes with a person's --name or --alias\n" });
  });

  it('refuses an age and a birth date that cannot both be right, and a birth after today, changing nothing', async () => {
    const before = await exported();
    expect(await c(['add', 'person', 'Conflict Age', '--age', '30', '--born', '1960'])).toMatchObject({
      code: 1, stderr: 'caselog: aged 30 on 1 February 2020 is born in 1989 or 1990, not 1960: give the age or the birth date that is right, or both as they agree\n',
    });
    expect(await c(['add', 'person', 'Later Born', '--born', 'March 2020'])).toMatchObject({
      code: 1, stderr: 'caselog: born March 2020 is after today (1 February 2020): check the birth date\n',
    });
    // Murager Alimuly was aged 26 in October 2019 (the demo data): born in 1992 or 1993.
    expect(await c(['edit', 'Murager Alimuly', '--born', '1980'])).toMatchObject({
      code: 1, stderr: expect.stringMatching(/^caselog: aged \d+ in .+ is born in \d{4} or \d{4}, not 1980: give the age or the birth date that is right \(--age, --born; --age "" clears the age\), or both as they agree\n$/),
    });
    expect(before).toBe(await exported());
    // Both as they agree, or a birth year near enough to an approximate one, are taken.
    expect((await c(['add', 'person', 'Conflict Age', '--age', '30', '--born', '1990'])).code).toBe(0);
    expect((await c(['add', 'person', 'Aged Approx', '--age', '30', '--born', 'c. 1991'])).code).toBe(0);
    // To the day where both are days: 30 on 1 June 2019 is not born on 31 December 1989 (29 then).
    expect(await c(['add', 'person', 'Day Wrong', '--age', '30', '--age-on', '2019-06-01', '--born', '1989-12-31'])).toMatchObject({
      code: 1, stderr: expect.stringContaining('aged 30 on 1 June 2019 is born in 1988 or 1989, not 31 December 1989'),
    });
    expect((await c(['add', 'person', 'Day Right', '--age', '30', '--age-on', '2019-06-01', '--born', '1989-05-31'])).code).toBe(0);
    expect(await c(['add', 'person', 'Age W', '--age', '0', '--age-on', '2020-01-01', '--born', '2020-01-20'])).toMatchObject({
      code: 1, stderr: 'caselog: born 20 January 2020 is after the day the age was given (1 January 2020): check the birth date\n',
    });
    expect(await c(['add', 'person', 'Zed Future', '--age', '30', '--age-on', '2030'])).toMatchObject({
      code: 1, stderr: expect.stringContaining('aged 30 in 2030 is an age on a day after today (1 February 2020)'),
    });
  });

  it('corrects an age on the day it was given, not today, unless told another day', async () => {
    await c(['edit', 'Murager Alimuly', '--age', '25', '--age-on', 'October 2019']);
    const fixed = await c(['edit', 'Murager Alimuly', '--age', '26']);
    expect(fixed.stderr).toContain('aged 26 in October 2019, the day the age was given on (--age-on DATE for another)');
    expect(await json(['show', 'Murager Alimuly'])).toMatchObject({ age: 26, ageOn: { date: '2019-10' }, born: { date: '1993' } });
    // A birth date given as such stays; the age does not overrule it.
    await c(['add', 'person', 'Serik Omarov', '--born', '1990']);
    const kept = await c(['edit', 'Serik Omarov', '--age', '30']);
    expect(kept.stderr).toContain('born 1990 is kept, as given (--born to change it)');
    expect(await json(['show', 'Serik Omarov'])).toMatchObject({ age: 30, born: { date: '1990', approximate: false } });
    // Someone with no age yet gets it as of today.
    await c(['add', 'person', 'Aida Bekova']);
    await c(['edit', 'Aida Bekova', '--age', '31']);
    expect(await json(['show', 'Aida Bekova'])).toMatchObject({ age: 31, ageOn: { date: '2020-02-01' } });
  });

  it("changes a case's reference and title; the new reference finds it, the old one no longer does", async () => {
    await c(['edit', 'KZ 2019/12', '--ref', 'KZ 2019/12-A', '--title', 'Asylum-seekers prosecuted']);
    expect((await c(['show', 'KZ 2019/12-A'])).stdout).toContain('KZ 2019/12-A — Asylum-seekers prosecuted');
    expect((await c(['show', 'KZ 2019/12'])).code).toBe(1);
  });

  it('moves a deadline with a relative date, and due follows', async () => {
    const overdue = (await json(['due'])).find((d: { note: string }) => d.note.startsWith('hearing resumes in Zaysan'));
    expect(overdue).toMatchObject({ overdue: true });
    await c(['edit', overdue.id.slice(0, 6), '--date', 'in 2 weeks', '--warn', '3']);
    const due = await json(['due', '--within', '30']);
    expect(due.find((d: { id: string }) => d.id === overdue.id)).toMatchObject({ date: '2020-02-15', warn: 3, overdue: false, daysLeft: 14 });
    // Its own warning decides whether a short --within shows it: 3 days ahead, no; 20 days ahead, yes.
    const shown = async () => (await json(['due', '--within', '1'])).some((d: { id: string }) => d.id === overdue.id);
    expect(await shown()).toBe(false);
    await c(['edit', overdue.id.slice(0, 6), '--warn', '20']);
    expect(await shown()).toBe(true);
  });

  it('says when nothing changed', async () => {
    const r = await c(['edit', 'KZ 2019/12', '--title', 'Asylum-seekers prosecuted, at risk of return to China']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Nothing changed');
  });

  it.each([
    [['--note', 'x'], 2, '--note cannot be set on an event'],
    [[], 2, 'say what to change'],
    [['--date', '31 February 2020'], 1, 'does not exist'],
    [['--date', '03/04/2020'], 1, '2020-04-03'],
    [['--summary', ' '], 2, '--summary cannot be empty'],
    [['--status', 'released'], 2, '--status goes with --type status'],
  ])('refuses %j on an event (exit %i) and changes nothing', async (flags, code, message) => {
    const hearing = await eventOf('Kaster Musakhanuly', 'hearing');
    const before = await exported();
    const r = await c(['edit', hearing.id, ...(flags as string[])]);
    expect(r.code).toBe(code);
    expect(r.stderr).toContain(message as string);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(await exported()).toBe(before);
  });

  it("sets a person's cases and risks with add's flags, replacing the lists, and undo puts them back", async () => {
    const before = await json(['show', 'Hemit Memet']);
    expect((await c(['edit', 'Hemit Memet', '--case', 'KZ 2019/12', '--case', 'UA 77/98', '--risk', 'torture'])).code).toBe(0);
    const after = await json(['show', 'Hemit Memet']);
    expect(after.cases.map((k: { ref: string }) => k.ref).sort()).toEqual(['KZ 2019/12', 'UA 77/98']);
    expect(after.risks).toEqual(['torture']);
    expect((await json(['at-risk', '--risk', 'death-penalty'])).map((p: { name: string }) => p.name)).not.toContain('Hemit Memet');
    expect((await c(['edit', 'Hemit Memet', '--risk', ''])).code).toBe(0);
    expect((await json(['show', 'Hemit Memet'])).risks).toEqual([]);
    await c(['undo']);
    await c(['undo']);
    expect(await json(['show', 'Hemit Memet'])).toEqual(before);
    const status = await c(['edit', 'Hemit Memet', '--status', 'released']);
    expect(status).toMatchObject({ code: 2, stderr: expect.stringContaining('a change of status is recorded with caselog status "Hemit Memet" STATUS') });
    expect((await c(['edit', 'Hemit Memet', '--case', 'NO SUCH 1'])).code).toBe(1);
  });

  it('refuses an opening after the case closed, as close refuses a closing before it opened', async () => {
    await c(['close', 'KZ 2019/12', '--date', '2020-01-31']);
    const before = await exported();
    const r = await c(['edit', 'KZ 2019/12', '--opened', '2 Feb 2020']);
    expect(r).toMatchObject({ code: 1, stderr: 'caselog: KZ 2019/12 cannot have opened on 2 February 2020, after it closed on 31 January 2020\n' });
    expect(await exported()).toBe(before);
    expect((await c(['edit', 'KZ 2019/12', '--opened', 'January 2020'])).code).toBe(0);
  });

  it('clears a case\'s countries with an empty --country, and never stores an empty one', async () => {
    expect((await json(['edit', 'UA 77/98', '--country', ''])).countries).toEqual([]);
    expect((await json(['edit', 'UA 77/98', '--country', '', '--country', ' China '])).countries).toEqual(['China']);
    expect((await json(['add', 'case', '--ref', 'UA 5/20', '--title', 't', '--country', ''])).countries).toEqual([]);
  });

  it('refuses a reference another case has', async () => {
    const before = await exported();
    const r = await c(['edit', 'KZ 2019/12', '--ref', 'ua 77/98']);
    expect(r).toMatchObject({ code: 1, stderr: expect.stringContaining('another case already has the reference UA 77/98') });
    expect(await exported()).toBe(before);
  });
});

describe("an event's people under edit", () => {
  it('moves an event to the person it is about, and status follows; "" puts it on the case as a whole; undo puts it back', async () => {
    const before = await exported();
    const e = await json(['add', 'event', 'Kaster Musakhanuly', '--date', '2020-01-25', '--type', 'arrest', '--summary', 'Arrested in Almaty']);
    expect((await json(['show', 'Kaster Musakhanuly'])).status).toBe('detained');
    const moved = await c(['edit', e.id, '--person', 'Murager Alimuly']);
    expect(moved.stderr).toContain('Edited arrest on 25 January 2020 (Murager Alimuly)');
    expect((await json(['show', 'Kaster Musakhanuly'])).status).toBe('imprisoned');
    expect((await json(['show', 'Murager Alimuly'])).status).toBe('detained');
    await c(['edit', e.id, '--person', '']);
    expect((await json(['timeline', 'KZ 2019/12'])).events.find((x: { id: string }) => x.id === e.id).people).toEqual([]);
    expect((await c(['edit', e.id, '--person', 'Nobody Known'])).code).toBe(1);
    expect((await c(['edit', e.id, '--person', 'ua 77/98'])).stderr).toBe('caselog: "ua 77/98" is the case UA 77/98: name a person\n');
    expect((await c(['edit', e.id, '--person', 'Hemit Memet'])).stderr).toContain('note: Hemit Memet is not in KZ 2019/12; to add them to it');
    await c(['undo']);
    for (let i = 0; i < 3; i++) await c(['undo']);
    expect(await exported()).toBe(before);
  });
});

describe('a source under edit', () => {
  it("corrects a source's title, date, reference, publisher, web address and reliability by its id; the timeline cites it so; undo puts it back", async () => {
    const before = await exported();
    const source = await json(['add', 'source', '--title', 'hrw kazakhstan asylum seekers 2020', '--publisher', 'HRW']);
    await c(['add', 'event', 'Kaster Musakhanuly', '--date', '2020-01-22', '--type', 'statement', '--summary', 'HRW spoke', '--source', source.id]);
    const edited = await c(['edit', source.id.slice(0, 6), '--title', "Kazakhstan: Don't Return Asylum Seekers", '--date', 'January 22, 2020',
      '--ref', 'HRW-2020-01', '--url', 'https://www.hrw.org/news', '--reliability', 'reliable']);
    expect(edited).toMatchObject({ code: 0, stderr: expect.stringContaining(`Edited source HRW, HRW-2020-01, "Kazakhstan: Don't Return Asylum Seekers", 22 January 2020 [${source.id.slice(0, 10)}]`) });
    const cited = (await json(['timeline', 'Kaster Musakhanuly'])).events.find((e: { summary: string }) => e.summary === 'HRW spoke').sources[0];
    expect(cited).toMatchObject({ title: "Kazakhstan: Don't Return Asylum Seekers", ref: 'HRW-2020-01', date: '2020-01-22', url: 'https://www.hrw.org/news', reliability: 'reliable' });
    expect((await c(['add', 'event', 'Kaster Musakhanuly', '--date', '2020-01-23', '--type', 'other', '--summary', 'x', '--source', 'HRW-2020-01'])).code).toBe(0);
    // By its reference, as --source takes it.
    expect((await json(['edit', 'hrw-2020-01', '--reliability', 'highly-reliable'])).reliability).toBe('highly-reliable');
    // Empty clears an optional field; the title is required; another source's reference is refused.
    expect((await json(['edit', source.id, '--url', ''])).url).toBeNull();
    expect((await json(['edit', source.id, '--ref', ''])).ref).toBeNull();
    expect((await json(['edit', source.id, '--ref', 'HRW-2020-01'])).ref).toBe('HRW-2020-01');
    expect((await c(['edit', source.id, '--title', ''])).code).toBe(2);
    const taken = await c(['edit', source.id, '--ref', 'EUR 57/1572/2019']);
    expect(taken).toMatchObject({ code: 1, stderr: expect.stringContaining('source EUR 57/1572/2019 is already recorded') });
    expect((await c(['edit', source.id, '--summary', 'x'])).stderr).toBe('caselog: --summary cannot be set on a source; it takes --title, --publisher, --ref, --date, --url, --reliability\n');
    expect((await c(['delete', source.id, '--force'])).stderr).toContain('a source stays with what it reported: correct it with caselog edit');
    for (let i = 0; i < 8; i++) await c(['undo']);
    expect(await exported()).toBe(before);
  });

  it('asks each field of a source on a terminal, with its current value filled in', async () => {
    const source = await json(['add', 'source', '--title', 'Report', '--publisher', 'AI', '--ref', 'EUR 1/20']);
    // "-" is refused where a field is required (the fillingPrompter throws on a refused answer).
    const dash = fillingPrompter({ 'Title:': '-' });
    expect((await c(['edit', source.id], dash.prompter)).stderr).toContain('answer "-" to "Title:" refused: required: "-" clears only an optional field');
    const { prompter, filledIn } = fillingPrompter({ 'Title:': 'Urgent Action: Report', 'Reliability': 'fairly-reliable' });
    expect((await c(['edit', source.id], prompter)).code).toBe(0);
    expect(filledIn).toMatchObject({ 'Title:': 'Report', 'Publisher (- to clear):': 'AI', 'Reference code (- to clear):': 'EUR 1/20' });
    expect(await json(['edit', source.id, '--publisher', 'Amnesty International'])).toMatchObject({ title: 'Urgent Action: Report', reliability: 'fairly-reliable', ref: 'EUR 1/20' });
  });
});

describe('an appeal target under edit', () => {
  it('corrects the salutation and address its letters use, by its id; undo puts it back', async () => {
    const before = await exported();
    const [target] = await json(['list', 'targets']);
    const edited = await c(['edit', target.id.slice(0, 6), '--salutation', 'Dear President', '--address', 'Office of the President', '--address', 'Astana', '--fax', '']);
    expect(edited).toMatchObject({ code: 0, stderr: `Edited appeal target ${target.name}, ${target.title} [${target.id.slice(0, 10)}]\n` });
    expect((await json(['list', 'targets'])).find((t: { id: string }) => t.id === target.id)).toMatchObject({ salutation: 'Dear President', address: ['Office of the President', 'Astana'], fax: null });
    // Empty clears, as --help says.
    expect(await json(['edit', target.id, '--salutation', '', '--language', '', '--country', ''])).toMatchObject({ salutation: null, language: null, country: null });
    expect(await json(['edit', target.id, '--salutation', 'Dear President'])).toMatchObject({ salutation: 'Dear President' });
    const letters = (await c(['appeal', 'letters', 'UA 77/98'])).stdout;
    expect(letters).toMatch(/Office of the President\nAstana\n[\s\S]*Dear President,/);
    expect((await c(['edit', target.id, '--country', 'Kazakhstan', '--country', 'China'])).code).toBe(2);
    // By its name, as the appeal commands take it.
    expect(await json(['edit', target.name.toLowerCase(), '--language', 'zh'])).toMatchObject({ id: target.id, language: 'zh' });
    expect((await c(['edit', target.id, '--summary', 'x'])).stderr).toBe('caselog: --summary cannot be set on an appeal target; it takes --name, --title, --address, --fax, --email, --salutation, --language, --country\n');
    expect((await c(['delete', target.id, '--force'])).stderr).toContain('an appeal target stays with the appeals sent to it');
    for (let i = 0; i < 4; i++) await c(['undo']);
    expect(await exported()).toBe(before);
  });
});

describe('an appeal target named for edit', () => {
  it('is found by a word of its name, as appeal plan --target finds it, when no case or person has that name', async () => {
    const edited = await c(['edit', 'TOKAYEV', '--salutation', 'Your Excellency']);
    expect(edited).toMatchObject({
      code: 0, stderr: expect.stringMatching(/^Edited appeal target Kasymzhomart Kemel-uly TOKAYEV, Minister of Foreign Affairs of the Republic of Kazakstan \[t-/),
    });
    const tokayev = (await json(['list', 'targets'])).find((t: { name: string }) => t.name === 'Kasymzhomart Kemel-uly TOKAYEV');
    expect(tokayev.salutation).toBe('Your Excellency');
    // A person still comes first: Hemit is a person's name, and --salutation is no field of a person.
    expect(await c(['edit', 'Hemit Memet', '--salutation', 'x'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--salutation cannot be set on a person') });
  });

  it('takes no word of a title as a target to change, and names a target a typo came near', async () => {
    const before = await exported();
    // "President" and "Xinjiang" are words of titles: too loose to change or delete a target by.
    for (const word of ['President', 'Xinjiang']) {
      const loose = await c(['edit', word, '--salutation', 'Dear President']);
      expect(loose.code).toBe(1);
      expect(loose.stderr).toMatch(new RegExp(`^caselog: no case or person matches "${word}"`));
    }
    const typo = await c(['edit', 'Tokaev', '--salutation', 'Your Excellency']);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toMatch(/^caselog: no case or person matches "Tokaev".*; nearest(?:, though not close)?: .*; nearest appeal target: Kasymzhomart Kemel-uly TOKAYEV, Minister of Foreign Affairs of the Republic of Kazakstan \[t-\w+\]\n$/);
    // Far from every target: no target is suggested.
    expect((await c(['edit', 'Xavier Nobody', '--gender', 'male'])).stderr).not.toContain('appeal target');
    expect(await exported()).toBe(before);
  });
});

describe('a status event under edit', () => {
  it('stays about people: made a whole-case event, or a whole-case event made one, it is refused and nothing changes', async () => {
    const status = await json(['status', 'Kaster Musakhanuly', 'released', '--date', '2020-01-25']);
    const statement = await json(['add', 'event', 'KZ 2019/12', '--date', '2020-01-26', '--type', 'statement', '--summary', 'Lawyers spoke']);
    const before = await exported();
    const statusId = status.event.id as string;
    for (const args of [['edit', statusId, '--person', ''], ['edit', statement.id, '--type', 'status', '--status', 'released']]) {
      expect(await c(args)).toMatchObject({ code: 1, stderr: expect.stringContaining('a status event is about people, not a case as a whole') });
    }
    // Without its status, a status event is a usage error, as add says it.
    expect(await c(['edit', statement.id, '--type', 'status'])).toMatchObject({ code: 2, stderr: 'caselog: --type status needs --status S (the new status)\n' });
    expect(await exported()).toBe(before);
  });
});

describe("a person's names under edit", () => {
  it("refuses a name another person already has, and a close one unless --force, as person alias does", async () => {
    const before = await exported();
    const taken = await c(['edit', 'Hemit Memet', '--alias', 'murager alimuly']);
    expect(taken).toMatchObject({ code: 1, stderr: expect.stringMatching(/^caselog: "Murager Alimuly" is already a name of Murager Alimuly \[(p-[0-9a-z]{8})\]: nothing was changed; if they are one person, caselog merge \1 (p-[0-9a-z]{8})\n$/) });
    // The ids in the advice are the two people's: the merge it gives works as written.
    const [, other, self] = /\[(p-[0-9a-z]{8})\].* caselog merge \S+ (p-[0-9a-z]{8})/.exec(taken.stderr)!;
    expect(other).not.toBe(self);
    expect((await c(['show', self!])).stdout).toContain('Hemit Memet');
    // And the merge it advises runs as written.
    expect((await c(['merge', other!, self!, '--force'])).code).toBe(0);
    expect(JSON.parse((await c(['--json', 'show', self!])).stdout).names).toContain('Murager Alimuly');
    expect((await c(['undo'])).code).toBe(0);
    expect((await c(['edit', 'Hemit Memet', '--name', 'Ilyas Zordun'])).code).toBe(1);
    expect(await exported()).toBe(before);
    const refused = await c(['edit', 'Hemit Memet', '--alias', 'Ilyas Zordan']);
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining('"Ilyas Zordan" also closely matches another tracked person: Ilyas Zordun') });
    expect(await exported()).toBe(before);
    const close = await c(['edit', 'Hemit Memet', '--alias', 'Ilyas Zordan', '--force']);
    expect(close.code).toBe(0);
    expect(close.stderr).toContain('warning: "Ilyas Zordan" also closely matches another tracked person: Ilyas Zordun');
    expect(JSON.parse((await c(['--json', 'show', 'Hemit Memet'])).stdout).names).toContain('Ilyas Zordan');
    expect(JSON.parse((await c(['--json', 'show', 'Ilyas Zordun'])).stdout).names).not.toContain('Ilyas Zordan');
  });
});

describe('edit on a terminal', () => {
  it('asks each field of an event with its current value filled in, and changes only what was changed', async () => {
    const hearing = await eventOf('Kaster Musakhanuly', 'hearing');
    const { prompter, filledIn } = fillingPrompter({ 'What happened': 'Trial opened and adjourned', 'Where': 'Zaysan' });
    const r = await c(['edit', hearing.id], prompter);
    expect(r.code).toBe(0);
    expect(filledIn).toMatchObject({ 'Date:': '6 January 2020', 'What happened:': hearing.summary });
    expect(Object.keys(filledIn).some((q) => q.startsWith('Type'))).toBe(true);
    const after = (await json(['timeline', 'Kaster Musakhanuly'])).events.find((e: { id: string }) => e.id === hearing.id);
    expect(after).toMatchObject({ summary: 'Trial opened and adjourned', place: 'Zaysan', date: '2020-01-06', type: 'hearing' });
  });

  it('reads an event type typed at the prompt as --type reads it (capitals are spelling)', async () => {
    const hearing = await eventOf('Kaster Musakhanuly', 'hearing');
    const { prompter } = fillingPrompter({ 'Type': 'Sentence' });
    expect((await c(['edit', hearing.id], prompter)).code).toBe(0);
    const after = (await json(['timeline', 'Kaster Musakhanuly'])).events.find((e: { id: string }) => e.id === hearing.id);
    expect(after.type).toBe('sentence');
  });

  it("asks a person's fields, and a new age keeps the date it was given on", async () => {
    const { prompter, filledIn } = fillingPrompter({ 'Age (as reported)': '32', 'Citizenship': 'Kazakhstani' });
    const r = await c(['edit', 'Kaster Musakhanuly'], prompter);
    expect(r.stderr).toContain('Edited Kaster Musakhanuly');
    expect(filledIn['Primary name (the old one stays as another name):']).toBe('Kaster Musakhanuly');
    expect(filledIn['Age (as reported) (- to clear):']).toBe('31');
    expect(filledIn['Aged that on (date; empty: today):']).toBe('January 2020');
    const person = await json(['show', 'Kaster Musakhanuly']);
    expect(person).toMatchObject({ age: 32, ageOn: { date: '2020-01' }, born: { date: '1987', approximate: true }, citizenship: 'Kazakhstani', ethnicity: 'Kazakh' });
  });

  it('takes every current value as it stands, a birth year worked out from an age too', async () => {
    const { prompter, filledIn } = fillingPrompter({});
    const r = await c(['edit', 'Hemit Memet'], prompter);
    expect(filledIn['Born (date or year) (- to clear):']).toBe('c. 1970 (aged 28 in February 1999)');
    expect(r).toMatchObject({ code: 0, stderr: expect.stringContaining('Nothing changed') });
  });

  it('refuses an age no person has at the prompt, as --age does', async () => {
    const { prompter } = fillingPrompter({ 'Age (as reported)': '200' });
    // The test's prompter stops at a refused answer, where a terminal would ask again.
    expect((await c(['edit', 'Kaster Musakhanuly'], prompter)).stderr).toContain('refused: the age takes a whole number up to 130, not "200"');
  });

  it('clears an optional field answered with -, and only when asked to', async () => {
    const deportation = await eventOf('Hemit Memet', 'deportation');
    const { prompter } = fillingPrompter({ 'Where': '-' });
    expect((await c(['edit', deportation.id], prompter)).code).toBe(0);
    const after = (await json(['timeline', 'Hemit Memet'])).events.find((e: { id: string }) => e.id === deportation.id);
    expect(after).toMatchObject({ place: null, actor: 'Kazakstan Ministry of National Security' });
  });

  it("asks a deadline's date, note and warning, and checks the date as add does", async () => {
    const deadline = (await json(['due'])).find((d: { note: string }) => d.note.startsWith('hearing resumes'));
    const { prompter, filledIn } = fillingPrompter({ 'By when': '+10d', 'Remind': '2' });
    expect((await c(['edit', deadline.id], prompter)).code).toBe(0);
    expect(filledIn).toMatchObject({ 'By when:': '21 January 2020', 'Remind how many days before (- to clear):': '7' });
    expect((await json(['due'])).find((d: { id: string }) => d.id === deadline.id)).toMatchObject({ date: '2020-02-11', warn: 2 });
    const refusing = fillingPrompter({ 'By when': '31/01/2020' });
    const r = await c(['edit', deadline.id], refusing.prompter);
    expect(r.stderr).toContain('refused');
  });
});

describe("a deadline's date under edit on a terminal", () => {
  it('is offered as caselog writes it, and "in 2 weeks" typed again counts from today; Enter keeps it', async () => {
    const person = await caselog(['add', 'person', 'Ali Hasan', '--case', 'UA 77/98'], { db, today: '2026-11-24' });
    expect(person.code).toBe(0);
    const { id } = JSON.parse((await caselog(['--json', 'add', 'deadline', 'Ali Hasan', '--date', 'in 2 weeks', '--note', 'call family'], { db, today: '2026-11-24' })).stdout);
    const later = (prompter: Prompter) => caselog(['edit', id], { db, today: '2026-12-05', tty: true, prompter });
    const kept = fillingPrompter({});
    expect((await later(kept.prompter)).stderr).toContain('Nothing changed');
    expect(kept.filledIn['By when:']).toBe('8 December 2026');
    const again = fillingPrompter({ 'By when': 'in 2 weeks' });
    const r = await later(again.prompter);
    expect(r).toMatchObject({ code: 0, stderr: expect.stringContaining('Edited') });
    expect(JSON.parse((await caselog(['--json', 'show', id], { db })).stdout)).toMatchObject({ date: '2026-12-19' });
  });
});

describe('a list given whole replaces the stored one, and the confirmation says what went', () => {
  it('names the risks and cases an edit of a person added and removed', async () => {
    const risks = await c(['edit', 'Kasim Mahpir', '--risk', 'health']);
    expect(risks.code).toBe(0);
    expect(risks.stderr).toMatch(/^Edited Kasim Mahpir \[p-\w+\] \(risks: added health; removed arbitrary-detention, death-penalty, torture, unfair-trial\)\n$/);
    const cases = await c(['edit', 'Kasim Mahpir', '--case', 'KZ 2019/12']);
    expect(cases.stderr).toMatch(/^Edited Kasim Mahpir \[p-\w+\] \(cases: added KZ 2019\/12; removed UA 77\/98\)\n$/);
  });

  it('names the people an edit of an event took off it', async () => {
    const event = JSON.parse((await c(['--json', 'timeline', 'UA 77/98'])).stdout).events.find((e: { people: unknown[] }) => e.people.length === 3);
    const r = await c(['edit', event.id, '--person', 'Hemit Memet']);
    expect(r.stderr).toMatch(/\(about: removed Kasim Mahpir, Ilyas Zordun\)\n$/);
  });
});
