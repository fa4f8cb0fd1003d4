// The sentences of an appeal letter, built from the record: how to greet a target, how a
// recommended action reads as a courteous request, and how to say what last happened to someone.
import type { TargetRecord } from '../domain/appeals';
import { formatDate, precisionOf } from '../domain/dates';
import type { EventRecord } from '../domain/model';
import type { PartialDate, Risk } from '../domain/types';
import { oneLine } from './lines';
import { inSentence } from '../domain/text';

/** The target's own salutation, else one that suits the title. */
export function salutationFor(target: TargetRecord): string {
  if (target.salutation) return target.salutation;
  const title = target.title.trim();
  if (/^(King|Queen|Emir|Sultan)\b/i.test(title)) return 'Your Majesty';
  if (/^Ambassador\b/i.test(title)) return 'Your Excellency';
  if (/^President of (the )?(\S+ )*(Republic|Federation|State|Union|Kingdom)\b/i.test(title)
    && !/\b(Court|Commission|Council|Assembly|Parliament|Bank|Committee|Tribunal)\b/i.test(title)) return 'Your Excellency';
  const office = /^(Prime Minister|President|Minister|Chairman|Chairwoman|Chairperson|Chair|Governor|Prosecutor General|Procurator-General)\b/i.exec(title)
    ?? /^(?:Deputy |Acting )?(Minister)\b/i.exec(title);
  if (office) return `Dear ${office[1]!.charAt(0).toUpperCase()}${office[1]!.slice(1)}`;
  return 'Dear Sir or Madam';
}

/** British usage: "faithfully" to an unnamed reader, "sincerely" to an office addressed by name. */
export function signOffFor(salutation: string): string {
  return /^Dear Sir or Madam\b/i.test(salutation) || /^Your /i.test(salutation) ? 'Yours faithfully,' : 'Yours sincerely,';
}

const FIRST_PERSON: Record<string, string> = {
  urging: 'I respectfully urge', calling: 'I respectfully call', asking: 'I respectfully ask', requesting: 'I respectfully request',
  seeking: 'I respectfully seek', expressing: 'I wish to express', reminding: 'I respectfully remind', appealing: 'I respectfully appeal',
  welcoming: 'I welcome', noting: 'I note', acknowledging: 'I acknowledge', recognising: 'I recognise', recognizing: 'I recognize',
  insisting: 'I respectfully insist', demanding: 'I respectfully ask', encouraging: 'I encourage', inviting: 'I respectfully invite',
};

/** "- urging the authorities to disclose ...;" → "I respectfully urge the authorities to disclose ...." */
export function asRequest(action: string): string {
  const text = action.replace(/\s+/g, ' ').trim().replace(/^[-–•*]\s*/, '').replace(/[\s;,.]+$/, '');
  const m = /^(\w+ing)\b(.*)$/i.exec(text);
  const mapped = m ? FIRST_PERSON[m[1]!.toLowerCase()] : undefined;
  const sentence = mapped ? `${mapped}${m![2]}` : text.charAt(0).toUpperCase() + text.slice(1);
  return `${sentence}.`;
}

export function joinNames(names: string[]): string {
  return inSentence(names);
}

/** "On 11 February 1999", "In March 1999", "Around 1998". */
export function whenPhrase(d: PartialDate): string {
  const plain = formatDate({ ...d, approximate: false });
  if (d.approximate) return `Around ${plain}`;
  return precisionOf(d) === 'day' ? `On ${plain}` : `In ${plain}`;
}

const RISK_WORDS: Record<Risk, string> = {
  torture: 'torture', 'ill-treatment': 'ill-treatment', 'death-penalty': 'the death penalty', refoulement: 'forcible return',
  'arbitrary-detention': 'arbitrary detention', 'enforced-disappearance': 'enforced disappearance', 'unfair-trial': 'an unfair trial',
  health: 'serious harm to their health',
};

export function riskWords(risks: Risk[]): string {
  return joinNames(risks.map((r) => RISK_WORDS[r]));
}

// A summary that opens with what was done to the person ("Forcibly returned to China ...") reads as
// "they were forcibly returned to China ..."; which words qualify depends on the kind of event.
const DONE_TO: Partial<Record<EventRecord['type'], string[]>> = {
  arrest: ['arrested', 'detained', 'seized', 'taken', 'apprehended'],
  detention: ['detained', 'held', 'taken', 'placed', 'transferred', 'moved'],
  charge: ['charged', 'indicted', 'accused'],
  hearing: ['tried', 'brought'],
  sentence: ['sentenced', 'convicted', 'given'],
  release: ['released', 'freed', 'acquitted', 'pardoned'],
  deportation: ['deported', 'returned', 'expelled', 'extradited', 'handed', 'sent', 'removed'],
  disappearance: ['abducted', 'taken', 'disappeared'],
  'ill-treatment': ['beaten', 'tortured', 'ill-treated', 'denied', 'held', 'kept'],
};

/** What last happened to some people, as one sentence; `subject` is their names or a pronoun. */
export function latestSentence(subject: string, plural: boolean, event: EventRecord): string {
  const summary = oneLine(event.summary).replace(/\s+/g, ' ').trim().replace(/[\s;,.]+$/, '');
  const words = summary.split(' ');
  const verb = /ly$/i.test(words[0] ?? '') ? words[1] : words[0];
  if (verb && DONE_TO[event.type]?.includes(verb.toLowerCase())) {
    const predicate = summary.charAt(0).toLowerCase() + summary.slice(1);
    return `${whenPhrase(event.date)}, ${subject} ${plural ? 'were' : 'was'} ${predicate}.`;
  }
  const from = event.date.approximate ? `about ${formatDate({ ...event.date, approximate: false })}` : formatDate(event.date);
  const who = /^(he|she|they)$/.test(subject) ? { he: 'him', she: 'her', they: 'them' }[subject as 'he'] : subject;
  return `The latest news I have of ${who} dates from ${from}: ${summary}.`;
}

/** Greedy wrapping at spaces; words longer than the line (or text without spaces) stay whole. */
export function wrap(text: string, width = 72): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/ +/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.join('\n');
}
