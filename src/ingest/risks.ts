// Risk words in a sentence, mapped to caselog's risks. A sentence that names someone and
// speaks of torture or forcible return is taken as speaking of their risk.
import { RISKS, type Risk } from '../domain/types';

const RISK_WORDS: [Risk, RegExp][] = [
  ['torture', /\btortur(e|ed|ing)\b/i],
  ['ill-treatment', /\b(ill-treat(ment|ed)?|mistreat(ment|ed)?|beaten|beatings?|abused|solitary confinement)\b/i],
  ['death-penalty', /\b(death penalty|death sentence|sentenced to death|execut(ion|ions|ed))\b/i],
  // Passive or forced: "she returned from a conference" is not a return.
  ['refoulement', /\b(refoulement|forcibl[ey] return(ed)?|forced (return|repatriation)|repatriat(ion|ed)|deport(ed|ation)?|extradit(e|ed|ion)|handed over|sent back|(be|been|being|if|was|were) returned|not (to )?return)\b/i],
  ['enforced-disappearance', /\b(disappear(ed|ance)|whereabouts (are |remain |were )?unknown|incommunicado|did not know where (he|she|they) (was|were))\b/i],
  ['arbitrary-detention', /\b(arbitrar(y|ily) (detention|detained|arrest(ed)?)|held without charge|release [^.]{0,60}immediately|immediate(ly)? (and unconditional(ly)? )?release)\b/i],
  ['unfair-trial', /\b((un)?fair trial|(emergency|military|revolutionary|special) ([\w ]{0,20})?courts?|judge['’]s independence|independence of the (judge|court)|(denied|without) access to (a |his |her |their )?lawyer|not allowed to consult)\b/i],
  ['health', /\b(medical (care|treatment|attention)|ill health|health|hunger strike)\b/i],
];

// Treaty and body names mention torture without threatening anyone with it.
const NAMES_NOT_THREATS = /\b(Convention|Committee)\s+(against|Against|on)\s+(Torture|the Status of Refugees)\b/g;

export function risksIn(text: string): Risk[] {
  const plain = text.replace(NAMES_NOT_THREATS, '');
  return RISK_WORDS.filter(([, words]) => words.test(plain)).map(([risk]) => risk);
}

export const inRiskOrder = (risks: Iterable<Risk>): Risk[] => {
  const set = new Set(risks);
  return RISKS.filter((r) => set.has(r));
};
