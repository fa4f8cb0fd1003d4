// delete and undo: what goes with what, confirmation, and undo putting back exactly what was there.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, DEMO, scriptedPrompter, spawnCaselog, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2020-02-01' });
const onTerminal = (args: string[], answers: unknown[]) => {
  const prompter = scriptedPrompter(answers);
  return { prompter, result: caselog(args, { db, today: '2020-02-01', tty: true, prompter }) };
};
const json = async (args: string[]) => JSON.parse((await c(['--json', ...args])).stdout);
const exported = async () => (await c(['export', '--format', 'json'])).stdout;

beforeEach(async () => {
  db = tempDb();
  expect((await c(['import', DEMO])).code).toBe(0);
});

/** Kaster shares every demo event with Murager; give him one event and one deadline of his own. */
async function kasterAlone() {
  await c(['add', 'event', 'Kaster Musakhanuly', '--date', '2020-01-25', '--type', 'ill-treatment', '--summary', 'Beaten in pre-trial detention']);
  await c(['add', 'deadline', 'Kaster Musakhanuly', '--date', '2020-02-20', '--note', 'ask the lawyer about his injuries']);
  await c(['add', 'deadline', 'Kaster Musakhanuly', 'Murager Alimuly', '--date', '2020-02-10', '--note', 'visit both in Zaysan']);
}

describe('delete', () => {
  it('says a source id is not something it deletes, rather than looking for a person of that name', async () => {
    const source = JSON.parse((await c(['--json', 'timeline', 'Hemit Memet'])).stdout).events.find((e: { sources: unknown[] }) => e.sources.length > 0).sources[0].id as string;
    const r = await c(['delete', source.slice(0, 8), '--force']);
    expect(r).toMatchObject({ code: 1, stderr: expect.stringMatching(/^caselog: delete takes an event, deadline, person or case; a source stays with what it reported: correct it with caselog edit s-\w{8} /) });
    // Nor a name's id: names have commands of their own.
    expect((await c(['delete', 'n-0000', '--force'])).stderr).toBe('caselog: "n-0000" is a name id: edit takes an event, deadline, person, case, source or appeal target; delete, an event, deadline, person or case\n');
  });

  it('needs --force without a terminal, and changes nothing without it', async () => {
    const before = await exported();
    const r = await c(['delete', 'Hemit Memet']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^caselog: deleting Hemit Memet \[p-\w+\] needs confirmation: use --force \(caselog undo can put it back\)\n$/);
    expect(await exported()).toBe(before);
  });

  it('deletes a person with the events and deadlines naming only them, and unlinks them from shared ones', async () => {
    await kasterAlone();
    const r = await c(['delete', 'Kaster Musakhanuly', '--force']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Deleted Kaster Musakhanuly \[p-\w+\], with 1 event and 1 deadline; 9 records unlinked\./);
    expect((await c(['show', 'Kaster Musakhanuly'])).code).toBe(1);
    const murager = (await json(['timeline', 'Murager Alimuly'])).events;
    expect(murager).toHaveLength(7);
    expect(murager.every((e: { people: Array<{ name: string }> }) => e.people.map((p) => p.name).join() === 'Murager Alimuly')).toBe(true);
    const notes = (await json(['due', '--within', '60'])).map((d: { note: string }) => d.note);
    expect(notes).toContain('visit both in Zaysan');
    expect(notes).not.toContain('ask the lawyer about his injuries');
    expect((await c(['timeline', 'KZ 2019/12'])).stdout).not.toContain('Beaten in pre-trial detention');
  });

  it('on a terminal, shows what goes with a person and asks for the name typed', async () => {
    await kasterAlone();
    const { prompter, result } = onTerminal(['delete', 'Kaster Musakhanuly'], ['kaster musakhanuly']);
    const r = await result;
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('and 1 event that name only them:');
    expect(r.stderr).toContain('ill-treatment on 25 January 2020 (Kaster Musakhanuly): Beaten in pre-trial detention');
    expect(r.stderr).toContain('ask the lawyer about his injuries');
    expect(r.stderr).toContain('7 events shared with others stay, without them');
    expect(r.stderr).toContain('2 deadlines shared with others stay, without them');
    expect(prompter.asked).toEqual(['Type the name "Kaster Musakhanuly" to delete:']);
  });

  it('on a terminal, deletes nothing when the name typed is not the name', async () => {
    const before = await exported();
    const { result } = onTerminal(['delete', 'KZ 2019/12'], ['KZ 2019']);
    const r = await result;
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nothing deleted: "KZ 2019" is not "KZ 2019/12"');
    expect(await exported()).toBe(before);
  });

  // A no is an answer, not a cancelled prompt (130, which shells read as Ctrl-C): refused, exit 1, as a
  // delete that nobody confirms is without a terminal (spec: exit codes).
  it('on a terminal, deletes nothing after a no, exiting 1 as an unconfirmed delete does', async () => {
    const before = await exported();
    const [first] = (await json(['timeline', 'Hemit Memet'])).events;
    const r = await onTerminal(['delete', first.id], [false]).result;
    expect(r).toMatchObject({ code: 1, stderr: expect.stringMatching(/caselog: nothing deleted\n$/) });
    expect(await exported()).toBe(before);
  });

  it('deletes one event after a yes on a terminal, found by a prefix of its id', async () => {
    const [first] = (await json(['timeline', 'Hemit Memet'])).events;
    const { prompter, result } = onTerminal(['delete', first.id.slice(0, 6)], [true]);
    expect((await result).code).toBe(0);
    expect(prompter.asked[0]).toMatch(/^Delete (arrest|asylum-application|other) in (c\. )?1998/);
    expect((await json(['timeline', 'Hemit Memet'])).events.map((e: { id: string }) => e.id)).not.toContain(first.id);
  });

  it("deletes a case with its events and deadlines; its people stay, outside any case", async () => {
    const r = await c(['delete', 'UA 77/98', '--force']);
    expect(r.stderr).toMatch(/Deleted case UA 77\/98 — Fear of torture \/ fear of execution \[c-\w+\], with 6 events and 1 deadline; 3 records unlinked/);
    const hemit = await json(['show', 'Hemit Memet']);
    expect(hemit).toMatchObject({ cases: [], eventCount: 0, status: 'unknown' });
    expect((await c(['due', '--within', '10000'])).stdout).not.toContain('International Secretariat');
  });
});

describe('undo', () => {
  it('puts back a deleted person with shared events exactly: the export is byte for byte the same', async () => {
    await kasterAlone();
    const before = await exported();
    await c(['delete', 'Kaster Musakhanuly', '--force']);
    expect(await exported()).not.toBe(before);
    const r = await c(['undo']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^Undid "caselog delete" of \d{4}-\d\d-\d\d \d\d:\d\d: put back Kaster Musakhanuly \[p-\w+\] and 11 other records as before\n$/);
    expect(await exported()).toBe(before);
    expect((await json(['show', 'Kaster Musakhanuly'])).status).toBe('imprisoned');
  });

  it('puts back a deleted case with its events, deadlines, appeal plan and links exactly', async () => {
    const before = await exported();
    await c(['delete', 'UA 77/98', '--force']);
    await c(['undo']);
    expect(await exported()).toBe(before);
    expect((await json(['show', 'Hemit Memet']))).toMatchObject({ status: 'returned', cases: [{ ref: 'UA 77/98' }] });
  });

  it('walks back one change at a time, skipping what it already undid, and says what it reversed', async () => {
    const before = await exported();
    await c(['status', 'Hemit Memet', 'disappeared']);
    await c(['risk', 'Hemit Memet', '--add', 'health']);
    await c(['close', 'UA 77/98']);
    const [deadline] = await json(['due']);
    await c(['done', deadline.id]);
    await c(['edit', 'Hemit Memet', '--citizenship', 'Chinese (Uighur)']);
    const said: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await c(['undo']);
      expect(r.code).toBe(0);
      said.push(r.stderr);
    }
    expect(said.map((s) => /"caselog ([a-z-]+)"/.exec(s)?.[1])).toEqual(['edit', 'done', 'close', 'risk', 'status']);
    expect(said[4]).toContain('removed status on 1 February 2020: status set to disappeared');
    expect(await exported()).toBe(before);
    expect((await json(['show', 'Hemit Memet'])).status).toBe('returned');
    // Then the import that filled the database, and then nothing is left.
    expect((await c(['undo'])).stderr).toMatch(/^Undid "caselog import" \(.*demo\.json\) of .*: removed case KZ 2019\/12 \[c-\w+\] and 35 other records\n$/);
    expect(await c(['undo'])).toMatchObject({ code: 1, stderr: 'caselog: nothing to undo\n' });
  });

  it('removes what an add added', async () => {
    await c(['add', 'person', 'Ablikim Abdiriyim', '--risk', 'torture']);
    const r = await c(['undo']);
    expect(r.stderr).toMatch(/Undid "caselog add person" .*: removed Ablikim Abdiriyim/);
    expect((await c(['show', 'Ablikim Abdiriyim'])).code).toBe(1);
  });

  it('works the same in the real binary', async () => {
    const env = { CASELOG_DB: tempDb(), CASELOG_TODAY: '2020-02-01' };
    expect(spawnCaselog(['import', DEMO], env).code).toBe(0);
    const before = spawnCaselog(['export', '--format', 'json'], env).stdout;
    const refused = spawnCaselog(['delete', 'KZ 2019/12'], env);
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    expect(refused.stderr).toContain('use --force');
    expect(spawnCaselog(['delete', 'KZ 2019/12', '--force'], env).code).toBe(0);
    expect(spawnCaselog(['show', 'Kaster Musakhanuly'], env).stdout).toContain('cases: none');
    expect(spawnCaselog(['undo'], env).stderr).toContain('Undid "caselog delete"');
    expect(spawnCaselog(['export', '--format', 'json'], env).stdout).toBe(before);
  });
});
