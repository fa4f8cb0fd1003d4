// log as a caseworker reads it: what an edit changed, even past the 40th character.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(['--no-color', ...args], { db, today: '2026-11-24' });
const MINSK = 'Arrested at home by officers of the security service in Minsk';
let event: string;

beforeEach(async () => {
  db = tempDb();
  await c(['add', 'case', '--ref', 'UA 200/26', '--title', 'Fear of torture', '--opened', '2026-03-01']);
  await c(['add', 'person', 'Maria Ivanova', '--case', 'UA 200/26', '--risk', 'torture']);
  event = JSON.parse((await c(['--json', 'add', 'event', 'Maria Ivanova', '--date', '2026-03-02', '--type', 'arrest', '--summary', MINSK])).stdout).id;
});

/** The line under the latest entry's head: what changed. */
const latestChange = async () => (await c(['log', '--limit', '1'])).stdout.split('\n')[1];

describe('log says what an edit changed', () => {
  it('shows the part around the first difference when it lies past the 40th character', async () => {
    await c(['edit', event, '--summary', MINSK.replace('Minsk', 'Gomel')]);
    expect(await latestChange()).toBe('    summary: \u2026security service in Minsk \u2192 \u2026security service in Gomel');
    // --json as it was: the whole values.
    const [entry] = JSON.parse((await c(['--json', 'log', '--limit', '1'])).stdout);
    expect(entry.changed).toEqual([{ field: 'summary', before: MINSK, after: MINSK.replace('Minsk', 'Gomel') }]);
  });

  it('shows both texts whole when they are short, and never two that read the same', async () => {
    await c(['edit', event, '--summary', 'Arrested at home']);
    await c(['edit', event, '--summary', 'Arrested at work']);
    expect(await latestChange()).toBe('    summary: Arrested at home \u2192 Arrested at work');
    // Only a tail added, past the 40th character: the old text ends where the new goes on.
    const long = 'Arrested at home by officers of the security service';
    await c(['edit', event, '--summary', long]);
    await c(['edit', event, '--summary', `${long}, with his brother`]);
    const [before, after] = (await latestChange())!.replace('    summary: ', '').split(' \u2192 ');
    expect(before).not.toBe(after);
    expect(after).toContain('with his');
  });
});

describe('log writes dates as a person reads them', () => {
  it('says a date, a birth year and a recorded day in words, under field names in words', async () => {
    await c(['add', 'deadline', 'UA 200/26', '--date', '2026-12', '--note', 'ask the lawyer']);
    expect(await latestChange()).toContain('date: December 2026; note: ask the lawyer');
    await c(['add', 'person', 'Petr Ivanov', '--born', '~1985', '--status', 'detained']);
    expect(await latestChange()).toContain('born: c. 1985; status: detained; status recorded on: 24 November 2026');
    // What changed, under each entry's head (which says when, as a time).
    const changes = (await c(['log', '--limit', '0'])).stdout.split('\n').filter((line) => line.startsWith('    ')).join('\n');
    expect(changes).toContain('date: 2 March 2026; summary:');
    expect(changes).not.toMatch(/\d{4}-\d\d/);
    expect(changes).not.toContain('statusOn');
  });
});

describe('log names the records it holds by id', () => {
  it('writes a case by its reference and a person by name, beside the id; one gone since as the log last named them', async () => {
    const ids = JSON.parse((await c(['--json', 'show', 'Maria Ivanova'])).stdout) as { id: string; cases: Array<{ id: string }> };
    const [person, theCase] = [ids.id.slice(0, 10), ids.cases[0]!.id.slice(0, 10)];
    expect(await latestChange()).toBe(`    case: UA 200/26 [${theCase}]; type: arrest; date: 2 March 2026; summary: Arrested at home by officers of the sec\u2026; people: Maria Ivanova [${person}]`);
    // Deleted since: as the log named them when they went (their id alone did not say who it was).
    await c(['add', 'person', 'Ivan Petrov', '--case', 'UA 200/26', '--new']);
    const ivan = JSON.parse((await c(['--json', 'show', 'Ivan Petrov'])).stdout).id.slice(0, 10);
    await c(['add', 'event', 'Ivan Petrov', '--date', '2026-03-03', '--type', 'arrest', '--summary', 'held']);
    expect(await latestChange()).toContain(`people: Ivan Petrov [${ivan}]`);
    await c(['delete', 'Ivan Petrov', '--force']);
    expect((await c(['log', '--limit', '3'])).stdout).toContain(`summary: held; people: Ivan Petrov [${ivan}]\n`);
  });
});
