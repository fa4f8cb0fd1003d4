// What ingest shows: the proposals (text, or JSON for --dry-run --json), what is about to be recorded,
// and what was.
import type { Context } from '../context';
import { printJson, printWrapped, say } from '../context';
import { dateJson, dayInWords, formatDate, isoOf, onDate } from '../domain/dates';
import { shortId } from '../domain/ids';
import type { SourceRecord } from '../domain/model';
import type { Candidate, Extraction } from '../ingest/extraction';
import type { DateSource } from '../ingest/passages';
import { deadlineJson, eventJson, personJson, sourceJson } from '../render/json';
import type { Ingested, IngestWrite, PersonKey } from '../store/ingest';
import { personRef, type IngestPlan } from './ingest-plan';
import { count } from '../render/style';
import { alikeText, howClose } from './ingest-loose';
import { heldByOthers, heldText } from './ingest-held';
import { oneLine } from '../render/lines';
import { inSentence } from '../domain/text';

export function describeSource(s: { title: string; publisher?: string; ref?: string; date?: SourceRecord['date']; reliability?: string }): string {
  return oneLine([s.publisher, s.ref, `"${s.title}"`, s.date && formatDate(s.date), s.reliability].filter(Boolean).join(', '));
}

// Each plan's facts by their candidate: a search through all of them for each made a list of thousands square.
const factsBy = new WeakMap<IngestPlan, Map<Candidate, IngestPlan['facts'][number]>>();
function factOf(plan: IngestPlan, c: Candidate): IngestPlan['facts'][number] | undefined {
  let facts = factsBy.get(plan);
  if (!facts) factsBy.set(plan, (facts = new Map(plan.facts.map((f) => [f.candidate, f]))));
  return facts.get(c);
}

function candidateJson(plan: IngestPlan, c: Candidate): Record<string, unknown> {
  const person = c.kind === 'person' ? plan.people.find((p) => p.candidate === c) : undefined;
  const choice = person?.choice;
  // What --yes records: an event's summary, a deadline's note (with its source).
  const fact = factOf(plan, c);
  return {
    kind: c.kind,
    ...(c.date ? dateJson(c.date) : {}),
    ...(c.type ? { type: c.type } : {}),
    people: c.kind === 'person' ? [person ? personRef(plan, person.key) : { id: null, name: c.name! }] : (c.people ?? []).map((k) => personRef(plan, k)),
    text: c.text,
    ...(fact?.kind === 'event' ? { summary: fact.text } : {}),
    ...(fact?.kind === 'deadline' ? { note: fact.text, label: c.note ?? null } : c.note !== undefined ? { note: c.note } : {}),
    ...(c.reference ? { reference: c.reference } : {}),
    ...(person ? {
      name: c.name, aliases: c.aliases ?? [], risks: c.risks ?? [],
      // The age as --yes records it: on the document's date, so only when the document has one.
      age: c.age !== undefined && plan.source.date ? c.age : null,
      ageOn: c.age !== undefined && plan.source.date ? dateJson(plan.source.date) : null,
      outsideCase: choice?.action === 'new' && plan.theCase ? Boolean(choice.outsideCase) : false,
      tracked: choice?.action === 'tracked' ? { id: choice.person.id, name: choice.person.name } : null,
      // The document's spellings not given to the tracked person: another tracked person's own names.
      notAdded: choice?.action === 'tracked' ? heldByOthers(plan, person!, choice.person).map((h) => ({ name: h.name, heldBy: { id: h.holder.id, name: h.holder.name } })) : [],
      // The tracked person the name reaches, whom the document's age rules out: --yes adds someone new.
      notByAge: person?.notByAge ? { id: person.notByAge.person.id, name: person.notByAge.person.name, recorded: person.notByAge.theirs } : null,
      // The tracked person the name is only close to: theirs once confirmed on a terminal.
      closeTo: choice?.action === 'confirm' ? { id: choice.person.id, name: choice.person.name, match: howClose(person!) } : null,
      // The person named earlier in the document the name is only close to: --yes keeps them apart.
      closeToInDocument: person?.alike ? { name: person.alike.name, match: alikeText(person.alike) } : null,
      // What --yes does with this person: a new record, the tracked one, nothing (it could be several),
      // or confirm: --yes records nothing, the name being only close to a tracked person's.
      action: choice?.action,
    } : {}),
  };
}

const DATE_FROM: Record<DateSource, string> = { caller: 'flag', dateline: 'document', 'latest-date-mentioned': 'guessed' };

export function proposalsJson(plan: IngestPlan, already: SourceRecord | undefined) {
  const s = plan.source;
  return {
    source: {
      // ref as everywhere else in caselog's JSON; reference as the ingest format first named it.
      title: s.title, publisher: s.publisher ?? null, ref: s.ref ?? null, reference: s.ref ?? null,
      ...(s.date ? dateJson(s.date) : { date: null, precision: null, approximate: false, dateText: null }),
      // Where the date came from: --date, the document's own (a dateline, "Date:"), or a guess to check.
      dateFrom: s.date ? DATE_FROM[plan.extraction.source.dateFrom ?? 'caller'] : null,
      dateGuessedFrom: plan.extraction.source.dateFrom === 'latest-date-mentioned' ? plan.extraction.source.dateFoundIn ?? null : null,
      url: s.url ?? null, reliability: s.reliability ?? null, hash: s.hash,
      alreadyIngested: already ? { id: already.id, title: already.title } : null,
    },
    case: plan.theCase ? { id: plan.theCase.id, ref: plan.theCase.ref } : null,
    candidates: plan.extraction.candidates.map((c) => candidateJson(plan, c)),
    // Dates in figures, not read: what each can be, to record by hand.
    unreadDates: plan.extraction.unread.map((u) => ({ dateText: u.text, text: u.sentence, readings: u.readings.map(isoOf) })),
  };
}

/**
 * A person as --yes would take them: their other names and risks, and whether they are new, someone
 * tracked (with the risks that would be added to theirs) or left out as unclear.
 */
function personLine(plan: IngestPlan, c: Candidate): string {
  const p = plan.people.find((q) => q.candidate === c);
  const also = c.aliases?.length ? ` (also ${c.aliases.join(', ')})` : '';
  const risks = c.risks ?? [];
  if (p?.choice.action === 'skip' && c.role) return `${c.name}${also} — left out: named as ${c.role}`;
  if (!p || p.choice.action === 'skip') return `${c.name}${also} — left out: could be several tracked people`;
  if (p.choice.action === 'confirm') {
    const { person } = p.choice;
    return `${c.name}${also} — close to ${person.name} [${shortId(person.id)}] (${howClose(p)}), not one of their names: theirs only if confirmed on a terminal; --yes records nothing`;
  }
  if (p.choice.action === 'same') return `${c.name}${also} — another name of ${personRef(plan, p.choice.key).name}`;
  if (p.choice.action === 'new') {
    const outside = p.choice.outsideCase && plan.theCase ? `, outside ${plan.theCase.ref} (named in passing)` : '';
    const apart = p.notByAge ? `, not ${p.notByAge.person.name} [${shortId(p.notByAge.person.id)}] (${p.notByAge.theirs}) by age` : '';
    const alike = p.alike ? `, close to ${p.alike.name} named before it (${alikeText(p.alike)}): kept apart unless joined on a terminal` : '';
    return `${c.name}${also} — new${outside}${c.age !== undefined && plan.source.date ? `, aged ${c.age} ${onDate(plan.source.date)}` : ''}${apart}${alike}${risks.length ? `, risks: ${risks.join(', ')}` : ''}`;
  }
  const { person } = p.choice;
  const adds = risks.filter((r) => !person.risks.includes(r));
  const held = heldByOthers(plan, p, person).map((h) => `, not adding "${h.name}" (${heldText(h)})`).join('');
  return `${c.name}${also} — tracked as ${person.name}${held}${adds.length ? `, adding risks: ${adds.join(', ')}` : ''}`;
}

export function proposalsText(plan: IngestPlan): string {
  const lines = [`Source: ${describeSource(plan.source)}`, ''];
  for (const c of plan.extraction.candidates) {
    const when = c.date ? `${formatDate(c.date)}  ` : '';
    const what = c.kind === 'event' ? `event ${c.type}`
      : c.kind === 'deadline' ? `deadline: ${c.note}`
      : c.kind === 'person' ? `person ${personLine(plan, c)}` : `reference ${c.reference}`;
    // As the people decisions stand: a tracked person's name, else the document's.
    const who = c.kind === 'event' || c.kind === 'deadline' ? (c.people ?? []).map((k) => personRef(plan, k).name).join(', ') : '';
    const done = c.done ? ' (done: the document tells what came of it that day)' : '';
    lines.push(oneLine(`${when}${what}${who ? ` — ${who}` : ''}${done}`), `  "${oneLine(c.text)}"`);
  }
  lines.push('', 'Nothing recorded (--dry-run).');
  return lines.join('\n');
}

/** The records about to be written, one line each (a heading first). */
export function describeWrite(w: IngestWrite, plan: IngestPlan): string[] {
  const tracked = new Map(plan.people.flatMap((p) => (p.choice.action === 'tracked' ? [[p.choice.person.id, p.choice.person.name] as const] : [])));
  const nameOf = (k: PersonKey): string => ('key' in k ? w.newPeople.find((p) => p.key === k.key)?.name : tracked.get(k.id)) ?? '?';
  const lines = ['To record:', `  source    ${describeSource(w.source)}${plan.theCase ? ` (case ${plan.theCase.ref})` : ''}`];
  for (const p of w.newPeople) {
    const outside = plan.theCase && !p.caseIds.includes(plan.theCase.id) ? `, outside ${plan.theCase.ref}` : '';
    lines.push(`  person    ${p.name}${p.aliases.length ? ` (also ${p.aliases.join(', ')})` : ''} — new${outside}`);
  }
  for (const p of w.trackedPeople.filter((t) => t.names.length)) lines.push(`  names     ${p.names.join(', ')} — other names of a tracked person`);
  for (const p of plan.people) {
    if (p.choice.action !== 'tracked') continue;
    for (const h of heldByOthers(plan, p, p.choice.person)) lines.push(`  not added "${h.name}" as a name of ${p.choice.person.name}: it is ${heldText(h)}`);
  }
  for (const e of w.events) lines.push(`  event     ${formatDate(e.date)} ${e.type} — ${e.people.map(nameOf).join(', ') || 'the whole case'}`);
  for (const d of w.deadlines) lines.push(`  deadline  ${formatDate(d.date)} ${d.note}${d.people.length ? ` — ${d.people.map(nameOf).join(', ')}` : d.caseId ? ' — the whole case' : ''}${d.doneOn ? ' (done)' : ''}`);
  return lines.map((line) => oneLine(line));
}

/** `byHand`: with --case, the commands that record on it what the first ingest left out (--case applies to a first ingest only). */
export function reportAlready(ctx: Context, source: SourceRecord, byHand?: string[]): void {
  if (ctx.json) printJson(ctx, { source: sourceJson(source), alreadyIngested: true, people: [], events: [], deadlines: [], ...(byHand ? { byHand } : {}) });
  say(ctx, `Already ingested as source ${describeSource(source)} [${shortId(source.id)}]: nothing new recorded`);
  if (!byHand) return;
  say(ctx, byHand.length === 0 ? 'note: --case is not applied to a document ingested before; none of its events was left out for want of a case'
    : `note: --case is not applied to a document ingested before; what was left out for want of a case can be recorded on it: ${byHand.join('; ')}`);
}

export function reportIngested(ctx: Context, done: Ingested): void {
  if (ctx.json) {
    printJson(ctx, {
      source: sourceJson(done.source), alreadyIngested: false, people: done.newPeople.map(personJson), updatedPeople: done.updatedPeople.map(personJson),
      events: done.events.map((e) => eventJson(e)), citedEvents: done.cited.map((e) => eventJson(e)), deadlines: done.deadlines.map((d) => deadlineJson(d)),
      sameDayDeadlines: done.sameDayDeadlines.map((d) => ({ added: d.added.id, existing: deadlineJson(d.existing) })),
    });
  }
  const counts = [
    `${done.newPeople.length} new ${done.newPeople.length === 1 ? 'person' : 'people'}`,
    `${count(done.events.length, 'event')}`,
    ...(done.cited.length ? [`${count(done.cited.length, 'event')} already recorded now citing it`] : []),
    `${count(done.deadlines.length, 'deadline')}`,
    ...(done.alreadySet.length ? [`${count(done.alreadySet.length, 'deadline')} already set`] : []),
  ];
  say(ctx, `Recorded source ${describeSource(done.source)} [${shortId(done.source.id)}]: ${counts.join(', ')}`);
  for (const { added, existing } of done.sameDayDeadlines) {
    say(ctx, `note: the case already had a deadline on ${formatDate(existing.date)}: ${existing.note} [${shortId(existing.id)}]` +
      `${existing.doneOn ? `, done ${dayInWords(existing.doneOn)}` : ''}; if the new one [${shortId(added.id)}] is the same, caselog delete ${shortId(added.id)} --force`);
  }
}

/** At most 80 characters, cut between words. */
const shortened = (text: string): string => (text.length > 80 ? `${text.slice(0, 78).replace(/\s+\S*$/, '')}...` : text);

const quoted = (phrases: string[], and: 'and' | 'or'): string => inSentence(phrases.map((p) => JSON.stringify(p)), and);

/**
 * "yesterday", or the year of "5 March", read from a document's date that was only guessed (the
 * latest date it mentions), or "yesterday" left out for the document gives none: either way, --date
 * is what puts it right.
 */
export function noteDocumentDate(ctx: Context, extraction: Extraction): void {
  const { source, countedFromDocumentDate: counted, yearFromDocumentDate: yearless, uncounted, yearless: withoutYear } = extraction;
  // A guess is said even when nothing counts from it: it is stored as the source's date.
  if (source.dateFrom === 'latest-date-mentioned' && source.date) {
    const read = [
      counted.length > 0 ? `${quoted(counted, 'and')} ${counted.length > 1 ? 'are' : 'is'} counted from it` : '',
      yearless.length > 0 ? `${quoted(yearless, 'and')} ${yearless.length > 1 ? 'take their' : 'takes its'} year from it` : '',
    ].filter(Boolean).join(' and ');
    const where = source.dateFoundIn ? `, in ${JSON.stringify(shortened(oneLine(source.dateFoundIn)))}` : '';
    say(ctx, `note: the document does not give its own date; it was taken as ${formatDate(source.date)}, the latest date it mentions, leaving out deadlines and documents it cites${where}` +
      `${read ? `; ${read}` : ''} (give --date DATE if the document is of another day)`);
  }
  if (!source.date && uncounted.length + withoutYear.length > 0) {
    // Which of the two each phrase needs, named only when both kinds are left out.
    const both = uncounted.length > 0 && withoutYear.length > 0;
    const read = [
      uncounted.length > 0 ? `count ${both ? quoted(uncounted, 'and') : uncounted.length > 1 ? 'them' : 'it'} from that day` : '',
      withoutYear.length > 0 ? `take ${both ? `the year of ${quoted(withoutYear, 'and')}` : `${withoutYear.length > 1 ? 'their' : 'its'} year`} from it` : '',
    ].filter(Boolean).join(' and ');
    say(ctx, `note: the document gives no date of its own, so nothing dated ${quoted([...uncounted, ...withoutYear], 'or')} was proposed (give --date DATE, the day of the document, to ${read})`);
  }
}

/**
 * "12/03/2021" is not read (day or month first differs between countries), as add refuses it: the fact
 * it dates is said, with the ISO forms to record it by.
 */
export function noteUnreadDates(ctx: Context, extraction: Extraction): void {
  for (const { text, sentence, readings } of extraction.unread) {
    const can = readings.length > 1 ? `could be ${readings.map(formatDate).join(' or ')}` : `is written in figures (is it ${formatDate(readings[0]!)}?)`;
    say(ctx, `note: ${JSON.stringify(text)} ${can}: not read, in ${JSON.stringify(shortened(oneLine(sentence)))}; ` +
      `record it with caselog add event ... --date ${readings.map(isoOf).join(' or ')}`);
  }
}

export function printProposals(ctx: Context, plan: IngestPlan, already: SourceRecord | undefined): void {
  if (ctx.json) printJson(ctx, proposalsJson(plan, already));
  else printWrapped(ctx, proposalsText(plan));
  if (already) say(ctx, `Already ingested as source ${describeSource(already)} [${shortId(already.id)}]`);
}
