// A correction: what a document says it (or an earlier one) had wrong is no fact of the case. "In
// UA 45/21 we reported that he was detained on 12 May 2021. This was incorrect: ..." cites the
// wrong date only to set it right; proposing it again would have the correction confirm it.

// "we wrongly reported", "the date mistakenly given".
const WRONGLY = /\b(wrongly|mistakenly|incorrectly|erroneously)\s+(reported|stated|said|wrote|written|gave|given|announced)\b/i;
// "This was incorrect", "That is wrong", "This was an error": the sentence before is taken back.
const TAKEN_BACK = /^(this|that|it|the (date|report|information))\s+(was|is|had been|has been)\s+(incorrect|wrong|inaccurate|mistaken|untrue|an error|a mistake|not (correct|true|accurate|right))\b/i;

/** The sentence tells what was wrongly reported: said so in it, or by the next sentence of its paragraph. */
export function refuted(sentence: string, next: string | undefined): boolean {
  return WRONGLY.test(sentence) || (next !== undefined && TAKEN_BACK.test(next.trim()));
}
