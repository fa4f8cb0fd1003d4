// Finding a person's names in free text, for erase: as whole words ("Ali" is not in "Alimuly",
// "Malian" or "Kali"), a part joined by a hyphen or a dash being a word ("Musakhanuly-led" and
// "pro-Musakhanuly" name them as written), whatever their capitals (YILDIZ / Yıldız, STRAUSS / Strauß),
// accents ("Érlan" is "Erlan"), apostrophes (O’Brien / O'Brien) and the spacing or punctuation
// between their words ("Ali  Baisal", "erlan.kudaibergen@", "Erlan-Kudaibergen", a soft hyphen), and
// in a hashtag or handle a word begun with a capital ("#FreeKaster", "KMusakhanuly@").
// In scripts written without spaces (Chinese, Japanese, Thai...) a name is found wherever it is.

import { particleWord } from './names-token';
import { APOSTROPHES, UNSPACED_SCRIPT } from './text';
const WORD = /[\p{L}\p{N}\p{M}]/u;
const UNSPACED = UNSPACED_SCRIPT;
const GAP = /[\s_.+\u200b]/u;
const HYPHEN = /[-\u2010-\u2015\u2212]/u;
const APOSTROPHE = new RegExp(`[${APOSTROPHES}]`, 'u');
const MARKS = /\p{M}/gu;
const INVISIBLE = /\u00ad|\u0640|\u061c|\u200c|\u200d|\u200e|\u200f|[\u202a-\u202e]|[\u2060-\u2069]|\ufeff/u;
/** Letters that carry no mark to drop, written as a reader would without them. */
const PLAIN: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ð: 'd', þ: 'th', æ: 'ae', œ: 'oe', ħ: 'h', ŧ: 't' };

/** Text as compared, and where in the text each of its positions came from. */
interface Folded { text: string; from: (i: number) => number }

/** What one character becomes in a folded text: nothing, spacing, a hyphen, an apostrophe, or these letters. */
interface FoldedChar { kind: 'invisible' | 'gap' | 'hyphen' | 'apostrophe' | 'text'; text: string }

function foldChar(char: string): FoldedChar {
  if (INVISIBLE.test(char)) return { kind: 'invisible', text: '' };
  if (GAP.test(char)) return { kind: 'gap', text: ' ' };
  if (HYPHEN.test(char)) return { kind: 'hyphen', text: '-' };
  if (APOSTROPHE.test(char)) return { kind: 'apostrophe', text: "'" };
  const plain = char.toUpperCase().toLowerCase().normalize('NFD').replace(MARKS, '');
  return { kind: 'text', text: [...plain].map((c) => PLAIN[c] ?? c).join('') };
}

/**
 * Each character's fold, worked out once: an erase folds every text of the database, and the
 * regular expressions and normalizing above cost microseconds a character. A database holds a few
 * thousand distinct characters at most.
 */
const foldedChars = new Map<string, FoldedChar>();

/** The last texts folded, by their text. */
const lastFolds = new Map<string, string>();

/**
 * Marks dropped; capitals folded both ways (ß → ss, ı → i, final ς → σ); runs of spacing and
 * joining punctuation one space; hyphens and dashes one "-" (it matches a space in a name, and ends
 * a word as a space does); apostrophes one "'"; soft hyphens dropped.
 */
function foldText(text: string): string {
  let known = lastFolds.get(text);
  if (known === undefined) {
    // The few texts of one record are each looked through for whole names, then for words of them.
    if (lastFolds.size >= 32) lastFolds.clear();
    lastFolds.set(text, (known = foldInto(text)));
  }
  return known;
}

/** foldText, and where in the text each of its positions came from: for replacing what is found. */
function fold(text: string): Folded {
  const origin: number[] = [];
  const folded = foldInto(text, origin);
  origin.push(text.length);
  return { text: folded, from: (i) => origin[i]! };
}

/**
 * Where a text has hashtags, handles and e-mail addresses ("#FreeKaster", "@KasterM",
 * "KMusakhanuly@example.org"): runs without spacing that begin with "#" or hold an "@". Their words
 * are joined, each begun with a capital; undefined for a text without them (most).
 */
function taggedRuns(text: string): Array<[number, number]> | undefined {
  if (!text.includes('#') && !text.includes('@')) return undefined;
  return [...text.matchAll(/\S+/g)].filter((m) => /^#|@/.test(m[0])).map((m) => [m.index, m.index + m[0].length]);
}

const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;

/** Whether a word of a hashtag or handle begins at `i`: a capital after a small letter ("Free|Kaster"), or before one after a capital ("K|Musakhanuly"). */
const camelWordAt = (text: string, i: number) =>
  UPPER.test(text[i]!) && (LOWER.test(text[i - 1] ?? '') || (UPPER.test(text[i - 1] ?? '') && LOWER.test(text[i + 1] ?? '')));

/**
 * The fold of a text; `origin`, when given, gets the text's position of each folded one. In a
 * hashtag or handle, a word begun with a capital is a word of its own ("#Free Kaster"), as names
 * are looked for: where such a run is written all in one case, its words cannot be told apart.
 */
function foldInto(text: string, origin?: number[]): string {
  let out = '';
  const put = (s: string, at: number) => {
    if (origin) for (let k = 0; k < s.length; k++) origin.push(at);
    out += s;
  };
  const tagged = taggedRuns(text);
  for (let i = 0; i < text.length;) {
    const char = String.fromCodePoint(text.codePointAt(i)!);
    if (tagged && i > 0 && camelWordAt(text, i) && tagged.some(([a, b]) => i > a && i < b) && !out.endsWith(' ')) put(' ', i);
    let folded = foldedChars.get(char);
    if (folded === undefined) foldedChars.set(char, (folded = foldChar(char)));
    if (folded.kind === 'invisible') {
      // nothing: a soft hyphen, a zero-width joiner, an Arabic tatweel are not read (a zero-width space is a gap)
    } else if (folded.kind === 'gap') {
      if (!out.endsWith(' ')) put(' ', i);
    } else if (folded.kind === 'hyphen') {
      if (!out.endsWith('-')) put('-', i);
    } else if (folded.kind === 'apostrophe') {
      put("'", i);
    } else {
      put(folded.text, i);
    }
    i += char.length;
  }
  return out;
}

/** German umlauts as written without them (Jürgen → Juergen), a second spelling to look for. */
const UMLAUTS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue' };

/** A name as written, and with its umlauts written out when it has any. */
const writtenForms = (name: string): string[] => (/[äöüÄÖÜ]/.test(name) ? [name, name.replace(/[äöüÄÖÜ]/g, (c) => UMLAUTS[c]!)] : [name]);

/**
 * Names as they are looked for: folded, without spacing at their ends, the longest first; with each
 * name's umlauts written out (Juergen Strauss for Jürgen Strauß), and a name of two or three words
 * also surname first ("BAISAL Ali", as lists and Amnesty's documents give it).
 */
export function nameNeedles(names: string[]): string[] {
  const asNeedle = (n: string) => foldText(n).replace(/^[ -]+|[ -]+$/g, '');
  const inOrder = names.flatMap(writtenForms);
  const reordered = inOrder.flatMap((w) => {
    const words = w.trim().split(/\s+/);
    // Surname first, with or without a comma ("BAISAL Ali", "Baisal, Ali").
    const last = words[words.length - 1]!;
    const rest = words.slice(0, -1).join(' ');
    return words.length >= 2 && words.length <= 3 ? [`${last} ${rest}`, `${last}, ${rest}`] : [];
  });
  const needles = [...inOrder, ...reordered].map(asNeedle).filter((n) => n.length > 0);
  // The longest first: "Hemit Memet Jr" is found whole, not as "Hemit Memet" and a " Jr" left over.
  const sorted = [...new Set(needles)].sort((a, b) => b.length - a.length);
  const asWritten = new Set(inOrder.map(asNeedle));
  const surnameFirst = new Set(reordered.map(asNeedle).filter((n) => !asWritten.has(n)));
  if (surnameFirst.size > 0) surnameFirstOf.set(sorted, surnameFirst);
  return sorted;
}

/**
 * The spellings of each list of needles (nameNeedles) that give a name surname first and are none
 * of its names as written: in text where capitals tell nothing (writtenAsName) they are ordinary
 * words in a row ("ALI SAID HE WAS BEATEN"). A copy of a list has none: each of its spellings counts
 * as a name written in order, the side of erasing more.
 */
const surnameFirstOf = new WeakMap<string[], Set<string>>();

/** How a needle of a list is a name: one word, several in their order, or several surname first. */
type NeedleKind = 'one' | 'several' | 'surname first';

const kindOf = (needles: string[], needle: string): NeedleKind =>
  oneWord(needle) ? 'one' : surnameFirstOf.get(needles)?.has(needle) ? 'surname first' : 'several';

const isSeparator = (c: string | undefined) => c === ' ' || c === '-';

/** Whether the folded text holds the needle at `at`, a space in the needle matching a space or a hyphen. */
function holdsAt(folded: string, at: number, needle: string): boolean {
  if (at + needle.length > folded.length) return false;
  for (let k = 0; k < needle.length; k++) {
    const a = folded[at + k]!;
    const b = needle[k]!;
    if (a !== b && !(isSeparator(a) && isSeparator(b))) return false;
  }
  return true;
}

/** The character (a whole code point) that ends just before `at`, or starts at `at`. */
function charBefore(s: string, at: number): string {
  if (at <= 0) return '';
  const low = s.charCodeAt(at - 1);
  return low >= 0xdc00 && low <= 0xdfff && at >= 2 ? s.slice(at - 2, at) : s[at - 1]!;
}
function charAt(s: string, at: number): string {
  return at < s.length ? String.fromCodePoint(s.codePointAt(at)!) : '';
}

/**
 * A neighbour that joins the match to a longer word: a letter, digit or mark. A hyphen or dash does
 * not: "Musakhanuly-led" and "pro-Musakhanuly" are the name as written, and an erase that left them
 * left the person named ("Kemel-uly" goes as "[erased]-uly"; someone tracked under such a name is
 * kept by namesHolding).
 */
const joins = (neighbour: string, edge: string) =>
  neighbour !== '' && WORD.test(neighbour) && !UNSPACED.test(neighbour) && !UNSPACED.test(edge);

/** Whether a match at `at` stands as a word of its own (or, `prefix`, begins one: "Байсала" for "Байсал"). */
function standsAlone(folded: string, at: number, needle: string, prefix: boolean): boolean {
  if (joins(charBefore(folded, at), charAt(needle, 0))) return false;
  return prefix || !joins(charAt(folded, at + needle.length), charBefore(needle, needle.length));
}

/** Where another person's longer name stands in the text: a match inside one is theirs, not the erased person's. */
function protectedSpans(folded: string, protect: string[]): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const n of protect) {
    for (let at = folded.indexOf(n[0]!); at !== -1; at = folded.indexOf(n[0]!, at + 1)) {
      if (holdsAt(folded, at, n) && standsAlone(folded, at, n, false)) spans.push([at, at + n.length]);
    }
  }
  return spans;
}

/** Each list of longer names as looked up: with hyphens as spaces (as holdsAt takes them), and the longest's length. */
const protectSets = new WeakMap<string[], { names: Set<string>; longest: number }>();

/**
 * Whether another person's longer name (`protect`) stands over [at, end) of the text. Such a name
 * stands alone: it begins after a character that is no part of a word and ends before one, and
 * only those places are looked up, in a set of the names, however many there are (thousands where
 * a word of theirs is a common first name). Where a script is written without spaces a name may
 * begin anywhere: each is looked for through the text.
 */
function protectedBy(folded: string, protect: string[]): (at: number, end: number) => boolean {
  if (protect.length === 0) return () => false;
  if (UNSPACED.test(folded)) {
    const spans = protectedSpans(folded, protect);
    return (at, end) => spans.some(([a, b]) => at >= a && end <= b);
  }
  let set = protectSets.get(protect);
  if (set === undefined) {
    set = { names: new Set(protect.map((n) => n.replace(/-/g, ' '))), longest: Math.max(...protect.map((n) => n.length)) };
    protectSets.set(protect, set);
  }
  const { names, longest } = set;
  const flat = folded.replace(/-/g, ' ');
  const opens = (s: number) => !WORD.test(charBefore(folded, s));
  const closes = (e: number) => !WORD.test(charAt(folded, e));
  return (at, end) => {
    for (let s = at; s >= Math.max(0, end - longest); s--) {
      if (!opens(s)) continue;
      for (let e = end; e <= Math.min(folded.length, s + longest); e++) {
        if (closes(e) && names.has(flat.slice(s, e))) return true;
      }
    }
    return false;
  };
}

/**
 * A lower-case letter of a script whose texts begin names with a capital. Georgian has capitals too
 * (Mtavruli), but its texts are written without them: every Georgian letter is lower case.
 */
const LOWER_CASE = /(?=\p{Ll})[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Armenian}]/u;

/** A name of one word (no space or hyphen in it): "Said", "Grace", "Musakhanuly". */
export const oneWord = (needle: string) => !/[ -]/.test(needle);

/** The words of a name as written, a letter after an apostrophe part of its word ("G\u02bbulom", "O'Brien"). */
const WRITTEN_WORD = new RegExp(`[\\p{L}\\p{M}]+(?:[${APOSTROPHES}][\\p{L}\\p{M}]+)*`, 'gu');

/** A particle elided before a capital: "d'" in "d'Artagnan", "dell'" in "dell'Orto". */
const ELIDED = new RegExp(`^\\p{Ll}{1,4}[${APOSTROPHES}](?=\\p{Lu})`, 'u');

/**
 * Whether a word begins with a lower-case letter of a script that writes names with capitals; a
 * name's word with an elided particle before its capital ("d'Artagnan", "l'Huillier") begins with
 * that capital.
 */
const lowerCase = (word: string) => LOWER_CASE.test(String.fromCodePoint(word.replace(ELIDED, '').codePointAt(0) ?? 0x41));

/** The words of a text that have capitals to tell (two letters or more, no particle: "van", "al"). */
const casedWords = (text: string) => (text.match(WRITTEN_WORD) ?? [])
  .filter((w) => [...w].length >= 2 && !particleWord(w.toLowerCase()) && w.toLowerCase() !== w.toUpperCase());

/** A web address, an e-mail address or a handle: a run of text without spacing holding one of these. */
const ADDRESS_RUN = /@|\/\/|^www\./i;

/** What joins words into one in an address: a slug's hyphens and underscores, a query's "+" (addressWords reads its spaces as hyphens). */
const JOINER = /[-_+\u2010-\u2015\u2212]/u;

/** What ends the stretch of text a name is read in (shouted): a sentence, a clause, an item of a list. */
const STRETCH_END = /[.!?;:,()[\]{}\n\u2026]/u;

/**
 * Whether a name found over [start, end) stands in text written in capitals beyond it ("ALI SAID HE
 * WAS BEATEN"), where a capital tells nothing: the name and the other words of its stretch (up to a
 * full stop, a comma, a line break) all in capitals, and there are such other words. A surname in
 * capitals in ordinary text ("Kaster MUSAKHANULY was held") and a heading that is only the name are not.
 */
function shouted(text: string, start: number, end: number): boolean {
  let [from, to] = [start, end];
  while (from > 0 && !STRETCH_END.test(text[from - 1]!)) from -= 1;
  while (to < text.length && !STRETCH_END.test(text[to]!)) to += 1;
  // A mark an erase left ("[erased]") is none of the text's words.
  const around = casedWords(`${text.slice(from, start)} ${text.slice(end, to)}`.replace(/\[[^\]\s]*\]/g, ' '));
  const upper = (w: string) => w === w.toUpperCase();
  return around.length > 0 && around.every(upper) && casedWords(text.slice(start, end)).every(upper);
}

/**
 * Whether a name found over [start, end) of the text (positions as written) is written as a name is.
 * In an address (an e-mail, a web address, a handle) it is written in lower case, and counts all the
 * same, but for a name of one word joined to others by a hyphen, an underscore or a "+" (a slug, a
 * query: "…/lawyer-said-court-delayed"): a word of a phrase, where only a whole name counts. Elsewhere:
 * a name of one word with a capital ("Said", "SAID"); one of several words alike in case, all with
 * capitals or all without ("Said Bek", "SAID BEK", a hurried "zebulon quixotica"), but for particles
 * ("Jan van der Berg"); or in a script without capitals. The words of a name are often ordinary words
 * too: an erase of Said Bek that replaced "said" destroyed other people's records, and one of Said
 * Ali took "Ali said the trial was unfair" for "Ali Said", his name surname first. So in a sentence in
 * capitals (shouted), where a capital tells nothing, only a name of several words in its own order
 * counts: "SAID ALI WAS BEATEN", not "ALI SAID HE WAS BEATEN" nor, a word alone, "SAID".
 */
function writtenAsName(text: string, start: number, end: number, kind: NeedleKind): boolean {
  // The run of text without spacing that holds it.
  let [from, to] = [start, start];
  while (from > 0 && !/\s/.test(text[from - 1]!)) from -= 1;
  while (to < text.length && !/\s/.test(text[to]!)) to += 1;
  if (ADDRESS_RUN.test(text.slice(from, to))) return kind !== 'one' || !(JOINER.test(text[start - 1] ?? '') || JOINER.test(text[end] ?? ''));
  if (shouted(text, start, end)) return kind === 'several';
  if (kind === 'one') return !lowerCase(text.slice(start, end).match(WRITTEN_WORD)?.[0] ?? '');
  const cased = casedWords(text.slice(start, end));
  const lower = cased.filter(lowerCase).length;
  return lower === 0 || lower === cased.length;
}

/**
 * Where a name is replaced or counted as there (not `prefix`, a warning), it counts only where it is
 * written as a name (writtenAsName); `origin` gives the text's position of a folded one.
 */
function asNamesCount(text: string, needles: string[], prefix: boolean, origin: () => (i: number) => number): ((at: number, needle: string) => boolean) | undefined {
  return prefix ? undefined : (at, needle) => writtenAsName(text, origin()(at), origin()(at + needle.length), kindOf(needles, needle));
}

function* matchesIn(folded: string, needles: string[], prefix: boolean, protect: string[] = [], counts?: (at: number, needle: string) => boolean): Generator<{ at: number; length: number }> {
  // Worked out only once a needle stands somewhere: most texts hold none.
  let protectedAt: ((at: number, end: number) => boolean) | undefined;
  const inside = (at: number, end: number) => (protectedAt ??= protectedBy(folded, protect))(at, end);
  // A needle begins with neither a space nor a hyphen: only where one of their first letters stands.
  const firsts = new Set(needles.flatMap((n) => (isSeparator(n[0]) ? [' ', '-'] : [n[0]])));
  for (let i = 0; i < folded.length;) {
    if (!firsts.has(folded[i])) {
      i += 1;
      continue;
    }
    const hit = needles.find((n) => holdsAt(folded, i, n) && standsAlone(folded, i, n, prefix) && !inside(i, i + n.length) && (counts?.(i, n) ?? true));
    if (hit === undefined) {
      i += 1;
      continue;
    }
    yield { at: i, length: hit.length };
    i += hit.length;
  }
}

/** A character beyond ASCII, or a %-escape's "%" (an address decodes it into any letter). */
const BEYOND_ASCII = /[^\x00-\x24\x26-\x7f]/;

/**
 * How a plain text is told apart from the needles: a needle with a letter beyond ASCII cannot stand
 * in it; any other, only where each of its runs of letters and digits does (`runs`), which the
 * longest of them (in `first`, all needles' at once) rules out for most texts in one search.
 * `always`: a needle without letters or digits, which only the fold can tell.
 */
interface QuickTest { always: boolean; first?: RegExp; runs: string[][] }

const quickTests = new WeakMap<string[], QuickTest>();

function quickTest(needles: string[]): QuickTest {
  const known = quickTests.get(needles);
  if (known !== undefined) return known;
  const runs = needles.filter((n) => !/[^\x00-\x7f]/.test(n)).map((n) => n.match(/[a-z0-9]+/g) ?? []);
  const longest = runs.map((r) => r.reduce((a, b) => (b.length > a.length ? b : a), ''));
  // Where one run holds another, the shorter tells as much.
  const keys = [...new Set(longest)].filter((r, _, all) => !all.some((o) => o !== r && r.includes(o)));
  const test = { always: keys.includes(''), ...(keys.length > 0 ? { first: new RegExp(keys.join('|'), 'i') } : {}), runs };
  quickTests.set(needles, test);
  return test;
}

/**
 * Whether the text may hold one of the needles, told without folding it, for the texts of plain
 * ASCII that make up most of a database: folding one only lowercases its letters and digits and
 * turns its punctuation into spacing, so a needle stands in it only where each of its runs of
 * letters and digits does, in any capitals. Other texts may hold one; false only when none can.
 */
export function mayHold(text: string, needles: string[]): boolean {
  if (BEYOND_ASCII.test(text)) return true;
  const test = quickTest(needles);
  if (test.always) return true;
  if (!test.first?.test(text)) return false;
  const lower = text.toLowerCase();
  return test.runs.some((runs) => runs.every((run) => lower.includes(run)));
}

/**
 * The first of `needles` (in their order) that the text holds as a word of its own, if any; with
 * `prefix`, also at the start of a longer word (an inflected form: "Байсалу", "Андреем"), for a
 * warning only, never a replacement.
 */
function nameIn(text: string, needles: string[], prefix = false, protect: string[] = [], anyCase = false): string | undefined {
  const folded = foldText(text);
  // Its longest piece between spacing stands in the text as it is wherever the needle does.
  const piece = (n: string) => n.split(/[ -]/).reduce((a, b) => (b.length > a.length ? b : a));
  // Where the text's positions came from is worked out only for a one-word name found in it.
  let origin: Folded | undefined;
  const counts = asNamesCount(text, needles, prefix || anyCase, () => (origin ??= fold(text)).from);
  return needles.find((n) => folded.includes(piece(n)) && matchesIn(folded, [n], prefix, protect, counts).next().done === false);
}

/**
 * Words that make a name speak of someone else ("Nephew of Murat", "Aziz Karimov's wife") or name
 * them with a title ("Mr Aziz Karimov"), where a name's other words are a person's own ("Murat
 * Bekov", "Jan Pieter de Vries").
 */
const RELATIONS = new Set([
  'of', 's', 'nephew', 'niece', 'son', 'daughter', 'wife', 'husband', 'brother', 'sister', 'mother', 'father', 'uncle', 'aunt',
  'cousin', 'relative', 'relatives', 'family', 'widow', 'widower', 'friend', 'lawyer', 'colleague', 'child', 'children', 'partner',
  'fiance', 'fiancee', 'grandson', 'granddaughter', 'grandmother', 'grandfather', 'parents', 'spouse',
  // A title before a name is that person's name all the same ("Mr Aziz Karimov").
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'sheikh', 'imam', 'pastor',
  '\u043e\u0442\u0435\u0446', '\u043c\u0430\u0442\u044c', '\u0434\u044f\u0434\u044f', '\u0441\u0443\u043f\u0440\u0443\u0433\u0430', '\u0441\u0443\u043f\u0440\u0443\u0433',
  '\u0431\u0440\u0430\u0442', '\u0441\u0435\u0441\u0442\u0440\u0430', '\u0441\u044b\u043d', '\u0434\u043e\u0447\u044c',
  '\u0436\u0435\u043d\u0430', '\u043c\u0443\u0436', '\u043f\u043b\u0435\u043c\u044f\u043d\u043d\u0438\u043a',
  '\u0430\u0434\u0432\u043e\u043a\u0430\u0442', '\u0634\u0642\u064a\u0642', '\u0632\u0648\u062c\u0629', '\u0632\u0648\u062c',
]);

/**
 * Of other people's names (and appeal targets'), those that hold one of the needles inside them
 * ("王力雄" holds "王力", "Ali Hassan" holds "Ali", "Zeb Quix Hassan" holds "Zeb Quix"): where they
 * stand, the text means that person, and is left alone. A name whose other words tell a relation
 * ("Nephew of Zeb Quix", "AZIZ KARIMOV'S WIFE") speaks of them, and protects nothing.
 */
export function namesHolding(needles: string[], others: string[]): string[] {
  return others.flatMap((name) => (nameMayHold(name, needles) ? spellingsHolding(needles, nameNeedles([name])) : []));
}

/**
 * Whether a name may be one of the needles or hold one (spellingsHolding), told from one fold of it
 * instead of all its spellings: each spelling is its words folded (in another order, or with their
 * umlauts written out), so a needle in one has each of its pieces between spacing, commas and
 * hyphens in the fold of the name as written, or as written out.
 */
export function nameMayHold(name: string, needles: string[]): boolean {
  const folds = writtenForms(name).map(foldText);
  return needles.some((n) => {
    const pieces = n.split(/[ ,-]+/).filter((p) => p !== '');
    return folds.some((f) => pieces.every((p) => f.includes(p)));
  });
}

/** namesHolding for one name, given as its needles (nameNeedles of it, worked out once by a caller that needs them too). */
export function spellingsHolding(needles: string[], spellings: string[]): string[] {
  // A namesake's name that is also one of theirs ("Ali Hassan" and another "Ali Hassan") protects
  // nothing either: where it is unclear whose name it is, the erased person's safety decides.
  const holds = (o: string, n: string) => !needles.includes(o) && o.length > n.length && o.includes(n) && !speaksOf(o, n);
  return spellings.filter((o) => needles.some((n) => holds(o, n)));
}

/** Whether the words of `name` (folded) around `needle` tell a relation to its bearer. */
function speaksOf(name: string, needle: string): boolean {
  const rest = name.split(needle).join(' ');
  return rest.split(/[^\p{L}\p{N}]+/u).some((word) => RELATIONS.has(word));
}

/** Web addresses in a text ("https://…/ali-baisal-detained?q=Ali%20Baisal"), read as their words. */
const ADDRESS = /\b(?:https?:\/\/|www\.)[^\s<>"']+/giu;

/**
 * An address as its words are read: %-escapes decoded as UTF-8 ("ali-baisal-detained?q=Ali%20Baisal"
 * as "ali-baisal-detained?q=Ali-Baisal"), the spacing a "+" or %20 stands for a hyphen, so that it
 * stays one run of text, and with "//" before it when it has none, so that it reads as an address
 * (writtenAsName: a name in lower case counts there, a word of a slug or a query does not).
 */
export function addressWords(address: string): string {
  let decoded = address;
  try {
    decoded = decodeURIComponent(address.replace(/\+/g, ' '));
  } catch {
    // A stray % that is no escape: read as written.
  }
  const read = decoded.trim().replace(/\s+/g, '-');
  return ADDRESS_RUN.test(read) ? read : `//${read}`;
}

/**
 * A value that is one address or identifier ("ali%20baisal", "//host/ali-baisal"), read as its words;
 * undefined for other text, where punctuation is not spacing ("Kemel-uly" is not "Kemel uly").
 */
export function asAddress(value: string): string | undefined {
  return /%[0-9a-f]{2}|\/\//i.test(value) && !/\s/.test(value.trim()) ? addressWords(value) : undefined;
}

/**
 * `anyCase` (erase --word WORD --any-case): a one-word name counts in lower case too, where the
 * user said that the word, whatever its capitals, names someone.
 */

/**
 * Like markNamesIn, and an address that names them in its own spelling (a slug, %20, a
 * percent-encoded name in another script) is replaced whole.
 */
export function markMentions(text: string, needles: string[], mark: string, protect: string[] = [], anyCase = false): string {
  if (!mayHold(text, needles)) return text;
  const addressed = text.replace(ADDRESS, (a) => (nameIn(addressWords(a), needles, false, protect, anyCase) !== undefined ? mark : a));
  return markNamesIn(addressed, needles, mark, protect, anyCase);
}

/** Like nameIn, reading web addresses as their words too. */
export function mentionIn(text: string, needles: string[], prefix = false, protect: string[] = [], anyCase = false): string | undefined {
  // An address in the text is words of it: what cannot stand in the text cannot stand in them.
  if (!mayHold(text, needles)) return undefined;
  const found = nameIn(text, needles, prefix, protect, anyCase);
  if (found !== undefined) return found;
  const addresses = text.match(ADDRESS);
  return addresses ? nameIn(addresses.map(addressWords).join(' , '), needles, prefix, protect, anyCase) : undefined;
}

/** Each whole-word occurrence of a name replaced by `mark`; the text between is kept as it was. */
function markNamesIn(text: string, needles: string[], mark: string, protect: string[] = [], anyCase = false): string {
  const folded = fold(text);
  let out = '';
  let last = 0;
  for (const m of matchesIn(folded.text, needles, false, protect, asNamesCount(text, needles, anyCase, () => folded.from))) {
    out += text.slice(last, folded.from(m.at)) + mark;
    last = folded.from(m.at + m.length);
  }
  return out + text.slice(last);
}
