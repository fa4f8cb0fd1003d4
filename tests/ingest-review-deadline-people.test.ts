// In the review without a case, a deadline naming nobody is about the people of the accepted events,
// as it is recorded: its question says so, as the final list does, not "nobody named".
import { describe, expect, it } from 'vitest';
import { caselog, ENTER, fileOf, scriptedPrompter, tempDb } from './helpers/cli';

describe('a deadline naming nobody, reviewed without a case', () => {
  it('is asked about under the people it will be recorded for', async () => {
    const db = tempDb();
    const doc = 'Note, 24 July 2020\n\nMurager Alimuly was released on 20 July 2020.\n\nSend appeals before 7 August 2020.\n';
    const prompter = scriptedPrompter([ENTER, 'accept', 'accept', true]);
    const r = await caselog(['ingest', fileOf('note.txt', doc)], { db, today: '2020-07-24', tty: true, prompter });
    expect(r.code, r.stderr).toBe(0);
    expect(prompter.asked[2]).toMatch(/^Deadline: 7 August 2020 · .* · Murager Alimuly\n/);
    expect(r.stderr).toMatch(/ {2}deadline {2}7 August 2020 .* — Murager Alimuly\n/);
  });
});
