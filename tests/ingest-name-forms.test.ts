// Names ingest missed or cut short: with a lowercase article ("Salma al-Shehab"), an apostrophe
// ("Ma'ruf Karimov", "Dilmurod Sa'idov" became "Dilmurod Sa"), or a word that is an English word too
// ("He Fangmei", "Nguyen Van An"); and places written like names that became people.
import { describe, expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

const today = '2026-11-24';
const doc = (title: string, body: string) => `URGENT ACTION\n\nUA 30/26, 21 November 2026\n\n${title}\n\n${body}\n`;

/** [name, status] of everyone an ingest with --yes records. */
async function recorded(db: string, text: string, ...args: string[]): Promise<string[][]> {
  expect((await caselog(['ingest', fileOf('ua.txt', text), '--yes', ...args], { db, today })).code).toBe(0);
  const people = JSON.parse((await caselog(['--json', 'list', 'people'], { db, today })).stdout) as Array<{ name: string; status: string }>;
  return people.map((p) => [p.name, p.status]);
}

describe('ingest finds names written', () => {
  it.each([
    'Salma al-Shehab', 'Loujain al-Hathloul', 'Hossam el-Hamalawy', 'Ahmed bin Salman al-Harbi',
    "Ma'ruf Karimov", "Conor O'Brien", "Dilmurod Sa'idov", 'Dilmurod Sa\u2019idov',
    'He Fangmei', 'Aung San Suu Kyi', 'Pham Hong Son', 'Nguyen Van An', 'Hossam El Hamalawy',
  ])('%s', async (name) => {
    const people = await recorded(tempDb(), doc('Arrest', `${name} was arrested on 19 November 2026 by police.`));
    expect(people).toEqual([[name, 'detained']]);
  });

  it('a tracked name with an article gets her sentence, not the case as a whole', async () => {
    const db = tempDb();
    expect((await caselog(['add', 'case', '--ref', 'MDE 23/22', '--title', 'Saudi Arabia: student'], { db, today })).code).toBe(0);
    expect((await caselog(['add', 'person', 'Salma al-Shehab', '--case', 'MDE 23/22'], { db, today })).code).toBe(0);
    const text = doc('Saudi Arabia: Woman sentenced', 'On 9 August 2022 the Specialized Criminal Court of Appeal sentenced Salma al-Shehab to 34 years in prison.');
    expect(await recorded(db, text, '--case', 'MDE 23/22')).toEqual([['Salma al-Shehab', 'imprisoned']]);
    const timeline = JSON.parse((await caselog(['--json', 'timeline', 'Salma al-Shehab'], { db, today })).stdout) as { events: Array<{ type: string; people: Array<{ name: string }> }> };
    expect(timeline.events.map((e) => [e.type, e.people.map((p) => p.name)])).toEqual([['sentence', ['Salma al-Shehab']]]);
  });

  it('a city in the text and a country in the heading are no one', async () => {
    const text = doc('Viet Nam: Young blogger arrested', 'Nguyễn Văn An, a 24-year-old blogger, was arrested on 19 November 2026 in Hà Nội by police. Hà Nội police refused to say where he is held.');
    expect(await recorded(tempDb(), text)).toEqual([['Nguyễn Văn An', 'detained']]);
  });

  it('and still none from an English word before a name ("An Afghan journalist", "In Hong Kong")', async () => {
    const text = doc('Arrests', 'An Afghan journalist, Parviz Rahimi, was arrested on 19 November 2026. In Hong Kong, Kwok Wai was arrested on 20 November 2026.');
    expect((await recorded(tempDb(), text)).map(([name]) => name).sort()).toEqual(['Kwok Wai', 'Parviz Rahimi']);
  });
});
