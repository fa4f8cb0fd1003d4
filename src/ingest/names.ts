// Spotting personal names: runs of two to four capitalised words that are not an
// organisation, a place, a title or a sentence opener. A guess offered for confirmation;
// the word lists are general English and human-rights reporting vocabulary.

export interface NameSpan {
  name: string;
  start: number;
  end: number;
}

const words = (list: string): Set<string> => new Set(list.split(/\s+/).filter(Boolean));

// Dropped from the front of a run: sentence openers, titles, kinship and role words, and the verbs
// of a note's or a web page's imperatives ("Call Akhat again", "Contact Us"): who is called is the name.
const LEADING = words(`
  the a an this that these those on in at by for from with after before during since until update please
  check if when while both two three four such some many several any all each furthermore however according
  but and or as also it he she they we his her their our its one then yet so there here where who what which
  mr mrs ms miss dr prof president minister chairman chairwoman chair director deputy chief judge lawyer
  attorney general colonel captain major sheikh imam father journalist activist dear your excellency sir
  madam officer commander governor mayor senator ambassador secretary spokesperson spokesman spokeswoman
  researcher professor mother brother sister son daughter wife husband uncle aunt cousin blogger poet writer
  student teacher doctor farmer worker leader member head founder lawyers activists journalists
  prosecutor investigator ombudsperson ombudsman procurator
  yesterday today tomorrow meanwhile later earlier another other former late fellow
  call contact email phone ask tell urge write
`);

// A run containing one of these names an institution, a place or a document, not a person; nor a web
// page's links ("Privacy Policy", "Cookie Settings").
const NOT_PERSONAL = words(`
  republic region regional autonomous province county district city town village ministry committee commission
  council bureau office service security national international convention protocol nations united union
  television radio news press court supreme government secretariat watch rights human amnesty agency police
  army party front movement association organisation organization foundation centre center institute
  university school prison camp camps monitor network federation state states prosecutor presidential
  administration department directorate embassy consulate mission assembly parliament senate congress act
  law code article refugee refugees status torture central asia asian europe european eastern western
  northern southern east west north south middle muslim muslims turkic chinese uighur uighurs uyghur uyghurs
  kazakh kazakhs kazakhstani statement public information action appeal appeals urgent further background
  recommended viewed content main now donate country airport street road avenue square station hospital
  bank company group forces guard navy affairs foreign justice interior defence defense internal high
  commissioner special rapporteur procedures working fund programme program day week month year christian
  christians islamic islam god tax gift lives world saudi new hong sri costa el puerto sierra burkina papua
  san los las santa saint mount lake river gulf sea ocean island islands kingdom emirates arab municipal
  people times post daily herald tribune review journal magazine channel date index
  coordinator campaigner analyst expert adviser advisor manager official editor correspondent consultant
  specialist executive representative assistant counsel advocate instance appeal appeals cassation tribunal
  chamber branch division board
  january february march april may june july august september october november december
  monday tuesday wednesday thursday friday saturday sunday
  privacy policy cookie cookies terms subscribe newsletter login menu
`);

// Words of an office's name, left out when they stand before a name (with two words or more after them).
const OFFICE = words('interior internal foreign affairs justice defence defense security border police state public prosecution');

// A whole word from its capital: "GUBOPiK" is one word (an acronym), not "GUBO" and a name "Pi".
// With an Arabic article or "son of" written before it in lower case ("al-Shehab", "el-Hamalawy",
// "bin-Laden"), and an apostrophe inside it ("Ma'ruf", "O'Brien", "Sa'idov"), not a possessive "'s":
// those names were cut short ("Dilmurod Sa") or missed. Not English contractions ("I'm Innocent").
const PARTICLE = '(?:al|el|ad|adh|ag|an|ar|as|ash|at|ath|az|ud|ul|ur|bin|ibn|abu|abd|abdel|abdul|ben|bint)-';
const PART = "\\p{L}*(?:['\u2019](?!(?:s|m|re|ve|ll|t)\\b)\\p{L}+)*";
const TOKEN = new RegExp(`(?:${PARTICLE})?\\p{Lu}${PART}(?:-\\p{L}${PART})*`, 'gu');
// Words that cannot be part of a name: a capital alone or two ("A", "UN"), and acronyms written in
// mixed case ("GUBOPiK", "NGOs"): two capitals then lower case. "McDonald" (one capital first) is a name.
// (\u00DF has no capital in use: "WEI\u00DF" is a surname in capitals.) Two capitals, not "two or more":
// the letters after them are read by the class anyway, and "{2,}" re-read a long run for each capital.
const NOT_NAME_WORD = /^\p{Lu}{1,2}$|^\p{Lu}{2}[\p{L}-]*[^\P{Ll}\u00DF]/u;
// Acronyms of bodies, written in capitals like a surname ("ZHANG Wei"), so listed: "NGO Memorial" became a
// person "Ngo Memorial". Never a name word; the text keeps them as written.
const ACRONYMS = words(`
  NGO UN UNHCR OHCHR OSCE ODIHR EU ECHR ECTHR ICC ICJ ICRC UNESCO UNICEF HRW CPJ RSF PEN FIDH OMCT USCIRF CEDAW
  WGAD HRC CAT KGB FSB GKNB SNB NSS MVD MGB OVD SBU IRGC MOIS UAE USA USSR UK NATO BBC RFE VOA AFP ILO WHO
`);

interface Token {
  text: string;
  start: number;
  end: number;
  possessive: boolean;
  /** The small word between this word and the one before it in a run ("bint" in "Fatima bint Ali"). */
  joinedBy?: string;
}

// "Omar bin Said", "Fatima bint Ali": the words for "son of" / "daughter of" stand inside a name in
// lower case, and broke it in two ("Omar", "Said"), so nobody was found. Only these: the European
// small words (de, la, da, y) join places as often as names ("Rio de Janeiro").
const SON_OF = /^ (bin|bint|binti|ibn) $/;

function tokens(sentence: string): Token[] {
  const out: Token[] = [];
  for (const m of sentence.matchAll(TOKEN)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (start > 0 && /[\p{L}\d]/u.test(sentence[start - 1] ?? '')) continue; // inside a word
    if (NOT_NAME_WORD.test(m[0]) || ACRONYMS.has(m[0])) continue;
    out.push({ text: m[0], start, end, possessive: /^['’]s\b/.test(sentence.slice(end)) });
  }
  return out;
}

const INSTITUTIONS = 'Court|Courts|Tribunal|Ministry|Office|Committee|Commission|Council|Department|Bureau|Agency|Service|'
  + 'Directorate|Chamber|Branch|Division|Board|Institute|University|Academy|Bank|Embassy|Consulate|Mission|Assembly|'
  + 'Parliament|Union|Federation|Association|Republic|Centre|Center|Administration|Prosecutor|Procuracy|Inspectorate';
// An institution's word in capitals, then "of" ("Court of", "Office of the"): what follows names it too.
const INSTITUTION_OF = new RegExp(`\\b(?:${INSTITUTIONS})\\s+(?:of|for)\\s+(?:the\\s+)?$`, 'u');
// A body named for its subject: "Working Group on Arbitrary Detention", "Special Rapporteur on Torture".
const BODY_ON = /\b(?:Group|Groups|Commission|Council|Committee|Rapporteur|Rapporteurs|Panel|Forum|Commissioner)\s+on\s+(?:the\s+)?$/u;

// Words of the lists above that are name words too, after another name word: "Nguyen Van An", "Pham Hong
// Son", "Aung San Suu Kyi", "Hossam El Hamalawy" (first, they are "An Afghan journalist", "Hong Kong",
// "San Francisco", "El Salvador"). "He" first before one name word is the surname He ("He Fangmei").
const NAME_TOO = words('an son hong san el');
const listed = (w: string): boolean => NOT_PERSONAL.has(w.toLowerCase()) || LEADING.has(w.toLowerCase());
const surnameHe = (run: Token[], k: number): boolean => k === 0 && run[0]!.text === 'He' && run.length >= 2 && run.length <= 3 && !listed(run[1]!.text);
// Places written like a person's name, as caseworkers meet them: the country as Amnesty spells it
// in a heading ("Viet Nam: ..."), Vietnamese cities. Compared without their accents.
const PLACES = new Set(['viet nam', 'ha noi', 'ho chi minh', 'da nang', 'hai phong', 'can tho', 'cabo verde', 'cape verde', 'equatorial guinea', 'holy see']);
const folded = (name: string): string => name.normalize('NFD').replace(/\p{M}/gu, '').replace(/[\u0110\u0111]/gu, 'd').toLowerCase();
// "arrested in Ha Noi by police": where, not who ("in Ilham Tohti's case" is his).
const IN_PLACE = /\b(?:in|near)\s+$/u;

/** A word in capitals only ("ZHANG", "IRANIAN-KURDISH", "O'BRIEN"; German writes "WEI\u00DF" so). */
const inCapitals = (w: string): boolean => /^[\p{Lu}\u00DF]+(?:['\u2019-][\p{Lu}\u00DF]+)*$/u.test(w);

// Turkish (and Azerbaijani) letters: a name showing one is cased the Turkish way, where I is the
// capital of dotless \u0131 ("KILI\u00C7" is "K\u0131l\u0131\u00E7", not "Kili\u00E7") and \u0130 of i.
const TURKISH = /[\u0130\u0131\u015E\u015F\u011E\u011F]/u;
// \u0130 is i whatever the language: its lower case elsewhere leaves a combining dot (U+0307) after the i.
const lowerLetter = (c: string, turkish: boolean): string => (c === '\u0130' ? 'i' : turkish && c === 'I' ? '\u0131' : c.toLowerCase());
/** A word in capitals as a name is written: its first letter, and the first after a hyphen or "O'", kept. */
function titleCase(w: string, turkish = TURKISH.test(w)): string {
  if (!inCapitals(w)) return w;
  const letters = [...w];
  const kept = (k: number) => k === 0 || letters[k - 1] === '-' || (k === 2 && /['\u2019]/u.test(letters[1]!));
  return letters.map((c, k) => (kept(k) ? c : lowerLetter(c, turkish))).join('');
}

/** Runs of capitalised words joined by single spaces; a possessive ends a run. */
function runs(sentence: string): Token[][] {
  const all = tokens(sentence);
  const out: Token[][] = [];
  let run: Token[] = [];
  for (const t of all) {
    const previous = run[run.length - 1];
    const between = previous ? sentence.slice(previous.end, t.start) : ' ';
    const sonOf = SON_OF.exec(between)?.[1];
    if (previous && (previous.possessive || (between !== ' ' && !sonOf))) { out.push(run); run = []; }
    run.push(run.length > 0 && sonOf ? { ...t, joinedBy: sonOf } : t);
  }
  if (run.length) out.push(run);
  return out;
}

export function findNames(sentence: string): NameSpan[] {
  const found: NameSpan[] = [];
  for (const run of runs(sentence)) {
    let i = 0;
    // "Interior Minister X", "(Minister of) Justice X": an office's words before the name go with the title.
    // With two words or more after it. "Justice" is a given name too (Ghana, Zimbabwe): such a
    // person is found without it, where before they were not found at all.
    const office = (k: number) => OFFICE.has(run[k]!.text.toLowerCase()) && k + 2 < run.length;
    // "AZERBAIJAN  Aynur Mammadova": a country or label in capitals before a name written in
    // ordinary case is a heading beside it, not part of the name (a surname in capitals comes last).
    // Two words at least after it: "ZHANG Wei" (a surname in capitals, first) stays a name.
    const label = (k: number) => k + 2 < run.length && inCapitals(run[k]!.text) && !inCapitals(run[k + 1]!.text);
    while (i < run.length && !surnameHe(run, i) && (LEADING.has(run[i]!.text.toLowerCase()) || office(i) || label(i))) i++;
    const kept = run.slice(i);
    if (kept.length < 2 || kept.length > 4) continue;
    // "the Court of First Instance", "Ministry of State Security": the rest of an institution's name.
    if (i === 0 && (INSTITUTION_OF.test(sentence.slice(0, kept[0]!.start)) || BODY_ON.test(sentence.slice(0, kept[0]!.start)))) continue;
    const nameWord = (t: Token, k: number) => !listed(t.text) || surnameHe(kept, k) || (k > 0 && NAME_TOO.has(t.text.toLowerCase()) && !listed(kept[0]!.text));
    if (!kept.every(nameWord)) continue;
    if (kept.every((t) => inCapitals(t.text))) continue; // a heading in capitals
    if (IN_PLACE.test(sentence.slice(0, kept[0]!.start)) && !kept[kept.length - 1]!.possessive) continue;
    const turkish = kept.some((t) => TURKISH.test(t.text));
    const words = kept.map((t, k) => (k > 0 && t.joinedBy ? `${t.joinedBy} ` : '') + titleCase(t.text, turkish));
    if (PLACES.has(folded(words.join(' ')))) continue;
    found.push({ name: words.join(' '), start: kept[0]!.start, end: kept[kept.length - 1]!.end });
  }
  return found;
}

/** Single capitalised words outside the given spans: surnames used alone ("Akhat said"). */
export function loneWords(sentence: string, taken: NameSpan[]): NameSpan[] {
  return tokens(sentence)
    .filter((t) => !taken.some((s) => t.start >= s.start && t.end <= s.end))
    .map((t) => ({ name: titleCase(t.text), start: t.start, end: t.end }));
}
