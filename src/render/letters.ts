// One appeal letter a target: the data a letter template fills in. Pure: the templates themselves
// are files (templates/letter.*.eta) that a user can copy and edit.
import { notPleadedFor, pleadedRisks, type PlanRecord, type TargetRecord } from '../domain/appeals';
import { formatDate, formatDay } from '../domain/dates';
import { foldName } from '../domain/names';
import type { EventRecord, PersonRecord } from '../domain/model';
import type { Day, Risk } from '../domain/types';
import { RISKS } from '../domain/types';
import { asRequest, joinNames, latestSentence, riskWords, salutationFor, signOffFor, wrap } from './letter-phrases';
import { oneLine } from './lines';

export interface LetterPerson {
  person: PersonRecord; latest?: EventRecord;
  /** Forcibly returned by the letter's day, and not abroad again since (see returnedBy): not pleaded against. */
  returned: boolean;
}
export interface LetterInput {
  today: Day; sender: string[]; plan: PlanRecord; caseTitle: string; people: LetterPerson[];
}

export interface LetterView {
  date: string;
  /** The sender's lines; placeholders when none were given. */
  sender: string[];
  signature: string;
  /** Title (and name, unless the address already carries it), then the address lines. */
  recipient: string[];
  fax?: string;
  email?: string;
  salutation: string;
  subject: string;
  /** Who the letter is about and what last happened to them. */
  opening: string[];
  /** The plan's requests for this target, as first-person sentences. */
  requests: string[];
  closing: string;
  signOff: string;
  copiesTo?: string;
  // The raw record, for templates in other languages.
  target: TargetRecord;
  case: { ref: string; title: string };
  /** The people the letter pleads for (still at risk), each with their own risks. */
  people: Array<{ name: string; names: string[]; risks: Risk[]; latest?: { date: string; type: string; summary: string } }>;
  actions: string[];
  wrap: (text: string, width?: number) => string;
}

/** The letters of a plan, pleading only for the people still at risk (see notPleadedFor). */
export function letterViews(input: LetterInput): LetterView[] {
  const { plan } = input;
  const people = input.people.filter((p) => notPleadedFor(p.person, input.today) === undefined)
    .map((p) => ({ ...p, person: { ...p.person, name: oneLine(p.person.name) } }));
  const names = people.map((p) => p.person.name);
  const opening = openingParagraphs(people);
  const sender = input.sender.length > 0 ? input.sender.map((line) => oneLine(line)) : ['[Your name]', '[Your address]'];
  const copiesTo = plan.copiesTo === undefined ? undefined : oneLine(plan.copiesTo);
  return plan.targets.map((stored) => {
    const target = targetOnLines(stored);
    const actions = plan.actions.filter((a) => a.targetIds.includes(target.id)).map((a) => oneLine(a.text));
    const salutation = salutationFor(target);
    return {
      date: formatDay(input.today), sender, signature: sender[0]!, recipient: recipientLines(target), fax: target.fax, email: target.email,
      salutation, subject: joinNames(names), opening, requests: actions.map(asRequest),
      closing: 'Thank you for your attention to this matter. I look forward to your reply.', signOff: signOffFor(salutation),
      copiesTo, target, case: { ref: oneLine(plan.case.ref), title: oneLine(input.caseTitle) },
      people: people.map(({ person, latest, returned }) => ({
        name: person.name, names: person.names.map((n) => oneLine(n.name)), risks: ordered(pleadedRisks(person, returned)),
        latest: latest ? { date: formatDate(latest.date), type: latest.type, summary: oneLine(latest.summary) } : undefined,
      })),
      actions, wrap,
    };
  });
}

/**
 * The target with each field on one line (the address, one line an entry): a line break in a title
 * would put a line of its own in the letter's address block, or in any template's.
 */
function targetOnLines(t: TargetRecord): TargetRecord {
  const line = (text: string | undefined) => (text === undefined ? undefined : oneLine(text));
  return {
    ...t, name: oneLine(t.name), title: oneLine(t.title), address: t.address.map((a) => oneLine(a)), fax: line(t.fax), email: line(t.email),
    salutation: line(t.salutation), language: line(t.language), country: line(t.country),
  };
}

/** The name goes above the title unless the address already spells it out (as Urgent Actions print it). */
function recipientLines(t: TargetRecord): string[] {
  const address = ` ${foldName(t.address.join(' '))} `;
  const inAddress = foldName(t.name).split(' ').every((w) => address.includes(` ${w} `) || address.includes(`-${w} `));
  return [...(inAddress ? [] : [t.name]), t.title, ...t.address];
}

function openingParagraphs(people: LetterPerson[]): string[] {
  if (people.length === 0) return ['I am writing to express my deep concern about the case set out below.'];
  const all = people.map((p) => p.person);
  const concern = `I am writing to express my deep concern for ${joinNames(all.map((p) => p.name))}`;
  // Each person's own risks: people who face the same ones share a clause, so nobody is said to
  // face a risk that is another's.
  const byRisks = new Map<string, { names: string[]; risks: Risk[] }>();
  for (const { person: p, returned } of people) {
    const risks = ordered(pleadedRisks(p, returned));
    const key = risks.join(' ');
    byRisks.set(key, { names: [...(byRisks.get(key)?.names ?? []), p.name], risks });
  }
  // Someone with no risks recorded is named in the concern only.
  const clauses = [...byRisks.values()].filter((c) => c.risks.length > 0);
  const first = clauses.length === 0 ? `${concern}.`
    : clauses.length === 1 && clauses[0]!.names.length === all.length
      ? `${concern}, who I fear ${all.length > 1 ? 'are' : 'is'} at risk of ${riskWords(clauses[0]!.risks)}.`
      : `${concern}. I fear ${clauses.map((c) => `that ${joinNames(c.names)} ${c.names.length > 1 ? 'are' : 'is'} at risk of ${riskWords(c.risks)}`).join(', and ')}.`;
  // People whose latest news is the same event are told in one sentence.
  const groups = new Map<string, LetterPerson[]>();
  for (const p of people) if (p.latest) groups.set(p.latest.id, [...(groups.get(p.latest.id) ?? []), p]);
  const sentences = [...groups.values()].map((group) => {
    const whole = group.length === people.length;
    const subject = whole ? pronoun(group) : joinNames(group.map((p) => p.person.name));
    return latestSentence(subject, group.length > 1, group[0]!.latest!);
  });
  return sentences.length > 0 ? [first, sentences.join(' ')] : [first];
}

function pronoun(group: LetterPerson[]): string {
  if (group.length > 1) return 'they';
  const gender = group[0]!.person.gender?.toLowerCase();
  return gender === 'male' ? 'he' : gender === 'female' ? 'she' : group[0]!.person.name;
}

/** Risks in the one order letters use, whatever order they were recorded in. */
function ordered(risks: Risk[]): Risk[] {
  return RISKS.filter((r) => risks.includes(r));
}
