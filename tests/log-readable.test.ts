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
