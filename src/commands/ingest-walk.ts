// The review on a terminal: each person the document names (new, another name of someone tracked, or
// skipped), then each event and deadline (accept, edit, skip), then one confirmation. Nothing is
// written before that confirmation; decisions are kept in the plan.
import type { Context } from '../context';
import { say } from '../context';
import { formatDate, isoOf, parseDate, parseDeadlineDate } from '../domain/dates';
import { EVENT_TYPES, type EventType, type PartialDate } from '../domain/types';
import { NotFoundError } from '../errors';
import { shortId } from '../domain/ids';
import type { Prompter } from '../prompter';
import type { SqliteStore } from '../store/sqlite-store';
import { count } from '../render/style';
import { oneLine } from '../render/lines';
import { namesakeIds, personChoice } from '../render/namesakes';
import { validatorFor } from './ask';
import { describeSource, describeWrite } from './ingest-show';
import { deadlineKeys, eventHasOwner, joinedProposal, keptNames, personRef, toWrite, type FactProposal, type IngestPlan, type PersonChoice, type PersonProposal } from './ingest-plan';
import { resolvePerson } from './who';
import { notByAgeText } from './ingest-age';
import { alikeText } from './ingest-loose';
import { CLEAR_MATCH } from '../domain/names';

/** Walks the proposals; true when the caseworker confirms that the result should be recorded. */
export async function walkProposals(ctx: Context, store: SqliteStore | undefined, plan: IngestPlan): Promise<boolean> {
  const ask = await ctx.prompter();
  say(ctx, `Source: ${describeSource(plan.source)}`);
  for (const p of plan.people) {
    if (p.lookup.kind === 'tracked' && !p.lookup.loose && !p.notByAge) {
      say(ctx, `${p.candidate.name}: already tracked as ${p.lookup.person.name}`);
      continue;
    }
    p.choice = await askPerson(ctx, ask, store, plan, p);
  }
  for (const f of plan.facts) {
    if (f.kind === 'event' && !eventHasOwner(plan, f)) {
      f.accepted = false;
      say(ctx, `Left out: ${formatDate(f.date)} ${f.type} — ${f.people.length > 0 ? 'the people it names were left out' : 'it names nobody, and there is no --case to put it on'}`);
      continue;
    }
    await askFact(ctx, ask, plan, f);
  }
  const write = toWrite(plan);
  for (const line of describeWrite(write, plan)) say(ctx, line);
  return ask.confirm(`Record the source, ${count(write.newPeople.length, 'new person', 'new people')}, ${count(write.events.length, 'event')} and ${count(write.deadlines.length, 'deadline')}?`, true);
}

async function askPerson(ctx: Context, ask: Prompter, store: SqliteStore | undefined, plan: IngestPlan, p: PersonProposal): Promise<PersonChoice> {
  const c = p.candidate;
  const also = c.aliases?.length ? ` (also ${c.aliases.join(', ')})` : '';
  const risks = c.risks?.length ? ` — at risk of ${c.risks.join(', ')}` : '';
  const near = p.lookup.kind === 'several' ? p.lookup.people : p.lookup.kind === 'tracked' ? [{ person: p.lookup.person, detail: p.lookup.detail }] : [];
  // Their names alike, their ages not: said, and Enter still adds someone new.
  const byAge = p.notByAge ? `\n  By age, ${notByAgeText(p.notByAge)}` : '';
  // A name close to one named before it in the document: the same person only if the caseworker says so.
  const earlier = !near.length && p.alike ? joinedProposal(plan, p.alike.key) : undefined;
  const sameAs = earlier && earlier.choice.action !== 'skip' && earlier.choice.action !== 'confirm' ? { key: earlier.key, name: personRef(plan, earlier.key).name } : undefined;
  const question = near.length
    ? `${oneLine(`"${c.name}"${also} looks like ${near.length > 1 ? 'several tracked people' : 'someone tracked'}${risks}:`)}\n  "${oneLine(c.text)}"${byAge}`
    : sameAs
      ? `${oneLine(`"${c.name}"${also} looks like ${sameAs.name}, named before it in this document${risks}:`)}\n  "${oneLine(c.text)}"`
      : `${oneLine(`New person: ${c.name}${also}${risks}`)}\n  "${oneLine(c.text)}"`;
  // Someone named by their office (an official, a researcher) is offered skipping first.
  const skip = { name: c.role ? `Skip (named as ${c.role})` : 'Skip', value: 'skip' };
  // Someone named in passing is offered first as tracked outside the case the document is read into.
  const inCase = { name: `Add as a new person${plan.theCase ? ` in ${plan.theCase.ref}` : ''}`, value: 'new' };
  const outside = plan.theCase ? [{ name: `Add as a new person, outside ${plan.theCase.ref} (named in passing)`, value: 'outside' }] : [];
  const shared = namesakeIds(near.map((n) => n.person));
  const choices = [
    ...(c.role ? [skip] : []),
    // Namesakes (a father and son of one name) are told apart by age, status and cases, not by id alone.
    ...near.map((n) => ({ name: `Another name of ${shared.has(n.person.id) ? personChoice(n.person, n.detail) : `${n.person.name} [${shortId(n.person.id)}] (${n.detail})`}`, value: `id:${n.person.id}` })),
    ...(sameAs ? [{ name: `Another name of ${sameAs.name}, named before it (${alikeText(p.alike!)})`, value: `key:${sameAs.key}` }] : []),
    ...(c.inPassing ? [...outside, inCase] : [inCase, ...outside]),
    ...((store || plan.people.length > 1) && !near.length ? [{ name: 'Add as another name of a tracked person', value: 'alias' }] : []),
    ...(c.role ? [] : [skip]),
  ];
  // Only a loose match (or several) is asked about: Enter must not give the document's facts to someone it
  // may not be (spec: Commands). On a clear match to one (as clear as reading commands take without
  // asking), with nothing telling them apart (an age, other characters), adding someone new would most
  // likely make a duplicate: the cursor starts on Skip, which writes neither (their events are said left out).
  // Two spellings in one document, by one writer, are as likely two people: Enter keeps them apart.
  const clear = p.lookup.kind === 'tracked' && p.lookup.score >= CLEAR_MATCH && !p.lookup.otherScript && !p.notByAge;
  const initial = clear ? 'skip'
    : near.length ? choices.find((choice) => !choice.value.startsWith('id:'))!.value
    : sameAs ? choices.find((choice) => !choice.value.startsWith('key:'))!.value : undefined;
  for (;;) {
    const answer = await ask.select<string>(question, choices, initial);
    if (answer === 'new' || answer === 'skip') return { action: answer };
    if (answer === 'outside') return { action: 'new', outsideCase: true };
    if (answer.startsWith('id:')) return { action: 'tracked', person: near.find((n) => `id:${n.person.id}` === answer)!.person };
    if (answer.startsWith('key:')) return { action: 'same', key: answer.slice(4) };
    const typed = await ask.input(`Whose other name is "${c.name}"? (a tracked person's name)`);
    // Someone this document names, added (or found) earlier in this review: not in the store yet.
    const inDocument = namedInDocument(plan, p, typed);
    if (inDocument) return { action: 'same', key: inDocument.key };
    if (!store) {
      say(ctx, `no one this document names is called "${oneLine(typed)}", and nobody is tracked yet`);
      continue;
    }
    try {
      // The document's spelling is then added to that person: a write, so a loose match is confirmed.
      return { action: 'tracked', person: await resolvePerson(ctx, store, typed, { writing: true }) };
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      say(ctx, error.message);
    }
  }
}

/** The person of this review, other than p and kept, that one of the document's names given them is typed as (case aside). */
function namedInDocument(plan: IngestPlan, p: PersonProposal, typed: string): PersonProposal | undefined {
  const wanted = typed.trim().toLowerCase();
  for (const q of plan.people) {
    if (q === p) continue;
    const names = [q.candidate.name!, ...(q.candidate.aliases ?? [])];
    const target = joinedProposal(plan, q.key);
    // Only someone who will be recorded (new, or tracked), and never back to p itself.
    if (!target || target === p || (target.choice.action !== 'new' && target.choice.action !== 'tracked')) continue;
    if (names.some((n) => n.toLowerCase() === wanted)) return target;
  }
  return undefined;
}

async function askFact(ctx: Context, ask: Prompter, plan: IngestPlan, f: FactProposal): Promise<void> {
  const who = keptNames(plan, f.kind === 'deadline' ? deadlineKeys(plan, f) : f.people).join(', ') || (plan.theCase ? `the case ${plan.theCase.ref}` : 'nobody named');
  const question = f.kind === 'event'
    ? `${oneLine(`Event: ${formatDate(f.date)} · ${f.type} · ${who}`)}\n  "${oneLine(f.text)}"`
    : `${oneLine(`Deadline: ${formatDate(f.date)} · ${f.text} · ${who}${f.candidate.done ? ' · done (the document tells what came of it that day)' : ''}`)}\n  "${oneLine(f.candidate.text)}"`;
  const answer = await ask.select<string>(question, [
    { name: 'Accept', value: 'accept' },
    { name: 'Edit', value: 'edit' },
    { name: 'Skip', value: 'skip' },
  ]);
  f.accepted = answer !== 'skip';
  if (answer !== 'edit') return;
  if (f.kind === 'event') {
    f.date = await askDate(ask, 'When?', f.date, (t) => parseDate(t, ctx.today));
    // From the proposal's type: Enter keeps it.
    f.type = await ask.select<EventType>('What kind of event?', EVENT_TYPES.map((t) => ({ name: t, value: t })), f.type);
    f.people = await askPeople(ask, plan, f);
    f.text = await ask.input('What happened?', { default: f.text, validate: (v) => (v.trim() ? true : 'required') });
  } else {
    const parse = (t: string) => parseDeadlineDate(t, ctx.today);
    f.date = await askDate(ask, 'By when?', f.date, parse);
    // Done on the day the document told of; moved to another day, it is a deadline to keep.
    if (f.candidate.done && isoOf(f.date) !== f.candidate.done) {
      const { done: _done, ...open } = f.candidate;
      f.candidate = open;
    }
    f.text = await ask.input('What must be checked or done?', { default: f.text, validate: (v) => (v.trim() ? true : 'required') });
  }
}

/** Whom an event is about, of the people the review keeps: those it names ticked. */
async function askPeople(ask: Prompter, plan: IngestPlan, f: FactProposal): Promise<string[]> {
  const kept = plan.people.filter((q) => joinedProposal(plan, q.key) === q && (q.choice.action === 'new' || q.choice.action === 'tracked'));
  if (kept.length === 0) return f.people;
  const named = new Set(f.people.map((k) => joinedProposal(plan, k)?.key ?? k));
  // Naming nobody, an event needs a case to be recorded on.
  const validate = (keys: string[]) => keys.length > 0 || Boolean(plan.theCase) || 'choose someone (or Skip the event)';
  return ask.checkbox('Who is it about?', kept.map((q) => ({ name: personRef(plan, q.key).name, value: q.key, checked: named.has(q.key) })), { validate });
}

/**
 * A proposal's date, asked again. The default is the words the document used when they read as
 * that date on their own, else the date written out: "October 14" took its year from the
 * document, and typed back alone it has none. Enter keeps the proposal's date as it was.
 */
async function askDate(ask: Prompter, question: string, date: PartialDate, parse: (text: string) => PartialDate): Promise<PartialDate> {
  let asTyped: PartialDate | undefined;
  try { asTyped = parse(date.text); } catch { /* the document's words need its context */ }
  const same = asTyped !== undefined && isoOf(asTyped) === isoOf(date) && asTyped.approximate === date.approximate;
  const shown = same ? date.text : formatDate(date);
  const answer = await ask.input(question, { default: shown, validate: validatorFor(parse) });
  return answer.trim() === shown ? date : parse(answer);
}
