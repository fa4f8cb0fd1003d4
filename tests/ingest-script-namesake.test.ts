// A name the document writes in another script otherwise than the tracked person of those Latin
// letters ("Chen Xiaoyu (陈晓玉)", where the journalist Chen Xiaoyu is 陈晓宇) may be a namesake:
// asked about on a terminal, refused by --yes as a loose match is, with the commands that settle it.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, ENTER, fileOf, scriptedPrompter, tempDb } from './helpers/cli';

let db: string;
const today = '2020-10-02';
const c = (args: string[]) => caselog(args, { db, today });
const exported = async () => (await c(['export', '--format', 'json'])).stdout;
const NOTE = 'Case note, 2 October 2020\n\nChen Xiaoyu (陈晓玉), 23, a student at Nanjing University and no relation of the Wuhan journalist, was detained by police in Nanjing on 28 September 2020 for posting a poem online.\n';
let journalist: string;

beforeEach(async () => {
  db = tempDb();
  journalist = (JSON.parse((await c(['--json', 'add', 'person', 'Chen Xiaoyu', '--alias', '陈晓宇'])).stdout) as { id: string }).id.slice(0, 10);
});

describe('a tracked name written in another script otherwise', () => {
  it('--yes records nothing, and says how to tell them apart or join them', async () => {
    const before = await exported();
    const r = await c(['ingest', fileOf('note.txt', NOTE), '--yes']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`nothing was recorded: "Chen Xiaoyu" is the name of Chen Xiaoyu [${journalist}], but written 陈晓玉 in the document, where theirs is 陈晓宇: it may be someone else of that name.`);
    expect(r.stderr).toContain('add person "Chen Xiaoyu" --alias "陈晓玉" --new; then ingest it again');
    expect(await exported()).toBe(before);
    // Told apart as said, the student's detention is theirs, not the journalist's.
    expect((await c(['add', 'person', 'Chen Xiaoyu', '--alias', '陈晓玉', '--new'])).code).toBe(0);
    expect((await c(['ingest', fileOf('note.txt', NOTE), '--yes'])).code).toBe(0);
    expect((await c(['timeline', journalist])).stdout).not.toContain('28 September 2020');
    expect((await c(['show', journalist])).stdout).not.toContain('陈晓玉');
  });

  it('the same characters, spaced otherwise, are theirs', async () => {
    const r = await c(['ingest', fileOf('note.txt', NOTE.replace('陈晓玉', '陈 晓宇')), '--yes']);
    expect(r.code).toBe(0);
    expect((await c(['timeline', journalist])).stdout).toContain('28 September 2020');
  });

  it('on a terminal, is asked about, and Enter adds someone new', async () => {
    const prompter = scriptedPrompter([ENTER, 'accept', true]);
    expect((await caselog(['ingest', fileOf('note.txt', NOTE)], { db, today, tty: true, prompter })).code).toBe(0);
    expect(prompter.asked[0]).toContain('"Chen Xiaoyu" (also 陈晓玉) looks like someone tracked');
    expect(prompter.choices[0]![0]!.name).toBe(`Another name of Chen Xiaoyu [${journalist}] (written 陈晓玉 in the document, where theirs is 陈晓宇)`);
    expect((await c(['timeline', journalist])).stdout).not.toContain('28 September 2020');
  });
});
