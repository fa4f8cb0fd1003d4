// A family name's ending (-ov, -ev, -in, -ova) moved to the word that is the stored given name marks
// another man: Kurban Azizov is Kurban, son of Aziz, not Aziz Kurbanov with his names swapped. A
// reading command answers "no one matches; nearest: …"; ingest files his arrest under nobody tracked.
import { beforeEach, describe, expect, it } from 'vitest';
import { PLAUSIBLE_MATCH, scoreName } from '../src/domain/names';
import { caselog, fileOf, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2026-11-24' });
const nobody = (typed: string, nearest: string) => new RegExp(`^caselog: no case or person matches "${typed}"; nearest: ${nearest}[,\\n]`);
/** The first name typed, the second stored. */
const found = (typed: string, stored: string) => (scoreName(typed, stored)?.score ?? 0) >= PLAUSIBLE_MATCH;

beforeEach(() => {
  db = tempDb();
});

describe('a family name ending on the word that is the stored given name', () => {
  it('is another person, swapped or moved, in every gender and ending; a plain swap or the ending on the family name is not', () => {
    const typedStored: Array<[string, string]> = [
      ['Kurban Azizov', 'Aziz Kurbanov'],
      ['Memet Hemitov', 'Hemit Memet'],
      ['Memet Khemitov', 'Hemit Memet'],
      ['Memet Hemitev', 'Hemit Memet'],
      ['Kurban Azizova', 'Aziz Kurbanov'],
      ['Abdurahman Tursunin', 'Tursun Abdurahman'],
      ['Memet Hemitov', 'Hemit Memet Tursun'],
      // Written family name first, the ending moved all the same: Aziz Kurbanov and Kurban Azizov.
      ['Azizov Kurban', 'Aziz Kurbanov'],
      ['Kurban Azizov', 'Kurbanov Aziz'],
    ];
    expect(typedStored.filter(([typed, stored]) => found(typed, stored))).toEqual([]);
    const stillFound: Array<[string, string]> = [
      ['Memet Hemit', 'Hemit Memet'],
      ['Kurbanov Aziz', 'Aziz Kurbanov'],
      ['Hemit Memetov', 'Hemit Memet'],
      ['Memet Hemit', 'Hemit Memetov'],
      // A name ending in -in of its own, spelt otherwise: not a family name made from it.
      ['Aliyev Huseyin', 'Huseyn Aliyev'],
    ];
    expect(stillFound.filter(([typed, stored]) => !found(typed, stored))).toEqual([]);
  });

  it('answers a reading command with the nearest names; the plain swap and the family name\'s ending still reach him', async () => {
    expect((await c(['add', 'person', 'Aziz Kurbanov'])).code).toBe(0);
    expect((await c(['add', 'person', 'Hemit Memet'])).code).toBe(0);
    for (const [typed, stored] of [['Kurban Azizov', 'Aziz Kurbanov'], ['Memet Hemitov', 'Hemit Memet']]) {
      const r = await c(['show', typed!]);
      expect(r, typed).toMatchObject({ code: 1, stdout: '' });
      expect(r.stderr).toMatch(nobody(typed!, stored!));
    }
    for (const [typed, stored] of [['Memet Hemit', 'Hemit Memet'], ['Kurbanov Aziz', 'Aziz Kurbanov'], ['Hemit Memetov', 'Hemit Memet']]) {
      expect(await c(['show', typed!]), typed).toMatchObject({ code: 0, stdout: expect.stringMatching(new RegExp(`^${stored} `)) });
    }
  });

  it('in a document, is someone new: the arrest is not filed under the tracked man, nor the name added to his', async () => {
    expect((await c(['add', 'person', 'Aziz Kurbanov'])).code).toBe(0);
    const doc = fileOf('arrest.txt', 'Uzbekistan: man detained\n\nPolice arrested Kurban Azizov on 8 March 2022.\n');
    expect((await c(['ingest', doc, '--yes'])).stderr).toContain('1 new person, 1 event');
    expect((await c(['timeline', 'Aziz Kurbanov'])).stdout).toContain('no events recorded yet');
    const people = (JSON.parse((await c(['export', '--format', 'json'])).stdout) as { people: Array<{ names: Array<{ name: string }> }> }).people;
    expect(people.map((p) => p.names.map((n) => n.name)).sort()).toEqual([['Aziz Kurbanov'], ['Kurban Azizov']]);
  });
});
