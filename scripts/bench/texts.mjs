// The words of the synthetic database: event summaries, deadline notes, and the text of ingested
// documents (Urgent Action updates, press releases), so that search has real prose to work on.
import { PLACES } from './names.mjs';

const weights = (pairs) => ({ entries: Object.entries(pairs), total: Object.values(pairs).reduce((a, b) => a + b, 0) });

export const EVENT_TYPE_WEIGHTS = weights({
  report: 12, statement: 12, hearing: 10, detention: 8, arrest: 7, charge: 6, sentence: 4, release: 4, deportation: 2,
  'extradition-request': 2, 'asylum-application': 3, 'asylum-decision': 2, disappearance: 2, 'ill-treatment': 4, appeal: 10,
  status: 2, other: 6,
});

const SUMMARIES = {
  arrest: ['Arrested at home by security officers', 'Detained at the border while trying to cross', 'Taken away by plain-clothes police'],
  detention: ['Held incommunicado in a pre-trial detention centre', 'Transferred to a detention facility', 'Placed in administrative detention'],
  charge: ['Charged with "separatism"', 'Charged with illegal border crossing', 'Charged with "inciting ethnic hatred"'],
  hearing: ['Trial opened and adjourned', 'Hearing postponed; lawyer not allowed to attend', 'Appeal hearing held behind closed doors'],
  sentence: ['Sentenced to one year in prison', 'Sentenced to fifteen years in prison', 'Given a suspended sentence'],
  release: ['Released on bail', 'Released after serving the sentence', 'Released without charge'],
  deportation: ['Forcibly returned', 'Deported despite a pending asylum claim'],
  'extradition-request': ['Extradition requested by the authorities of the country of origin'],
  'asylum-application': ['Applied for asylum', 'Asked for refugee status'],
  'asylum-decision': ['Asylum refused at first instance', 'Granted refugee status'],
  disappearance: ['Whereabouts unknown since being taken away', 'Relatives have had no news'],
  'ill-treatment': ['Reportedly beaten in custody', 'Denied medical care in detention'],
  statement: ['Officials said the case was an internal matter', 'The family issued a public appeal'],
  appeal: ['Appeal letters sent to the Prosecutor General', 'Wrote to the embassy asking for access'],
  report: ['Urgent Action issued', 'Further information issued', 'Public statement issued'],
  status: ['Status confirmed by the family'],
  other: ['Warrant issued for arrest', 'Wanted poster published', 'Lawyer visited'],
};

export function eventSummary(type, place, r) {
  const options = SUMMARIES[type];
  const text = options[Math.floor(r() * options.length)];
  return r() < 0.5 ? `${text} in ${place}` : text;
}

export const DEADLINE_NOTES = [
  'check with the International Secretariat before sending appeals',
  'hearing resumes: be ready to act on the verdict',
  'sentence ends: check they are freed and not handed over',
  'follow up with the lawyer about access',
  'send appeals to the Prosecutor General',
  'ask the family for news',
  'asylum decision due: check the outcome',
];

export const PUBLISHERS = ['Amnesty International', 'Human Rights Watch', 'Radio Free Asia', 'Front Line Defenders', 'OHCHR', 'Local monitor'];

const SENTENCES = [
  (n, p) => `${n} was detained by security officers in ${p} and taken to an unknown location.`,
  (n) => `The authorities have not disclosed any charges against ${n}, and relatives have been refused visits.`,
  (n) => `${n} is at risk of torture and other ill-treatment while held incommunicado.`,
  (n, p) => `According to relatives, ${n} was transferred to a detention centre in ${p} last month.`,
  (n) => `A lawyer hired by the family of ${n} has not been allowed to consult the case file.`,
  (n, p) => `${n} fled to ${p} and applied for asylum; the application is still pending.`,
  (n) => `The court sentenced ${n} after a trial that did not meet international standards of fairness.`,
  (n, p) => `Officials in ${p} told the family of ${n} that the matter was an internal affair.`,
  () => 'Please write immediately, urging the authorities to release them unless they are charged with a recognizable criminal offence.',
  () => 'Ensure that they are protected from torture and other ill-treatment and given access to lawyers of their choice.',
  () => 'Check with the International Secretariat, or your section office, if sending appeals after the deadline.',
  () => 'Pre-trial detention has been extended twice without explanation.',
];

/** A document of a few paragraphs about the people named; `rare` plants a term found in few documents. */
export function document(names, r, rare) {
  const paragraphs = [];
  const count = 3 + Math.floor(r() * 4);
  for (let i = 0; i < count; i++) {
    const lines = [];
    for (let j = 0; j < 3 + Math.floor(r() * 3); j++) {
      const write = SENTENCES[Math.floor(r() * SENTENCES.length)];
      lines.push(write(names[Math.floor(r() * names.length)], PLACES[Math.floor(r() * PLACES.length)]));
    }
    paragraphs.push(lines.join(' '));
  }
  if (rare) paragraphs.splice(1, 0, `Witnesses said they were later seen in ${rare}, near the railway station.`);
  return paragraphs.join('\n\n');
}
