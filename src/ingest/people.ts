// The people of one document: each name found once, its other spellings, the tracked
// person it matches, and who each sentence is about.
import type { Risk } from '../domain/types';
import { ageBeside, roleBeside } from './beside-name';
import { namedAsKin } from './kin';
import { findNames, loneWords, type NameSpan } from './names';

export interface PersonFound {
  name: string;
  aliases: string[];
  knownAs?: string;
  risks: Set<Risk>;
  /** The first sentence naming them. */
  text: string;
  /**
   * An office or profession the document names them by ("the director of the border service",
   * "Deputy Chief of ...", "a researcher at ..."): someone who acts or speaks in the story,
   * usually not someone to track. The first one found.
   */
  role?: string;
  /** Named as the one something harmful happened to (an arrest, a sentence, ...): tracked whatever their role. */
  harmed?: boolean;
  /** Their age as the document gives it beside their name ("Hemit Memet, aged 28", "Alimuly, 25,"). */
  age?: number;
}

export interface SentencePeople {
  /** Everyone the sentence names, in order. */
  named: PersonFound[];
  /**
   * Named aside from what the sentence is about: the one speaking ("X said"), or someone's
   * lawyer or relative ("his wife, X"). The risks in the sentence are not theirs, and a
   * later "he" does not mean them.
   */
  aside: Set<PersonFound>;
  /**
   * Those the sentence tells harm was done to, by where their name stands: before a passive ("X,
   * a lawyer, was detained") or after the verb ("police detained the lawyer X"); not the judge who
   * "sentenced" someone. Decides for people named by an office or profession only.
   */
  harmedHere: Set<PersonFound>;
  /** Where each is named (not their other names), in order. */
  at: Array<{ person: PersonFound; start: number; end: number }>;
  /** Named only as another's relative ("X, the father of Y"; "X's son Z"): what the sentence tells is not theirs. */
  kin: Set<PersonFound>;
}

const norm = (name: string): string => name.toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();
// Dotless \u0131 as i: a surname alone in capitals ("KILI\u00C7") shows no Turkish letter to be cased by.
const lastWord = (name: string): string => norm(name).replace(/\u0131/gu, 'i').split(' ').pop() ?? '';

// "Hemit Memet (previously written as Khamit Memet)", "(also known as ...)", "(aka ...)".
// "(or Mahmud Abd al-Salam)"; "(<the name in Chinese> / Ilham Toxti)": a bracket right after a name
// giving it in another script, then in Latin letters, gives the same person's names.
const ALIAS_BETWEEN = /^\s*\((?:(?:previously|formerly|also|earlier|sometimes)\s+)?(?:(?:written|spelt|spelled|known|transliterated|called|named)\s+)?(?:as\s+|aka\s+|or\s+)?$|^\s*\([^()\p{Lu}\p{Ll}\d]+[/;,]\s*$/iu;
// "Mona Adel (...), also known as Mona Adel Hassan", "X, aka Y": another name outside brackets.
// "X (...), also spelled Y", "X, whose name was also written Y": "as" may be left out after a word of writing. After "X (<Cyrillic>)", the
// bracket's name is read as a name of its own: its closing bracket stands first.
const ALIAS_AFTER = /^\s*\)?\s*(?:\([^()]*\)\s*)?,?\s*(?:(?:whose\s+name\s+(?:is|was|has\s+been)\s+)?(?:(?:also|previously|formerly|better|sometimes)\s+)?(?:(?:known|called)\s+as|(?:written|spelt|spelled|transliterated)(?:\s+as)?)|aka|a\.k\.a\.)\s+$/i;
// The next of several other names in one bracket: "(also written Aynur Mamedova; Aynur Mamedova in Cyrillic)".
const ALIAS_NEXT = /^\s*(?:[;,/]|\bor\b)\s*$/i;
// "Mona Adel (<the name in Arabic script>)": a bracket right after a name holding only letters of a
// script without capitals (Arabic, Chinese, ...), which the name finder cannot see as a name.
// Several, "/" or ";" between them: "(<Chinese> / <Uyghur in Arabic script>)". Chinese writes a
// Uyghur name's parts apart with a middle dot (U+00B7, U+30FB, U+2027), part of the name.
const OTHER_SCRIPT = /^\s*\(\s*([^()]*?)\s*\)/u;
const SCRIPT_NAME = /^[\p{L}\p{M}][\p{L}\p{M}' .\u00B7\u30FB\u2027-]*$/u;
/** The names in another script in a bracket right after a name: none when it holds anything else. */
function otherScripts(after: string): string[] {
  const inside = OTHER_SCRIPT.exec(after)?.[1];
  const parts = inside === undefined ? [] : inside.split(/\s*[/;]\s*/u);
  // Those in a script with capitals ("/ Абдурехим Турсун") are names the name finder reads itself.
  return parts.every((p) => SCRIPT_NAME.test(p)) ? parts.filter((p) => !/[\p{Lu}\p{Ll}]/u.test(p)) : [];
}
// "the offices of her outlet, Toplum Xeber", "worked as a cameraman for X": an organisation's name, not
// a person's. Once named so, the name is nobody anywhere in the document.
const ORGANISATION_BEFORE = /\b(?:outlet|newspaper|news\s+(?:site|agency)|website|magazine|channel|broadcaster|organi[sz]ation|NGO|company|firm|employer|offices?\s+of|(?:work(?:s|ed|ing)?|employed)\s+(?:as\s+(?:an?\s+)?[\p{Ll}-]+\s+)?(?:for|at|by))\s*,?\s*(?:the\s+)?$/iu;
const SPEECH = /^(?:,[^,.;]{1,90},)?,?\s+(said|says|stated|states|told|claimed|claims|added|announced|explained|warned|noted)\b(\s+that)?\s*(\p{Ll}+)?/u;
// "Their mother, X, last spoke to Y on 27 December": a relative or lawyer in touch with them tells
// of them, as one who speaks does (only they: "X spoke out and was arrested" is X's arrest).
const CONTACT = /^(?:,[^,.;]{1,90},)?,?\s+(?:(?:last|also|then|later|first|recently)\s+)?(?:spoke|speaks|talked|talks|visited|visits|saw|heard from|phoned|called)\b/u;
const SPEECH_BEFORE = /\b(said|says|stated|told|added|according to)\s+$/i;
// "X said that he was beaten": the speaker speaks of themselves.
const SELF_REPORT = /^(he|she|i)$/i;
const SELF_AFTER = /^\s*(?:\p{Ll}+\s+){0,3}?(?:that\s+)?(?:he|she|I)\b/u;
// "Mr Tursun", "Ms. Ben Salah": a title right before a surname used alone.
const TITLE = /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+$/u;

const HARM_VERB = '(?:arrested|detained|released|freed|held|charged|indicted|sentenced|convicted|jailed|imprisoned|deported|extradited|expelled|returned|abducted|kidnapped|disappeared|missing|tortured|beaten|ill-treated|attacked|taken away|summoned)';
// "Aida Bekova, a researcher at ..., has been missing", "X was detained".
// "Her lawyer, X, was detained", "X, arrested on 16 March": after the comma of an apposition too.
const HARMED_AFTER = new RegExp(`^(?:\\s*\\([^()]*\\))?(?:\\s*,\\s*(?:\\p{Ll}+ly\\s+)?${HARM_VERB}\\b|(?:\\s*,[^,;.]{0,140},)?(?:\\s*,\\s*who|\\s*,)?\\s+(?:was|were|has been|have been|had been|is being|is|are|remains|remained)\\s+(?:\\p{Ll}+ly\\s+)?(?:being\\s+)?${HARM_VERB}\\b)`, 'iu');
// "police detained the lawyer X", "the arrest of activist X".
// Not "sentenced by Judge X", "detained after meeting lawyer X": no preposition between the verb and the name.
const HARMED_BEFORE = new RegExp(`\\b(?:${HARM_VERB}|arrest of|detention of|abduction of|disappearance of)\\s+(?:the\\s+|a\\s+|an\\s+)?(?:(?!(?:by|before|to|after|with|from|at|on|in|for|of|under|over|against)\\s)[\\p{L}-]+\\s+){0,4}$`, 'iu');

const RELATION_BEFORE = /(?:\b(?:his|her|their|the)|[\p{L}-]+['’]s)\s+([\p{L}-]+\s+){0,2}(lawyers?|attorneys?|counsel|wife|husband|mother|father|brother|sister|son|daughter|relatives?|colleagues?|friends?|representatives?|spokes(person|man|woman)|cousin|uncle|aunt|family|partner|fianc[ée]e?)(\s+(for|of)\s+[^,]{1,40})?,\s*$/iu;

// "X, 68, and his grandson Y", "X, Z and Y", "X with her brother Y": another person, where a bracket or
// a slash ("X (<Chinese> / Y)") gives the same one's other spellings.
const LISTED_APART = /^[^()/]*(?:[,;&]|\b(?:and|with)\b)[^()/]*$/u;

export class PeopleIndex {
  readonly people: PersonFound[] = [];
  private readonly organisations = new Set<string>();
  // Every name and other spelling, and every surname, looked up by key: a search through everyone
  // for each name read made a list of thousands of people take minutes.
  private readonly byName = new Map<string, PersonFound>();
  private readonly bySurnameKey = new Map<string, Set<PersonFound>>();
  private readonly order = new Map<PersonFound, number>();
  private readonly byTracked = new Map<string, PersonFound>();
  // When each was last named, counted in names read: whom a titled surname means.
  private readonly lastNamed = new Map<PersonFound, number>();
  private namings = 0;
  constructor(private readonly lookup?: (name: string) => string | null) {}

  /** Files one of the person's names; a spelling two people share is the earlier one's. */
  private indexName(person: PersonFound, name: string): void {
    const key = norm(name);
    const holder = this.byName.get(key);
    if (!holder || this.order.get(person)! < this.order.get(holder)!) this.byName.set(key, person);
    const surname = lastWord(name);
    if (surname === key) return;
    const people = this.bySurnameKey.get(surname) ?? new Set<PersonFound>();
    this.bySurnameKey.set(surname, people.add(person));
  }

  /** The tracked person they are, for the next spelling of that person; the earliest found first. */
  private indexTracked(person: PersonFound): void {
    const holder = person.knownAs === undefined ? undefined : this.byTracked.get(person.knownAs);
    if (person.knownAs !== undefined && (!holder || this.order.get(person)! < this.order.get(holder)!)) this.byTracked.set(person.knownAs, person);
  }

  private addAlias(person: PersonFound, alias: string): void {
    person.aliases.push(alias);
    this.indexName(person, alias);
  }

  /** Learns the organisations a sentence names as such; read every sentence first, so no earlier mention makes one a person. */
  noteOrganisations(sentence: string): void {
    for (const span of findNames(sentence)) if (ORGANISATION_BEFORE.test(sentence.slice(0, span.start))) this.organisations.add(norm(span.name));
  }

  private find(name: string): PersonFound | undefined {
    return this.byName.get(norm(name));
  }

  /**
   * The person this full name belongs to, added if new. `apart`: who the name cannot be, though it
   * reads as another spelling of theirs ("Ahmed Salman, 68, and his grandson Salman Ahmed, 17").
   */
  resolve(name: string, sentence: string, aliasOf?: PersonFound, apart: (p: PersonFound) => boolean = () => false): PersonFound {
    const known = this.find(name);
    if (known) return known;
    const looked = this.lookup?.(name) ?? undefined;
    const held = looked ? this.byTracked.get(looked) : undefined;
    // Someone else: not filed under the name the other spelling stands for (their facts would be merged into it).
    const knownAs = held && !aliasOf && apart(held) ? undefined : looked;
    const sameTracked = knownAs ? held : undefined;
    const owner = aliasOf ?? sameTracked;
    if (owner) {
      if (norm(owner.name) !== norm(name)) this.addAlias(owner, name);
      owner.knownAs ??= knownAs;
      this.indexTracked(owner);
      return owner;
    }
    const person: PersonFound = { name, aliases: [], knownAs, risks: new Set(), text: sentence };
    this.order.set(person, this.people.push(person));
    this.indexName(person, name);
    this.indexTracked(person);
    return person;
  }

  /**
   * A surname used alone, if exactly one person in the document has it. After a title ("Mr Tursun"
   * where his wife shares the name), the one of them named last: the one the story is about now.
   */
  private bySurname(word: string, titled: boolean): PersonFound | undefined {
    const matches = [...(this.bySurnameKey.get(lastWord(word)) ?? [])];
    if (matches.length === 1) return matches[0];
    if (!titled || matches.length === 0) return undefined;
    return matches.reduce((a, b) => ((this.lastNamed.get(b) ?? 0) > (this.lastNamed.get(a) ?? 0) ? b : a));
  }

  /** Who the sentence names, and which of them only speak in it. */
  read(sentence: string): SentencePeople {
    const spans = findNames(sentence).filter((span) => !this.organisations.has(norm(span.name)));
    const named: PersonFound[] = [];
    const aside = new Set<PersonFound>();
    const harmedHere = new Set<PersonFound>();
    const at: SentencePeople['at'] = [];
    const asKin = new Set<PersonFound>();
    const asThemselves = new Set<PersonFound>();
    const add = (person: PersonFound, span: NameSpan): void => {
      if (!named.includes(person)) named.push(person);
      (namedAsKin(sentence, span.start, span.end) ? asKin : asThemselves).add(person);
      this.lastNamed.set(person, ++this.namings);
      at.push({ person, start: span.start, end: span.end });
      if (HARMED_AFTER.test(sentence.slice(span.end)) || HARMED_BEFORE.test(sentence.slice(0, span.start))) harmedHere.add(person);
      const before = sentence.slice(0, span.start);
      const speech = SPEECH.exec(sentence.slice(span.end));
      // "X said he was beaten", "X told reporters he had been tortured": of themselves.
      // A pronoun a few words on is the speaker only when nobody else is named ("told the court that he…").
      const selfReport = speech && (SELF_REPORT.test(speech[3] ?? '') || (spans.length === 1 && SELF_AFTER.test(sentence.slice(span.end + speech[0].length))));
      // A relative or lawyer who speaks speaks for the person, even of "she"; one who acts is a subject.
      const relation = RELATION_BEFORE.test(before);
      // "…," said Laura Mills, researcher: the speaker; "said Aigerim Nurlanova was beaten": who it is about.
      const saidBy = SPEECH_BEFORE.test(before) && !/^\s+(?:was|were|is|are|has|had|have|remains|remained)\b/u.test(sentence.slice(span.end));
      if ((speech && (!selfReport || relation)) || saidBy || (relation && CONTACT.test(sentence.slice(span.end)))) aside.add(person);
      person.role ??= roleBeside(before, sentence.slice(span.end));
      person.age ??= ageBeside(sentence.slice(span.end));
    };
    let previousIsAlias = false;
    spans.forEach((span, i) => {
      const previous = i > 0 ? spans[i - 1] : undefined;
      const between = previous ? sentence.slice(previous.end, span.start) : '';
      const isAlias = previous !== undefined && (ALIAS_BETWEEN.test(between) || ALIAS_AFTER.test(between) || (previousIsAlias && ALIAS_NEXT.test(between)));
      const aliasOf = isAlias ? this.find(previous.name) : undefined;
      previousIsAlias = aliasOf !== undefined;
      // Listed beside them, or of another age: a second person, whatever their names have in common.
      const age = ageBeside(sentence.slice(span.end));
      const listedWith = (p: PersonFound) => at.some((a) => a.person === p && LISTED_APART.test(sentence.slice(a.end, span.start)));
      const apart = (p: PersonFound) => listedWith(p) || (age !== undefined && p.age !== undefined && p.age !== age);
      const person = this.resolve(span.name, sentence, aliasOf, apart);
      // Another spelling of the name just before it; "X, also known as Y, aged 29": the age is X's.
      if (aliasOf) { aliasOf.age ??= ageBeside(sentence.slice(span.end)); return; }
      add(person, span);
      for (const script of otherScripts(sentence.slice(span.end))) {
        if (!person.aliases.some((a) => norm(a) === norm(script))) this.addAlias(person, script);
      }
    });
    for (const word of loneWords(sentence, spans)) {
      const person = this.bySurname(word.name, TITLE.test(sentence.slice(0, word.start)));
      if (person) add(person, word);
    }
    const kin = new Set([...asKin].filter((p) => !asThemselves.has(p)));
    return { named, aside, harmedHere, at: at.sort((a, b) => a.start - b.start), kin };
  }
}
