// caselog ingest: the three sample documents end to end, the same document twice, --dry-run --json,
// the review on a terminal, and the refusals. In-process, plus the real binary reading stdin.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, ENTER, scriptedPrompter, spawnCaselog, tempDb } from './helpers/cli';

const sample = (name: string): string => new URL(`../../shared/samples/${name}.txt`, import.meta.url).pathname;
const UA = sample('ua-77-98-further-information-1999');
const AMNESTY = sample('amnesty-public-statement-eur-57-1572-2019');
const HRW = sample('hrw-kazakhstan-asylum-seekers-2020');

let db: string;
const c = (args: string[], today = '2020-07-10') => caselog(args, { db, today });
const exported = async () => (await c(['export', '--format', 'json'])).stdout;
const sourcesIn = (json: string) => (JSON.parse(json) as { sources: unknown[] }).sources.length;
const eventsIn = (json: string) => (JSON.parse(json) as { events: unknown[] }).events.length;

beforeEach(() => {
  db = tempDb();
});

describe('ingest --yes of the sample documents', () => {
  it('UA 77/98: the deportation and arrest in the timeline with the source, the appeals deadline in due', async () => {
    const r = await c(['ingest', UA, '--yes']);
    expect(r.code).toBe(0);
    const source = (JSON.parse(await exported()) as { sources: Array<{ id: string }> }).sources[0]!.id.slice(0, 10);
    expect(r.stderr).toContain(`Left out 1 event naming nobody, for want of --case: to record it on a case, caselog add event CASE --date 1998-10-15 --type report --summary "EUR 57/12/98 issued" --source ${source}\n`);
    expect(r.stderr).toContain('3 new people, 3 events, 1 deadline');
    const timeline = await c(['timeline', 'Khamit Memet']);
    expect(timeline.stdout).toContain('Hemit Memet (also Khamit Memet) — returned');
    expect(timeline.stdout).toMatch(/11 February 1999 {2}deportation[\s\S]*deported the three men[\s\S]*source: Amnesty International, EXTRA 77\/98/);
    expect(timeline.stdout).toContain('date as given: "a few months earlier"');
    const due = await c(['due'], '1999-03-01');
    expect(due.stdout).toContain('Hemit Memet, Kasim Mahpir, Ilyas Zordun');
    expect(due.stdout).toContain('check with the International Secretariat before sending appeals (source: Amnesty International EXTRA 77/98) — check before 15 March 1999 (in 14 days)');
  });

  it('given --case for a document ingested without one, says what was left out as commands that record it there', async () => {
    expect((await c(['ingest', UA, '--yes'])).code).toBe(0);
    expect((await c(['add', 'case', '--ref', 'UA 77/98', '--title', 'Fear of torture'])).code).toBe(0);
    const before = await exported();
    const again = await c(['ingest', UA, '--yes', '--case', 'UA 77/98']);
    expect(again.code).toBe(0);
    expect(await exported()).toBe(before);
    const command = /can be recorded on it: (caselog add event .*)\n$/.exec(again.stderr)?.[1];
    expect(command).toMatch(/^caselog add event "UA 77\/98" --date 1998-10-15 --type report --summary "EUR 57\/12\/98 issued" --source s-\w{8}$/);
    // Typed as printed, it records the event on the case, citing the document.
    const args = command!.replace(/^caselog /, '').match(/"[^"]*"|\S+/g)!.map((a) => a.replace(/^"|"$/g, ''));
    expect((await c(args)).code).toBe(0);
    expect((await c(['timeline', 'UA 77/98'])).stdout).toMatch(/15 October 1998 {2}report[\s\S]*EUR 57\/12\/98 issued[\s\S]*source: Amnesty International, EXTRA 77\/98/);
  });

  it('given --case again for a document ingested with one, points at nothing left out', async () => {
    expect((await c(['add', 'case', '--ref', 'UA 77/98', '--title', 'Fear of torture'])).code).toBe(0);
    expect((await c(['add', 'case', '--ref', 'UA 78/98', '--title', 'Another'])).code).toBe(0);
    expect((await c(['ingest', UA, '--yes', '--case', 'UA 77/98'])).code).toBe(0);
    const again = await c(['ingest', UA, '--yes', '--case', 'UA 78/98']);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('note: --case is not applied to a document ingested before; none of its events was left out for want of a case\n');
  });

  it('the public statement: the official\'s statement on the case, by him, under its reference; he is not tracked', async () => {
    await c(['add', 'case', '--ref', 'KZ 2019/12', '--title', 'Asylum-seekers at risk of return']);
    const dry = await c(['ingest', AMNESTY, '--case', 'KZ 2019/12', '--dry-run']);
    expect(dry.stdout).toMatch(/person Darhan Dilmanov — left out: named as director of the border service of the Committee of National Security of Kazakhstan/);
    expect((await c(['ingest', AMNESTY, '--case', 'KZ 2019/12', '--yes'])).code).toBe(0);
    const timeline = await c(['timeline', 'KZ 2019/12']);
    // "Two ethnic Kazakhs" in a statement about two men: the two men.
    expect(timeline.stdout).toMatch(/6 December 2019 {2}statement[\s\S]*Kaster Musakhanuly, Murager Alimuly · by Darhan Dilmanov, director of the border service[\s\S]*source: Amnesty International, EUR 57\/1572\/2019/);
    expect((await c(['timeline', 'Darhan Dilmanov'])).code).toBe(1);
    // The crossing he spoke of is the case's too, but not his doing.
    const events = (JSON.parse((await c(['--json', 'timeline', 'KZ 2019/12'])).stdout) as { events: Array<{ date: string; people: unknown[]; actor: string | null }> }).events;
    const named = (people: unknown[]) => (people as Array<{ name: string }>).map((p) => p.name);
    expect(events.map((e) => [e.date, named(e.people), e.actor])).toEqual([
      ['2019-10-06', ['Kaster Musakhanuly', 'Murager Alimuly'], null],
      ['2019-12-06', ['Kaster Musakhanuly', 'Murager Alimuly'], 'Darhan Dilmanov, director of the border service of the Committee of National Security of Kazakhstan'],
      // "are currently in pre-trial detention": where the two men are on the statement's date.
      ['2019-12-12', ['Kaster Musakhanuly', 'Murager Alimuly'], null],
    ]);
    expect((await c(['due'], '2019-12-12')).stdout).toContain('Nothing due');
  });

  it('the press release: the researcher, the lawyer and the official are left out; the two men keep the events', async () => {
    const dry = await c(['ingest', HRW, '--dry-run']);
    expect(dry.stdout).toMatch(/person Laura Mills — left out: named as Europe and Central Asia researcher at Human Rights Watch/);
    expect(dry.stdout).toMatch(/person Lazzat Akhat — left out: named as lawyer for the two men/);
    expect(dry.stdout).toMatch(/person Darkhan Dilmanov — left out: named as Deputy Chief of Kazakhstan’s National Security Committee/);
    expect(dry.stdout).toMatch(/6 January 2020 {2}event hearing — Kaster Musakhanuly, Murager Alimuly\n/);
    expect(dry.stdout).toMatch(/person Sayragul Sauytbai — new/);
    // "Musakhanuly, 31, and Alimuly, 25, were detained": their ages, on the document's date.
    expect(dry.stdout).toMatch(/person Murager Alimuly — new, aged 25 on 21 January 2020, risks:/);
    expect((await c(['ingest', HRW, '--yes'])).code).toBe(0);
    expect((await c(['show', 'Murager Alimuly'])).stdout).toContain('aged 25 on 21 January 2020 (born c. 1994)');
  });

  it('the press release: hearing and sentence in the timeline, the release date in due', async () => {
    expect((await c(['ingest', HRW, '--yes'])).code).toBe(0);
    const timeline = await c(['timeline', 'Murager Alimuly']);
    expect(timeline.stdout).toMatch(/6 January 2020 {2}hearing[\s\S]*21 January 2020 {2}sentence[\s\S]*source: Human Rights Watch/);
    expect(timeline.stdout).toContain('— imprisoned');
    const due = await c(['due']);
    expect(due.stdout).toMatch(/Kaster Musakhanuly, Murager Alimuly {2}d-\w+\n {2}eligible for release \(source: Human Rights Watch\) — check before 21 July 2020 \(in 11 days\)/);
  });

  it('the press release: "postponed to January 21" is a deadline only, never a hearing on the 21st', async () => {
    const r = await c(['--json', 'ingest', HRW, '--dry-run']);
    const candidates = (JSON.parse(r.stdout) as { candidates: Array<{ kind: string; date?: string; type?: string; note?: string }> }).candidates;
    expect(candidates.filter((k) => k.kind === 'event' && k.type === 'hearing').map((k) => k.date)).toEqual(['2020-01-06']);
    expect(candidates).toContainEqual(expect.objectContaining({ kind: 'deadline', date: '2020-01-21', label: 'hearing', note: expect.stringMatching(/^hearing \(source: /) }));
    // The age --yes would record, as the text proposals show it: on the document's date.
    const people = candidates.filter((k) => k.kind === 'person') as unknown as Array<{ name: string; age: number | null; ageOn: { date: string } | null }>;
    expect(people.filter((p) => p.age !== null).map((p) => [p.name, p.age, p.ageOn?.date]))
      .toEqual([['Kaster Musakhanuly', 31, '2020-01-21'], ['Murager Alimuly', 25, '2020-01-21']]);
  });

  it('tracks people named in passing outside the case it is read into, with their events off the case', async () => {
    await c(['add', 'case', '--ref', 'KZ 2019/12', '--title', 'Asylum-seekers at risk of return']);
    const dry = await c(['ingest', HRW, '--case', 'KZ 2019/12', '--dry-run'], '2020-01-22');
    expect(dry.stdout).toMatch(/person Sayragul Sauytbai — new, outside KZ 2019\/12 \(named in passing\)\n/);
    expect(dry.stdout).toMatch(/person Kaster Musakhanuly — new, aged 31/);
    expect((await c(['ingest', HRW, '--case', 'KZ 2019/12', '--yes'], '2020-01-22')).code).toBe(0);
    const theCase = JSON.parse((await c(['--json', 'show', 'KZ 2019/12'], '2020-01-22')).stdout) as { people: Array<{ name: string }> };
    expect(theCase.people.map((p) => p.name).sort()).toEqual(['Kaster Musakhanuly', 'Murager Alimuly']);
    const sayragul = JSON.parse((await c(['--json', 'timeline', 'Sayragul Sauytbai'], '2020-01-22')).stdout) as { events: Array<{ case: unknown }> };
    expect((JSON.parse((await c(['--json', 'show', 'Sayragul Sauytbai'], '2020-01-22')).stdout) as { cases: unknown[] }).cases).toEqual([]);
    expect(sayragul.events.length).toBeGreaterThan(0);
    expect(sayragul.events.every((e) => e.case === null)).toBe(true);
    // On a terminal, the first answer offered for them is the same (the two men: in the case).
    const fresh = tempDb();
    await caselog(['add', 'case', '--ref', 'KZ 2019/12', '--title', 'Asylum-seekers at risk of return'], { db: fresh });
    const prompter = scriptedPrompter(['new', 'new', 'skip', 'skip', 'skip']);
    await caselog(['ingest', HRW, '--case', 'KZ 2019/12'], { db: fresh, today: '2020-01-22', tty: true, prompter });
    expect(prompter.asked[5]).toMatch(/^New person: Sayragul Sauytbai\n/);
    expect(prompter.choices[5]![0]).toEqual({ name: 'Add as a new person, outside KZ 2019/12 (named in passing)', value: 'outside' });
    expect(prompter.choices[0]![0]).toEqual({ name: 'Add as a new person in KZ 2019/12', value: 'new' });
  });

  it('records the hearing it was put off to as done, since its update tells the sentence of that day', async () => {
    await c(['add', 'case', '--ref', 'KZ 2019/12', '--title', 'Asylum-seekers at risk of return']);
    const dry = await c(['ingest', HRW, '--case', 'KZ 2019/12', '--dry-run'], '2020-01-22');
    expect(dry.stdout).toMatch(/21 January 2020 {2}deadline: hearing — Kaster Musakhanuly, Murager Alimuly \(done: the document tells what came of it that day\)\n/);
    expect((await c(['ingest', HRW, '--case', 'KZ 2019/12', '--yes'], '2020-01-22')).code).toBe(0);
    // Not overdue the day after: done on the day it was set for.
    const due = await c(['due'], '2020-01-22');
    expect(due.stdout).toBe('Nothing due in the next 30 days, and nothing overdue.\n');
    const all = JSON.parse((await c(['export'])).stdout) as { deadlines: Array<{ note: string; doneOn: string | null }> };
    expect(all.deadlines.find((d) => d.note.startsWith('hearing'))).toMatchObject({ doneOn: '2020-01-21' });
    expect(all.deadlines.find((d) => d.note.startsWith('eligible for release'))).toMatchObject({ doneOn: null });
  });

  it('reads a document without a date of its own against --today: what comes after it is a deadline', async () => {
    const file = db.replace(/test\.db$/, 'note.txt');
    writeFileSync(file, 'Aigul Osmonova will be moved to the prison in Bishkek on 20 June 2027.\n');
    const read = async (today: string) =>
      (JSON.parse((await c(['--json', 'ingest', file, '--dry-run'], today)).stdout) as { candidates: Array<{ kind: string; date?: string }> })
        .candidates.filter((k) => k.date).map((k) => `${k.kind} ${k.date}`);
    expect(await read('2026-11-22')).toEqual(['deadline 2027-06-20']);
    expect(await read('2027-07-01')).toEqual(['event 2027-06-20']);
  });

  it("drops a document's terminal escape codes, so its source exports and imports back", async () => {
    const file = db.replace(/test\.db$/, 'codes.txt');
    writeFileSync(file, 'Kasim Mahpir was deported.\u001b[2J\u0007\nOn 11 February 1999 Kasim Mahpir was forcibly returned.\n');
    expect((await c(['ingest', file, '--yes'])).code).toBe(0);
    const exported = (await c(['export', '--format', 'json'])).stdout;
    expect(exported).not.toMatch(/\\u001b|\\u0007/);
    const again = db.replace(/test\.db$/, 'again.db');
    const path = db.replace(/test\.db$/, 'codes.json');
    writeFileSync(path, exported);
    expect((await caselog(['import', path], { db: again })).code).toBe(0);
  });

  it('points to a case with the number of the action the document cites, without taking it', async () => {
    await c(['add', 'case', '--ref', 'UA 77/98', '--title', 'Fear of torture']);
    const r = await c(['ingest', UA, '--dry-run']);
    expect(r.stderr).toContain('The document cites EXTRA 77/98; UA 77/98 has the same number: to put its facts there, give --case "UA 77/98"');
    expect(r.stdout).not.toContain('UA 77/98');
    // A near number is not the same number: only UA 77/98 is pointed to.
    expect((await c(['add', 'case', '--ref', 'UA 77/99', '--title', 'Another'])).code).toBe(0);
    const near = await c(['ingest', UA, '--dry-run']);
    expect(near.code).toBe(0);
    expect(near.stderr).toContain('UA 77/98 has the same number');
    expect(near.stderr).not.toContain('77/99');
  });

  it('puts the facts on --case, and new people in it', async () => {
    await c(['add', 'case', '--ref', 'UA 77/98', '--title', 'Fear of torture']);
    expect((await c(['ingest', UA, '--yes', '--case', 'ua 77/98', '--reliability', 'reliable'])).code).toBe(0);
    const timeline = await c(['--json', 'timeline', 'UA 77/98']);
    const events = (JSON.parse(timeline.stdout) as { events: Array<{ type: string; case: { ref: string }; sources: Array<{ reliability: string }> }> }).events;
    // With a case, the report the document cites (it names nobody) is kept as an event on the whole case.
    expect(events.map((e) => e.type).sort()).toEqual(['arrest', 'deportation', 'other', 'report']);
    expect(events.every((e) => e.case.ref === 'UA 77/98' && e.sources[0]!.reliability === 'reliable')).toBe(true);
    expect((await c(['due'], '1999-03-01')).stdout).toMatch(/^UA 77\/98 {2}Hemit Memet, Kasim Mahpir, Ilyas Zordun/);
  });

  it('sets a deadline for the whole case naming nobody, so that someone added to the case later is listed too', async () => {
    await c(['add', 'case', '--ref', 'UA 77/98', '--title', 'Fear of torture'], '1999-03-01');
    const r = await c(['ingest', UA, '--yes', '--case', 'UA 77/98'], '1999-03-01');
    expect(r.code).toBe(0);
    await c(['add', 'person', 'Abdulla Tursun', '--case', 'UA 77/98'], '1999-03-01');
    const due = await c(['due'], '1999-03-01');
    expect(due.stdout).toMatch(/^UA 77\/98 {2}Hemit Memet, Kasim Mahpir, Ilyas Zordun, Abdulla Tursun {2}d-[0-9a-z]+\n {2}check with the International Secretariat/);
  });

  it('maps a close spelling to the tracked person instead of adding a second one, once it is one of their names', async () => {
    await c(['add', 'person', 'Qaster Musakhanuly']);
    // Only close to a stored name, it is not theirs without a terminal's confirmation (tests/ingest-loose-match.test.ts).
    expect((await c(['ingest', HRW, '--yes'])).code).toBe(1);
    expect((await c(['person', 'alias', 'Qaster Musakhanuly', 'Kaster Musakhanuly'])).code).toBe(0);
    expect((await c(['ingest', HRW, '--yes'])).code).toBe(0);
    const people = (JSON.parse(await exported()) as { people: Array<{ name: string; names: Array<{ name: string }> }> }).people;
    const kaster = people.filter((p) => p.names.some((n) => /musakhanuly/i.test(n.name)));
    expect(kaster.map((p) => p.name)).toEqual(['Qaster Musakhanuly']);
    expect((await c(['timeline', 'Qaster Musakhanuly'])).stdout).toContain('sentenced to one year in prison');
  });
});

describe('ingest --yes beside records made by hand', () => {
  it('sets a deadline on a day the case already has one (it may be another matter), and names both', async () => {
    await c(['add', 'case', '--ref', 'UA 77/98', '--title', 'Fear of torture'], '1999-03-01');
    const set = JSON.parse((await c(['--json', 'add', 'deadline', 'UA 77/98', '--date', '15 March 1999', '--note', 'check with the IS'], '1999-03-01')).stdout);
    await c(['done', set.id], '1999-03-01');
    const r = await c(['ingest', UA, '--case', 'UA 77/98', '--yes'], '1999-03-01');
    expect(r.stderr).toContain('1 deadline');
    const note = /note: the case already had a deadline on 15 March 1999: check with the IS \[(d-[0-9a-z]{8})\], done 1 March 1999; if the new one \[(d-[0-9a-z]{8})\] is the same, caselog delete \2 --force\n/.exec(r.stderr);
    expect(note, r.stderr).not.toBeNull();
    expect((await c(['due', '--within', '60'], '1999-03-01')).stdout).toContain('15 March 1999');
    expect((await c(['delete', note![2]!, '--force'], '1999-03-01')).code).toBe(0);
    expect((await c(['due', '--within', '60'], '1999-03-01')).stdout).toMatch(/^Nothing due in the next 60 days/);
  });

  it('does not set again an open deadline typed by hand in fewer of its words, on the same day', async () => {
    await c(['add', 'case', '--ref', 'UA 77/98', '--title', 'Fear of torture'], '1999-03-01');
    await c(['add', 'deadline', 'UA 77/98', '--date', '15 March 1999', '--note', 'Check with the International Secretariat before sending appeals'], '1999-03-01');
    const r = await c(['ingest', UA, '--case', 'UA 77/98', '--yes'], '1999-03-01');
    expect(r.stderr).toContain('0 deadlines, 1 deadline already set');
    expect((await c(['due'], '1999-03-01')).stdout.match(/15 March 1999/g)).toHaveLength(1);
  });

  it('sets a deadline all the same beside a hand note of a word or two that it holds', async () => {
    await c(['add', 'case', '--ref', 'UA 77/98', '--title', 'Fear of torture'], '1999-03-01');
    await c(['add', 'deadline', 'UA 77/98', '--date', '15 March 1999', '--note', 'appeals'], '1999-03-01');
    const r = await c(['ingest', UA, '--case', 'UA 77/98', '--yes'], '1999-03-01');
    expect(r.stderr).toContain('1 deadline');
    expect(r.stderr).not.toContain('already set');
  });

  it('does not set again a deadline another copy of the report already set, word for word', async () => {
    await c(['add', 'case', '--ref', 'UA 77/98', '--title', 'Fear of torture'], '1999-03-01');
    expect((await c(['ingest', UA, '--case', 'UA 77/98', '--yes'], '1999-03-01')).stderr).toContain('1 deadline');
    const copy = `${tempDb()}.txt`;
    writeFileSync(copy, `${readFileSync(UA, 'utf8')}\nForwarded by the section office.\n`);
    const again = await c(['ingest', copy, '--case', 'UA 77/98', '--yes'], '1999-03-01');
    expect(again.stderr).toContain('0 deadlines, 1 deadline already set');
    expect(again.stderr).not.toContain('note: the case already had');
    expect((await c(['due'], '1999-03-01')).stdout.match(/15 March 1999/g)).toHaveLength(1);
  });

  it('leaves out an event about someone it cannot tell apart, rather than putting it on the whole case', async () => {
    await c(['add', 'case', '--ref', 'KZ 1', '--title', 'Detained'], '2020-03-10');
    await c(['add', 'person', 'Ali Vali', '--case', 'KZ 1'], '2020-03-10');
    await c(['add', 'person', 'Ali Vali', '--case', 'KZ 1', '--new'], '2020-03-10');
    await c(['add', 'person', 'Bolat Nurlanov', '--case', 'KZ 1'], '2020-03-10');
    const doc = `${tempDb()}.txt`;
    writeFileSync(doc, 'ALMATY, 10 March 2020. Ali Vali was arrested on 3 March 2020 in Almaty, his family said.\n');
    // The arrest is read, and said to be left out with the person it could be.
    expect((await c(['ingest', doc, '--case', 'KZ 1', '--dry-run'], '2020-03-10')).stdout).toMatch(/3 March 2020 {2}event arrest — Ali Vali/);
    const r = await c(['ingest', doc, '--case', 'KZ 1', '--yes'], '2020-03-10');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Left out "Ali Vali": it could be Ali Vali \[p-\w+\] \(status unknown, KZ 1; the same name\) or Ali Vali \[p-\w+\] \(status unknown, KZ 1; the same name\); add the facts/);
    expect((await c(['timeline', 'Bolat Nurlanov'], '2020-03-10')).stdout).not.toContain('arrested');
    const whole = await c(['timeline', 'KZ 1'], '2020-03-10');
    expect(whole.code).toBe(0);
    expect(whole.stdout).not.toContain('arrest');
  });
});

describe('the same document twice', () => {
  it('is one source with no duplicate events, also when saved with other line endings', async () => {
    expect((await c(['ingest', UA, '--yes'])).code).toBe(0);
    const before = await exported();
    const again = await c(['ingest', UA, '--yes']);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/Already ingested as source Amnesty International, EXTRA 77\/98, .* \[s-\w+\]: nothing new recorded/);
    const crlf = `${db}.txt`;
    writeFileSync(crlf, readFileSync(UA, 'utf8').replace(/\n/g, '\r\n  '));
    expect((await c(['ingest', crlf, '--yes'])).stderr).toContain('Already ingested');
    const after = await exported();
    expect(after).toBe(before);
    expect(sourcesIn(after)).toBe(1);
    expect(eventsIn(after)).toBe(3);
  });

  it('is undone as one change', async () => {
    await c(['add', 'person', 'Kasim Mahpir']);
    const before = await exported();
    expect((await c(['ingest', UA, '--yes'])).code).toBe(0);
    expect((await c(['undo'])).stderr).toMatch(/^Undid "caselog ingest" .*removed source EXTRA 77\/98 "Further information on EXTRA 77\/98/);
    expect(await exported()).toBe(before);
    expect((await c(['search', 'deported'])).stdout).toBe('Nothing matches "deported".\n');
  });
});

describe('ingest --dry-run --json', () => {
  it('prints the proposals with the documented fields and writes nothing', async () => {
    const hemit = (JSON.parse((await c(['--json', 'add', 'person', 'Hemit Memet'])).stdout) as { id: string }).id;
    const before = await exported();
    const r = await c(['--json', 'ingest', UA, '--dry-run']);
    expect(r.code).toBe(0);
    expect(await exported()).toBe(before);
    const out = JSON.parse(r.stdout) as { source: Record<string, unknown>; candidates: Array<Record<string, unknown>> };
    expect(out.source).toMatchObject({ title: expect.stringContaining('Further information on EXTRA 77/98'), publisher: 'Amnesty International', ref: 'EXTRA 77/98', reference: 'EXTRA 77/98', date: '1999-02-11', precision: 'day' });
    expect(new Set(out.candidates.map((k) => k.kind))).toEqual(new Set(['event', 'deadline', 'person', 'reference']));
    expect(out.candidates).toContainEqual(expect.objectContaining({
      kind: 'event', type: 'deportation', date: '1999-02-11', precision: 'day',
      // As every --json names people: {id, name}, the id null for someone --yes would add.
      people: [{ id: hemit, name: 'Hemit Memet' }, { id: null, name: 'Kasim Mahpir' }, { id: null, name: 'Ilyas Zordun' }],
      text: expect.stringContaining('deported the three men'), summary: expect.stringContaining('deported the three men'),
    }));
    expect(out.candidates).toContainEqual(expect.objectContaining({ kind: 'deadline', date: '1999-03-15', precision: 'day', text: expect.stringContaining('15 March 1999'),
      note: expect.stringMatching(/before sending appeals.*\(source: Amnesty International EXTRA 77\/98\)$/) }));
    expect(out.candidates).toContainEqual(expect.objectContaining({ kind: 'person', people: [{ id: hemit, name: 'Hemit Memet' }], tracked: expect.objectContaining({ name: 'Hemit Memet' }) }));
    expect(out.candidates).toContainEqual(expect.objectContaining({ kind: 'reference', reference: 'EUR 57/12/98' }));
  });

  it('says in plain text, of each person, what --yes would do: new, tracked (with the risks added), or left out', async () => {
    await c(['add', 'person', 'Hemit Memet', '--risk', 'torture']);
    const out = (await c(['ingest', UA, '--dry-run'])).stdout;
    expect(out).toMatch(/person Hemit Memet .*— tracked as Hemit Memet, adding risks: /);
    expect(out).toMatch(/person Kasim Mahpir — new(, risks: .*)?\n/);
  });

  it('does not create a database that does not exist', async () => {
    expect((await c(['--json', 'ingest', HRW, '--dry-run'])).code).toBe(0);
    expect(existsSync(db)).toBe(false);
  });
});

describe('HTML and Markdown', () => {
  const page = '<!doctype html><html><head><title>Release him | Example</title></head><body><div class="nav">Menu</div>'
    + '<h1>Kazakhstan: release Kaster Musakhanuly</h1><p>Kaster Musakhanuly was detained on 14 October 2019 in Almaty.</p></body></html>';
  const note = '# Kazakhstan: release Kaster Musakhanuly\n\n**Kaster Musakhanuly** was detained on 14 October 2019 in [Almaty](https://example.org).\n';

  it.each([['a saved web page, told by its content', 'page', page], ['a Markdown note, told by its extension', 'note.md', note]])('%s', async (_what, name, text) => {
    const file = `${db}-${name}`;
    writeFileSync(file, text);
    const r = await c(['--json', 'ingest', file, '--yes']);
    expect(r.code).toBe(0);
    const done = JSON.parse(r.stdout) as { source: { title: string }; events: Array<{ type: string; date: string; summary: string }> };
    expect(done.source.title).toBe('Kazakhstan: release Kaster Musakhanuly');
    expect(done.events).toEqual([expect.objectContaining({ type: 'detention', date: '2019-10-14', summary: expect.stringMatching(/^Kaster Musakhanuly was detained on 14 October 2019 in Almaty\b/) })]);
    // The markup is not part of the stored text.
    expect((await c(['search', 'nav'])).stdout).toBe('Nothing matches "nav".\n');
  });
});

describe('the review on a terminal', () => {
  const tracked = async () => {
    await c(['add', 'case', '--ref', 'UA 77/98', '--title', 'Fear of torture']);
    await c(['add', 'person', 'Hemit Memet', '--case', 'UA 77/98']);
  };
  const walk = (answers: unknown[]) => {
    const prompter = scriptedPrompter(answers);
    return { prompter, run: () => caselog(['ingest', UA, '--case', 'UA 77/98'], { db, today: '1999-03-01', tty: true, prompter }) };
  };

  it('writes exactly what was accepted, after the confirmation', async () => {
    await tracked();
    // Kasim Mahpir: new; Ilyas Zordun: skipped; report: skip; deportation: accept; arrest: skip; warrant: skip; deadline: accept.
    const { prompter, run } = walk(['new', 'skip', 'skip', 'accept', 'skip', 'skip', 'accept', true]);
    const r = await run();
    expect(r.code).toBe(0);
    expect(prompter.asked[0]).toMatch(/^New person: Kasim Mahpir/);
    expect(prompter.asked.at(-1)).toBe('Record the source, 1 new person, 1 event and 1 deadline?');
    const events = (JSON.parse((await c(['--json', 'timeline', 'UA 77/98'])).stdout) as { events: Array<{ type: string; people: Array<{ name: string }> }> }).events;
    expect(events.map((e) => [e.type, e.people.map((p) => p.name)])).toEqual([['deportation', ['Hemit Memet', 'Kasim Mahpir']]]);
    expect((await c(['timeline', 'Ilyas Zordun'])).code).toBe(1);
    expect((await c(['due'], '1999-03-01')).stdout).toContain('check with the International Secretariat before sending appeals');
  });

  it('asks before taking a spelling variant for someone tracked', async () => {
    const qaster = JSON.parse((await c(['--json', 'add', 'person', 'Qaster Musakhanuly'])).stdout) as { id: string };
    // Darhan Dilmanov: skip; Kaster Musakhanuly: Qaster's other name; Murager Alimuly: skip. The two
    // dated events of "two ethnic Kazakhs" and the detention on the statement's date are then Qaster's.
    const prompter = scriptedPrompter(['skip', `id:${qaster.id}`, 'skip', 'accept', 'accept', 'accept', true]);
    const r = await caselog(['ingest', AMNESTY], { db, tty: true, prompter });
    expect(r.code).toBe(0);
    expect(prompter.asked[1]).toMatch(/^"Kaster Musakhanuly" looks like someone tracked/);
    expect((await c(['timeline', 'Kaster Musakhanuly'])).stdout).toMatch(/^Qaster Musakhanuly \(also Kaster Musakhanuly\)/);
    expect((JSON.parse(await exported()) as { people: unknown[] }).people).toHaveLength(1);
    expect(prompter.asked.slice(3, 6).map((q) => q.split('\n')[0])).toEqual([
      'Event: 6 December 2019 · statement · Qaster Musakhanuly', 'Event: 6 October 2019 · other · Qaster Musakhanuly', 'Event: 12 December 2019 · detention · Qaster Musakhanuly',
    ]);
    expect((await c(['show', 'Qaster Musakhanuly'], '2019-12-13')).stdout).toContain('status: detained since 12 December 2019, set by detention');
  });

  it('records an edited event as edited', async () => {
    await tracked();
    const { run } = walk(['new', 'new', 'skip', 'edit', '12 Feb 1999', 'deportation', ENTER, 'Handed over to China at the border', 'skip', 'skip', 'skip', true]);
    expect((await run()).code).toBe(0);
    const timeline = (await c(['timeline', 'Hemit Memet'])).stdout;
    expect(timeline).toMatch(/12 February 1999 {2}deportation[\s\S]*Handed over to China at the border/);
    expect(timeline).not.toContain('deported the three men');
  });

  it('offers an edited date in words that read alone, and Enter keeps it', async () => {
    // "October 14" takes its year from the document's date; typed back alone it has none.
    const file = `${db}-october.txt`;
    writeFileSync(file, 'Kazakhstan: news\n12 December 2019\n\nKaster Musakhanuly was detained on October 14 in Almaty.\n');
    const prompter = scriptedPrompter(['new', 'edit', ENTER, 'detention', ENTER, ENTER, true]);
    const r = await caselog(['ingest', file], { db, tty: true, prompter });
    expect(r.code, r.stderr).toBe(0);
    expect(prompter.offered[0]).toBe('14 October 2019');
    expect(prompter.refusals).toEqual([]);
    const [event] = (JSON.parse((await c(['--json', 'timeline', 'Kaster Musakhanuly'])).stdout) as { events: Array<Record<string, unknown>> }).events;
    expect(event).toMatchObject({ type: 'detention', date: '2019-10-14', dateText: 'October 14' });
  });

  it('takes a done deadline moved to another day in the review for an open one', async () => {
    const file = `${db}-adjourned.txt`;
    writeFileSync(file, 'Kazakhstan: trial news\n22 January 2020\n\nThe hearing of Aidos Serikov was adjourned and postponed to January 21.\n\nOn January 21, 2020, Aidos Serikov was sentenced to one year in prison.\n');
    const prompter = scriptedPrompter(['new', 'accept', 'edit', '4 February 2020', ENTER, 'accept', true]);
    expect((await caselog(['ingest', file], { db, tty: true, today: '2020-01-22', prompter })).code).toBe(0);
    expect((await c(['due'], '2020-01-22')).stdout).toContain('hearing (source: "Kazakhstan: trial news") — check before 4 February 2020 (in 13 days)');
  });

  it('writes nothing when the caseworker says no at the end', async () => {
    await tracked();
    const before = await exported();
    const { run } = walk(['new', 'new', 'accept', 'accept', 'accept', 'accept', 'accept', false]);
    const r = await run();
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Nothing recorded.');
    expect(await exported()).toBe(before);
  });
});

describe('refusals', () => {
  it('refuses a device that never ends (/dev/zero) at once', async () => {
    const r = await c(['ingest', '/dev/zero', '--dry-run']);
    expect(r).toMatchObject({ code: 1, stderr: 'caselog: /dev/zero is a device, not a document\n' });
  });

  it('refuses a document that is not UTF-8, and reads a web page in the character set it declares', async () => {
    const latin = `${db}.latin1.txt`;
    writeFileSync(latin, Buffer.from('On 6 January 2020 José Müller was arrested in Almaty.\n', 'latin1'));
    expect(await c(['ingest', latin, '--yes'])).toMatchObject({ code: 1, stderr: `caselog: ${latin} is not UTF-8 text: save it as UTF-8 (names read from it would be stored garbled); nothing was recorded\n` });
    expect(existsSync(db)).toBe(false);
    const page = `${db}.cp1251.html`;
    const html = '<html><head><meta charset="windows-1251"></head><body><p>On 6 January 2020 Kaster Musakhanuly (Кастер Мусаханулы) was arrested in Almaty.</p></body></html>';
    // windows-1251 puts А-я (U+0410-U+044F) at 0xC0-0xFF.
    writeFileSync(page, Buffer.from([...html].map((ch) => (ch.charCodeAt(0) < 128 ? ch.charCodeAt(0) : ch.charCodeAt(0) - 0x410 + 0xc0))));
    const r = await c(['--json', 'ingest', page, '--dry-run']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Кастер Мусаханулы');
  });

  it('needs --yes or --dry-run without a terminal, and writes nothing', async () => {
    const r = await c(['ingest', UA]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('pass --yes to accept them all, or --dry-run --json');
    expect(existsSync(db)).toBe(false);
  });

  it('refuses an unknown case, a missing file, and a reliability off the scale', async () => {
    expect((await c(['ingest', UA, '--yes', '--case', 'UA 1/01'])).stderr).toContain('no case with reference "UA 1/01"');
    expect((await c(['ingest', `${db}.missing.txt`, '--yes'])).code).toBe(1);
    const bad = await c(['add', 'source', '--title', 'Report', '--reliability', 'trustworthy']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('highly-reliable, reliable, fairly-reliable, unreliable, unknown');
    const good = await c(['--json', 'add', 'source', '--title', 'Report', '--reliability', 'fairly-reliable']);
    expect(JSON.parse(good.stdout)).toMatchObject({ title: 'Report', reliability: 'fairly-reliable' });
  });
});

describe('the real binary', () => {
  it('ingests a document from stdin and then finds a word that is only in it', () => {
    const env = { CASELOG_DB: db, CASELOG_TODAY: '2020-07-10' };
    const r = spawnCaselog(['ingest', '-', '--yes', '--title', 'Kazakhstan: asylum seekers on trial'], env, readFileSync(HRW, 'utf8'));
    expect(r.stderr).toContain('Recorded source Human Rights Watch, "Kazakhstan: asylum seekers on trial", 21 January 2020');
    expect(r.code).toBe(0);
    const found = spawnCaselog(['search', 'treaty'], env);
    expect(found.code).toBe(0);
    expect(found.stdout).toContain("…a violation of Kazakhstan's [treaty] obligations");
  });
});

describe('a document that is not text', () => {
  it.each([
    ['report.pdf', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj', 'latin1'), 'a PDF'],
    ['ua.docx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), 'a Word or OpenDocument file (or another zip archive)'],
    ['ua.rtf', Buffer.from('{\\rtf1\\ansi Hemit Memet}'), 'an RTF document'],
  ])('%s is refused as what it is, with what to do instead', async (name, bytes, kind) => {
    const file = `${tempDb()}-${name}`;
    writeFileSync(file, bytes);
    const r = await c(['ingest', file, '--dry-run']);
    expect(r).toMatchObject({ code: 1, stderr: `caselog: ${file} is ${kind}, which caselog cannot read: copy its text into a .txt file (or save the web page it came from as HTML) and ingest that; nothing was recorded\n` });
  });
});

describe('ingest into a closed case', () => {
  it('records nothing when the document proposes deadlines, which due would never show; a dry run says so', async () => {
    await c(['add', 'case', '--ref', 'UA 77/98', '--title', 'Fear of torture']);
    await c(['close', 'UA 77/98']);
    const before = await exported();
    const r = await c(['ingest', UA, '--case', 'UA 77/98', '--yes']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('caselog: nothing was recorded: UA 77/98 is closed: its deadlines are not shown by due; reopen it first (caselog reopen "UA 77/98") or name an open case (with --case; the document proposes 1 deadline)\n');
    expect(await exported()).toBe(before);
    const dry = await c(['ingest', UA, '--case', 'UA 77/98', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stderr).toContain('note: UA 77/98 is closed: its deadlines are not shown by due');
  });
});
