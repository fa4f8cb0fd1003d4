// Who a sentence is about when it names nobody: "they", "the three men", "both" point back
// to people named shortly before.
import type { PersonFound } from './people';

const NUMBER_WORDS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
// "the three men", "all three", "both": a group of a known size, however far back it was named.
const GROUP = new RegExp(`\\b(?:the|these|those|all)\\s+(${NUMBER_WORDS.join('|')})\\b(\\s+other\\b)?|\\b(both)\\b`, 'i');
// "they", "his", "the men": the people of the last sentence or two.
const PRONOUN = /\b(they|them|their|he|him|his|she|her)\b|\b(the|these|those)\s+(men|women|brothers|sisters|activists|detainees|asylum[- ]seekers|journalists|refugees|defendants|prisoners)\b/i;
// How many sentences without anyone named a pronoun may reach back across. "He"/"her" about
// one person carries further than "they", which background passages use for anyone.
const MAX_GAP = 1;
const MAX_GAP_ONE_PERSON = 3;
const SINGULAR = /\b(he|him|his|she|her)\b/i;

// Pronouns of one gender only: what a sentence reaching back to one person tells of them.
const MASCULINE = /\b(?:he|him|his|himself)\b/i;
const FEMININE = /\b(?:she|her|hers|herself)\b/i;
const PLURAL = /\b(?:they|them|their|theirs)\b/i;

export class SubjectTracker {
  private readonly history: PersonFound[][] = [];
  private gap = 0;
  /** Learnt from the pronouns that reached each one ("His lawyer's request to see him"). */
  private readonly gender = new Map<PersonFound, 'male' | 'female'>();

  /**
   * Whether the sentence's pronouns can mean the one person named before: "said his wife. She was
   * questioned" is the wife, not the man "he" and "his" meant. A person's gender is learnt from the
   * sentences that reached them with pronouns of one gender only.
   */
  private agrees(last: PersonFound[], text: string): boolean {
    if (last.length !== 1 || PLURAL.test(text)) return true;
    const [male, female] = [MASCULINE.test(text), FEMININE.test(text)];
    if (male === female) return true;
    const said = male ? 'male' : 'female';
    const known = this.gender.get(last[0]!);
    if (known && known !== said) return false;
    this.gender.set(last[0]!, said);
    return true;
  }

  /**
   * The people the sentence is about: those it names, else those it points back to.
   * `namesOthers`: the sentence names someone aside ("his wife, X, said he..."), a sign the
   * story about the earlier people goes on, so the pronoun reaches on from here.
   */
  subjectsOf(text: string, named: PersonFound[], namesOthers = false, staff: (p: PersonFound) => boolean = () => false): PersonFound[] {
    const last = this.history[this.history.length - 1];
    // Staff named by their office (a coordinator quoted, a director who visited) are not whom a later
    // "she" means while the story is about someone else: the pronoun reaches past them.
    if (named.length && named.every(staff) && last && !last.every(staff)) {
      this.gap = 0;
      return named;
    }
    if (named.length) {
      this.history.push(named);
      this.gap = 0;
      return named;
    }
    const group = GROUP.exec(text);
    if (group && !group[2]) {
      const size = group[3] ? 2 : NUMBER_WORDS.indexOf(group[1]!.toLowerCase()) + 2;
      const earlier = [...this.history].reverse().find((set) => set.length === size);
      if (earlier) {
        this.history.push(earlier);
        this.gap = 0;
        return earlier;
      }
    }
    const reach = last?.length === 1 && SINGULAR.test(text) ? MAX_GAP_ONE_PERSON : MAX_GAP;
    const reachable = last && this.gap <= reach && !group?.[2] && PRONOUN.test(text) && this.agrees(last, text);
    this.gap = reachable && namesOthers ? 0 : this.gap + 1;
    return reachable ? last : [];
  }
}
