// A document's age that cannot be a tracked person's rules them out, whatever the names: a "19-year-old
// student" is not the Li Yuhan born in 1951. --yes adds someone new and says whom they were not taken
// for; a terminal asks, saying it, and Enter adds someone new.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, ENTER, fileOf, scriptedPrompter, tempDb } from './helpers/cli';

let db: string;
const today = '2026-11-24';
const c = (args: string[]) => caselog(args, { db, today });
const docOf = (who: string) => fileOf('ua.txt', `URGENT ACTION\n\nASA 17/26, 21 November 2026\n\nChina: student arrested\n\n${who}, was arrested on 19 November 2026 in Beijing.\n`);
const namesOf = async (who: string) => JSON.parse((await c(['--json', 'show', who])).stdout).names as string[];
const eventsOf = async (who: string) => (JSON.parse((await c(['--json', 'timeline', who])).stdout) as { events: unknown[] }).events;
let yuhan: string;

beforeEach(async () => {
  db = tempDb();
  expect((await c(['add', 'case', '--ref', 'ASA 17/26', '--title', 'China: human rights lawyers'])).code).toBe(0);
  yuhan = (JSON.parse((await c(['--json', 'add', 'person', 'Li Yuhan', '--case', 'ASA 17/26', '--born', '1951'])).stdout) as { id: string }).id;
});

describe('ingest --yes given an age that cannot be the tracked person\'s', () => {
  it('adds a close spelling as someone new, naming the one it is not and the merge if they are one', async () => {
    const r = await c(['ingest', docOf('Li Yuhang, a 19-year-old student'), '--case', 'ASA 17/26', '--yes']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('1 new person, 1 event');
    const added = /note: Li Yuhang was added as someone new \[(p-\w+)\], not Li Yuhan \[(p-\w+)\] \(born 1951\): the document gives aged 19 on 21 November 2026; if they are one person after all, caselog merge \1 \2\n/.exec(r.stderr);
    expect(added, r.stderr).not.toBeNull();
    expect(yuhan.startsWith(added![2]!)).toBe(true);
    expect(await eventsOf(yuhan)).toEqual([]);
    expect(await namesOf(yuhan)).toEqual(['Li Yuhan']);
    expect(await eventsOf('Li Yuhang')).toHaveLength(1);
  });

  it('adds someone new of the very same name, and of a recorded age as well as a birth year', async () => {
    const r = await c(['ingest', docOf('Li Yuhan, a 19-year-old student'), '--case', 'ASA 17/26', '--yes']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('1 new person, 1 event');
    expect(await eventsOf(yuhan)).toEqual([]);

    expect((await c(['add', 'person', 'Zhou Shifeng', '--age', '70', '--age-on', '2020-01-01'])).code).toBe(0);
    const zhou = await c(['ingest', docOf('Zhou Shifeng, a 22-year-old lawyer'), '--case', 'ASA 17/26', '--yes']);
    expect(zhou.stderr).toMatch(/note: Zhou Shifeng was added as someone new \[p-\w+\], not Zhou Shifeng \[p-\w+\] \(aged 70 on 1 January 2020 \(born c\. 1949\)\): the document gives aged 22 on 21 November 2026/);
  });

  it('still takes the tracked person when the ages are a year or two apart, as reports often are', async () => {
    const r = await c(['ingest', docOf('Li Yuhan, a 73-year-old retired teacher'), '--case', 'ASA 17/26', '--yes']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('0 new people, 1 event');
    expect(await eventsOf(yuhan)).toHaveLength(1);
  });

  it('shows in the dry run whom the age rules out, in text and JSON', async () => {
    const doc = docOf('Li Yuhang, a 19-year-old student');
    const dry = await c(['ingest', doc, '--case', 'ASA 17/26', '--dry-run']);
    expect(dry.stdout).toContain(`person Li Yuhang — new, aged 19 on 21 November 2026, not Li Yuhan [${yuhan.slice(0, 10)}] (born 1951) by age\n`);
    expect(dry.stderr).not.toContain('--yes would record nothing');
    const out = JSON.parse((await c(['--json', 'ingest', doc, '--case', 'ASA 17/26', '--dry-run'])).stdout) as { candidates: Array<Record<string, unknown>> };
    expect(out.candidates.find((k) => k.kind === 'person')).toMatchObject({ action: 'new', tracked: null, closeTo: null, notByAge: { id: yuhan, name: 'Li Yuhan', recorded: 'born 1951' } });
  });
});

describe('ingest on a terminal given an age that cannot be the tracked person\'s', () => {
  it('asks even of their very name, saying so, and Enter adds someone new', async () => {
    const prompter = scriptedPrompter([ENTER, 'accept', true]);
    const r = await caselog(['ingest', docOf('Li Yuhan, a 19-year-old student'), '--case', 'ASA 17/26'], { db, today, tty: true, prompter });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('already tracked');
    expect(prompter.asked[0]).toMatch(new RegExp(`^"Li Yuhan" looks like someone tracked:\\n {2}".*"\\n {2}By age, not Li Yuhan \\[${yuhan.slice(0, 10)}\\] \\(born 1951\\): the document gives aged 19 on 21 November 2026$`));
    expect(prompter.choices[0]![0]!.name).toMatch(/^Another name of Li Yuhan \[p-\w+\]/);
    expect(await eventsOf(yuhan)).toEqual([]);
    expect(r.stderr).toContain('1 new person, 1 event');
  });
});
