// show and list, end to end against the demo data (two cases, six people).
import { beforeEach, describe, expect, it } from 'vitest';
import { run } from '../src/program';
import { atRiskBlocks, caselog, DEMO, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[], opts: { tty?: boolean; env?: Record<string, string> } = {}) => caselog(args, { db, today: '2020-02-01', ...opts });

beforeEach(async () => {
  db = tempDb();
  expect((await c(['import', DEMO])).code).toBe(0);
});

describe('show', () => {
  it("gives a person's card: names, case, age, status with the event that set it, risks, news, next deadline, counts", async () => {
    const r = await c(['show', 'Qaster Musakhanuly']);
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out).toMatch(/^Kaster Musakhanuly {2}p-[0-9a-z]{8}\n/);
    expect(out).toContain('also known as: Qaster Musakhanuly, Қастер Мұсаханұлы');
    expect(out).toContain('cases: KZ 2019/12');
    expect(out).toMatch(/aged \d+ in .*\(born c\. \d{4}\)/);
    expect(out).toContain('ethnicity: Kazakh');
    expect(out).toMatch(/status: imprisoned since 21 January 2020, set by sentence: Sentenced to one year/);
    expect(out).toContain('risks: torture, refoulement, arbitrary-detention, unfair-trial');
    expect(out).toContain('latest news: 21 January 2020 (11 days ago)');
    expect(out).toContain('next deadline: hearing resumes in Zaysan: be ready to act on the verdict — 21 January 2020 (11 days overdue)');
    expect(out).toMatch(/record: 7 events, [1-9] sources?/);
  });

  it('says a recorded status is recorded, not set by an event', async () => {
    const out = (await c(['show', 'Sayragul Sauytbai'])).stdout;
    expect(out).toMatch(/status: protected, as recorded/);
    expect(out).toContain('cases: none');
    expect(out).toContain('next deadline: none open');
  });

  it("says on a closed case's card that due leaves its deadlines out", async () => {
    await c(['close', 'UA 77/98']);
    const card = (await c(['show', 'UA 77/98'])).stdout;
    expect(card).toContain('deadlines not done (the case is closed: due leaves them out):');
    expect(card).not.toContain('open deadlines:');
  });

  it("gives a case's card: people with their status, dates, sources, open deadlines", async () => {
    const r = await c(['show', 'ua 77/98']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('UA 77/98 — Fear of torture / fear of execution');
    expect(r.stdout).toContain('opened 15 October 1998 · open');
    expect(r.stdout).toMatch(/Hemit Memet — returned since 11 February 1999/);
    expect(r.stdout).toContain('EUR 57/12/98');
    expect(r.stdout).toContain('check with the International Secretariat, or your section office, before sending appeals — 15 March 1999');
  });

  it('gives the card as JSON with the spec field names', async () => {
    const person = JSON.parse((await c(['--json', 'show', 'Hemit Memet'])).stdout);
    expect(person).toMatchObject({ name: 'Hemit Memet', names: ['Hemit Memet', 'Khamit Memet'], status: 'returned', cases: [{ ref: 'UA 77/98' }] });
    expect(person.statusSince).toMatchObject({ date: '1999-02-11', precision: 'day' });
    expect(person.statusEvent).toMatchObject({ type: 'deportation', date: '1999-02-11' });
    expect(person.nextDeadline).toMatchObject({ date: '1999-03-15', due: { date: '1999-03-15', precision: 'day' }, daysLeft: expect.any(Number) });
    expect(person.eventCount).toBe(6);
    const theCase = JSON.parse((await c(['--json', 'show', 'KZ 2019/12'])).stdout);
    expect(theCase).toMatchObject({ ref: 'KZ 2019/12', status: 'open', closed: null });
    expect(theCase.people.map((p: { name: string; status: string }) => `${p.name}: ${p.status}`).sort())
      .toEqual(['Kaster Musakhanuly: imprisoned', 'Murager Alimuly: imprisoned']);
    expect(theCase.deadlines.map((d: { date: string }) => d.date)).toEqual(['2020-01-21', '2020-07-21']);
  });

  it("gives each person the same next deadline as at-risk does, with deadlines of their own, of their case, and of a closed case", async () => {
    // A deadline naming Kaster alone; one on the whole case; and, on a case that is then closed, one that must count for nobody.
    await c(['add', 'deadline', 'Kaster Musakhanuly', '--date', '2020-01-10', '--note', 'ask the lawyer about the appeal']);
    await c(['add', 'case', '--ref', 'UA 9/20', '--title', 'Closed before the deadline']);
    // A stored name with --alias-of and --case only adds the person to the case, and says so.
    expect((await c(['add', 'person', 'Murager Alimuly', '--alias-of', 'Murager Alimuly', '--case', 'UA 9/20'])).stderr)
      .toBe('Added Murager Alimuly to UA 9/20\n');
    await c(['add', 'deadline', 'UA 9/20', '--date', '2020-01-05', '--note', 'should not show']);
    await c(['close', 'UA 9/20', '--reason', 'merged into KZ 2019/12']);
    const atRisk = JSON.parse((await c(['--json', 'at-risk'])).stdout) as Array<{ name: string; nextDeadline: { id: string } | null }>;
    expect(atRisk.length).toBeGreaterThan(2);
    for (const listed of atRisk) {
      const card = JSON.parse((await c(['--json', 'show', listed.name])).stdout);
      expect([listed.name, card.nextDeadline?.id ?? null]).toEqual([listed.name, listed.nextDeadline?.id ?? null]);
    }
    const notes = Object.fromEntries(atRisk.map((p) => [p.name, (p.nextDeadline as { note?: string } | null)?.note ?? null]));
    expect(notes['Kaster Musakhanuly']).toBe('ask the lawyer about the appeal');
    expect(notes['Murager Alimuly']).not.toBe('should not show');
  });

  it('of two deadlines on the same day, show, at-risk and its --json all name the same one as next', async () => {
    const ids: string[] = [];
    for (const note of ['visit the prison', 'call the family', 'write to the prosecutor']) {
      ids.push(JSON.parse((await c(['--json', 'add', 'deadline', 'Kaster Musakhanuly', '--date', '2020-01-08', '--note', note])).stdout).id);
    }
    // More cases, whose references sort around the first one's whatever order their ids fall in.
    for (const ref of ['ZA 4/20', 'AB 1/20', 'MN 3/20', 'CD 2/20']) {
      await c(['add', 'case', '--ref', ref, '--title', 'Another dossier']);
      await c(['add', 'person', 'Kaster Musakhanuly', '--alias-of', 'Kaster Musakhanuly', '--case', ref]);
    }
    const listed = JSON.parse((await c(['--json', 'at-risk'])).stdout) as Array<{ name: string; nextDeadline: { id: string; note: string } | null }>;
    const kaster = listed.find((p) => p.name === 'Kaster Musakhanuly')!.nextDeadline!;
    expect(kaster.id).toBe([...ids].sort()[0]);
    expect(JSON.parse((await c(['--json', 'show', 'Kaster Musakhanuly'])).stdout).nextDeadline.id).toBe(kaster.id);
    // The text list is read by its own lean query: same people, same order, same next deadlines.
    const blocks = atRiskBlocks((await c(['at-risk'])).stdout);
    expect(blocks.map((b) => b.name)).toEqual(listed.map((p) => p.name));
    expect(blocks.find((b) => b.name === 'Kaster Musakhanuly')!.head).toBe('Kaster Musakhanuly  AB 1/20, CD 2/20, KZ 2019/12, MN 3/20, ZA 4/20  imprisoned');
    expect(blocks.map((b) => b.next)).toEqual(listed.map((p) => p.nextDeadline?.note ?? null));
  });

  it('says no one matches an unknown name (exit 1, nothing on stdout)', async () => {
    const r = await c(['show', 'Xavier Nobody']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no case or person matches "Xavier Nobody"/);
    expect(r.stdout).toBe('');
  });
});

/**
 * In-process on a terminal that says how wide it is (the helper's terminal says nothing), the
 * colour codes left out of the lines.
 */
async function onTerminal(args: string[], columns: number, env: Record<string, string> = {}) {
  let stdout = '';
  const code = await run(['--db', db, '--today', '2020-02-01', ...args], {
    env, stdout: { write: (s: string) => { stdout += s; return true; } }, stderr: { write: () => true },
    stdinIsTTY: true, stdoutIsTTY: true, stdoutColumns: columns, now: new Date(2020, 1, 1, 12),
  });
  return { code, lines: stdout.replace(/\u001b\[[0-9;]*m/g, '').trimEnd().split('\n') };
}

describe('list', () => {
  it('lists people in a table no wider than 80 columns, leaving out later risks with a count and cutting long names with …', async () => {
    const r = await c(['list', 'people'], { env: { COLUMNS: '80' } });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+STATUS\s+CASES\s+RISKS/);
    expect(lines).toHaveLength(7);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
    expect(r.stdout).toContain('…');
    expect(r.stdout).toMatch(/Kaster Musakhan…\s+imprisoned\s+KZ 2019\/12\s+torture, refoulement \+2\s+21 Jan 2020/);
    expect(r.stdout).toMatch(/Hemit Memet\s+returned\s+UA 77\/98\s+death-penalty, torture \+2\s+11 Feb 1999/);
    expect(r.stdout).toMatch(/Sayragul Sauytb…\s+protected\s+refoulement\s+2018/);
  });

  it('writes every cell whole into a pipe or file when nothing says how wide (no terminal, no COLUMNS)', async () => {
    const r = await c(['list', 'people']);
    expect(r.stdout).not.toContain('…');
    const people = JSON.parse((await c(['--json', 'list', 'people'])).stdout) as Array<{ name: string; risks: string[] }>;
    for (const p of people) {
      const row = r.stdout.split('\n').find((line) => line.startsWith(`${p.name} `))!;
      for (const risk of p.risks) expect(row, p.name).toContain(risk);
    }
  });

  it('colours the table on a terminal, still fitting 80 columns once the colour codes are left out', async () => {
    const r = await caselog(['list', 'people'], { db, today: '2020-02-01', tty: true });
    expect(r.stdout).toContain('\u001b[1mNAME');
    const plain = r.stdout.replace(/\u001b\[[0-9;]*m/g, '');
    expect(plain).toBe((await c(['list', 'people'])).stdout);
    expect((await caselog(['show', 'Hemit Memet'], { db, today: '2020-02-01', tty: true })).stdout).toContain('\u001b[31mreturned');
  });

  it('is as wide as COLUMNS says, so nothing needs cutting on a wide terminal', async () => {
    const r = await c(['list', 'people'], { env: { COLUMNS: '160' } });
    expect(r.stdout).not.toContain('…');
    expect(r.stdout).toContain('death-penalty, torture, arbitrary-detention, unfair-trial');
  });

  it('without a terminal fits the COLUMNS it is given, however narrow', async () => {
    for (const [what, columns] of [['people', '70'], ['cases', '60']] as const) {
      const lines = (await c(['list', what], { env: { COLUMNS: columns } })).stdout.trimEnd().split('\n');
      expect(Math.max(...lines.map((l) => [...l].length))).toBe(Number(columns));
    }
  });

  it('fits a 70-column terminal: one line a row, the gravest risk whole and how many more, case references whole', async () => {
    // A COLUMNS left over from another window says nothing about this terminal.
    const people = await onTerminal(['list', 'people'], 70, { COLUMNS: '100' });
    expect(people.code).toBe(0);
    expect(people.lines).toHaveLength(7);
    expect(Math.max(...people.lines.map((l) => [...l].length))).toBe(70);
    expect(people.lines[0]).toMatch(/^NAME\s+STATUS\s+CASES\s+RISKS \(gravest …\s+LATEST NEWS$/);
    expect(people.lines).toContain('Hemit Memet      returned    UA 77/98    death-penalty +3  11 Feb 1999');
    expect(people.lines).toContain('Kaster Musakha…  imprisoned  KZ 2019/12  torture +3        21 Jan 2020');
    const cases = await onTerminal(['list', 'cases'], 60);
    expect(cases.lines).toHaveLength(3);
    for (const line of cases.lines) expect([...line].length).toBeLessThanOrEqual(60);
    expect(cases.lines).toContain('UA 77/98    Fear of tor…  3       6       15 Oct 1998  open');
  });

  it('on a 50-column terminal keeps case references and dates whole: the title is left out, people written one block each with every risk', async () => {
    const cases = await onTerminal(['list', 'cases'], 50);
    expect(cases.lines).toEqual([
      'REF         PEOPLE  EVENTS  OPENED       STATE',
      'KZ 2019/12  2       7       12 Dec 2019  open',
      'UA 77/98    3       6       15 Oct 1998  open',
    ]);
    const people = await onTerminal(['list', 'people'], 50);
    expect(people.lines.slice(0, 6)).toEqual([
      'Hemit Memet', '  status: returned', '  cases: UA 77/98',
      '  risks (gravest first): death-penalty, torture,', '    arbitrary-detention, unfair-trial', '  latest news: 11 Feb 1999',
    ]);
  });

  it('never cuts a reference, a date or an id, into a pipe at COLUMNS=40 either: one block a record instead', async () => {
    for (const ref of ['UA 200/26', 'UA 200/27', 'UA 201/26']) await c(['add', 'case', '--ref', ref, '--title', 'Fear of torture', '--opened', '2026-02-11']);
    await c(['add', 'source', '--title', 'Letter from the family', '--date', '2026-02-12']);
    const narrow = { env: { COLUMNS: '40' } };
    const cases = (await c(['list', 'cases'], narrow)).stdout.split('\n');
    for (const ref of ['UA 200/26', 'UA 200/27', 'UA 201/26']) expect(cases).toContain(ref);
    expect(cases).toContain('  opened: 11 Feb 2026');
    const sources = JSON.parse((await c(['--json', 'list', 'sources'])).stdout) as Array<{ id: string; ref: string }>;
    const listed = (await c(['list', 'sources'], narrow)).stdout;
    for (const s of sources) expect(listed).toContain(`  id: ${s.id.slice(0, 10)}\n`);
    expect(listed).toContain('  date: 12 Dec 2019\n');
    // A source with no reference, by its title.
    expect(listed).toContain('\n\nLetter from the family\n  date: 12 Feb 2026\n');
    const people = (await c(['list', 'people'], narrow)).stdout.split('\n');
    expect(people).toContain('Kaster Musakhanuly');
    expect(people).toContain('  latest news: 21 Jan 2020');
    expect((await onTerminal(['list', 'cases'], 40)).lines).toContain('UA 201/26');
  });

  it('uses a 140-column terminal: nothing cut that fits', async () => {
    const people = await onTerminal(['list', 'people'], 140, { COLUMNS: '80' });
    expect(people.lines.join('\n')).not.toContain('…');
    expect(people.lines).toContain('Hemit Memet         returned    UA 77/98    death-penalty, torture, arbitrary-detention, unfair-trial  11 Feb 1999');
    for (const line of people.lines) expect([...line].length).toBeLessThanOrEqual(140);
    const cases = await onTerminal(['list', 'cases'], 140);
    expect(cases.lines.join('\n')).not.toContain('…');
    expect(cases.lines[1]).toBe('KZ 2019/12  Asylum-seekers prosecuted, at risk of return to China  2       7       12 Dec 2019  open');
  });

  it.each([
    [['list', 'people', '--status', 'returned'], ['Hemit Memet', 'Ilyas Zordun', 'Kasim Mahpir']],
    [['list', 'people', '--risk', 'refoulement'], ['Kaster Musakhanuly', 'Murager Alimuly', 'Sayragul Sauytbai']],
    [['list', 'people', '--case', 'kz 2019/12'], ['Kaster Musakhanuly', 'Murager Alimuly']],
    [['list', 'people', '--open', '--risk', 'refoulement'], ['Kaster Musakhanuly', 'Murager Alimuly']],
  ])('%j lists %j', async (args, names) => {
    const people = JSON.parse((await c(['--json', ...args])).stdout) as Array<{ name: string }>;
    expect(people.map((p) => p.name)).toEqual(names);
  });

  it('lists cases with their people and events, and filters open and closed', async () => {
    await c(['close', 'UA 77/98', '--date', '2000-01-10', '--reason', 'no further action']);
    const all = (await c(['list', 'cases'], { env: { COLUMNS: '80' } })).stdout;
    expect(all).toMatch(/KZ 2019\/12\s+Asylum-seekers.*\s+2\s+7\s+12 Dec 2019\s+open/);
    expect(all).toMatch(/UA 77\/98\s+Fear of torture.*\s+3\s+6\s+15 Oct 1998\s+closed 10 Jan 2000/);
    for (const line of all.trimEnd().split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
    const open = JSON.parse((await c(['--json', 'list', 'cases', '--open'])).stdout);
    expect(open.map((k: { ref: string }) => k.ref)).toEqual(['KZ 2019/12']);
    const closed = JSON.parse((await c(['--json', 'list', 'cases', '--closed'])).stdout);
    expect(closed).toMatchObject([{ ref: 'UA 77/98', status: 'closed', closeReason: 'no further action', events: 6 }]);
    expect((await c(['list', 'people', '--closed'])).stdout).toMatch(/^NAME.*\nHemit Memet/);
    expect((await c(['list', 'cases', '--status', 'protected'])).stdout).toBe('No cases match.\n');
  });

  it('refuses --open with --closed and an unknown case', async () => {
    const both = await c(['list', 'people', '--open', '--closed']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--open and --closed');
    const unknown = await c(['list', 'people', '--case', 'UA 1/00']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no case with reference "UA 1/00"');
  });
});

describe('what a caseworker meets along the way', () => {
  it('lists people by name as a reader sorts them: accents and case aside', async () => {
    for (const name of ['Zoë Bakker', 'al-Sayed Omar', 'Ärzigül Ämet', 'Éric Dupont']) expect((await c(['add', 'person', name, '--new'])).code).toBe(0);
    const names = (JSON.parse((await c(['--json', 'list', 'people'])).stdout) as Array<{ name: string }>).map((p) => p.name);
    // By character codes, 'Ärzigül' and 'Éric' would follow 'Zoë', and 'al-Sayed' every capital.
    expect(names.indexOf('al-Sayed Omar')).toBeLessThan(names.indexOf('Éric Dupont'));
    expect(names.indexOf('al-Sayed Omar')).toBeLessThan(names.indexOf('Hemit Memet'));
    expect(names.indexOf('Ärzigül Ämet')).toBeLessThan(names.indexOf('Éric Dupont'));
    expect(names.indexOf('Éric Dupont')).toBeLessThan(names.indexOf('Hemit Memet'));
    expect(names.at(-1)).toBe('Zoë Bakker');
  });

  it('refuses a deadline on a closed case, which due would leave out; search says which deadlines are done', async () => {
    await c(['close', 'UA 77/98']);
    const r = await c(['add', 'deadline', 'UA 77/98', '--date', '+3d', '--note', 'ask the family']);
    expect(r).toMatchObject({ code: 1, stderr: 'caselog: UA 77/98 is closed: its deadlines are not shown by due; reopen it first (caselog reopen "UA 77/98") or name an open case\n' });
    const hearing = JSON.parse((await c(['--json', 'search', 'Zaysan'])).stdout).find((h: { kind: string }) => h.kind === 'deadline');
    expect(hearing.doneOn).toBeNull();
    await c(['done', hearing.id]);
    expect((await c(['search', 'Zaysan'])).stdout).toContain('deadline 21 January 2020 (done 1 February 2020)');
  });

  it('refuses a second source under a reference already recorded, and names the empty choice plainly', async () => {
    const before = (await c(['export'])).stdout;
    const dup = await c(['add', 'source', '--title', 'Another copy', '--ref', 'eur 57/12/98']);
    expect(dup).toMatchObject({ code: 1, stderr: expect.stringMatching(/^caselog: source EUR 57\/12\/98 is already recorded \(".*"\) \[s-[0-9a-z]{8}\]: cite it with --source "EUR 57\/12\/98"\n$/) });
    const bad = await c(['edit', 'Hemit Memet', '--risk', 'bogus']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"bogus" is not a risk caselog knows (one of torture, ill-treatment,');
    expect(bad.stderr).toContain('health, or "" for none)');
    expect((await c(['export'])).stdout).toBe(before);
  });
});

describe('a case given by its id where a reference is asked for', () => {
  it('takes a unique prefix of the id in --case and the appeal commands, as everywhere else', async () => {
    const cases = JSON.parse((await c(['--json', 'list', 'cases'])).stdout) as Array<{ id: string; ref: string }>;
    const ua = cases.find((k) => k.ref === 'UA 77/98')!.id.slice(0, 6);
    expect((await c(['add', 'person', 'Nurlan Ospan', '--case', ua])).stderr).toContain('Added Nurlan Ospan in UA 77/98');
    expect((await c(['edit', 'Nurlan Ospan', '--case', ua, '--case', 'KZ 2019/12'])).code).toBe(0);
    expect(JSON.parse((await c(['--json', 'show', 'Nurlan Ospan'])).stdout).cases.map((k: { ref: string }) => k.ref).sort()).toEqual(['KZ 2019/12', 'UA 77/98']);
    expect((await c(['list', 'people', '--case', ua])).stdout).toContain('Hemit Memet');
    expect((await c(['list', 'people', '--case', ua])).stdout).not.toContain('Kaster Musakhanuly');
    expect((await c(['appeal', 'plan', ua])).stdout).toMatch(/^Appeal plan for UA 77\/98/);
    // An id that is no case's is not offered as a reference to open.
    const none = await c(['add', 'person', 'Nurlan Ospanov', '--case', 'c-zzzzzz']);
    expect(none).toMatchObject({ code: 1, stderr: 'caselog: no case with reference or id "c-zzzzzz": "caselog list cases" shows them\n' });
    const person = await c(['add', 'person', 'Nurlan Ospanov', '--case', 'p-g238jb05']);
    expect(person).toMatchObject({ code: 1, stderr: 'caselog: "p-g238jb05" is a person id, not a case: give the case\'s reference or id ("caselog list cases" shows them)\n' });
  });
});
