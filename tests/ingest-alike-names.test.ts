// Two names of one new document only close to each other (Marat Omarov, Marat Umarov; Kaster
// Musakhanuly, Qaster Musakhan) are one person only once the caseworker says so: --yes keeps them
// apart and says how to merge them, as it never takes a loose match to a tracked person; the review
// offers the join. A name the document itself gives as another ("also spelled", a bracket) is one person.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, ENTER, fileOf, scriptedPrompter, tempDb } from './helpers/cli';

let db: string;
const today = '2021-06-10';
const c = (args: string[]) => caselog(args, { db, today });
const people = async () => (JSON.parse((await c(['export', '--format', 'json'])).stdout) as { people: Array<{ name: string; names: Array<{ name: string }> }> })
  .people.map((p) => [p.name, p.names.map((n) => n.name).sort()]).sort();

beforeEach(() => {
  db = tempDb();
});

const OMAROV = 'Public Statement\nEUR 57/9997/2021\n1 June 2021\n\nMarat Omarov was detained in Almaty on 26 March 2021.\n\nMarat Umarov was released from custody in Taraz on 2 April 2021.\n';
const LIST = [
  'Kaster Musakhanuly - arrested on 14 October 2019 in Almaty',
  'Qaster Musakhan - sentenced on 21 January 2020 in Zaysan',
  'Aziz Kurbanov - arrested on 3 March 2021 in Tashkent',
  'Aziza Kurbanova - arrested on 4 March 2021 in Tashkent',
].join('\n') + '\n';

describe('names of one document only close to each other', () => {
  it('--yes keeps them two people, each with their own events, and says how to merge them', async () => {
    const r = await c(['ingest', fileOf('omarov.txt', OMAROV), '--yes']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('2 new people, 2 events');
    expect(r.stderr).toContain('note: "Marat Umarov" was kept apart from "Marat Omarov", named before it (spelling variant (vowels), score 0.93): --yes does not join names only close to each other; if they are one person, caselog');
    expect(r.stderr).toContain(' merge "Marat Umarov" "Marat Omarov"\n');
    expect(await people()).toEqual([['Marat Omarov', ['Marat Omarov']], ['Marat Umarov', ['Marat Umarov']]]);
    expect((await c(['timeline', 'Marat Omarov'])).stdout).not.toContain('2 April 2021');
    expect((await c(['timeline', 'Marat Umarov'])).stdout).not.toContain('26 March 2021');
  });

  it('--dry-run says which name each is close to', async () => {
    const r = await c(['ingest', fileOf('omarov.txt', OMAROV), '--dry-run']);
    expect(r.stdout).toContain('person Marat Umarov — new, close to Marat Omarov named before it (spelling variant (vowels), score 0.93): kept apart unless joined on a terminal\n');
  });

  it('on a terminal, Enter keeps them apart; choosing the join makes one person with both names and both events', async () => {
    const file = fileOf('spellings.txt', LIST);
    const apart = scriptedPrompter([ENTER, ENTER, ENTER, ENTER, 'accept', 'accept', 'accept', 'accept', true]);
    expect((await caselog(['ingest', file], { db, today, tty: true, prompter: apart })).code).toBe(0);
    expect(apart.asked[1]).toContain('"Qaster Musakhan" looks like Kaster Musakhanuly, named before it in this document:');
    expect(apart.choices[1]!.map((x) => x.name)).toContain('Another name of Kaster Musakhanuly, named before it (spelling variant (K/Q, -uly), score 0.95)');
    expect((await people()).map(([name]) => name)).toEqual(['Aziz Kurbanov', 'Aziza Kurbanova', 'Kaster Musakhanuly', 'Qaster Musakhan']);

    db = tempDb();
    const joined = scriptedPrompter([ENTER, 'key:Kaster Musakhanuly', ENTER, ENTER, 'accept', 'accept', 'accept', 'accept', true]);
    expect((await caselog(['ingest', file], { db, today, tty: true, prompter: joined })).code).toBe(0);
    // A relative's name (Aziza Kurbanova beside Aziz Kurbanov) is never offered as a spelling.
    expect(joined.asked[3]).toContain('New person: Aziza Kurbanova');
    expect(await people()).toEqual([
      ['Aziz Kurbanov', ['Aziz Kurbanov']],
      ['Aziza Kurbanova', ['Aziza Kurbanova']],
      ['Kaster Musakhanuly', ['Kaster Musakhanuly', 'Qaster Musakhan']],
    ]);
    const timeline = JSON.parse((await c(['--json', 'timeline', 'Qaster Musakhan'])).stdout) as { events: Array<{ type: string }> };
    expect(timeline.events.map((e) => e.type)).toEqual(['arrest', 'sentence']);
  });

  it('on a terminal, a name typed as another of someone this document names joins them, though they are not stored yet', async () => {
    const doc = 'Cairo, 5 January 2021\n\nMahmoud Abdel Salam was forcibly returned to Egypt on 28 December 2020.\n\nMahmud Abd al-Salam was arrested in Khartoum on 14 November 2020.\n';
    // A database holding someone else: the name typed is looked for among this review's people first.
    await c(['add', 'person', 'Aziz Kurbanov']);
    const prompter = scriptedPrompter([ENTER, 'alias', 'mahmoud abdel salam', 'accept', 'accept', true]);
    const r = await caselog(['ingest', fileOf('egypt.txt', doc)], { db, today, tty: true, prompter });
    expect(r.stderr).not.toContain('no case or person matches');
    expect(r.code).toBe(0);
    expect(await people()).toEqual([['Aziz Kurbanov', ['Aziz Kurbanov']], ['Mahmoud Abdel Salam', ['Mahmoud Abdel Salam', 'Mahmud Abd al-Salam']]]);
    expect((await c(['timeline', 'Mahmud Abd al-Salam'])).stdout).toContain('14 November 2020');
  });
});

describe('another name the document itself gives', () => {
  it('"also written" after the name in Cyrillic (a name read of its own) is one person\'s other name', async () => {
    const doc = 'Minsk, 18 June 2021\n\nAliaksandra Dzmitryeva (Александра Дмитриева), also written Alexandra Dmitrieva, aged 34, was detained on 12 May 2021.\n';
    expect((await c(['ingest', fileOf('by.txt', doc), '--yes'])).stderr).toContain('1 new person');
    expect(await people()).toEqual([['Aliaksandra Dzmitryeva', ['Alexandra Dmitrieva', 'Aliaksandra Dzmitryeva', 'Александра Дмитриева']]]);
  });

  it('"whose name was also written Y" is the same person, and not "left out: could be several" when both are one tracked person\'s names', async () => {
    await c(['add', 'person', 'Aliaksandra Dzmitryeva', '--alias', 'Alexandra Dmitrieva']);
    const doc = 'Minsk, 2 July 2021\n\nAlexandra Dmitrieva, whose name was also written Aliaksandra Dzmitryeva in our earlier action, was transferred to penal colony No. 4 on 28 June 2021.\n';
    const r = await c(['ingest', fileOf('by.txt', doc), '--dry-run']);
    expect(r.stdout).toContain('person Alexandra Dmitrieva (also Aliaksandra Dzmitryeva) — tracked as Aliaksandra Dzmitryeva\n');
    expect(r.stdout).not.toContain('could be several');
  });

  it('"also spelled", a bracket with "or", and a bracket giving the name in another script then in Latin letters are one person', async () => {
    const doc = 'Cairo, 5 January 2021\n\n'
      + 'Mahmoud Abdel Salam (محمود عبد السلام), also spelled Mahmud Abd al-Salam, was forcibly returned to Egypt on 28 December 2020.\n\n'
      + 'Hassan Mostafa (or Hasan Mustafa) was arrested on 2 January 2021.\n\n'
      + 'Ilham Tohti (伊力哈木·土赫提 / Ilham Toxti) was sentenced to life imprisonment on 23 September 2014.\n';
    expect((await c(['ingest', fileOf('egypt.txt', doc), '--yes'])).stderr).toContain('3 new people');
    expect(await people()).toEqual([
      ['Hassan Mostafa', ['Hasan Mustafa', 'Hassan Mostafa']],
      ['Ilham Tohti', ['Ilham Tohti', 'Ilham Toxti', '伊力哈木·土赫提']],
      ['Mahmoud Abdel Salam', ['Mahmoud Abdel Salam', 'Mahmud Abd al-Salam', 'محمود عبد السلام']],
    ]);
  });
});
