// A document's name that is a tracked one but for its accents ("Trần Văn Lam" for "Trần Văn Lâm") is
// not one of their names: ingest confirms it as every other writing command does (tests/who-loose-
// confirm.test.ts), and takes a name differing only in capitals as theirs.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, ENTER, fileOf, scriptedPrompter, tempDb } from './helpers/cli';

let db: string;
const today = '2026-11-24';
const c = (args: string[]) => caselog(args, { db, today });
const docOf = (name: string) => fileOf('ua.txt', `URGENT ACTION\n\nASA 41/26, 21 November 2026\n\nBlogger arrested in Hue\n\n${name}, a blogger, was arrested on 19 November 2026 in Huế.\n`);
const onTerminal = (doc: string, answers: unknown[]) => {
  const prompter = scriptedPrompter(answers);
  return { prompter, result: caselog(['ingest', doc, '--case', 'ASA 41/26'], { db, today, tty: true, prompter }) };
};

beforeEach(async () => {
  db = tempDb();
  expect((await c(['add', 'case', '--ref', 'ASA 41/26', '--title', 'Viet Nam: bloggers'])).code).toBe(0);
  expect((await c(['add', 'person', 'Trần Văn Lâm', '--case', 'ASA 41/26'])).code).toBe(0);
});

describe('ingest of a name that is a tracked one but for its accents', () => {
  it('asks on a terminal, and adds someone new when told so', async () => {
    const { prompter, result } = onTerminal(docOf('Trần Văn Lam'), ['new', 'accept', true]);
    const r = await result;
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('already tracked');
    expect(prompter.asked[0]).toMatch(/^"Trần Văn Lam" looks like someone tracked:/);
    expect(prompter.choices[0]![0]!.name).toMatch(/^Another name of Trần Văn Lâm \[p-\w+\] \(same letters ignoring case and accents\)$/);
    expect(JSON.parse((await c(['--json', 'timeline', 'Trần Văn Lâm'])).stdout).events).toEqual([]);
    expect(JSON.parse((await c(['--json', 'timeline', 'Trần Văn Lam'])).stdout).events).toHaveLength(1);
  });

  it('on so clear a match, Enter (where the cursor starts) neither gives him the facts nor makes a duplicate of him', async () => {
    const { result } = onTerminal(docOf('Trần Văn Lam'), [ENTER, true]);
    const r = await result;
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Left out: 19 November 2026 arrest — the people it names were left out');
    expect(JSON.parse((await c(['--json', 'timeline', 'Trần Văn Lâm'])).stdout).events).toEqual([]);
    expect((await c(['list', 'people'])).stdout).not.toContain('Trần Văn Lam ');
  });

  it('is refused by --yes, naming him', async () => {
    const r = await c(['ingest', docOf('Trần Văn Lam'), '--case', 'ASA 41/26', '--yes']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^caselog: nothing was recorded: "Trần Văn Lam" is not a stored name; it looks like Trần Văn Lâm \[p-\w+\] \(same letters ignoring case and accents, score 0\.97\)/);
  });

  it('is taken without a question when only its capitals differ', async () => {
    expect((await c(['add', 'person', 'PHẠM ĐOAN TRANG', '--case', 'ASA 41/26'])).code).toBe(0);
    const { prompter, result } = onTerminal(docOf('Phạm Đoan Trang'), ['accept', true]);
    const r = await result;
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Phạm Đoan Trang: already tracked as PHẠM ĐOAN TRANG\n');
    expect(prompter.asked[0]).toMatch(/^Event: 19 November 2026 · arrest · PHẠM ĐOAN TRANG\n/);
  });
});
