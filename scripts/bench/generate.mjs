// Writes a realistic synthetic caselog export, streamed to disk record by record (the file for a
// million events is far larger than it is sensible to hold): people with names in several
// scripts, cases, events with partial dates, deadlines around a fixed "today", and sources
// carrying ingested document text. Everything derives from a seed, so a size is always the same.
import { closeSync, openSync, writeSync } from 'node:fs';
import { document, eventSummary, EVENT_TYPE_WEIGHTS, DEADLINE_NOTES, PUBLISHERS } from './texts.mjs';
import { personNames, PLACES } from './names.mjs';
import { dayNumber, idOf, isoDay, partialDate, pickSome, seeded } from './random.mjs';

export const BENCH_TODAY = '2026-06-15';
const YEAR = 365;
const RISKS = ['torture', 'ill-treatment', 'death-penalty', 'refoulement', 'arbitrary-detention', 'enforced-disappearance', 'unfair-trial', 'health'];

/** The people the timings look up: names no other generated person has. */
export const TARGET = { names: ['Yerzhan Kuanyshbekuly', 'Erzhan Kuanyshbekuly', 'Ержан Қуанышбекұлы'], fuzzy: 'Yerjan Quanyshbekuli' };
export const WRITER = { names: ['Gulnara Tleubergenkyzy', 'Гүлнара Тілеубергенқызы'] };
export const SEARCH = { rare: 'Zhosaly', common: 'detention' };

class LineWriter {
  constructor(path) { this.fd = openSync(path, 'w'); this.parts = []; this.size = 0; }
  write(text) {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= 1 << 20) this.flush();
  }
  flush() { writeSync(this.fd, this.parts.join('')); this.parts = []; this.size = 0; }
  close() { this.flush(); closeSync(this.fd); }
}

export function generate(path, events) {
  const r = seeded(events);
  const n = { events, people: Math.max(50, events / 10), cases: Math.max(10, events / 50), deadlines: events / 5, sources: Math.max(20, events / 100) };
  const today = dayNumber(BENCH_TODAY);
  const id = (letter, i) => idOf(letter, i, { c: n.cases, p: n.people, e: n.events, d: n.deadlines, s: n.sources, n: n.people * 4 }[letter]);
  const target = Math.floor(n.people / 2);
  const writer = Math.floor(n.people / 3);
  const targetCase = Math.floor(n.cases / 3);
  const namesOf = (p) => (p === target ? { names: TARGET.names, ethnicity: 'Kazakh', citizenship: 'Chinese', gender: 'male' }
    : p === writer ? { names: WRITER.names, ethnicity: 'Kazakh', citizenship: 'Kazakh', gender: 'female' }
      : personNames(seeded(p * 2654435761 + events)));

  // Cases: opened over thirty years (more of them recent); older ones mostly closed.
  const opened = new Int32Array(n.cases);
  const closed = new Int32Array(n.cases);
  for (let c = 0; c < n.cases; c++) {
    opened[c] = today - Math.floor(r() ** 1.4 * 30 * YEAR) - 1;
    const age = today - opened[c];
    if (c !== targetCase && r() < Math.min(0.85, (age / YEAR) * 0.15)) closed[c] = opened[c] + Math.floor(r() * age);
  }
  // Members: most people belong to one case, some to two, some to none yet.
  const caseOf = new Int32Array(n.people).fill(-1);
  const secondCase = new Int32Array(n.people).fill(-1);
  for (let p = 0; p < n.people; p++) {
    if (r() < 0.88) caseOf[p] = Math.floor(r() * n.cases);
    if (caseOf[p] >= 0 && r() < 0.05) secondCase[p] = Math.floor(r() * n.cases);
  }
  caseOf[target] = targetCase;
  caseOf[writer] = targetCase;
  const members = Array.from({ length: n.cases }, () => []);
  for (let p = 0; p < n.people; p++) {
    if (caseOf[p] >= 0) members[caseOf[p]].push(p);
    if (secondCase[p] >= 0 && secondCase[p] !== caseOf[p]) members[secondCase[p]].push(p);
  }
  for (const list of members) list.sort((a, b) => a - b);
  const recorded = (day) => `${isoDay(Math.min(today, day))}T09:30:00.000Z`;
  const ids = (letter, list) => [...new Set(list)].sort((a, b) => a - b).map((i) => id(letter, i));

  const out = new LineWriter(path);
  out.write('{"format":"caselog-export","version":1,\n');
  const section = (name, count, record, last = false) => {
    out.write(`"${name}":[\n`);
    for (let i = 0; i < count; i++) out.write(`${JSON.stringify(record(i))}${i < count - 1 ? ',' : ''}\n`);
    out.write(last ? ']}\n' : '],\n');
  };

  const refOf = (c) => {
    const year = isoDay(opened[c]).slice(0, 4);
    return [`UA ${c + 1}/${year.slice(2)}`, `EUR 57/${c + 1}/${year}`, `ASA ${17 + (c % 5)}/${c + 1}/${year}`][c % 3];
  };
  section('cases', n.cases, (c) => {
    const ref = refOf(c);
    return { id: id('c', c), ref, title: ['Fear of torture', 'Fear of forcible return', 'Incommunicado detention', 'Unfair trial', 'Death penalty'][c % 5],
      countries: [['China', 'Kazakhstan'], ['Russia'], ['Egypt'], ['China'], ['Saudi Arabia', 'Bahrain']][c % 5], summary: `Case ${ref}: people at risk.`,
      opened: partialDate(opened[c], r, { exactOnly: true }), closed: closed[c] ? partialDate(closed[c], r, { exactOnly: true }) : null,
      closeReason: closed[c] ? 'released' : null, recorded: recorded(opened[c]) };
  });

  section('sources', n.sources, (s) => {
    const day = today - Math.floor(r() * 25 * YEAR);
    const mentioned = Array.from({ length: 2 + Math.floor(r() * 3) }, () => namesOf(Math.floor(r() * n.people)).names[0]);
    const rare = s % Math.max(1, Math.floor(n.sources / 3)) === 1 ? SEARCH.rare : undefined;
    return { id: id('s', s), title: `Further information on ${mentioned[0]}`, publisher: PUBLISHERS[s % PUBLISHERS.length], ref: `EUR 57/${1000 + s}/${isoDay(day).slice(0, 4)}`,
      date: partialDate(day, r, { exactOnly: true }), url: `https://example.org/documents/${s}`, reliability: null, hash: null,
      text: document(mentioned, r, rare), recorded: recorded(day) };
  });

  let names = 0;
  section('people', n.people, (p) => {
    const who = namesOf(p);
    names += who.names.length;
    const risky = p === target || p === writer || r() < 0.55;
    const risks = risky ? pickSome(RISKS, 1 + Math.floor(r() * 3), r).sort() : [];
    const roll = r();
    const status = p === target ? null : roll < 0.02 ? 'protected' : roll < 0.03 ? 'deceased' : roll < 0.05 ? 'in-hiding' : null;
    const age = r() < 0.4 ? 18 + Math.floor(r() * 50) : null;
    const cases = [caseOf[p], secondCase[p]].filter((c) => c >= 0);
    return { id: id('p', p), name: who.names[0], names: who.names.map((name, j) => ({ id: id('n', p * 4 + j), name, note: null })),
      age, ageOn: age ? partialDate(today - Math.floor(r() * 10 * YEAR), r) : null, born: null, gender: who.gender,
      citizenship: who.citizenship, ethnicity: who.ethnicity, status, statusOn: status ? isoDay(today - Math.floor(r() * 3 * YEAR)) : null,
      risks, cases: ids('c', cases), recorded: recorded(today - Math.floor(r() * 10 * YEAR)) };
  });

  const everyTarget = Math.max(1, Math.floor(n.events / 30));
  section('events', n.events, (e) => {
    let c = -1;
    let people = [];
    if (e % everyTarget === 0) {
      c = targetCase;
      people = [target];
    } else if (r() < 0.9) {
      c = Math.floor(r() * n.cases);
      if (members[c].length > 0 && r() < 0.9) people = pickSome(members[c], r() < 0.7 ? 1 : r() < 0.66 ? 2 : 3, r);
    } else {
      const p = Math.floor(r() * n.people);
      people = [p];
      c = caseOf[p];
    }
    const from = c >= 0 ? opened[c] - 2 * YEAR : today - 20 * YEAR;
    const to = c >= 0 && closed[c] ? closed[c] : today;
    const day = from + Math.floor(r() * Math.max(1, to - from));
    const type = pickWeighted(EVENT_TYPE_WEIGHTS, r);
    const place = PLACES[Math.floor(r() * PLACES.length)];
    const cited = r() < 0.7 ? [Math.floor(r() * n.sources)] : r() < 0.33 ? [Math.floor(r() * n.sources), Math.floor(r() * n.sources)] : [];
    return { id: id('e', e), case: c >= 0 ? id('c', c) : null, type, status: type === 'status' ? pickSome(['detained', 'released', 'in-hiding', 'imprisoned'], 1, r)[0] : null,
      date: partialDate(day, r), summary: eventSummary(type, place, r), place: r() < 0.6 ? place : null, actor: null,
      people: ids('p', people), sources: ids('s', cited), recorded: recorded(day + 3) };
  });

  section('deadlines', n.deadlines, (d) => {
    let c = d === 0 ? targetCase : Math.floor(r() * n.cases);
    let people = d === 0 ? [target] : [];
    if (d !== 0 && r() < 0.05) {
      people = [Math.floor(r() * n.people)];
      c = -1;
    } else if (d !== 0 && members[c].length > 0 && r() < 0.4) {
      people = pickSome(members[c], 1 + Math.floor(r() * 2), r);
    }
    let day;
    let doneOn = null;
    if (d === 0) day = today + 10;
    else if (c >= 0 && closed[c]) {
      day = closed[c] - Math.floor(r() * 3 * YEAR);
      doneOn = isoDay(Math.min(closed[c], day + Math.floor(r() * 10)));
    } else {
      day = today - 5 * YEAR + Math.floor(r() * 6 * YEAR);
      if (day < today ? r() > 0.004 : r() < 0.02) doneOn = isoDay(Math.min(today, day + Math.floor(r() * 14)));
    }
    return { id: id('d', d), case: c >= 0 ? id('c', c) : null, date: partialDate(day, r, { exactOnly: r() < 0.95 }),
      note: DEADLINE_NOTES[d % DEADLINE_NOTES.length], warn: [null, null, 7, 14, 30][d % 5], doneOn, people: ids('p', people), recorded: recorded(day - 30) };
  }, true);
  out.close();

  return { counts: { ...n, names }, today: BENCH_TODAY, target: { ...TARGET, caseRef: refOf(targetCase) }, writer: WRITER, search: SEARCH };
}

function pickWeighted(weights, r) {
  let x = r() * weights.total;
  for (const [value, w] of weights.entries) if ((x -= w) < 0) return value;
  return weights.entries[0][0];
}
