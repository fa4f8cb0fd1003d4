// One rule for "the same name but for its capitals" everywhere (sameButCase): Turkish I, ı, İ and i
// paired as Turkish writes them, so ŞAHIN KILIÇ is Şahin Kılıç, while Aydin Altin is not Aydın Altın.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, fileOf, scriptedPrompter, tempDb } from './helpers/cli';

let db: string;
const today = '2026-11-24';
const c = (args: string[]) => caselog(args, { db, today });
const onTerminal = (args: string[], answers: unknown[]) => {
  const prompter = scriptedPrompter(answers);
  return { prompter, result: caselog(args, { db, today, tty: true, prompter }) };
};
const exported = async () => (await c(['export', '--format', 'json'])).stdout;
const namesOf = async (who: string) => JSON.parse((await c(['--json', 'show', who])).stdout).names as string[];

beforeEach(() => {
  db = tempDb();
});

describe('two people listed under one name but for its capitals', () => {
  it('carry their ids in at-risk when the names are one in Turkish capitals, and not when a letter differs', async () => {
    for (const args of [['Şahin Kılıç'], ['ŞAHIN KILIÇ', '--new'], ['Aydın Altın'], ['Aydin Altin', '--new']]) {
      expect((await c(['add', 'person', ...args, '--risk', 'torture'])).code).toBe(0);
    }
    const lines = (await c(['at-risk'])).stdout.split('\n');
    const line = (name: string) => lines.find((l) => l.includes(name)) ?? '';
    expect(line('Şahin Kılıç')).toMatch(/Şahin Kılıç \[p-\w+\]/);
    expect(line('ŞAHIN KILIÇ')).toMatch(/ŞAHIN KILIÇ \[p-\w+\]/);
    expect(line('Aydın Altın')).not.toContain('[p-');
    expect(line('Aydin Altin')).not.toContain('[p-');
  });

  it('are both offered for the name typed as one of them is, not the one of that very spelling alone', async () => {
    expect((await c(['add', 'person', 'Şahin Kılıç'])).code).toBe(0);
    expect((await c(['add', 'person', 'ŞAHIN KILIÇ', '--new'])).code).toBe(0);
    const r = await c(['timeline', 'Şahin Kılıç']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^caselog: "Şahin Kılıç" matches several people: (Şahin Kılıç|ŞAHIN KILIÇ) \[p-\w+\] .*; (Şahin Kılıç|ŞAHIN KILIÇ) \[p-\w+\]/);
  });
});

describe("a person's own name in other capitals", () => {
  it('is no other name for person alias; a letter apart (i for ı) is', async () => {
    expect((await c(['add', 'person', 'Şahin Kılıç'])).code).toBe(0);
    const r = await c(['person', 'alias', 'Şahin Kılıç', 'ŞAHIN KILIÇ']);
    expect(r).toMatchObject({ code: 0, stderr: expect.stringContaining('already a name of Şahin Kılıç') });
    expect(await namesOf('Şahin Kılıç')).toEqual(['Şahin Kılıç']);
    expect((await c(['person', 'alias', 'Şahin Kılıç', 'Şahin Kiliç'])).code).toBe(0);
    expect(await namesOf('Şahin Kılıç')).toEqual(['Şahin Kılıç', 'Şahin Kiliç']);
  });

  it('is the tracked person in the guided add, asked as such', async () => {
    expect((await c(['add', 'person', 'Şahin Kılıç'])).code).toBe(0);
    // An event, in no case, about someone new: their name, "is it them?" yes, then the event itself.
    const { prompter, result } = onTerminal(['add'], ['event', 'none', 'new', 'ŞAHIN KILIÇ', true, '2020-05-01', 'arrest', 'Arrested in Ankara', '', '']);
    const r = await result;
    expect(prompter.asked[4]).toBe('Şahin Kılıç is already tracked (in no case): is it them?');
    expect(r).toMatchObject({ code: 0, stderr: expect.stringMatching(/^Recorded arrest on 1 May 2020 for Şahin Kılıç \[e-/) });
    expect(await namesOf('Şahin Kılıç')).toEqual(['Şahin Kılıç']);
  });

  it('confirms a delete typed in Turkish capitals', async () => {
    expect((await c(['add', 'person', 'Şahin Kılıç'])).code).toBe(0);
    const { result } = onTerminal(['delete', 'Şahin Kılıç'], ['ŞAHIN KILIÇ']);
    expect((await result).code).toBe(0);
    expect((await c(['timeline', 'Şahin Kılıç'])).code).toBe(1);
  });

  it('confirms an erase typed in Turkish capitals, and not with a letter apart', async () => {
    expect((await c(['add', 'person', 'Aydın Altın'])).code).toBe(0);
    expect((await onTerminal(['erase', 'Aydın Altın'], ['Aydin Altin']).result).code).toBe(1);
    expect((await c(['timeline', 'Aydın Altın'])).code).toBe(0);
    expect((await onTerminal(['erase', 'Aydın Altın'], ['AYDIN ALTIN']).result).code).toBe(0);
    expect((await c(['add', 'person', 'Şahin Kılıç'])).code).toBe(0);
    expect((await onTerminal(['erase', 'Şahin Kılıç'], ['ŞAHIN KILIÇ']).result).code).toBe(0);
    expect((await c(['timeline', 'Şahin Kılıç'])).code).toBe(1);
  });

  it('is refused as a delete confirmation with a letter apart', async () => {
    expect((await c(['add', 'person', 'Aydın Altın'])).code).toBe(0);
    const before = await exported();
    const { result } = onTerminal(['delete', 'Aydın Altın'], ['Aydin Altin']);
    expect(await result).toMatchObject({ code: 1, stderr: expect.stringContaining('caselog: nothing deleted: "Aydin Altin" is not "Aydın Altın"\n') });
    expect(await exported()).toBe(before);
  });
});

describe('a document naming someone tracked in other capitals', () => {
  it('adds no other name for them, and a reading command says nothing of a match', async () => {
    expect((await c(['add', 'person', 'ŞAHIN KILIÇ'])).code).toBe(0);
    const doc = fileOf('ua.txt', 'Turkey: journalist detained\n\nŞahin Kılıç, a journalist, was arrested in Ankara on 1 May 2020.\n');
    expect((await c(['ingest', doc, '--yes'])).stderr).toContain('0 new people, 1 event');
    expect(await namesOf('ŞAHIN KILIÇ')).toEqual(['ŞAHIN KILIÇ']);
    expect(await c(['timeline', 'şahin kılıç'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^ŞAHIN KILIÇ — detained\n/), stderr: '' });
  });
});

describe('a sheet adding one person on two rows', () => {
  it('is refused when the names are one in Turkish capitals, and not when a letter differs', async () => {
    const twice = fileOf('people.csv', 'name\nŞahin Kılıç\nŞAHIN KILIÇ\n');
    expect(await c(['import', twice])).toMatchObject({
      code: 1, stderr: expect.stringContaining('row 3, column name: "ŞAHIN KILIÇ" is also added on row 2 (as "Şahin Kılıç"): give one row per person'),
    });
    const two = fileOf('people.csv', 'name\nAydın Altın\nAydin Altin\n');
    const r = await c(['import', two, '--new']);
    expect(r.stderr).not.toContain('also added on line');
  });
});

describe('add person given a tracked name without its accents', () => {
  it('says it is not a stored name but looks like them, as add event does, and offers --alias-of and --new', async () => {
    expect((await c(['add', 'person', 'Şahin Kılıç'])).code).toBe(0);
    const before = await exported();
    const event = await c(['add', 'event', 'Sahin Kilic', '--date', '2020-05-01', '--type', 'arrest', '--summary', 'x']);
    expect(event.stderr).toMatch(/^caselog: "Sahin Kilic" is not a stored name; it looks like Şahin Kılıç \[p-/);
    const person = await c(['add', 'person', 'Sahin Kilic']);
    expect(person).toMatchObject({ code: 1, stdout: '' });
    expect(person.stderr).toMatch(/^caselog: "Sahin Kilic" is not a stored name; it looks like someone already tracked: Şahin Kılıç \[p-\w+\] \(via "Şahin Kılıç", same letters ignoring case and accents, score 0\.97\)\. Nothing was added: add it as their name with --alias-of "Şahin Kılıç", or pass --new if this is a different person\n$/);
    expect(await exported()).toBe(before);
    // The name itself in Turkish capitals is theirs.
    expect((await c(['add', 'person', 'ŞAHIN KILIÇ'])).stderr).toMatch(/^caselog: "ŞAHIN KILIÇ" is already a name of someone tracked: Şahin Kılıç \[p-/);
    // Each way out offered does what it says.
    expect((await c(['add', 'person', 'Sahin Kilic', '--alias-of', 'Şahin Kılıç'])).stderr).toBe('Added "Sahin Kilic" as another name of Şahin Kılıç\n');
    expect((await c(['add', 'person', 'Sahin Kilic', '--new'])).stderr).toMatch(/^Added Sahin Kilic \[p-/);
  });

  it('on a terminal, taken as theirs, says nothing was added for their own name in other capitals', async () => {
    const id = JSON.parse((await c(['--json', 'add', 'person', 'Şahin Kılıç'])).stdout).id as string;
    const { result } = onTerminal(['add', 'person', 'ŞAHIN KILIÇ'], [id]);
    expect((await result).stderr).toBe(`Nothing to add: "ŞAHIN KILIÇ" is already a name of Şahin Kılıç [${id.slice(0, 10)}]\n`);
    expect(await namesOf('Şahin Kılıç')).toEqual(['Şahin Kılıç']);
  });
});

describe('two people whose names differ only in accents or Turkish letters', () => {
  it('are told apart by the name typed the same as one of them but for its capitals; in capitals both are offered', async () => {
    const pairs = [['José Peña', 'Jose Pena'], ['Aydın Altın', 'Aydin Altin'], ['Şahin Kılıç', 'Sahin Kilic']];
    for (const [first, second] of pairs) {
      expect((await c(['add', 'person', first!])).code).toBe(0);
      expect((await c(['add', 'person', second!, '--new'])).code).toBe(0);
    }
    for (const [typed, meant] of [['jose pena', 'Jose Pena'], ['JOSÉ PEÑA', 'José Peña'], ['aydin altin', 'Aydin Altin'], ['aydın altın', 'Aydın Altın'], ['SAHIN KILIC', 'Sahin Kilic'], ['ŞAHIN KILIÇ', 'Şahin Kılıç']]) {
      expect(await c(['show', typed!]), typed).toMatchObject({ code: 0, stdout: expect.stringMatching(new RegExp(`^${meant}  p-`)), stderr: '' });
    }
    // A writing command takes it too, without asking: it is that person's stored name.
    expect((await c(['add', 'event', 'jose pena', '--date', '2020-05-01', '--type', 'arrest', '--summary', 'x'])).code).toBe(0);
    expect((await c(['timeline', 'Jose Pena'])).stdout).toContain('arrest');
    expect((await c(['timeline', 'José Peña'])).stdout).toContain('no events recorded yet');
    // AYDIN ALTIN is either in capitals; Sahin Kılıç is neither but for case.
    for (const typed of ['AYDIN ALTIN', 'Sahin Kılıç']) {
      expect(await c(['show', typed]), typed).toMatchObject({ code: 1, stderr: expect.stringContaining(`"${typed}" matches several people`) });
    }
  });
});
