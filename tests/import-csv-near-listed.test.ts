// A sheet of many alike names (a family, a village's Memets): each row's refusal named every earlier
// row close to it, and the one-line refusal grew by the square of the sheet. It lists the first few.
import { expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

it('names the first three close rows of a row and how many more', async () => {
  const names = ['Memet Tursun', 'Memet Tursunov', 'Mehmet Tursun', 'Memet Tursunn', 'Memmet Tursun', 'Memet Tursan'];
  const sheet = fileOf('alike.csv', `name\n${names.join('\n')}\n`);
  const r = await caselog(['import', sheet], { db: tempDb() });
  expect(r.code).toBe(1);
  const last = /row 7, column name: ([^;]*(?:; [^;]*)*?): if they are/.exec(r.stderr)?.[1];
  expect(last, r.stderr).toMatch(/ and \d+ more$/);
  expect(last!.split('; ')).toHaveLength(3);
});
