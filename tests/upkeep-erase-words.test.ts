// erase --words and erase --word: a word of an erased person's name left in records that stay
// ("Quixotica and Alimuly detained", an ingested document) goes from the records, the search index
// and the change log, where editing the record by hand would have kept it for good.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, scriptedPrompter, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2026-11-23' });
const json = async (args: string[]) => JSON.parse((await c(['--json', ...args])).stdout);

/** Whether a text is in the database file or its journals. */
const onDisk = (text: string) => ['', '-wal', '-journal'].filter((s) => existsSync(db + s))
  .some((s) => readFileSync(db + s).toString('utf8').toLowerCase().includes(text.toLowerCase()));

/** Kaster Quixotica, and records that stay naming him by his surname alone. */
async function records(): Promise<{ event: string }> {
  await c(['add', 'case', '--ref', 'UA 1/26', '--title', 'The QUIXOTICA brothers']);
  await c(['add', 'person', 'Kaster Quixotica', '--case', 'UA 1/26']);
  await c(['add', 'person', 'Murager Alimuly', '--case', 'UA 1/26']);
  await c(['add', 'person', 'Aidos Quixotica', '--new']);
  const event = (await json(['add', 'event', 'Murager Alimuly', '--date', '2026-11-02', '--type', 'detention', '--summary', 'Alimuly detained'])).id as string;
  // Edited in: the change log's before- and after-values hold the word.
  expect((await c(['edit', event, '--summary', 'Quixótica and Alimuly detained; Aidos Quixotica too'])).code).toBe(0);
  await c(['add', 'deadline', 'Murager Alimuly', '--date', '2026-12-01', '--note', "ask KASTER's lawyer"]);
  const doc = `${db}.statement.txt`;
  writeFileSync(doc, 'Statement on the family\n\nThe family of Quixotica says he was beaten in custody.\n');
  expect((await c(['ingest', doc, '--yes'])).code).toBe(0);
  return { event };
}

beforeEach(() => {
  db = tempDb();
});

describe('erase WHO --words', () => {
  it('replaces each word of their names in records, documents, search and change log; another person\'s longer name stays', async () => {
    const { event } = await records();
    const r = await c(['erase', 'Kaster Quixotica', '--words', '--force']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`Each word of their names was replaced by \\[erased\\] in records that stay: [^\\n]*event ${event.slice(0, 10)}[^\\n]*; and in \\d+ change-log entries rewritten`));
    expect(r.stderr).not.toContain('hold a word of their names; check them');
    expect((await json(['timeline', 'Murager Alimuly'])).events[0].summary).toBe('[erased] and Alimuly detained; Aidos Quixotica too');
    expect((await c(['due', '--within', '99'])).stdout).toContain("ask [erased]'s lawyer");
    expect((await c(['show', 'UA 1/26'])).stdout).toContain('The [erased] brothers');
    expect((await c(['search', 'beaten'])).stdout).toContain('The family of [erased] says');
    expect((await c(['search', 'Kaster'])).stdout).toBe('Nothing matches "Kaster".\n');
    const log = JSON.stringify(await json(['log', '--limit', '0']));
    expect(log).not.toMatch(/Quix[oó]tica and|family of Quixotica|KASTER/i);
    expect(log).toContain('Aidos Quixotica');
    expect(onDisk('Kaster')).toBe(false);
    expect(onDisk('Quixótica')).toBe(false);
  });

  it('replaces a word joined to other text by a hyphen or a dash, as written; a longer word holding its letters, and another tracked person\'s name, stay', async () => {
    await c(['add', 'case', '--ref', 'UA 2/26', '--title', 'Protest', '--summary',
      'A: Musakhanuly-led. B: musakhanuly\'s. C: Musakhanuly\u2010born, Musakhanuly\u2011era. D: pro-Musakhanuly. E: Musakhanuly\u2013Kaster, Kaster\u2014Musakhanuly. F: #Musakhanuly. G: Musakhanulyoff, Musakhanuly2. H: Erlan Kaisha-uly spoke.']);
    await c(['add', 'person', 'Kaisha Musakhanuly', '--case', 'UA 2/26']);
    // Someone else tracked under a name joining her word by a hyphen: where it stands, it is theirs.
    await c(['add', 'person', 'Erlan Kaisha-uly', '--new']);
    const r = await c(['erase', 'Kaisha Musakhanuly', '--words', '--force']);
    expect(r.code, r.stderr).toBe(0);
    // "musakhanuly's" in lower case stays (it could be an ordinary word), listed to check.
    expect(r.stderr).toMatch(/these stay and hold a word of their names in lower case [^\n]*; check them: case c-/);
    expect((await json(['show', 'UA 2/26'])).summary).toBe('A: [erased]-led. B: musakhanuly\'s. C: [erased]\u2010born, [erased]\u2011era. D: pro-[erased]. ' +
      'E: [erased]\u2013Kaster, Kaster\u2014[erased]. F: #[erased]. G: Musakhanulyoff, Musakhanuly2. H: Erlan Kaisha-uly spoke.');
    expect(JSON.stringify(await json(['log', '--limit', '0']))).not.toMatch(/Musakhanuly-led|pro-Musakhanuly/i);
    expect(onDisk('Musakhanuly-led')).toBe(false);
  });

  it('without --words, lists the records that hold a word and says how to finish the job', async () => {
    const { event } = await records();
    const r = await c(['erase', 'Kaster Quixotica', '--force']);
    expect(r.stderr).toMatch(new RegExp(`Warning: these stay and hold a word of their names; check them: [^\\n]*event ${event.slice(0, 10)}[^\\n]*caselog erase --word WORD replaces a word everywhere`));
    expect(onDisk('family of Quixotica')).toBe(true);
  });

  it('replaces every written form of a word: the Latin spelling too when an alias spells it in Cyrillic', async () => {
    await c(['add', 'person', 'Aidos Kenzhebek', '--alias', 'Айдос Кенжебек']);
    await c(['add', 'person', 'Bolat Serikov']);
    const latin = (await json(['add', 'event', 'Bolat Serikov', '--date', '2026-11-02', '--type', 'detention', '--summary', 'Bolat shared a cell with Kenzhebek'])).id as string;
    const cyrillic = (await json(['add', 'event', 'Bolat Serikov', '--date', '2026-11-03', '--type', 'statement', '--summary', 'Болат: Кенжебек в камере'])).id as string;
    const r = await c(['erase', 'Aidos Kenzhebek', '--words', '--force']);
    expect(r.code, r.stderr).toBe(0);
    const summaries = new Map((await json(['timeline', 'Bolat Serikov'])).events.map((e: { id: string; summary: string }) => [e.id, e.summary]));
    expect(summaries.get(latin)).toBe('Bolat shared a cell with [erased]');
    expect(summaries.get(cyrillic)).toBe('Болат: [erased] в камере');
    expect(onDisk('Kenzhebek')).toBe(false);
  });

  it('on a terminal, says which records will have the words replaced, not their own record', async () => {
    const { event } = await records();
    const ask = scriptedPrompter(['Kaster Quixotica']);
    const [own, aidos] = await Promise.all(['Kaster Quixotica', 'Aidos Quixotica'].map(async (n) => (await json(['show', n])).id as string));
    const r = await caselog(['erase', 'Kaster Quixotica', '--words'], { db, today: '2026-11-23', tty: true, prompter: ask });
    expect(r.code).toBe(0);
    // The words themselves, so that a name that is also an ordinary word is seen before it goes from every text.
    expect(r.stderr).toMatch(new RegExp(`These stay, with each word of their names replaced by \\[erased\\] \\(--words\\), wherever it stands as a word written with a capital \\("Kaster", "Quixotica"\\): [^\\n]*event ${event.slice(0, 10)}`));
    // Another tracked person's name holding a word stays, said; their own record is not listed.
    expect(r.stderr).toContain(`These people and appeal targets hold a word of their names and stay as they are, for you to check: person ${aidos!.slice(0, 10)}.`);
    expect(r.stderr).not.toContain(own!.slice(0, 10));
  });
});

describe('erase --word WORD', () => {
  it('finishes an erase: the word goes from records, documents, search and change log, and is not repeated', async () => {
    const { event } = await records();
    expect((await c(['erase', 'Kaster Quixotica', '--force'])).code).toBe(0);
    for (const word of ['quixotica', 'Kaster']) {
      const r = await c(['erase', '--word', word, '--force']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr.toLowerCase()).not.toContain(word.toLowerCase());
    }
    expect((await json(['timeline', 'Murager Alimuly'])).events.find((e: { id: string }) => e.id === event).summary).toBe('[erased] and Alimuly detained; Aidos Quixotica too');
    expect((await c(['search', 'beaten'])).stdout).toContain('The family of [erased] says');
    expect(JSON.stringify(await json(['log', '--limit', '0']))).not.toMatch(/Quix[oó]tica and|family of Quixotica|KASTER/i);
    expect(onDisk('Kaster')).toBe(false);
    expect(onDisk('family of Quixotica')).toBe(false);
    expect((await json(['show', 'Aidos Quixotica'])).name).toBe('Aidos Quixotica');
    const entry = (await json(['log', '--limit', '1']))[0];
    expect(entry).toMatchObject({ action: 'erase', kind: 'words', id: null, after: null });
    expect((await c(['undo'])).code).toBe(1);
  });

  it('asks on a terminal for the word again, and changes nothing on another answer', async () => {
    await records();
    await c(['erase', 'Kaster Quixotica', '--force']);
    const before = (await c(['export'])).stdout;
    const wrong = scriptedPrompter(['Quixote']);
    const r = await caselog(['erase', '--word', 'Quixotica'], { db, today: '2026-11-23', tty: true, prompter: wrong });
    expect(r).toMatchObject({ code: 1, stderr: expect.stringContaining('nothing erased') });
    expect(r.stderr).toMatch(/This replaces "Quixotica" by \[erased\][^\n]* in 3 records/);
    expect((await c(['export'])).stdout).toBe(before);
    const right = scriptedPrompter(['quixotica']);
    expect((await caselog(['erase', '--word', 'Quixotica'], { db, today: '2026-11-23', tty: true, prompter: right })).code).toBe(0);
    expect(right.asked).toEqual(['Type the word "Quixotica" again to replace it for good:']);
  });

  it('refuses without confirmation, a short word, a tracked person\'s name, and a person with it, changing nothing', async () => {
    await records();
    const before = (await c(['export'])).stdout;
    expect(await c(['erase', '--word', 'Quixotica'])).toMatchObject({ code: 1, stderr: 'caselog: replacing a word everywhere cannot be undone and needs confirmation: use --force\n' });
    expect((await c(['erase', '--word', 'Al', '--force'])).code).toBe(2);
    const named = await c(['erase', '--word', 'murager alimuly', '--force']);
    expect(named.code).toBe(1);
    expect(named.stderr).toMatch(/^caselog: "murager alimuly" is the name of Murager Alimuly \[p-\w+\], who is tracked: to erase them, caselog erase p-\w+; nothing was changed\n$/);
    expect((await c(['erase', 'Kaster Quixotica', '--word', 'Quixotica', '--force'])).code).toBe(2);
    expect((await c(['erase', '--force'])).code).toBe(2);
    expect((await c(['export'])).stdout).toBe(before);
  });
});

describe('a name that is also an ordinary word ("Said", "Grace")', () => {
  /** Said Bek, and records of others that use "said" as a word and name him. */
  async function saidBek(): Promise<{ named: string; ordinary: string }> {
    await c(['add', 'case', '--ref', 'UA 3/26', '--title', 'Detentions']);
    await c(['add', 'person', 'Said Bek', '--case', 'UA 3/26']);
    await c(['add', 'person', 'Murager Alimuly', '--case', 'UA 3/26']);
    const named = (await json(['add', 'event', 'Murager Alimuly', '--date', '2026-11-02', '--type', 'detention',
      '--summary', 'Held with Said; SAID was beaten, the guard said. Write to said@example.org'])).id as string;
    const ordinary = (await json(['add', 'event', 'Murager Alimuly', '--date', '2026-11-03', '--type', 'statement',
      '--summary', 'His lawyer said the hearing was moved'])).id as string;
    await c(['add', 'deadline', 'Murager Alimuly', '--date', '2026-12-01', '--note', 'call back: the court said Monday']);
    const doc = `${db}.report.txt`;
    writeFileSync(doc, 'Report\n\nThe family said he was well. Officials said nothing.\n');
    expect((await c(['ingest', doc, '--yes'])).code).toBe(0);
    return { named, ordinary };
  }

  it('erase --words replaces the name written with a capital, and leaves "said" in other people\'s records, documents and the change log', async () => {
    const { named, ordinary } = await saidBek();
    const r = await c(['erase', 'Said Bek', '--words', '--force']);
    expect(r.code, r.stderr).toBe(0);
    const summaries = new Map((await json(['timeline', 'Murager Alimuly'])).events.map((e: { id: string; summary: string }) => [e.id, e.summary]));
    expect(summaries.get(named)).toBe('Held with [erased]; [erased] was beaten, the guard said. Write to [erased]@example.org');
    expect(summaries.get(ordinary)).toBe('His lawyer said the hearing was moved');
    expect((await c(['due', '--within', '99'])).stdout).toContain('the court said Monday');
    expect((await c(['search', 'Officials'])).stdout).toContain('[Officials] said nothing');
    const log = JSON.stringify(await json(['log', '--limit', '0']));
    expect(log).toContain('His lawyer said the hearing was moved');
    expect(log).not.toMatch(/with Said|SAID was|Said Bek/);
    // What still holds the word in lower case is listed, for the user to check.
    expect(r.stderr).toMatch(new RegExp(`hold a word of their names in lower case [^\\n]*check them: [^\\n]*event ${ordinary.slice(0, 10)}`));
  });

  it('erase --word replaces it where written with a capital and lists what holds it in lower case', async () => {
    const { named, ordinary } = await saidBek();
    await c(['erase', 'Said Bek', '--force']);
    const r = await c(['erase', '--word', 'said', '--force']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`Warning: these hold the word in lower case [^\\n]*check them: [^\\n]*event ${ordinary.slice(0, 10)}`));
    const summaries = new Map((await json(['timeline', 'Murager Alimuly'])).events.map((e: { id: string; summary: string }) => [e.id, e.summary]));
    expect(summaries.get(named)).toBe('Held with [erased]; [erased] was beaten, the guard said. Write to [erased]@example.org');
    expect(summaries.get(ordinary)).toBe('His lawyer said the hearing was moved');
  });

  it('erasing someone known by one name leaves the word in lower case, listed', async () => {
    await c(['add', 'case', '--ref', 'UA 4/26', '--title', 'Grace and others']);
    await c(['add', 'person', 'Grace', '--case', 'UA 4/26']);
    await c(['add', 'person', 'Murager Alimuly', '--case', 'UA 4/26']);
    const event = (await json(['add', 'event', 'Murager Alimuly', '--date', '2026-11-02', '--type', 'other',
      '--summary', 'Grace visited; the grace period for the appeal ends'])).id as string;
    const r = await c(['erase', 'Grace', '--force']);
    expect(r.code, r.stderr).toBe(0);
    expect((await json(['timeline', 'Murager Alimuly'])).events.find((e: { id: string }) => e.id === event).summary).toBe('[erased] visited; the grace period for the appeal ends');
    expect((await json(['show', 'UA 4/26'])).title).toBe('[erased] and others');
    expect(r.stderr).toMatch(new RegExp(`hold a word of their names; check them: [^\\n]*event ${event.slice(0, 10)}`));
  });

  it('erase --words leaves a word that is another tracked person\'s whole name, in their own records too, and lists them', async () => {
    await c(['add', 'case', '--ref', 'UA 7/26', '--title', 'Releases']);
    const said = (await json(['add', 'person', 'Said', '--case', 'UA 7/26'])).id as string;
    await c(['add', 'person', 'Said Bek', '--case', 'UA 7/26', '--new']);
    const own = (await json(['add', 'event', 'Said', '--date', '2026-11-02', '--type', 'release', '--summary', 'Said was released'])).id as string;
    const r = await c(['erase', 'Said Bek', '--words', '--force']);
    expect(r.code, r.stderr).toBe(0);
    expect((await json(['timeline', 'Said'])).events.find((e: { id: string }) => e.id === own).summary).toBe('Said was released');
    expect(r.stderr).toMatch(new RegExp(`hold a word of their names and stay as they are; check them: person ${said.slice(0, 10)}`));
  });

  it('lists a three-letter word of a name left in lower case, and leaves particles ("van", "der") alone', async () => {
    await c(['add', 'case', '--ref', 'UA 8/26', '--title', 'Der Tag']);
    await c(['add', 'person', 'Jan van der Berg', '--case', 'UA 8/26']);
    await c(['add', 'person', 'Ali Bek', '--case', 'UA 8/26']);
    await c(['add', 'person', 'Murager Alimuly', '--case', 'UA 8/26']);
    const lower = (await json(['add', 'event', 'Murager Alimuly', '--date', '2026-11-02', '--type', 'statement', '--summary', 'contact: bek on telegram'])).id as string;
    const r = await c(['--json', 'erase', 'Ali Bek', '--words', '--force']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).stillMentionedIn).toContainEqual({ kind: 'event', id: lower });
    expect((await c(['erase', 'Jan van der Berg', '--words', '--force'])).code).toBe(0);
    expect((await json(['show', 'UA 8/26'])).title).toBe('Der Tag');
  });

  it('replaces a name in Georgian, a script whose texts are written without capitals', async () => {
    await c(['add', 'case', '--ref', 'UA 9/26', '--title', 'Tbilisi']);
    await c(['add', 'person', '\u10d2\u10d8\u10dd\u10e0\u10d2\u10d8 \u10d1\u10d4\u10e0\u10d8\u10eb\u10d4', '--case', 'UA 9/26']);
    await c(['add', 'person', 'Murager Alimuly', '--case', 'UA 9/26']);
    const event = (await json(['add', 'event', 'Murager Alimuly', '--date', '2026-11-02', '--type', 'detention', '--summary', '\u10d1\u10d4\u10e0\u10d8\u10eb\u10d4 \u10d3\u10d0\u10d0\u10d9\u10d0\u10d5\u10d4\u10e1'])).id as string;
    expect((await c(['erase', '\u10d2\u10d8\u10dd\u10e0\u10d2\u10d8 \u10d1\u10d4\u10e0\u10d8\u10eb\u10d4', '--words', '--force'])).code).toBe(0);
    expect((await json(['timeline', 'Murager Alimuly'])).events.find((e: { id: string }) => e.id === event).summary).toBe('[erased] \u10d3\u10d0\u10d0\u10d9\u10d0\u10d5\u10d4\u10e1');
  });

  it('erase --word --json does not print the word back', async () => {
    await saidBek();
    await c(['erase', 'Said Bek', '--force']);
    const r = await c(['--json', 'erase', '--word', 'said', '--force']);
    expect(r.stdout.toLowerCase()).not.toContain('said');
  });

  it('says what the change log still holds in lower case, and erase --word --any-case takes it out of records and history', async () => {
    await c(['add', 'case', '--ref', 'UA 10/26', '--title', 'Hiding']);
    await c(['add', 'person', 'Gulnara', '--case', 'UA 10/26']);
    await c(['add', 'person', 'Olga Nurova', '--case', 'UA 10/26']);
    const edited = (await json(['add', 'event', 'Olga Nurova', '--date', '2026-11-02', '--type', 'statement', '--summary', 'olga hid gulnara in her flat'])).id as string;
    expect((await c(['edit', edited, '--summary', 'Olga hid someone in her flat'])).code).toBe(0);
    const kept = (await json(['add', 'event', 'Olga Nurova', '--date', '2026-11-03', '--type', 'statement', '--summary', 'gulnara called'])).id as string;
    const r = await c(['--json', 'erase', 'Gulnara', '--force']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).logEntriesLeft).toBe(3);
    expect(r.stderr).toContain('3 change-log entries still hold a name of theirs in lower case or in a sentence in capitals (the change log keeps what records said): caselog erase --word WORD --any-case');
    expect(JSON.stringify(await json(['log', '--limit', '0']))).toContain('olga hid gulnara');
    expect(await c(['erase', '--any-case', '--force'])).toMatchObject({ code: 2 });
    const w = await c(['--json', 'erase', '--word', 'gulnara', '--any-case', '--force']);
    expect(w.code, w.stderr).toBe(0);
    expect(JSON.parse(w.stdout)).toMatchObject({ logEntriesRewritten: 3, logEntriesLeft: 0 });
    expect((await json(['timeline', 'Olga Nurova'])).events.find((e: { id: string }) => e.id === kept).summary).toBe('[erased] called');
    expect(JSON.stringify(await json(['log', '--limit', '0'])).toLowerCase()).not.toContain('gulnara');
    expect(onDisk('gulnara')).toBe(false);
  });

  it('a name of two words counts where its words are alike in case: "Ali said" is no "Ali Said" (surname first), "said Bek" no "Said Bek"', async () => {
    await c(['add', 'case', '--ref', 'UA 11/26', '--title', 'Trial']);
    await c(['add', 'person', 'Said Ali', '--case', 'UA 11/26']);
    await c(['add', 'person', 'Ali Hassan', '--case', 'UA 11/26']);
    const ordinary = (await json(['add', 'event', 'Ali Hassan', '--date', '2026-11-02', '--type', 'statement',
      '--summary', "Hassan's lawyer Ali said the trial was unfair; the officer said Ali's file was lost"])).id as string;
    const named = (await json(['add', 'event', 'Ali Hassan', '--date', '2026-11-03', '--type', 'statement',
      '--summary', 'Held with Said Ali; ALI Said too; lawyer of said ali'])).id as string;
    const r = await c(['erase', 'Said Ali', '--force']);
    expect(r.code, r.stderr).toBe(0);
    const summaries = new Map((await json(['timeline', 'Ali Hassan'])).events.map((e: { id: string; summary: string }) => [e.id, e.summary]));
    expect(summaries.get(ordinary)).toBe("Hassan's lawyer Ali said the trial was unfair; the officer said Ali's file was lost");
    expect(summaries.get(named)).toBe('Held with [erased]; [erased] too; lawyer of [erased]');
    expect(JSON.stringify(await json(['log', '--limit', '0']))).toContain("Hassan's lawyer Ali said the trial");
  });
});
