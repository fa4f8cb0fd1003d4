// The foundation end to end, in-process against a real temporary SQLite file.
import { describe, expect, it, beforeEach } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[], today = '1999-03-01') => caselog(args, { db, today });

async function ua7798() {
  await c(['add', 'case', '--ref', 'UA 77/98', '--title', 'Fear of torture / fear of execution', '--country', 'China', '--opened', '15 October 1998']);
  await c(['add', 'source', '--publisher', 'Amnesty International', '--ref', 'EUR 57/12/98', '--title', 'EXTRA 77/98', '--date', '15 October 1998']);
  await c(['add', 'person', 'Hemit Memet', '--alias', 'Khamit Memet', '--case', 'UA 77/98', '--age', '28', '--age-on', 'Feb 1999', '--risk', 'torture', '--risk', 'death-penalty']);
  await c(['add', 'person', 'Kasim Mahpir', '--case', 'UA 77/98', '--risk', 'torture']);
  await c(['add', 'person', 'Ilyas Zordun', '--case', 'UA 77/98', '--risk', 'refoulement']);
}

beforeEach(() => {
  db = tempDb();
});

describe('add and timeline', () => {
  it('records an event for several people and shows it in their timelines with its source', async () => {
    await ua7798();
    const added = await c(['add', 'event', 'Hemit Memet', 'Kasim Mahpir', 'Ilyas Zordun', '--date', '1999-02-11', '--type', 'deportation',
      '--summary', 'Forcibly returned to China', '--source', 'EUR 57/12/98', '--place', 'Xinjiang']);
    expect(added.code).toBe(0);
    expect(added.stderr).toContain('Recorded deportation on 11 February 1999 for Hemit Memet, Kasim Mahpir, Ilyas Zordun');
    const timeline = await c(['timeline', 'Kasim Mahpir']);
    expect(timeline.code).toBe(0);
    expect(timeline.stdout).toContain('11 February 1999');
    expect(timeline.stdout).toContain('Forcibly returned to China');
    expect(timeline.stdout).toContain('EUR 57/12/98');
    expect(timeline.stdout).toContain('returned');
  });

  it('sorts a year before the precise dates inside it, and shows dates as written', async () => {
    await ua7798();
    await c(['add', 'event', 'Hemit Memet', '--date', '1999-02-11', '--type', 'deportation', '--summary', 'returned']);
    await c(['add', 'event', 'Hemit Memet', '--date', 'during 1998', '--type', 'other', '--summary', 'warrant issued']);
    await c(['add', 'event', 'Hemit Memet', '--date', '1998-10-14', '--type', 'arrest', '--summary', 'arrested at the border']);
    await c(['add', 'event', 'Hemit Memet', '--date', 'c. 1997', '--type', 'other', '--summary', 'fled']);
    const out = (await c(['timeline', 'hemit memet'])).stdout;
    const order = ['c. 1997', '\n1998', '14 October 1998', '11 February 1999'].map((s) => out.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('finds a person by another stored name, ignoring case and accents', async () => {
    await ua7798();
    await c(['add', 'event', 'Hemit Memet', '--date', '1999-02-11', '--type', 'deportation', '--summary', 'returned']);
    const r = await c(['timeline', 'KHÁMIT memet']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Hemit Memet');
  });

  it('gives the JSON fields of the spec for timeline', async () => {
    await ua7798();
    await c(['add', 'event', 'UA 77/98', '--date', 'Feb 1999', '--type', 'report', '--summary', 'Further information issued']);
    await c(['add', 'event', 'Hemit Memet', '--date', '~1998', '--type', 'arrest', '--summary', 'arrested', '--source', 'EUR 57/12/98']);
    const r = await c(['--json', 'timeline', 'UA 77/98']);
    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout);
    const [arrest, report] = data.events;
    expect(arrest).toMatchObject({ type: 'arrest', date: '1998', precision: 'year', approximate: true, dateText: '~1998', summary: 'arrested' });
    expect(arrest.people).toEqual([{ id: expect.stringMatching(/^p-/), name: 'Hemit Memet' }]);
    expect(arrest.case).toMatchObject({ ref: 'UA 77/98' });
    expect(arrest.sources[0]).toMatchObject({ ref: 'EUR 57/12/98', date: '1998-10-15', precision: 'day' });
    expect(report).toMatchObject({ date: '1999-02', precision: 'month', people: [], case: { ref: 'UA 77/98' } });
    expect(arrest.id).toMatch(/^e-[0-9a-z]{16}$/);
  });

  it('shows reports that vary as one happening with each account', async () => {
    await ua7798();
    await c(['add', 'source', '--title', 'Other outlet', '--ref', 'X1']);
    await c(['add', 'event', 'Kasim Mahpir', '--date', '1999-02-11', '--type', 'deportation', '--summary', 'returned (AI)', '--source', 'EUR 57/12/98']);
    await c(['add', 'event', 'Kasim Mahpir', '--date', '1999-02-08', '--type', 'deportation', '--summary', 'returned (other)', '--source', 'X1']);
    await c(['add', 'event', 'Kasim Mahpir', '--date', '1999-06-01', '--type', 'deportation', '--summary', 'much later', '--source', 'X1']);
    const out = (await c(['timeline', 'Kasim Mahpir'])).stdout;
    expect(out).toContain('reports vary');
    expect(out.match(/reports vary/g)).toHaveLength(1);
    const json = JSON.parse((await c(['--json', 'timeline', 'Kasim Mahpir'])).stdout);
    expect(json.events[0].reportsVaryWith).toEqual([json.events[1].id]);
    expect(json.events[2].reportsVaryWith).toEqual([]);
  });

  it('puts a report with the nearest happening it fits', async () => {
    await ua7798();
    await c(['add', 'source', '--title', 'Other outlet', '--ref', 'X1']);
    const hearing = (date: string, source: string) => c(['add', 'event', 'Kasim Mahpir', '--date', date, '--type', 'hearing', '--summary', `hearing ${date}`, '--source', source]);
    // One source's hearings of the 10th and 12th are two; another's report of the 14th is of the 12th's.
    await hearing('1999-05-10', 'EUR 57/12/98');
    await hearing('1999-05-12', 'EUR 57/12/98');
    await hearing('1999-05-14', 'X1');
    const json = JSON.parse((await c(['--json', 'timeline', 'Kasim Mahpir'])).stdout) as { events: Array<{ id: string; summary: string; reportsVaryWith: string[] }> };
    const bySummary = new Map(json.events.map((e) => [e.summary, e]));
    // Shown with the 12th's; the 10th's is within 7 days of it too, from another source: named beside it.
    const text = (await c(['timeline', 'Kasim Mahpir'])).stdout;
    expect(text).toMatch(/reports vary {2}hearing — 2 accounts\n {2}12 May 1999 {2}hearing[\s\S]*\n {2}14 May 1999 {2}hearing/);
    expect(text).toMatch(/\n10 May 1999 {2}hearing[^\n]*\n(?: {2}[^\n]*\n)* {2}reports vary: 14 May 1999 in another account \(Other outlet|X1/);
    const fourteenth = bySummary.get('hearing 1999-05-14')!.id;
    expect(bySummary.get('hearing 1999-05-10')!.reportsVaryWith).toEqual([fourteenth]);
    expect(bySummary.get('hearing 1999-05-12')!.reportsVaryWith).toEqual([fourteenth]);
    expect([...bySummary.get('hearing 1999-05-14')!.reportsVaryWith].sort()).toEqual([bySummary.get('hearing 1999-05-10')!.id, bySummary.get('hearing 1999-05-12')!.id].sort());
  });

  it('names every other account within 7 days from another source, though it is shown with a nearer happening (1st, 6th and 11th)', async () => {
    await ua7798();
    for (const [ref, title] of [['X1', 'Other outlet'], ['X2', 'Third outlet']]) await c(['add', 'source', '--title', title!, '--ref', ref!]);
    const release = (date: string, source: string) => c(['add', 'event', 'Kasim Mahpir', '--date', date, '--type', 'release', '--summary', `release ${date}`, '--source', source]);
    await release('1999-02-01', 'EUR 57/12/98');
    await release('1999-02-06', 'X1');
    await release('1999-02-11', 'X2');
    const json = JSON.parse((await c(['--json', 'timeline', 'Kasim Mahpir'])).stdout) as { events: Array<{ id: string; summary: string; reportsVaryWith: string[] }> };
    const id = (date: string) => json.events.find((e) => e.summary === `release ${date}`)!.id;
    const withOf = (date: string) => [...json.events.find((e) => e.summary === `release ${date}`)!.reportsVaryWith].sort();
    expect(withOf('1999-02-11')).toEqual([id('1999-02-06')]);
    expect(withOf('1999-02-06')).toEqual([id('1999-02-01'), id('1999-02-11')].sort());
    expect(withOf('1999-02-01')).toEqual([id('1999-02-06')]);
    const text = (await c(['timeline', 'Kasim Mahpir'])).stdout;
    expect(text).toContain('reports vary: 6 February 1999 in another account (X1, "Other outlet")');
    const md = (await c(['export', '--format', 'md', 'Kasim Mahpir'])).stdout;
    expect(md).toContain('*Reports vary:* another account dates it 6 February 1999');
  });

  it('takes the same source twice for no second report, whichever of the two cites more', async () => {
    await ua7798();
    await c(['add', 'source', '--title', 'Other outlet', '--ref', 'X1']);
    const arrest = (date: string, ...sources: string[]) => c(['add', 'event', 'Kasim Mahpir', '--date', date, '--type', 'arrest', '--summary', `arrest ${date}`,
      ...sources.flatMap((s) => ['--source', s])]);
    await arrest('1999-05-01', 'EUR 57/12/98', 'X1');
    await arrest('1999-05-03', 'EUR 57/12/98');
    await arrest('1999-06-03', 'EUR 57/12/98');
    await arrest('1999-06-05', 'EUR 57/12/98', 'X1');
    const json = JSON.parse((await c(['--json', 'timeline', 'Kasim Mahpir'])).stdout) as { events: Array<{ summary: string; reportsVaryWith: string[] }> };
    expect(json.events.filter((e) => e.summary.startsWith('arrest 1999'))).toHaveLength(4);
    expect(json.events.filter((e) => e.reportsVaryWith.length > 0)).toEqual([]);
  });

  it('joins reports nearest first, whatever came first: the 7th, 8th and 9th, and the 1st alone', async () => {
    await ua7798();
    for (const [ref, title] of [['X1', 'Other outlet'], ['X2', 'Third outlet']]) await c(['add', 'source', '--title', title!, '--ref', ref!]);
    const hearing = (date: string, source: string) => c(['add', 'event', 'Kasim Mahpir', '--date', date, '--type', 'hearing', '--summary', `hearing ${date}`, '--source', source]);
    await hearing('1999-05-01', 'EUR 57/12/98');
    await hearing('1999-05-07', 'X1');
    await hearing('1999-05-08', 'EUR 57/12/98');
    await hearing('1999-05-09', 'X2');
    const json = JSON.parse((await c(['--json', 'timeline', 'Kasim Mahpir'])).stdout) as { events: Array<{ id: string; summary: string; reportsVaryWith: string[] }> };
    const id = (date: string) => json.events.find((e) => e.summary === `hearing ${date}`)!.id;
    const withOf = (date: string) => [...json.events.find((e) => e.summary === `hearing ${date}`)!.reportsVaryWith].sort();
    // The 1st stands alone, though the 7th (another source) is within 7 days of it: named beside it.
    expect(withOf('1999-05-01')).toEqual([id('1999-05-07')]);
    expect(withOf('1999-05-07')).toEqual([id('1999-05-01'), id('1999-05-08'), id('1999-05-09')].sort());
    expect((await c(['timeline', 'Kasim Mahpir'])).stdout.match(/reports vary {2}hearing — 3 accounts/g)).toHaveLength(1);
  });

  it("shows in a case's timeline its own events and its people's on no case, never another case's", async () => {
    await ua7798();
    await c(['add', 'case', '--ref', 'UA 12/99', '--title', 'Fear of torture']);
    await c(['edit', 'Kasim Mahpir', '--case', 'UA 77/98', '--case', 'UA 12/99']);
    await c(['add', 'event', 'UA 12/99', 'Kasim Mahpir', '--date', '1999-03-02', '--type', 'detention', '--summary', 'Held in Almaty']);
    await c(['add', 'event', 'UA 77/98', 'Kasim Mahpir', '--date', '1999-02-11', '--type', 'deportation', '--summary', 'Returned to China']);
    await c(['add', 'event', 'Hemit Memet', 'Kasim Mahpir', '--date', '1999-01-05', '--type', 'other', '--summary', 'Seen together']);
    const summaries = async (ref: string) => (JSON.parse((await c(['--json', 'timeline', ref])).stdout).events as Array<{ summary: string }>).map((e) => e.summary);
    expect(await summaries('UA 12/99')).toEqual(['Held in Almaty']);
    expect(await summaries('UA 77/98')).toEqual(['Seen together', 'Returned to China']);
    expect(await summaries('Kasim Mahpir')).toEqual(['Seen together', 'Returned to China', 'Held in Almaty']);
  });

  it('records an event or deadline on a case that names someone outside it, and says how to add them', async () => {
    await ua7798();
    await c(['add', 'case', '--ref', 'UA 12/99', '--title', 'Fear of torture']);
    const event = await c(['add', 'event', 'UA 12/99', 'Kasim Mahpir', '--date', '1999-03-02', '--type', 'detention', '--summary', 'Held in Almaty']);
    expect(event.code).toBe(0);
    expect(event.stderr).toContain('note: Kasim Mahpir is not in UA 12/99; to add them to it: caselog edit "Kasim Mahpir" --case "UA 77/98" --case "UA 12/99"\n');
    const deadline = await c(['add', 'deadline', 'UA 12/99', 'Kasim Mahpir', '--date', '1999-04-01', '--note', 'ask the lawyer']);
    expect(deadline.stderr).toContain('note: Kasim Mahpir is not in UA 12/99');
    const inside = await c(['add', 'event', 'UA 77/98', 'Kasim Mahpir', '--date', '1999-02-11', '--type', 'deportation', '--summary', 'Returned']);
    expect(inside.stderr).not.toContain('note:');
  });

  it("takes --source as a source's reference before the ids that start with it", async () => {
    await ua7798();
    const other = JSON.parse((await c(['--json', 'add', 'source', '--title', 'Another outlet'])).stdout).id as string;
    const ref = other.slice(0, 4).toUpperCase(); // "S-7K": a plausible reference, and a prefix of that id
    await c(['add', 'source', '--title', 'Outlet with that reference', '--ref', ref]);
    const r = await c(['--json', 'add', 'event', 'Kasim Mahpir', '--date', '1999-01-02', '--type', 'arrest', '--summary', 'x', '--source', ref]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).sources.map((s: { ref: string | null }) => s.ref)).toEqual([ref]);
  });

  it('takes --source as the start of a long title, and says plainly when nothing fits', async () => {
    await ua7798();
    await c(['add', 'source', '--title', "Kazakhstan: Don't Return Asylum Seekers", '--publisher', 'HRW']);
    await c(['add', 'source', '--title', 'Kazakhstan: Release the Two Men', '--publisher', 'AI']);
    const r = await c(['--json', 'add', 'event', 'Kasim Mahpir', '--date', '1999-01-02', '--type', 'arrest', '--summary', 'x', '--source', "kazakhstan: don't return"]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).sources.map((s: { title: string }) => s.title)).toEqual(["Kazakhstan: Don't Return Asylum Seekers"]);
    expect(r.stderr).toMatch(/--source "kazakhstan: don't return": "Kazakhstan: Don't Return Asylum Seekers" \[s-[0-9a-z]{8}\]/);
    // Capitals beyond ASCII fold too.
    await c(['add', 'source', '--title', 'Émigrés à Paris: a report']);
    expect((await c(['add', 'event', 'Kasim Mahpir', '--date', '1999-01-04', '--type', 'report', '--summary', 'z', '--source', 'émigrés à paris'])).code).toBe(0);
    const several = await c(['add', 'event', 'Kasim Mahpir', '--date', '1999-01-03', '--type', 'arrest', '--summary', 'y', '--source', 'Kazakhstan:']);
    expect(several).toMatchObject({ code: 1, stderr: expect.stringContaining('"Kazakhstan:" starts the titles of several sources') });
    const none = await c(['add', 'event', 'Kasim Mahpir', '--date', '1999-01-03', '--type', 'arrest', '--summary', 'y', '--source', 'Nothing like it']);
    expect(none).toMatchObject({ code: 1, stderr: 'caselog: no source "Nothing like it" (by reference, title or id): record it first with caselog add source --title TITLE [--ref CODE]\n' });
    // A publisher's name offers its sources rather than sending the user to record a duplicate.
    const publisher = await c(['add', 'event', 'Kasim Mahpir', '--date', '1999-01-03', '--type', 'arrest', '--summary', 'y', '--source', 'hrw']);
    expect(publisher.code).toBe(1);
    expect(publisher.stderr).toMatch(/^caselog: "hrw" is a publisher, not one source: give the reference, title or id of one of s-[0-9a-z]{8} "Kazakhstan: Don't Return Asylum Seekers"\n$/);
  });

  it('groups only reports within 7 days of each other, not a chain of them, and names the one of the chain left apart', async () => {
    await ua7798();
    for (const ref of ['S-1', 'S-2', 'S-3']) await c(['add', 'source', '--title', `Outlet ${ref}`, '--ref', ref]);
    for (const [day, ref] of [['01', 'S-1'], ['06', 'S-2'], ['12', 'S-3']]) {
      await c(['add', 'event', 'Kasim Mahpir', '--date', `1999-01-${day}`, '--type', 'arrest', '--summary', `arrest (${ref})`, '--source', ref!]);
    }
    const json = JSON.parse((await c(['--json', 'timeline', 'Kasim Mahpir'])).stdout);
    const vary = Object.fromEntries(json.events.map((e: { summary: string; reportsVaryWith: string[] }) => [e.summary, e.reportsVaryWith.length]));
    // The 1st and 6th are one happening; the 12th is 11 days after the 1st, so it stands apart, but
    // within 7 days of the 6th from another source: its account of it (spec: each two such reports).
    expect(vary).toEqual({ 'arrest (S-1)': 1, 'arrest (S-2)': 2, 'arrest (S-3)': 1 });
    const text = (await c(['timeline', 'Kasim Mahpir'])).stdout;
    expect(text.match(/reports vary {2}arrest — 2 accounts/g)).toHaveLength(1);
    expect(text).toMatch(/\n12 January 1999 {2}arrest[\s\S]* {2}reports vary: 6 January 1999 in another account \(S-2, "Outlet S-2"\)/);
  });
});

describe('status follows events', () => {
  it('takes the latest status-moving event, and an explicit status wins on the same date', async () => {
    await ua7798();
    await c(['add', 'event', 'Hemit Memet', '--date', '1998-10', '--type', 'arrest', '--summary', 'arrested']);
    let p = JSON.parse((await c(['--json', 'at-risk'])).stdout).find((x: { name: string }) => x.name === 'Hemit Memet');
    expect(p.status).toBe('detained');
    await c(['add', 'event', 'Hemit Memet', '--date', '1999-02-11', '--type', 'deportation', '--summary', 'returned']);
    await c(['add', 'event', 'Hemit Memet', '--date', '1999-02-11', '--type', 'status', '--status', 'disappeared', '--summary', 'whereabouts unknown']);
    await c(['add', 'event', 'Hemit Memet', '--date', '1998-12', '--type', 'release', '--summary', 'older release, told later']);
    p = JSON.parse((await c(['--json', 'at-risk'])).stdout).find((x: { name: string }) => x.name === 'Hemit Memet');
    expect(p.status).toBe('disappeared');
  });

  it('never lets an event on the whole case change a person\'s status', async () => {
    await ua7798();
    const added = await c(['add', 'event', 'UA 77/98', '--date', '1999-02-11', '--type', 'release', '--summary', 'case-wide note']);
    // And says so, with how to set their status instead.
    expect(added.stderr).toContain("note: an event on the case as a whole changes nobody's status: to set theirs, name them (caselog status NAME... released --date 1999-02-11)\n");
    const other = await c(['add', 'event', 'UA 77/98', '--date', '1999-02-12', '--type', 'report', '--summary', 'case-wide report']);
    expect(other.stderr).not.toContain('note:');
    const people = JSON.parse((await c(['--json', 'at-risk'])).stdout);
    expect(people.every((p: { status: string }) => p.status === 'unknown')).toBe(true);
    // A member's timeline says the event is the case's, not theirs.
    expect((await c(['timeline', 'Kasim Mahpir'])).stdout).toMatch(/11 February 1999 {2}release {2}e-\w+\n {2}case-wide note\n {2}whole case UA 77\/98\n/);
  });
});

describe('a deadline for someone in several cases', () => {
  it('asks for the case by naming theirs, not an example', async () => {
    await ua7798();
    await c(['add', 'case', '--ref', 'KZ 5/20', '--title', 'Second case']);
    await c(['edit', 'Kasim Mahpir', '--case', 'UA 77/98', '--case', 'KZ 5/20']);
    const r = await c(['add', 'deadline', 'Kasim Mahpir', '--date', 'tomorrow', '--note', 'call the lawyer']);
    expect(r).toMatchObject({ code: 1, stderr: 'caselog: Kasim Mahpir is in several open cases (KZ 5/20, UA 77/98): name the case too, e.g. caselog add deadline "KZ 5/20" "Kasim Mahpir" ...\n' });
  });

  it('refuses people of different cases (a deadline belongs to a case), and takes the case named', async () => {
    await ua7798();
    await c(['add', 'case', '--ref', 'KZ 5/20', '--title', 'Second case']);
    await c(['add', 'person', 'Kaster Musakhanuly', '--case', 'KZ 5/20']);
    const before = (await c(['export'])).stdout;
    const r = await c(['add', 'deadline', 'Kasim Mahpir', 'Kaster Musakhanuly', '--date', 'tomorrow', '--note', 'call the lawyers']);
    expect(r).toMatchObject({ code: 1, stderr: 'caselog: Kasim Mahpir (UA 77/98), Kaster Musakhanuly (KZ 5/20) are in no case together: record a deadline for each case, or name the case, e.g. caselog add deadline "UA 77/98" ...\n' });
    expect((await c(['export'])).stdout).toBe(before);
    const named = await c(['--json', 'add', 'deadline', 'UA 77/98', 'Kasim Mahpir', '--date', 'tomorrow', '--note', 'call the lawyer']);
    expect(JSON.parse(named.stdout).case).toMatchObject({ ref: 'UA 77/98' });
    // Someone tracked before any case is opened may have a deadline of their own.
    await c(['add', 'person', 'Sayragul Sauytbai']);
    expect((await c(['add', 'deadline', 'Sayragul Sauytbai', '--date', 'tomorrow', '--note', 'ask about her asylum claim'])).code).toBe(0);
  });
});

describe('due and done', () => {
  it('prints the reminder as a sentence with the case, its people and the days left', async () => {
    await ua7798();
    await c(['add', 'deadline', 'UA 77/98', '--date', '15 March 1999', '--note', 'check with the International Secretariat before sending appeals']);
    const r = await c(['due']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('UA 77/98  Hemit Memet, Kasim Mahpir, Ilyas Zordun');
    expect(r.stdout).toContain('check with the International Secretariat before sending appeals — check before 15 March 1999 (in 14 days)');
  });

  it('says when a deadline recorded is overdue already, and how to mark it done', async () => {
    await ua7798();
    const late = await c(['add', 'deadline', 'UA 77/98', '--date', '1999-02-26', '--note', 'late one']);
    expect(late.code).toBe(0);
    expect(late.stderr).toMatch(/\nnote: 26 February 1999 is before today, so it is overdue already; if it is done, caselog done d-\w{8}\n$/);
    const month = await c(['add', 'deadline', 'UA 77/98', '--date', 'February 1999', '--note', 'write again']);
    expect(month.stderr).toMatch(/\nnote: February 1999 falls due on its first day, 1 February 1999, so it is overdue already; if it is done, caselog done d-\w{8}\n$/);
    for (const date of ['1999-03-01', '1999-03', 'tomorrow']) {
      expect((await c(['add', 'deadline', 'UA 77/98', '--date', date, '--note', 'on time'])).stderr, date).not.toContain('note:');
    }
  });

  it('lists overdue first, honours --within and each deadline\'s own warning', async () => {
    await ua7798();
    await c(['add', 'deadline', 'UA 77/98', '--date', '1999-02-26', '--note', 'late one']);
    await c(['add', 'deadline', 'UA 77/98', '--date', '1999-03-20', '--note', 'soon']);
    await c(['add', 'deadline', 'UA 77/98', '--date', '1999-05-01', '--note', 'far, warned', '--warn', '90']);
    await c(['add', 'deadline', 'UA 77/98', '--date', '1999-06-01', '--note', 'far, quiet']);
    const out = (await c(['due', '--within', '30'])).stdout;
    expect(out).toContain('late one — check before 26 February 1999 (3 days overdue)');
    expect(out.indexOf('late one')).toBeLessThan(out.indexOf('soon'));
    expect(out).toContain('far, warned');
    expect(out).not.toContain('far, quiet');
    expect((await c(['due', '--within', '100'])).stdout).toContain('far, quiet');
  });

  it('makes a month-only deadline fall due on the first of the month', async () => {
    await ua7798();
    await c(['add', 'deadline', 'Hemit Memet', '--date', 'March 1999', '--note', 'check on him']);
    const [item] = JSON.parse((await c(['--json', 'due'])).stdout);
    // The day it falls due is a date like any other in JSON: ISO, precision, approximate, text.
    expect(item).toMatchObject({ date: '1999-03', precision: 'month', due: { date: '1999-03-01', precision: 'day', approximate: false, dateText: '1 March 1999' }, daysLeft: 0, people: [{ name: 'Hemit Memet' }] });
  });

  it('accepts relative deadline dates counted from --today', async () => {
    await ua7798();
    await c(['add', 'deadline', 'UA 77/98', '--date', 'in 2 weeks', '--note', 'follow up']);
    const [item] = JSON.parse((await c(['--json', 'due'])).stdout);
    expect(item.date).toBe('1999-03-15');
  });

  it('marks a deadline done by a prefix of its id, and it leaves due', async () => {
    await ua7798();
    const added = JSON.parse((await c(['--json', 'add', 'deadline', 'UA 77/98', '--date', '1999-03-10', '--note', 'call the lawyer'])).stdout);
    const r = await c(['done', added.id.slice(0, 8)]);
    expect(r.code).toBe(0);
    expect(JSON.parse((await c(['--json', 'done', added.id])).stdout).doneOn).toEqual({ date: '1999-03-01', precision: 'day', approximate: false, dateText: '1 March 1999' });
    expect((await c(['due'])).stdout).toContain('Nothing due');
  });

  it('says nothing is due with exit 0', async () => {
    await ua7798();
    const r = await c(['due']);
    expect(r).toMatchObject({ code: 0 });
    expect(r.stdout).toMatch(/Nothing due/);
  });
});

describe('at-risk', () => {
  it('puts the most urgent first and leaves out protected people; --risk filters', async () => {
    await ua7798();
    await c(['add', 'person', 'Sayragul Sauytbai', '--status', 'protected', '--risk', 'refoulement']);
    await c(['add', 'event', 'Kasim Mahpir', '--date', '1999-02-20', '--type', 'release', '--summary', 'released']);
    await c(['add', 'deadline', 'Hemit Memet', '--date', '1999-03-03', '--note', 'urgent check']);
    const people = JSON.parse((await c(['--json', 'at-risk'])).stdout) as Array<{ name: string }>;
    const names = people.map((p) => p.name);
    expect(names).not.toContain('Sayragul Sauytbai');
    expect(names[0]).toBe('Hemit Memet');
    const torture = JSON.parse((await c(['--json', 'at-risk', '--risk', 'refoulement'])).stdout);
    expect(torture.map((p: { name: string }) => p.name)).toEqual(['Ilyas Zordun']);
    const text = (await c(['at-risk'])).stdout;
    expect(text).toContain('next: urgent check — 3 March 1999 (in 2 days)');
  });

  it('ranks someone with no news for years above someone heard of yesterday, other things equal', async () => {
    await c(['add', 'person', 'Quiet One', '--risk', 'torture']);
    await c(['add', 'person', 'Recent One', '--risk', 'torture']);
    await c(['add', 'event', 'Quiet One', '--date', '1990', '--type', 'report', '--summary', 'last heard']);
    await c(['add', 'event', 'Recent One', '--date', '1999-02-28', '--type', 'report', '--summary', 'seen']);
    const names = JSON.parse((await c(['--json', 'at-risk'])).stdout).map((p: { name: string }) => p.name);
    expect(names).toEqual(['Quiet One', 'Recent One']);
  });
});

describe('refusals change nothing', () => {
  const snapshot = async () => (await c(['export', '--format', 'json'])).stdout;

  it.each([
    [['add', 'event', 'Hemit Memet', '--date', '03/04/1999', '--type', 'arrest', '--summary', 'x'], 1, '1999-04-03'],
    [['add', 'event', 'Hemit Memet', '--date', '31 February 1999', '--type', 'arrest', '--summary', 'x'], 1, 'does not exist'],
    [['add', 'event', 'Nobody Known', '--date', '1999', '--type', 'arrest', '--summary', 'x'], 1, 'no case or person'],
    [['add', 'event', 'Hemit Memet', '--type', 'arrest', '--summary', 'x'], 2, 'missing --date'],
    [['add', 'event', 'Hemit Memet', '--date', '1999'], 2, 'caselog: missing --type, --summary\n'],
    [['add', 'deadline', 'UA 77/98'], 2, 'caselog: missing --date, --note\n'],
    [['add', 'event', 'Hemit Memet', '--date', '1999', '--type', 'party', '--summary', 'x'], 2, 'party'],
    [['add', 'case', '--ref', 'ua 77/98', '--title', 'again'], 1, 'already exists'],
    [['add', 'event', 'UA 77/98', '--date', '1999-02-20', '--type', 'status', '--status', 'released', '--summary', 'x'], 1, 'a status event is about people, not a case as a whole'],
    [['add', 'deadline', 'UA 77/98', '--date', '1999-03-10', '--note', 'x', '--warn', 'soon'], 2, '--warn'],
    [['add', 'deadline', 'UA 77/98', '--date', '1999-03-10', '--note', 'x', '--warn', '-3'], 2, '--warn takes days (a whole number of 0 or more, or 14d) or weeks (2w), not "-3"'],
    [['add', 'deadline', 'UA 77/98', '--date', '1999-03-10', '--note', 'x', '--warn', '99999999999999999999'], 2, '--warn takes a whole number up to 3653'],
    [['add', 'person', 'Old Man', '--age', '200'], 2, '--age takes a whole number up to 130'],
    [['add', 'event', 'Hemit Memet', '--date', '1999', '--type', 'other', '--summary', 'seen\u001b[2J'], 1, 'holds a control character (U+001B)'],
    [['add', 'person', 'Evil\nName', '--case', 'UA 77/98'], 1, 'a name is one line of text, without tabs or control characters (U+000A in "Evil\\nName")'],
    [['add', 'person', 'Old Man', '--age', '99999999999999999999'], 2, '--age takes a whole number up to 130'],
    [['add', 'case', '--ref', 'UA 1\n2', '--title', 'broken'], 1, 'a case reference is one line of text, without tabs, line breaks or invisible characters (U+000A)'],
    [['edit', 'UA 77/98', '--ref', 'UA\t77'], 1, 'a case reference is one line of text, without tabs, line breaks or invisible characters (U+0009)'],
    [['edit', 'UA 77/98', '--ref', 'UA\n77/98'], 1, 'a case reference is one line of text, without tabs, line breaks or invisible characters (U+000A)'],
    [['add', 'person', 'Ahmad\u202eKarim'], 1, 'the name holds an invisible direction or format character (U+202E) that makes a name show as another'],
    [['add', 'case', '--ref', 'UA 9/21\u200b', '--title', 'twin'], 1, 'a case reference is one line of text, without tabs, line breaks or invisible characters (U+200B)'],
    [['timeline', 'UA 77/9'], 1, 'no case or person'],
    [['add', 'person', 'Memet; Hemit', '--new'], 1, '"Memet; Hemit" holds a semicolon, which separates names in CSV sheets: give each name on its own (--alias NAME for another)'],
    // Bytes that are not UTF-8, as Node hands them over.
    [['add', 'person', 'Bad\uFFFD\uFFFDUTF8', '--new'], 1, 'holds bytes that are not UTF-8 text (shown as \uFFFD): set the terminal to UTF-8 and type it again'],
    [['--bogus', 'due'], 2, 'unknown option'],
  ])('%j exits %i and says so in one line', async (args, code, message) => {
    await ua7798();
    const before = await snapshot();
    const r = await c(args as string[]);
    expect(r.code).toBe(code);
    expect(r.stderr).toContain(message as string);
    expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(r.stdout).toBe('');
    expect(await snapshot()).toBe(before);
  });

  it('refuses a database or today named in bytes that are not UTF-8, only where they are used', async () => {
    await ua7798();
    const r = await caselog(['due'], { env: { CASELOG_DB: `${db}\uFFFD`, CASELOG_TODAY: '1999-03-01' } });
    expect(r).toMatchObject({ code: 1, stderr: 'caselog: CASELOG_DB holds bytes that are not UTF-8 text (shown as \uFFFD): set it again in UTF-8\n' });
    expect((await caselog(['--db', db, 'due'], { env: { CASELOG_DB: `${db}\uFFFD`, CASELOG_TODAY: '1999-03-01' } })).code).toBe(0);
    expect((await caselog(['due'], { db, today: '1999-03-01', env: { CASELOG_TODAY: '1999\uFFFD' } })).code).toBe(0);
    // Used, each is refused; --help uses none of them.
    expect(await caselog(['due'], { db, env: { CASELOG_TODAY: '1999\uFFFD' } })).toMatchObject({ code: 1, stderr: 'caselog: CASELOG_TODAY holds bytes that are not UTF-8 text (shown as \uFFFD): set it again in UTF-8\n' });
    expect(await caselog(['due'], { env: { XDG_DATA_HOME: '/tmp/\uFFFD' } })).toMatchObject({ code: 1, stderr: 'caselog: XDG_DATA_HOME holds bytes that are not UTF-8 text (shown as \uFFFD): set it again in UTF-8\n' });
    expect((await caselog(['--help'], { env: { XDG_DATA_HOME: '/tmp/\uFFFD' } })).code).toBe(0);
  });

  it('suggests the nearest names for an unknown one', async () => {
    await ua7798();
    const r = await c(['timeline', 'Hemet Mahmut']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nearest: .*Hemit Memet/);
  });
});

describe('colour', () => {
  const RED_BOLD = /\u001b\[31m\u001b\[1m.*3 days overdue|\u001b\[1m\u001b\[31m.*3 days overdue/;
  it('makes an overdue reminder stand out on a terminal, and never with NO_COLOR or --no-color', async () => {
    await ua7798();
    await c(['add', 'deadline', 'UA 77/98', '--date', '1999-02-26', '--note', 'late one']);
    const onTerminal = await caselog(['due'], { db, today: '1999-03-01', tty: true });
    expect(onTerminal.stdout).toMatch(RED_BOLD);
    const noColor = await caselog(['due'], { db, today: '1999-03-01', tty: true, env: { NO_COLOR: '1' } });
    const flag = await caselog(['due', '--no-color'], { db, today: '1999-03-01', tty: true });
    // A terminal that says it cannot show colour (Emacs shell, some CI consoles) prints the codes as they are.
    const dumb = await caselog(['due'], { db, today: '1999-03-01', tty: true, env: { TERM: 'dumb' } });
    // FORCE_COLOR=0 is how other tools are told "no colour"; read the same way here.
    const forcedOff = await caselog(['due'], { db, today: '1999-03-01', tty: true, env: { FORCE_COLOR: '0' } });
    // CLICOLOR=0, the BSD tools' (ls, git) way of saying it.
    const cliColorOff = await caselog(['due'], { db, today: '1999-03-01', tty: true, env: { CLICOLOR: '0' } });
    for (const r of [noColor, flag, dumb, forcedOff, cliColorOff]) {
      expect(r.stdout).toContain('3 days overdue');
      expect(r.stdout).not.toMatch(/\u001b\[/);
    }
  });
});
