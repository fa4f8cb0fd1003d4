// What was sent and what came back: events in the timeline, counts, due and at-risk, export/import.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3-multiple-ciphers';
import { MIGRATIONS } from '../src/store/schema';
import { appealAnswers } from '../src/store/migrations/006-appeal-answers';
import { DEMO, caselog, tempDb } from './helpers/cli';
import { withSearchOfSchema } from './helpers/old-search';

let db: string;
const c = (args: string[], today = '1999-03-01') => caselog(args, { db, today });
const CHINA = ['--target', 'JIANG Zemin', '--target', 'XIAO Yang', '--target', 'ABDULAHAT Abdurixit'];
const KAZAKSTAN = ['--target', 'NAZARBAYEV', '--target', 'ABDILDIN', '--target', 'TOKAYEV'];

/** The plan's counts as `appeal plan --json` gives them, as of a day when every letter here had gone. */
async function summary() {
  const plan = JSON.parse((await c(['--json', 'appeal', 'plan', 'UA 77/98'], '1999-12-31')).stdout) as { targets: unknown[]; sent: number; answered: number };
  return { targets: plan.targets.length, sent: plan.sent, answered: plan.answered };
}

beforeEach(async () => {
  db = tempDb();
  expect((await c(['import', DEMO])).code).toBe(0);
});

describe('appeal sent and response', () => {
  it('records one appeal event a target on the case, shown in the timeline and counted', async () => {
    expect(await summary()).toEqual({ targets: 6, sent: 0, answered: 0 });
    const sent = await c(['appeal', 'sent', 'UA 77/98', ...CHINA, '--via', 'fax', '--date', '2 March 1999']);
    expect(sent.code).toBe(0);
    expect(sent.stderr).toContain('Recorded appeal to XIAO Yang on 2 March 1999 by fax (UA 77/98)');
    const timeline = (await c(['timeline', 'UA 77/98'])).stdout;
    expect(timeline.match(/2 March 1999 {2}appeal/g)).toHaveLength(3);
    expect(timeline).toContain("Appeal sent by fax to President of the Supreme People's Court of the People's Republic of China (XIAO Yang)");
    expect(await summary()).toEqual({ targets: 6, sent: 3, answered: 0 });

    const reply = await c(['appeal', 'response', 'UA 77/98', '--target', 'XIAO Yang', '--date', '10 April 1999', '--response', 'denial',
      '--note', 'says the three men are held lawfully']);
    expect(reply.code).toBe(0);
    // Recorded before it can have come (today is 1 March 1999): most likely a mistyped date.
    expect(reply.stderr).toContain('note: the answer is dated 10 April 1999, after today: check the date (caselog undo takes it back)');
    await c(['appeal', 'sent', 'UA 77/98', '--target', 'TOKAYEV', '--date', '1999-02-20']);
    const onTime = await c(['appeal', 'response', 'UA 77/98', '--target', 'TOKAYEV', '--date', '1999-02-28', '--response', 'none']);
    expect(onTime.code).toBe(0);
    expect(onTime.stderr).not.toContain('after today');
    expect(onTime.stderr).not.toContain('before the first letter');
    const early = await c(['appeal', 'response', 'UA 77/98', '--target', 'TOKAYEV', '--date', '1999-02-10', '--response', 'token']);
    expect(early.stderr).toContain('note: the answer is dated 10 February 1999, before the first letter to Kasymzhomart Kemel-uly TOKAYEV (20 February 1999): check the date (caselog undo takes it back)');
    expect((await c(['undo'])).code).toBe(0);
    // Known only to the month of the letter: it may be after it.
    const month = await c(['appeal', 'response', 'UA 77/98', '--target', 'TOKAYEV', '--date', 'February 1999', '--response', 'token']);
    expect(month.code).toBe(0);
    expect(month.stderr).toMatch(/^Recorded token reply from Kasymzhomart Kemel-uly TOKAYEV in February 1999 \(UA 77\/98\) \[e-\w{8}\]\n$/);
    expect((await c(['undo'])).code).toBe(0);
    await c(['appeal', 'response', 'UA 77/98', '--target', 'JIANG Zemin', '--date', '1 May 1999', '--response', 'none']);
    const after = (await c(['timeline', 'UA 77/98'])).stdout;
    expect(after).toContain('10 April 1999  appeal');
    expect(after).toContain('Reply to the appeal denying the allegations: says the three men are held lawfully');
    expect(after).toContain("by XIAO Yang, President of the Supreme People's Court");
    expect(after).toContain("1 May 1999  appeal");
    expect(after).toContain("No reply to the appeal yet from President of the People's Republic of China (JIANG Zemin)");
    // "none" is not an answer.
    expect(await summary()).toEqual({ targets: 6, sent: 4, answered: 1 });
    // Counted as of a day when all of them had happened (a letter or answer after today has not yet).
    const plan = (await c(['appeal', 'plan', 'UA 77/98'], '1999-05-01')).stdout;
    expect(plan).toContain('6 targets, written to 4, answered by 1');
    expect(plan).toContain('sent 2 March 1999 by fax · answered 10 April 1999: denial');
    expect((await c(['show', 'UA 77/98'], '1999-05-01')).stdout).toContain('appeals: written to 4 of 6 targets, 1 answered');
    expect((await c(['at-risk'], '1999-05-01')).stdout).toContain('appeals: written to 4 of 6 targets, 1 answered');
  });

  it("leaves an authority's answer out of the people's latest news, as the letters are: it is no news of them", async () => {
    const news = async () => (JSON.parse((await c(['--json', 'at-risk'], '2020-02-01')).stdout) as Array<{ name: string; latestNews: { date: string } | null }>)
      .filter((p) => ['Hemit Memet', 'Kasim Mahpir', 'Ilyas Zordun'].includes(p.name)).map((p) => p.latestNews?.date);
    const before = await news();
    expect(before).toHaveLength(3);
    await c(['appeal', 'sent', 'UA 77/98', '--target', 'JIANG Zemin', '--via', 'email', '--date', '2020-01-10'], '2020-02-01');
    for (const response of ['token', 'denial', 'commitment', 'favourable']) {
      expect((await c(['appeal', 'response', 'UA 77/98', '--target', 'JIANG Zemin', '--response', response, '--date', '2020-01-30'], '2020-02-01')).code).toBe(0);
    }
    expect(await news()).toEqual(before);
    expect((await c(['at-risk'], '2020-02-01')).stdout).not.toContain('latest news 30 January 2020');
  });

  it('takes, in a database an earlier caselog kept, the answers recorded as statements out of the latest news', async () => {
    await c(['appeal', 'sent', 'UA 77/98', '--target', 'JIANG Zemin', '--date', '2020-01-10'], '2020-02-01');
    await c(['appeal', 'response', 'UA 77/98', '--target', 'JIANG Zemin', '--response', 'token', '--date', '2020-01-30'], '2020-02-01');
    const news = async () => JSON.parse((await c(['--json', 'show', 'Hemit Memet'], '2020-02-01')).stdout).latestNews.date as string;
    const kept = await news();
    // As the caselog before schema 6 left it: the answer a statement, and the news it made stored.
    const raw = new Database(db);
    raw.prepare(`UPDATE events SET type = 'statement' WHERE id IN (SELECT event_id FROM appeal_records WHERE kind = 'response')`).run();
    raw.prepare(`UPDATE people SET latest_news = '2020-01-30', latest_news_text = '30 January 2020', latest_news_approx = 0`).run();
    raw.close();
    withSearchOfSchema(db, MIGRATIONS.indexOf(appealAnswers));
    expect(await news()).toBe(kept);
    expect((await c(['timeline', 'UA 77/98'], '2020-02-01')).stdout).toContain('30 January 2020  appeal');
  });

  it('leaves an answer the user retyped (as a release) as it is when the database is upgraded', async () => {
    await c(['appeal', 'sent', 'UA 77/98', '--target', 'JIANG Zemin', '--date', '2020-01-10'], '2020-02-01');
    await c(['appeal', 'response', 'UA 77/98', '--target', 'JIANG Zemin', '--response', 'favourable', '--date', '2020-01-30'], '2020-02-01');
    const raw = new Database(db);
    raw.prepare(`UPDATE events SET type = 'release' WHERE id IN (SELECT event_id FROM appeal_records WHERE kind = 'response')`).run();
    raw.close();
    withSearchOfSchema(db, MIGRATIONS.indexOf(appealAnswers));
    expect((await c(['timeline', 'UA 77/98'], '2020-02-01')).stdout).toContain('30 January 2020  release');
    // And in an export of it, read into a new database.
    const file = join(mkdtempSync(join(tmpdir(), 'caselog-answers-')), 'retyped.json');
    writeFileSync(file, (await c(['export'])).stdout);
    db = tempDb();
    expect((await c(['import', file])).code).toBe(0);
    expect((await c(['timeline', 'UA 77/98'], '2020-02-01')).stdout).toContain('30 January 2020  release');
  });

  it('reads an export written before answers were appeal events: unchanged here, an appeal event in a new database', async () => {
    await c(['appeal', 'sent', 'UA 77/98', '--target', 'JIANG Zemin', '--date', '2020-01-10'], '2020-02-01');
    await c(['appeal', 'response', 'UA 77/98', '--target', 'JIANG Zemin', '--response', 'denial', '--date', '2020-01-30'], '2020-02-01');
    const doc = JSON.parse((await c(['export'])).stdout);
    const answer = doc.appeals.find((a: { kind: string }) => a.kind === 'response').id as string;
    const event = doc.events.find((e: { id: string }) => e.id === answer);
    expect(event.type).toBe('appeal');
    event.type = 'statement';
    const file = join(mkdtempSync(join(tmpdir(), 'caselog-answers-')), 'older.json');
    writeFileSync(file, JSON.stringify(doc));
    const again = await c(['import', file]);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/0 added, 0 updated/);
    db = tempDb();
    expect((await c(['import', file])).code).toBe(0);
    expect((await c(['timeline', 'UA 77/98'], '2020-02-01')).stdout).toContain('30 January 2020  appeal');
    expect(JSON.parse((await c(['--json', 'show', 'Hemit Memet'], '2020-02-01')).stdout).latestNews.date).toBe('1999-02-11');
  });

  it('keeps an answer an appeal event when undo takes back a change logged before answers were (its snapshot a statement)', async () => {
    await c(['appeal', 'sent', 'UA 77/98', '--target', 'JIANG Zemin', '--date', '2020-01-10'], '2020-02-01');
    const answer = /\[(e-\w+)\]/.exec((await c(['appeal', 'response', 'UA 77/98', '--target', 'JIANG Zemin', '--response', 'token', '--date', '2020-01-30'], '2020-02-01')).stderr)![1]!;
    for (const change of [['edit', answer, '--summary', 'Acknowledged receipt'], ['delete', answer, '--force']]) {
      expect((await c(change, '2020-02-01')).code).toBe(0);
      // As an earlier caselog logged it: the answer a statement before the change.
      // (Written here past the log's guard, as only an erase may: the log is append-only.)
      const raw = new Database(db);
      raw.exec('INSERT INTO erase_in_progress VALUES (1)');
      raw.prepare(`UPDATE changes SET before = json_set(before, '$.type', 'statement') WHERE record_id LIKE ? AND kind = 'events' AND before IS NOT NULL`).run(`${answer}%`);
      raw.exec('DELETE FROM erase_in_progress');
      raw.close();
      expect((await c(['undo'], '2020-02-01')).code).toBe(0);
      expect((await c(['timeline', 'UA 77/98'], '2020-02-01')).stdout).toContain('30 January 2020  appeal');
      expect(JSON.parse((await c(['--json', 'show', 'Hemit Memet'], '2020-02-01')).stdout).latestNews.date).toBe('1999-02-11');
    }
  });

  it('counts a target once however often it was written to, and adds an unplanned one to the plan', async () => {
    await c(['appeal', 'sent', 'UA 77/98', '--target', 'JIANG Zemin', '--date', '2 March 1999']);
    await c(['appeal', 'sent', 'UA 77/98', '--target', 'JIANG Zemin', '--date', '2 April 1999']);
    expect(await summary()).toEqual({ targets: 6, sent: 1, answered: 0 });
    await c(['add', 'target', 'LI Peng', '--title', 'Chairman of the Standing Committee of the National People\'s Congress', '--address', 'Beijingshi']);
    const r = await c(['appeal', 'sent', 'UA 77/98', '--target', 'LI Peng']);
    expect(r.stderr).toContain('LI Peng was not in the appeal plan of UA 77/98: added');
    expect(await summary()).toEqual({ targets: 7, sent: 2, answered: 0 });
  });

  it('refuses an answer from a target outside the plan, changing nothing and counting nothing', async () => {
    await c(['add', 'target', 'Other Official', '--title', 'Governor', '--address', 'x']);
    await c(['appeal', 'sent', 'UA 77/98', '--target', 'JIANG Zemin']);
    const before = (await c(['export'])).stdout;
    const r = await c(['appeal', 'response', 'UA 77/98', '--target', 'Other Official', '--date', '1999-03-01', '--response', 'token']);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toBe('caselog: Other Official is not among the appeal targets of UA 77/98: '
      + 'add them first with caselog appeal plan "UA 77/98" --target "Other Official"\n');
    expect((await c(['export'])).stdout).toBe(before);
    expect(await summary()).toEqual({ targets: 6, sent: 1, answered: 0 });
    expect((await c(['due'])).stdout).toContain('appeals not sent to 5 of 6 targets');
    expect((await c(['show', 'UA 77/98'])).stdout).toContain('appeals: written to 1 of 6 targets, 0 answered');

    // A case without a plan gets none from an answer either.
    const kz = await c(['appeal', 'response', 'KZ 2019/12', '--target', 'JIANG Zemin', '--date', '2020-02-01', '--response', 'denial']);
    expect(kz.code).toBe(1);
    expect(kz.stderr).toContain('JIANG Zemin is not among the appeal targets of KZ 2019/12');
    expect((await c(['export'])).stdout).toBe(before);
  });

  it('gives timeline events the appeal object of appeal sent and response --json', async () => {
    const sent = JSON.parse((await c(['--json', 'appeal', 'sent', 'UA 77/98', '--target', 'XIAO Yang', '--target', 'TOKAYEV', '--via', 'fax'])).stdout);
    const reply = JSON.parse((await c(['--json', 'appeal', 'response', 'UA 77/98', '--target', 'XIAO Yang', '--date', '1999-03-01',
      '--response', 'denial'])).stdout);
    const xiao = expect.stringMatching(/^t-[0-9a-z]+$/);
    expect(sent[0].appeal).toEqual({ target: xiao, kind: 'sent', via: 'fax' });
    expect(reply.appeal).toEqual({ target: sent[0].appeal.target, kind: 'response', response: 'denial', note: null });
    expect(sent[1].appeal).toMatchObject({ kind: 'sent', via: 'fax' });
    const timeline = JSON.parse((await c(['--json', 'timeline', 'UA 77/98'])).stdout) as { events: Array<{ id: string; appeal?: unknown }> };
    const appealOf = (id: string) => timeline.events.find((t) => t.id === id)!.appeal;
    expect(appealOf(sent[0].id)).toEqual({ target: xiao, kind: 'sent', via: 'fax' });
    expect(sent[1].appeal.target).not.toBe(sent[0].appeal.target);
    expect(appealOf(sent[1].id)).toMatchObject({ kind: 'sent', via: 'fax' });
    expect(appealOf(reply.id)).toEqual({ target: sent[0].appeal.target, kind: 'response', response: 'denial', note: null });
    const appealIds = new Set([...sent, reply].map((e) => e.id as string));
    expect(timeline.events.filter((t) => !appealIds.has(t.id)).some((t) => 'appeal' in t)).toBe(false);
  });

  it('keeps the latest news of the people: neither a letter sent nor an answer to it is news of them', async () => {
    const news = async (today?: string) => JSON.parse((await c(['--json', 'at-risk'], today)).stdout).find((p: { name: string }) => p.name === 'Kasim Mahpir');
    await c(['appeal', 'sent', 'UA 77/98', '--target', 'TOKAYEV', '--date', '2 March 1999']);
    expect((await news()).latestNews.date).toBe('1999-02-11');
    await c(['appeal', 'response', 'UA 77/98', '--target', 'TOKAYEV', '--date', '20 March 1999', '--response', 'token'], '1999-04-01');
    expect((await news()).latestNews.date).toBe('1999-02-11');
    const person = await news('1999-04-01');
    expect(person.latestNews.date).toBe('1999-02-11');
    expect(person.appeals).toEqual({ targets: 6, sent: 1, answered: 1 });
    expect((await c(['at-risk'], '1999-04-01')).stdout).toContain('appeals: written to 1 of 6 targets, 1 answered');
  });

  it('refuses an unknown target, a missing answer, and changes nothing', async () => {
    const before = (await c(['export'])).stdout;
    // No reply from someone never written to: the plan would have shown a letter awaited.
    const unsent = await c(['appeal', 'response', 'UA 77/98', '--target', 'TOKAYEV', '--response', 'none']);
    expect(unsent).toMatchObject({ code: 1, stdout: '' });
    expect(unsent.stderr).toMatch(/^caselog: no appeal to Kasymzhomart Kemel-uly TOKAYEV is recorded as sent for UA 77\/98, so no reply is awaited: record the letter first with caselog appeal sent "UA 77\/98" --target "Kasymzhomart Kemel-uly TOKAYEV"\n$/);
    const unknown = await c(['appeal', 'sent', 'UA 77/98', '--target', 'Jiang Zhemin']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('nearest: JIANG Zemin');
    expect((await c(['appeal', 'response', 'UA 77/98', '--target', 'XIAO Yang', '--date', '1999-04-01'])).code).toBe(2);
    expect((await c(['appeal', 'response', 'UA 77/98', '--target', 'XIAO Yang', '--date', '1999-04-01', '--response', 'maybe'])).code).toBe(2);
    expect((await c(['appeal', 'sent', 'UA 77/98', '--target', 'President'])).stderr).toContain('fits several targets');
    expect((await c(['export'])).stdout).toBe(before);
  });
});

describe('appeals dated after today', () => {
  it('are recorded, marked in the plan, and not counted as sent or answered until their day', async () => {
    await c(['appeal', 'sent', 'UA 77/98', '--target', 'ABDILDIN', '--date', '1999-04-04', '--via', 'post']);
    expect((await c(['due'])).stdout).toContain('appeals not sent to 6 of 6 targets');
    const plan = (await c(['appeal', 'plan', 'UA 77/98'])).stdout;
    expect(plan).toContain('6 targets, written to 0, answered by 0');
    expect(plan).toContain('sent 4 April 1999 by post (after today)');
    expect((await c(['due'], '1999-04-05')).stdout).toContain('appeals not sent to 5 of 6 targets');
    // An answer after today is no answer yet either.
    await c(['appeal', 'sent', 'UA 77/98', '--target', 'TOKAYEV', '--date', '1999-02-20']);
    await c(['appeal', 'response', 'UA 77/98', '--target', 'TOKAYEV', '--date', '1999-03-20', '--response', 'denial']);
    const answered = (await c(['appeal', 'plan', 'UA 77/98'])).stdout;
    expect(answered).toContain('6 targets, written to 1, answered by 0');
    expect(answered).toContain('answered 20 March 1999 (after today): denial');
    expect((await c(['appeal', 'plan', 'UA 77/98'], '1999-03-21')).stdout).toContain('6 targets, written to 1, answered by 1');
  });
});

describe('due knows about appeals', () => {
  it('says how many targets have not been written to, and stops once all are', async () => {
    const first = (await c(['due'])).stdout;
    expect(first).toContain('before sending appeals — check before 15 March 1999 (in 14 days)\n  appeals not sent to 6 of 6 targets');
    await c(['appeal', 'sent', 'UA 77/98', ...CHINA, '--via', 'post']);
    expect((await c(['due'])).stdout).toContain('appeals not sent to 3 of 6 targets');
    const [item] = JSON.parse((await c(['--json', 'due'])).stdout);
    expect(item.appeals).toEqual({ targets: 6, sent: 3, answered: 0 });
    await c(['appeal', 'sent', 'UA 77/98', ...KAZAKSTAN, '--via', 'fax']);
    const done = (await c(['due'])).stdout;
    expect(done).toContain('check before 15 March 1999 (in 14 days)');
    expect(done).not.toContain('appeals not sent');
  });

  it("puts the reminder under the case's deadline about appeals, even when another falls due first", async () => {
    expect((await c(['add', 'deadline', 'UA 77/98', '--date', '1999-03-05', '--note', 'follow up with the lawyer on custody conditions'])).code).toBe(0);
    expect((await c(['add', 'deadline', 'UA 77/98', '--date', '1999-03-06', '--note', 'appeal hearing at the regional court'])).code).toBe(0);
    const blocks = (await c(['due'])).stdout.split('\n\n');
    expect(blocks[0]).toContain('follow up with the lawyer on custody conditions');
    expect(blocks[0]).not.toContain('appeals not sent');
    expect(blocks[1]).toContain('appeal hearing at the regional court');
    expect(blocks[1]).not.toContain('appeals not sent');
    expect(blocks[2]).toContain('before sending appeals — check before 15 March 1999 (in 14 days)\n  appeals not sent to 6 of 6 targets');
  });

  it('says nothing about appeals for a case without a plan', async () => {
    const blocks = (await c(['due', '--within', '400'], '2019-12-20')).stdout.split('\n\n');
    const kz = blocks.filter((b) => b.startsWith('KZ 2019/12'));
    expect(kz).toHaveLength(2);
    expect(kz.join('\n')).not.toContain('appeals not sent');
    expect(blocks.find((b) => b.startsWith('UA 77/98'))).toContain('appeals not sent to 6 of 6 targets');
  });
});

describe('export and import', () => {
  it('keeps targets, plans, letters sent and answers unchanged through export and import', async () => {
    await c(['appeal', 'sent', 'UA 77/98', ...CHINA, '--via', 'fax', '--date', '2 March 1999']);
    await c(['appeal', 'response', 'UA 77/98', '--target', 'XIAO Yang', '--date', '10 April 1999', '--response', 'commitment', '--note', 'will look into it']);
    const first = (await c(['export', '--format', 'json'])).stdout;
    const doc = JSON.parse(first);
    expect(Object.keys(doc)).toEqual(['format', 'version', 'cases', 'sources', 'targets', 'people', 'events', 'deadlines', 'plans', 'appeals']);
    expect(doc.targets).toHaveLength(6);
    expect(doc.plans[0].actions[4].targets).toEqual(doc.plans[0].targets.slice(3));
    expect(doc.appeals.map((a: { kind: string }) => a.kind).sort()).toEqual(['response', 'sent', 'sent', 'sent']);

    const file = join(mkdtempSync(join(tmpdir(), 'caselog-appeals-')), 'export.json');
    writeFileSync(file, first);
    const copy = tempDb();
    const imported = await caselog(['import', file], { db: copy });
    expect(imported.stderr).toContain('unchanged');
    expect((await caselog(['export', '--format', 'json'], { db: copy })).stdout).toBe(first);
    const again = await caselog(['import', file], { db: copy });
    expect(again.stderr).toMatch(/0 added, 0 updated, \d+ unchanged/);
    const timeline = (await caselog(['timeline', 'UA 77/98'], { db: copy, today: '1999-05-01' })).stdout;
    expect(timeline).toContain('Reply to the appeal with a commitment: will look into it');
    const plan = (await caselog(['appeal', 'plan', 'UA 77/98'], { db: copy })).stdout;
    expect(plan).toContain('6 targets, written to 3, answered by 1');
  });

  it('refuses an appeal record whose target is unknown, importing nothing', async () => {
    await c(['appeal', 'sent', 'UA 77/98', '--target', 'JIANG Zemin']);
    const withSent = JSON.parse((await c(['export'])).stdout);
    withSent.appeals[0].target = 't-0000000000000000';
    const file = join(mkdtempSync(join(tmpdir(), 'caselog-appeals-')), 'bad.json');
    writeFileSync(file, JSON.stringify(withSent));
    const copy = tempDb();
    const r = await caselog(['import', file], { db: copy });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('refers to an unknown target t-0000000000000000; nothing was imported');
    // A refused import into a new path leaves no database behind.
    expect(existsSync(copy)).toBe(false);
  });

  it.each([
    ['a target twice', (plan: { targets: string[] }) => plan.targets.push(plan.targets[0]!), '"targets" names a target twice'],
    ['an action twice', (plan: { actions: unknown[] }) => plan.actions.push(plan.actions[0]), '"actions" has the same text twice'],
  ])('refuses a plan naming %s with one plain line, importing nothing', async (_what, spoil, message) => {
    const doc = JSON.parse((await c(['export'])).stdout);
    spoil(doc.plans[0]);
    const file = join(mkdtempSync(join(tmpdir(), 'caselog-appeals-')), 'twice.json');
    writeFileSync(file, JSON.stringify(doc));
    const copy = tempDb();
    const r = await caselog(['import', file], { db: copy });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^caselog: [^\\n]*plans\\[0\\][^\\n]*${message.replace(/"/g, '"')}; nothing was imported\\n$`));
    // A refused import into a new path leaves no database behind.
    expect(existsSync(copy)).toBe(false);
  });

  it('refuses the same letter recorded twice, and dates an answer today unless told', async () => {
    await c(['appeal', 'sent', 'UA 77/98', '--target', 'JIANG Zemin', '--via', 'post', '--date', '18 February 1999']);
    const before = (await c(['export'])).stdout;
    const again = await c(['appeal', 'sent', 'UA 77/98', '--target', 'JIANG Zemin', '--via', 'post', '--date', '18 February 1999']);
    expect(again).toMatchObject({ code: 1, stderr: expect.stringMatching(/^caselog: the appeal to JIANG Zemin on 18 February 1999 by post is already recorded \[e-[0-9a-z]{8}\]: nothing was recorded\n$/) });
    expect((await c(['export'])).stdout).toBe(before);
    expect((await c(['appeal', 'sent', 'UA 77/98', '--target', 'JIANG Zemin', '--via', 'fax', '--date', '18 February 1999'])).code).toBe(0);
    const reply = await c(['appeal', 'response', 'UA 77/98', '--target', 'JIANG Zemin', '--response', 'none'], '1999-04-01');
    expect(reply.code).toBe(0);
    expect(reply.stderr).toContain('on 1 April 1999');
    const twice = await c(['appeal', 'response', 'UA 77/98', '--target', 'JIANG Zemin', '--response', 'none'], '1999-04-01');
    expect(twice).toMatchObject({ code: 1, stderr: expect.stringMatching(/JIANG Zemin's lack of a reply on 1 April 1999 is already recorded \[e-[0-9a-z]{8}\]: nothing was recorded\n$/) });
    // Another answer of the same kind that day, saying something else, is its own.
    expect((await c(['appeal', 'response', 'UA 77/98', '--target', 'JIANG Zemin', '--response', 'token', '--note', 'acknowledged'], '1999-04-02')).code).toBe(0);
    expect((await c(['appeal', 'response', 'UA 77/98', '--target', 'JIANG Zemin', '--response', 'token', '--note', 'asked for names'], '1999-04-02')).code).toBe(0);
  });
});

describe("at-risk's appeals line", () => {
  it("counts the plans of a person's open cases only: a closed case's letters are not this week's work", async () => {
    // Hemit Memet also in a second case, its plan written to in full and then closed.
    expect((await c(['add', 'case', '--ref', 'UA 1/99', '--title', 'Earlier action', '--opened', '1999-01-05'], '1999-01-05')).code).toBe(0);
    expect((await c(['edit', 'Hemit Memet', '--case', 'UA 77/98', '--case', 'UA 1/99'])).code).toBe(0);
    expect((await c(['appeal', 'plan', 'UA 1/99', '--target', 'TOKAYEV', '--action', 'seeking assurance'])).code).toBe(0);
    expect((await c(['appeal', 'sent', 'UA 1/99', '--target', 'TOKAYEV', '--via', 'fax', '--date', '1999-01-10'])).code).toBe(0);
    const hemit = async (today: string) => {
      const out = (await c(['at-risk'], today)).stdout;
      return out.slice(out.indexOf('Hemit Memet')).split('\n\n')[0]!;
    };
    expect(await hemit('1999-03-01')).toContain('appeals: written to 1 of 7 targets, 0 answered');
    expect((await c(['close', 'UA 1/99', '--date', '1999-03-01'], '1999-03-01')).code).toBe(0);
    expect(await hemit('1999-03-02')).toContain('appeals: written to 0 of 6 targets, 0 answered');
  });
});
