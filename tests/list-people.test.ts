// list people as a caseworker reads it: the columns in line whatever script a name is written in,
// the names in the order a reader looks for them.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2020-02-01' });

beforeEach(() => {
  db = tempDb();
});

/** The line as a terminal draws it: combining marks and format characters take no column of their own. */
const drawn = (line: string) => line.replace(/[\p{Mn}\p{Me}\p{Cf}]/gu, '');

describe('list people', () => {
  it('keeps the status column in line after names with vowel signs and other combining marks', async () => {
    // Arabic with its short vowels, Thai, Devanagari, Vietnamese typed with separate accents, Persian with a non-joiner.
    const names = ['Kaster Musakhanuly', 'مُحَمَّد عَلِي', 'สมชาย ใจดี', 'राम कुमार', 'Nguye\u0302\u0303n Va\u0306n An', 'علی خامنه\u200cای'];
    for (const name of names) expect((await c(['add', 'person', name, '--status', 'detained', '--new'])).code).toBe(0);
    const [header, ...rows] = (await c(['list', 'people'])).stdout.trimEnd().split('\n');
    expect(rows).toHaveLength(names.length);
    const column = drawn(header!).indexOf('STATUS');
    for (const row of rows) expect(drawn(row).indexOf('detained'), row).toBe(column);
  });

  it('lists names whose first letter has no accent to take off among their letters (Đ with D, Ł with L, Ə with E)', async () => {
    const names = ['ZHANG Wei', 'Zeynep Öz', 'Đorđe Jovanović', 'Łukasz Nowak', 'Əli Məmmədov', 'Adam Ng', 'Emre Kaya', 'Lena Berg', 'Daniel Roth', 'Øyvind Berg'];
    for (const name of names) expect((await c(['add', 'person', name, '--new'])).code).toBe(0);
    const listed = (await c(['list', 'people'])).stdout.trimEnd().split('\n').slice(1).map((row) => row.split(/ {2,}/)[0]);
    expect(listed).toEqual(['Adam Ng', 'Daniel Roth', 'Đorđe Jovanović', 'Əli Məmmədov', 'Emre Kaya', 'Lena Berg', 'Łukasz Nowak', 'Øyvind Berg', 'Zeynep Öz', 'ZHANG Wei']);
  });
});
