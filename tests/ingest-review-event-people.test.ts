// The review's edit of an event asks whom it is about too: the document's people, those it names ticked.
import { describe, expect, it } from 'vitest';
import { caselog, ENTER, fileOf, scriptedPrompter, tempDb } from './helpers/cli';

describe('editing an event in the review', () => {
  it('changes whom it is about', async () => {
    const db = tempDb();
    const doc = 'Statement, 10 June 2021\n\nWang Hao was detained on 5 May 2021.\n\nLiu Mei was released on 20 May 2021.\n';
    const prompter = scriptedPrompter([ENTER, ENTER, 'edit', ENTER, ENTER, ['Liu Mei'], ENTER, 'accept', true]);
    const r = await caselog(['ingest', fileOf('doc.txt', doc)], { db, today: '2021-06-11', tty: true, prompter });
    expect(r.code, r.stderr).toBe(0);
    expect(prompter.asked).toContain('Who is it about?');
    const offered = prompter.choices.find((list) => list.some((x) => x.value === 'Liu Mei') && list.some((x) => x.value === 'Wang Hao'));
    expect(offered?.map((x) => [x.name, (x as { checked?: boolean }).checked])).toEqual([['Wang Hao', true], ['Liu Mei', false]]);
    const dates = async (who: string) => (JSON.parse((await caselog(['--json', 'timeline', who], { db })).stdout) as { events: Array<{ date: string }> }).events.map((e) => e.date);
    expect(await dates('Liu Mei')).toEqual(['2021-05-05', '2021-05-20']);
    expect(await dates('Wang Hao')).toEqual([]);
  });
});
