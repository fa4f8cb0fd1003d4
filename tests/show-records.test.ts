// show ID for an event, a deadline, a source and an appeal target (what a caseworker copies from
// timeline, due, search or log), list sources, and what show says of an id it cannot show.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { run } from '../src/program';
import { caselog, DEMO, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[], opts: { env?: Record<string, string>; today?: string } = {}) => caselog(args, { db, today: '2020-02-01', ...opts });
const json = async (args: string[]) => JSON.parse((await c(['--json', ...args])).stdout);
/** The lines that begin at the left margin: where a card's head stands. */
const atMargin = (text: string) => text.split('\n').filter((line) => /^\S/.test(line));

beforeEach(async () => {
  db = tempDb();
  expect((await c(['import', DEMO])).code).toBe(0);
});

describe('show an event by its id', () => {
  it('gives its date, type, summary, place, actor, people with their ids, case and sources', async () => {
    const r = await c(['show', 'e-dwwy003t']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const hemit = (await json(['show', 'Hemit Memet'])).id as string;
    expect(r.stdout.split('\n')).toEqual([
      '11 February 1999  deportation  e-dwwy003t',
      '  Forcibly returned to China, as Kazakstan Television reported on 11 February 1999',
      `  about: Hemit Memet ${hemit.slice(0, 10)}, Kasim Mahpir p-qky8yybj, Ilyas Zordun p-tyq2w7hv`,
      '  case: UA 77/98  c-wx6dgjjd',
      '  place: Xinjiang Uighur Autonomous Region',
      '  by: Kazakstan Ministry of National Security',
      '  sources:',
      '    Amnesty International, EXTRA 77/98 FI, "Further information on EXTRA 77/98 (EUR 57/12/98, 15 October 1998)", February 1999  s-f3kdn8wq',
      '',
    ]);
  });

  it('says an event is about the case as a whole, and the date as given when it reads otherwise', async () => {
    const whole = (await c(['show', 'e-0yx1'])).stdout;
    expect(whole).toContain('  about: the case as a whole\n  case: UA 77/98  c-wx6dgjjd\n');
    const arrest = (await c(['show', 'e-0zp27j6z'])).stdout;
    expect(arrest).toMatch(/^c\. 1998 {2}arrest {2}e-0zp27j6z\n/);
    // "~1998" only writes c. 1998 another way; "during 1998" says more than 1998.
    expect(arrest).not.toContain('date as given');
    expect((await c(['show', 'e-vz2s5t38'])).stdout).toMatch(/^1998 {2}\w+ {2}e-vz2s5t38\n(?: {2}.*\n)* {2}date as given: "during 1998"\n/);
  });

  it('names the other reports of its happening, as timeline groups them', async () => {
    const out = (await c(['show', 'e-k70vmctj'])).stdout;
    expect(out).toContain('  reports vary: 1 other account of this happening (see timeline)\n' +
      '    6 December 2019  statement  e-9vv4pc0x  Border service director said the two men would be returned to China\n' +
      '      source: Amnesty International, EUR 57/1572/2019,');
    expect((await c(['show', 'e-dwwy003t'])).stdout).not.toContain('reports vary');
  });

  it('gives the event in --json with the spec field names, as timeline --json does', async () => {
    const event = await json(['show', 'e-k70v']);
    const inTimeline = (await json(['timeline', 'KZ 2019/12'])).events.find((e: { id: string }) => e.id === event.id);
    expect(event).toEqual(inTimeline);
    expect(event).toMatchObject({
      id: 'e-k70vmctj4tc5eyae', type: 'statement', date: '2019-12', precision: 'month', approximate: false, dateText: 'December 2019',
      place: null, actor: 'Darkhan Dilmanov, National Security Committee', case: { ref: 'KZ 2019/12' },
      people: [{ id: expect.stringMatching(/^p-/), name: 'Kaster Musakhanuly' }, { id: expect.stringMatching(/^p-/), name: 'Murager Alimuly' }],
      sources: [{ ref: 'HRW 2020-01 KZ', publisher: 'Human Rights Watch', date: '2020-01', url: null }],
      reportsVaryWith: [expect.stringMatching(/^e-9vv4pc0x/)],
    });
  });

  it("gives a source's address with it", async () => {
    await c(['add', 'source', '--title', 'Press release', '--publisher', 'Front Line', '--url', 'https://example.org/release']);
    const id = (await json(['add', 'event', 'Hemit Memet', '--date', '1999-03-01', '--type', 'statement', '--summary', 'Family told', '--source', 'Press release'])).id;
    expect((await c(['show', id])).stdout).toMatch(/\n {4}Front Line, "Press release" {2}s-\w{8}\n {6}https:\/\/example\.org\/release\n/);
  });
});

describe('show a deadline by its id', () => {
  it('gives the sentence due gives, open or done, its warning, case and the case\'s people', async () => {
    const r = await c(['show', 'd-nagd']);
    expect(r.code).toBe(0);
    const due = (await c(['due'])).stdout.split('\n');
    const sentence = due[due.findIndex((l) => l.endsWith('d-nagd0tg4')) + 1]!;
    expect(r.stdout.split('\n')).toEqual([
      'deadline  d-nagd0tg4',
      sentence,
      '  open \u00B7 advance warning: 14 days (due lists it from 1 March 1999)',
      '  case: UA 77/98  c-wx6dgjjd',
      expect.stringMatching(/^ {2}people: none named; the case's people: Hemit Memet p-\w{8}, Kasim Mahpir p-qky8yybj, Ilyas Zordun p-tyq2w7hv$/),
      '',
    ]);
    expect(sentence).toContain('(7628 days overdue)');
    await c(['done', 'd-nagd']);
    const done = (await c(['show', 'd-nagd'])).stdout;
    expect(done).toContain(' \u2014 15 March 1999\n  done on 1 February 2020 \u00B7 advance warning: 14 days');
    expect(done).not.toContain('overdue');
  });

  it('names the people it names, and says when its case is closed', async () => {
    const id = (await json(['add', 'deadline', 'Kaster Musakhanuly', '--date', '2020-02-15', '--note', 'ask the lawyer'])).id as string;
    const out = (await c(['show', id.slice(0, 7)])).stdout;
    expect(out).toContain('  ask the lawyer \u2014 check before 15 February 2020 (in 14 days)\n  open \u00B7 advance warning: none\n');
    expect(out).toMatch(/\n {2}people: Kaster Musakhanuly p-\w{8}\n$/);
    await c(['close', 'KZ 2019/12']);
    expect((await c(['show', id])).stdout).toContain('  open, but its case is closed: due leaves it out \u00B7');
  });

  it('gives the deadline in --json as due --json does, done or not', async () => {
    const shown = await json(['show', 'd-nagd']);
    const listed = (await json(['due'])).find((d: { id: string }) => d.id === shown.id);
    expect(shown).toMatchObject(Object.fromEntries(Object.entries(listed).filter(([key]) => key !== 'appeals')));
    expect(shown).toMatchObject({
      date: '1999-03-15', precision: 'day', dateText: '15 March 1999', warn: 14, done: false, doneOn: null, case: { ref: 'UA 77/98' },
      people: [{ name: 'Hemit Memet' }, { name: 'Kasim Mahpir' }, { name: 'Ilyas Zordun' }], namesPeople: false,
      daysLeft: -7628, overdue: true, warnFrom: { date: '1999-03-01' }, caseClosed: false,
    });
    await c(['done', 'd-nagd']);
    expect(await json(['show', 'd-nagd'])).toMatchObject({ done: true, doneOn: { date: '2020-02-01' }, overdue: false });
  });
});

describe('show a source by its id', () => {
  it('gives its publisher, reference, date, that it was recorded by hand, and the events citing it', async () => {
    const r = await c(['show', 's-f3kdn8wq']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.slice(0, 6)).toEqual([
      'Further information on EXTRA 77/98 (EUR 57/12/98, 15 October 1998)  s-f3kdn8wq',
      '  publisher: Amnesty International',
      '  reference: EXTRA 77/98 FI',
      '  date: February 1999',
      '  document: none ingested (recorded by hand)',
      '  cited by 5 events:',
    ]);
    expect(lines).toContain('    11 February 1999  deportation  e-dwwy003t  Forcibly returned to China, as Kazakstan Television reported on 11 Febr\u2026');
    const source = await json(['show', 's-f3kd']);
    expect(source).toMatchObject({ id: 's-f3kdn8wqhgv0eqee', ref: 'EXTRA 77/98 FI', publisher: 'Amnesty International', date: '1999-02', dateText: 'Feb 1999', url: null, document: null });
    expect(source.events.map((e: { id: string }) => e.id.slice(0, 10))).toEqual(lines.slice(6).map((l) => /e-\w{8}/.exec(l)![0]));
    expect(source.events[0]).toMatchObject({ type: 'other', case: { ref: 'UA 77/98' }, people: expect.any(Array) });
  });

  it('says a source was ingested, and how long the document is', async () => {
    await caselog(['ingest', 'tests/fixtures/ingest/extra-tajikistan-extradition-2021.txt', '--yes'], { db, today: '2021-12-01' });
    const source = (await json(['list', 'sources'])).find((s: { ref: string }) => s.ref === 'UA 112/21');
    const shown = await json(['show', source.id]);
    const length = readFileSync('tests/fixtures/ingest/extra-tajikistan-extradition-2021.txt', 'utf8').length;
    expect(shown.document.characters).toBeGreaterThan(length * 0.9);
    expect(shown.events).toHaveLength(source.events);
    expect((await c(['show', source.id])).stdout).toContain(`  document: ingested, ${shown.document.characters} characters\n  cited by ${source.events} events:\n`);
  });
});

describe('show an appeal target by its id', () => {
  it('gives its name, title, each address line, how to write, and the cases that write to it', async () => {
    const r = await c(['show', 't-fs9']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      'Kasymzhomart Kemel-uly TOKAYEV \u2014 Minister of Foreign Affairs of the Republic of Kazakstan  t-fs9mbgta',
      '  address:', '    Kasymzhomart Kemel-uly', '    TOKAYEV', '    Respublika Kazakhstan', '    g. Astana', '    ul. Mira, 10',
      '    Ministerstvo inostrannykh', '    del Respubliki Kazakhstan', '    Ministru TOKAYEVU K.K.',
      '  fax: (7 3172) 32 42 64 \u00B7 salutation: Dear Minister \u00B7 language: en \u00B7 country: Kazakstan',
      '  appeals:', '    UA 77/98: not written to yet  c-wx6dgjjd', '',
    ]);
    await c(['appeal', 'sent', 'UA 77/98', '--target', 'TOKAYEV', '--via', 'fax', '--date', '1999-02-20']);
    await c(['appeal', 'response', 'UA 77/98', '--target', 'TOKAYEV', '--date', '1999-03-10', '--response', 'denial']);
    expect((await c(['show', 't-fs9'])).stdout).toContain('    UA 77/98: sent 20 February 1999 by fax \u00B7 answered 10 March 1999: denial  c-wx6dgjjd\n');
    const target = await json(['show', 't-fs9mbgta']);
    expect(target).toMatchObject({
      id: expect.stringMatching(/^t-fs9mbgta/), name: 'Kasymzhomart Kemel-uly TOKAYEV', salutation: 'Dear Minister', language: 'en',
      address: expect.arrayContaining(['ul. Mira, 10']),
      appeals: [{ case: { ref: 'UA 77/98' }, inPlan: true, sent: [{ date: '1999-02-20', via: 'fax' }], responses: [{ date: '1999-03-10', response: 'denial' }] }],
    });
    expect(target).toEqual({ ...(await json(['list', 'targets'])).find((t: { id: string }) => t.id === target.id), appeals: target.appeals });
  });
});

describe('show an id it cannot show, or one that fits nothing', () => {
  it.each([
    ['e-zzzz', 'caselog: no event has an id starting "e-zzzz": "caselog timeline" and "caselog search" show events with their ids\n'],
    ['d-zzzz', 'caselog: no deadline has an id starting "d-zzzz": "caselog due" and "caselog search" show deadlines with their ids\n'],
    ['s-zzzz', 'caselog: no source has an id starting "s-zzzz": "caselog list sources" shows them with their ids\n'],
    ['t-zzzz', 'caselog: no appeal target has an id starting "t-zzzz": "caselog list targets" shows them with their ids\n'],
    ['p-zzzz', 'caselog: no person has an id starting "p-zzzz": "caselog list people --json" shows them with their ids\n'],
    ['c-zzzz', 'caselog: no case has an id starting "c-zzzz": "caselog list cases --json" shows them with their ids\n'],
    ['n-0000', 'caselog: "n-0000" is the id of one of a person\'s names: show the person by their name or their p- id\n'],
    ['a-0000', 'caselog: "a-0000" is the id of an appeal plan: caselog appeal plan REF shows a case\'s plan\n'],
    ['e-0', 'caselog: "e-0" fits several event ids (e-0yx16kc8fc, e-0zp27j6zhx): type more of it\n'],
  ])('%s: one line naming what it is, exit 1, nothing on stdout', async (id, message) => {
    expect(await c(['show', id])).toEqual({ code: 1, stdout: '', stderr: message });
  });

  it('still shows a person by name or id and a case by reference or id', async () => {
    const hemit = (await c(['show', 'Khamit Memet'])).stdout;
    expect(hemit).toMatch(/^Hemit Memet {2}p-\w{8}\n/);
    expect((await c(['show', hemit.slice(13, 19)])).stdout).toBe(hemit);
    expect((await c(['show', 'c-wx6d'])).stdout).toBe((await c(['show', 'UA 77/98'])).stdout);
    // A case whose reference looks like an id is the case, not a source.
    await c(['add', 'case', '--ref', 'S-12', '--title', 'A case']);
    expect((await c(['show', 's-12'])).stdout).toMatch(/^S-12 \u2014 A case/);
  });

  it('says in --help what show and list take', async () => {
    const show = (await c(['show', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(show).toContain('or one event, deadline, source or appeal target by its id');
    expect(show).toContain('an id (any unique prefix, as timeline, due, search and log show it) of a person, case, event, deadline, source or appeal target');
    const list = (await c(['list', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(list).toContain('tables of cases, people, sources or appeal targets');
    expect(list).toContain('sources [options] sources: reference, title, publisher, reliability, date, events citing it, id');
  });
});

describe('list sources', () => {
  it('lists every source with its reference, title, publisher, date, the events citing it and its id', async () => {
    const lines = (await c(['list', 'sources'])).stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^REF {2,}TITLE {2,}PUBLISHER {2,}DATE {9}EVENTS {2}ID$/);
    expect(lines.slice(1).map((l) => l.replace(/ {2,}/g, ' | '))).toEqual([
      'EUR 57/12/98 | EXTRA 77/98 Fear of torture / fear of execution | Amnesty International | 15 Oct 1998 | 1 | s-pndsxwry',
      'EXTRA 77/98 FI | Further information on EXTRA 77/98 (EUR 57/12/98, 15 October 1998) | Amnesty International | Feb 1999 | 5 | s-f3kdn8wq',
      'EUR 57/1572/2019 | Kazakhstan must not return asylum-seekers to Xinjiang Uighur Autonomous Region (XUAR) | Amnesty International | 12 Dec 2019 | 3 | s-70svrfdm',
      "HRW 2020-01 KZ | Kazakhstan: don't return asylum seekers to China (updated 21 January 2020) | Human Rights Watch | Jan 2020 | 5 | s-amt38hsb",
    ]);
    const sources = await json(['list', 'sources']);
    expect(sources[0]).toEqual({
      id: 's-pndsxwry4r05kecy', title: 'EXTRA 77/98 Fear of torture / fear of execution', publisher: 'Amnesty International', ref: 'EUR 57/12/98',
      date: '1998-10-15', precision: 'day', approximate: false, dateText: '15 October 1998', url: null, reliability: null, events: 1,
    });
    expect(sources.map((s: { events: number }) => s.events)).toEqual([1, 5, 3, 5]);
  });

  it('fits a 60-column terminal keeping references, dates and ids whole', async () => {
    let stdout = '';
    await run(['--db', db, '--today', '2020-02-01', 'list', 'sources'], {
      env: {}, stdout: { write: (s: string) => { stdout += s; return true; } }, stderr: { write: () => true },
      stdinIsTTY: true, stdoutIsTTY: true, stdoutColumns: 60, now: new Date(2020, 1, 1, 12),
    });
    const lines = stdout.replace(/\u001b\[[0-9;]*m/g, '').trimEnd().split('\n');
    expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(60);
    // Too narrow for a title's start beside the reference, date and id: a block a source, nothing cut.
    expect(lines.slice(0, 3)).toEqual(['EUR 57/12/98', '  title: EXTRA 77/98 Fear of torture / fear of execution', '  publisher: Amnesty International']);
    expect(lines).toContain('  id: s-70svrfdm');
  });

  it('says when there are no sources yet', async () => {
    db = tempDb();
    await c(['add', 'person', 'Nobody Cited']);
    expect(await c(['list', 'sources'])).toMatchObject({ code: 0, stdout: 'No sources yet: add one with caselog add source --title TEXT\n' });
    expect(await json(['list', 'sources'])).toEqual([]);
  });
});

describe('fields from a colleague\'s file stay on their line', () => {
  it('a line break in a title, publisher, url, place, actor, note or target name starts no line of its own', async () => {
    await c(['add', 'source', '--title', 'Report\n\n1 February 2026  release  e-cccccccc', '--publisher', 'AI\u2029Amnesty', '--url', 'https://x.org/a\nforged: yes']);
    const event = (await json(['add', 'event', 'Hemit Memet', '--date', '1999-03-01', '--type', 'arrest', '--summary', 'Arrested\nagain',
      '--place', 'Home\n\nplace: forged', '--actor', 'Police\nby: forged', '--source', 'Report'])).id as string;
    const source = (await json(['list', 'sources'])).find((s: { publisher: string }) => s.publisher === 'AI\u2029Amnesty').id as string;
    const deadline = (await json(['add', 'deadline', 'UA 77/98', '--date', '2020-03-01', '--note', 'call\ndeadline  d-forged'])).id as string;
    const target = (await json(['add', 'target', 'Minister\nappeals: forged', '--title', 'Minister\u2028of X', '--address', 'Street 1'])).id as string;
    const shown = async (id: string) => (await c(['show', id])).stdout;
    const e = await shown(event);
    expect(atMargin(e)).toHaveLength(1);
    expect(e).toContain('  Arrested\n  again\n');
    expect(e).toContain('  place: Home place: forged\n  by: Police by: forged\n');
    expect(e).toContain('    AI Amnesty, "Report 1 February 2026  release  e-cccccccc"  s-');
    expect(e).toContain('      https://x.org/a forged: yes\n');
    const s = await shown(source);
    expect(atMargin(s)).toEqual([expect.stringMatching(/^Report 1 February 2026 {2}release {2}e-cccccccc {2}s-\w{8}$/)]);
    expect(s).toContain('  publisher: AI Amnesty\n');
    expect(s).toContain('  url: https://x.org/a forged: yes\n');
    expect(s).toContain('  Arrested / again');
    expect(atMargin(await shown(deadline))).toEqual([expect.stringMatching(/^deadline {2}d-\w{8}$/)]);
    expect(await shown(deadline)).toContain('  call deadline  d-forged \u2014 check before 1 March 2020');
    expect(atMargin(await shown(target))).toEqual([expect.stringMatching(/^Minister appeals: forged \u2014 Minister of X {2}t-\w{8}$/)]);
    const table = (await c(['list', 'sources'])).stdout;
    expect(table.trimEnd().split('\n')).toHaveLength(6);
  });
});
