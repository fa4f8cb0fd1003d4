// A name that reaches a tracked person only loosely, on a terminal: Enter pressed without reading
// must not record anything for them, since the name may be a brother's or a namesake's (Marat and
// Murat Alimov: one letter apart, and two men's names).
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, ENTER, scriptedPrompter, tempDb } from './helpers/cli';

let db: string;
const today = '2026-11-24';
const c = (args: string[]) => caselog(args, { db, today });
const onTerminal = (args: string[], answers: unknown[]) => {
  const prompter = scriptedPrompter(answers);
  return { prompter, result: caselog(args, { db, today, tty: true, prompter }) };
};
const exported = async () => (await c(['export', '--format', 'json'])).stdout;
const release = ['--date', '2020-01-01', '--type', 'release', '--summary', 'Released'];

beforeEach(async () => {
  db = tempDb();
  expect((await c(['add', 'person', 'Murat Alimov'])).code).toBe(0);
});

describe('a writing command given a name only close to a stored one', () => {
  it('records nothing when Enter is pressed, and asks whom it would be recorded for', async () => {
    const before = await exported();
    const { prompter, result } = onTerminal(['add', 'event', 'Marat Alimov', ...release], [ENTER]);
    const r = await result;
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('caselog: nothing changed: "Marat Alimov" was not confirmed as Murat Alimov\n');
    expect(prompter.asked).toEqual([expect.stringMatching(
      /^"Marat Alimov" is not a stored name; the nearest is Murat Alimov \[p-\w+\] \(close spelling, score 0\.\d\d\), who may be someone else\. Record this for Murat Alimov \[p-\w+\]\?$/)]);
    expect(await exported()).toBe(before);
  });

  it('records it when the caseworker says yes', async () => {
    const { result } = onTerminal(['add', 'event', 'Marat Alimov', ...release], [true]);
    const r = await result;
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Recorded release on 1 January 2020 for Murat Alimov');
  });
});

describe('the guided add given a name only close to a tracked one', () => {
  it('takes Enter as someone different, never as another name of the tracked person', async () => {
    const { prompter, result } = onTerminal(['add'],
      ['event', 'none', 'new', 'Marat Alimov', ENTER, '', '', '1 January 2020', 'release', 'Released', '', '', '']);
    const r = await result;
    expect(r.code).toBe(0);
    expect(prompter.asked[4]).toBe('"Marat Alimov" is close to someone already tracked. What is it?');
    expect(prompter.choices[3]![0]!.name).toMatch(/^Another name of Murat Alimov \[p-\w+\] \(close spelling, score 0\.\d\d\)$/);
    expect(r.stderr).toMatch(/^Added Marat Alimov \[p-\w+\]\nRecorded release on 1 January 2020 for Marat Alimov \[e-\w+\]\n/);
    const sergei = JSON.parse((await c(['--json', 'timeline', 'Murat Alimov'])).stdout);
    expect(sergei.events).toEqual([]);
    expect(JSON.parse((await c(['--json', 'show', 'Murat Alimov'])).stdout).names).toEqual(['Murat Alimov']);
  });
});

describe('ingest on a terminal, given a spelling only close to a tracked name', () => {
  it('takes Enter as neither the tracked one nor a duplicate of him, and a new person when told so', async () => {
    const statement = new URL('../../shared/samples/amnesty-public-statement-eur-57-1572-2019.txt', import.meta.url).pathname;
    expect((await c(['add', 'person', 'Qaster Musakhanuly'])).code).toBe(0);
    // Darhan Dilmanov: skip; Kaster Musakhanuly: Enter (a clear spelling variant: the cursor is on Skip); Murager Alimuly: skip.
    const first = onTerminal(['ingest', statement], ['skip', ENTER, 'skip', true]);
    expect((await first.result).code).toBe(0);
    expect(first.prompter.asked[1]).toMatch(/^"Kaster Musakhanuly" looks like someone tracked/);
    expect(first.prompter.choices[1]![0]!.name).toMatch(/^Another name of Qaster Musakhanuly \[p-\w+\] \(/);
    expect(JSON.parse((await c(['--json', 'timeline', 'Qaster Musakhanuly'])).stdout).events).toEqual([]);
    expect((await c(['list', 'people'])).stdout).not.toContain('Kaster Musakhanuly');

    db = tempDb();
    expect((await c(['add', 'person', 'Qaster Musakhanuly'])).code).toBe(0);
    const { result } = onTerminal(['ingest', statement], ['skip', 'new', 'skip', 'accept', 'accept', 'accept', true]);
    const r = await result;
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse((await c(['--json', 'timeline', 'Qaster Musakhanuly'])).stdout).events).toEqual([]);
    expect(JSON.parse((await c(['--json', 'show', 'Qaster Musakhanuly'])).stdout).names).toEqual(['Qaster Musakhanuly']);
    expect(JSON.parse((await c(['--json', 'timeline', 'Kaster Musakhanuly'])).stdout).events).toHaveLength(3);
  });
});
