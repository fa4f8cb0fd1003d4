// caselog ingest: a fact dated only in figures ("07/11/2022") is not read, as add refuses such a date,
// but said, with the ISO forms to record it by.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2026-11-24' });

beforeEach(() => {
  db = tempDb();
});

const TEXT = 'Bishkek, 1 December 2022\n\n'
  + 'Journalist Bolot Temirov was summoned by investigators on 20 November 2022.\n'
  + 'The district court extended the detention of Makhabat Tazhibek on 07/11/2022.\n'
  + 'Her brother was questioned on 23.04.2022 and released the same day.\n'
  + 'Their case file is EUR 58/11/2022; the ruling is at https://example.org/2022/11/07/ruling.\n';

describe('a date written in figures', () => {
  it('is named in a note with both days it could be and the ISO forms to give', async () => {
    const r = await c(['ingest', fileOf('kg.txt', TEXT), '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('note: "07/11/2022" could be 7 November 2022 or 11 July 2022: not read, in "The district court extended the detention of Makhabat Tazhibek on 07/11/2022."; '
      + 'record it with caselog add event ... --date 2022-11-07 or 2022-07-11\n');
    // Only one order gives a real day: still not read, but the one day is offered.
    expect(r.stderr).toContain('note: "23.04.2022" is written in figures (is it 23 April 2022?): not read, in "Her brother was questioned on 23.04.2022 and released the same day."; '
      + 'record it with caselog add event ... --date 2022-04-23\n');
    // An index number and a web address are no dates.
    expect(r.stderr.match(/note: "/g)).toHaveLength(2);
    expect(r.stdout).not.toContain('2022-11-07');
  });

  it('is listed in --json with its readings, and said again by --yes', async () => {
    const r = await c(['--json', 'ingest', fileOf('kg.txt', TEXT), '--dry-run']);
    const { unreadDates } = JSON.parse(r.stdout) as { unreadDates: Array<{ dateText: string; readings: string[] }> };
    expect(unreadDates.map((u) => `${u.dateText} ${u.readings.join(' ')}`)).toEqual(['07/11/2022 2022-11-07 2022-07-11', '23.04.2022 2022-04-23']);
    const yes = await c(['ingest', fileOf('kg.txt', TEXT), '--yes']);
    expect(yes.code).toBe(0);
    expect(yes.stderr).toContain('note: "07/11/2022" could be 7 November 2022 or 11 July 2022');
  });
});
