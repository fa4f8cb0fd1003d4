// caselog add event with a date after today: still recorded (back-filling, a wrong --today), with one
// note on stderr pointing to a deadline; stdout and --json are as for any event.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[], today = '2024-05-10') => caselog(args, { db, today });

beforeEach(async () => {
  db = tempDb();
  await c(['add', 'case', '--ref', 'UA 12/24', '--title', 'Fear of torture']);
  await c(['add', 'person', 'Hemit Memet', '--alias', 'Khamit Memet', '--case', 'UA 12/24']);
});

describe('add event after today', () => {
  it('records it, then says on stderr that something expected is a deadline, with the WHO as typed', async () => {
    const r = await c(['add', 'event', 'Khamit Memet', 'UA 12/24', '--date', '20 June 2024', '--type', 'hearing', '--summary', 'Trial hearing in Urumqi']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    // After the line saying which person the name reached, and the "Recorded" line: the note, last.
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^Recorded hearing on 20 June 2024 for Hemit Memet \[e-\w+\]$/);
    expect(lines[2]).toBe('note: 20 June 2024 is after today; if it is expected rather than done, take it back with caselog undo and record a deadline: '
      + 'caselog add deadline "Khamit Memet" "UA 12/24" --date "20 June 2024" --note "Trial hearing in Urumqi"');
    expect((await c(['timeline', 'Hemit Memet'])).stdout).toContain('Trial hearing in Urumqi');
  });

  it('keeps --json on stdout exactly as for any event; the note goes to stderr', async () => {
    const future = await c(['--json', 'add', 'event', 'Hemit Memet', '--date', '2024-06', '--type', 'release', '--summary', 'Release "expected", says the family\'s lawyer']);
    expect(future.code).toBe(0);
    const event = JSON.parse(future.stdout) as Record<string, unknown>;
    expect(event).toMatchObject({ type: 'release', date: '2024-06', precision: 'month', summary: 'Release "expected", says the family\'s lawyer' });
    const past = await c(['--json', 'add', 'event', 'Hemit Memet', '--date', '2024-04', '--type', 'release', '--summary', 'x']);
    // The fields the spec names for an event, as for any other (a past one has the same).
    const fields = ['id', 'type', 'date', 'precision', 'approximate', 'dateText', 'summary', 'place', 'actor', 'people', 'case', 'sources'];
    expect(Object.keys(event)).toEqual(expect.arrayContaining(fields));
    expect(Object.keys(JSON.parse(past.stdout) as object)).toEqual(Object.keys(event));
    expect(future.stderr.trimEnd().split('\n')).toHaveLength(2);
    expect(future.stderr.trimEnd().split('\n')[1]).toBe('note: June 2024 is after today; if it is expected rather than done, take it back with caselog undo and record a deadline: '
      + `caselog add deadline "Hemit Memet" --date 2024-06 --note 'Release "expected", says the family'\\''s lawyer'`);
    expect(past.stderr).not.toContain('note:');
  });

  it('says nothing for today, the past, or a month or year that today falls in', async () => {
    for (const date of ['2024-05-10', '9 May 2024', '2024-05', '2024', '1999']) {
      const r = await c(['add', 'event', 'Hemit Memet', '--date', date, '--type', 'other', '--summary', 'x']);
      expect(r.code, date).toBe(0);
      expect(r.stderr, date).not.toContain('note:');
    }
  });

  it('goes by --today', async () => {
    const args = ['add', 'event', 'Hemit Memet', '--date', '2024-05-11', '--type', 'other', '--summary', 'x'];
    expect((await c(args, '2024-05-10')).stderr).toContain('note: 11 May 2024 is after today');
    expect((await c(args, '2024-05-11')).stderr).not.toContain('note:');
  });
});
