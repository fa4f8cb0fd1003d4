// What a sentence says of someone right beside their name: the office or profession it names them
// by, and their age.

// Offices and professions of people who act or speak in a story rather than suffer it.
const ROLE = `(?:(?:deputy|acting|former|vice|senior|chief|assistant)[\\s-]+)*(?:director|chief|head|minister|official|officer|spokes(?:person|man|woman)|judge|prosecutor|procurator|ambassador|president|chair(?:man|woman|person)?|commissioner|rapporteur|governor|mayor|secretary|commander|investigator|researcher|lawyer|attorney|counsel|advocate|analyst|expert|coordinator|campaigner|director-general)`;
// The same in any capitals, for patterns where capitals elsewhere must count ("the Urgent Action
// coordinator": capitalised words may stand before the office, lowercase ones may not).
const ROLE_ANY_CASE = ROLE.replace(/(?<!\\)[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);
// "the director of the border service of ..., Darhan Dilmanov stated": the office just before the name.
const ROLE_BEFORE = new RegExp(`(?:^|[,;:(]\\s*|\\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\\s+)((?:(?!(?:The|An?|His|Her|Their|Its)\\s)\\p{Lu}[\\p{L}-]*\\s+){0,4}${ROLE_ANY_CASE}\\b[^,.;:()]{0,90}),\\s*$`, 'u');
// "Minister Kemel-uly", "Minister of Justice X", "Interior Minister X": a title right before the name
// (the name run leaves it out), with the office it is of.
const TITLE_BEFORE = new RegExp(`\\b((?:\\p{Lu}[\\p{L}-]*\\s+)?${ROLE_ANY_CASE}(?:\\s+(?:of|for)(?:\\s+the)?(?:\\s+\\p{Lu}[\\p{L}-]*){1,3})?)\\s+$`, 'u');
// "Darkhan Dilmanov, Deputy Chief of Kazakhstan's National Security Committee, said".
const ROLE_AFTER = new RegExp(`^(${ROLE}\\b[^,.;:()]{0,90})(?:,|\\.|;|$)`, 'iu');
const APPOSITION = /^,\s*(?:(?:the|a|an)\s+)?/u;
// A region or field before the office ("Laura Mills, Europe and Central Asia researcher at ..."):
// capitalised words (case matters here: "whose brother is a lawyer" is not one).
const QUALIFIER = /^(?:\p{Lu}[\p{L}-]*|and|of)\s+/u;

/** The office or profession a sentence names someone by, beside their name; undefined when none. */
export function roleBeside(before: string, after: string): string | undefined {
  const found = ROLE_BEFORE.exec(before)?.[1] ?? roleAfter(after) ?? TITLE_BEFORE.exec(before)?.[1];
  return found?.replace(/\s+/g, ' ').trim();
}

function roleAfter(text: string): string | undefined {
  // "said [Olivia Bird](https://...), Protection Coordinator": the link left beside the name.
  const after = text.replace(/^\s*<[^<>\s]+>/u, '');
  const start = APPOSITION.exec(after);
  if (!start || !after.startsWith(',')) return undefined;
  let rest = after.slice(start[0].length);
  let qualifier = '';
  for (let words = 0; words <= 5; words++) {
    const role = ROLE_AFTER.exec(rest);
    if (role) return qualifier + role[1]!;
    const word = QUALIFIER.exec(rest);
    if (!word) return undefined;
    qualifier += word[0];
    rest = rest.slice(word[0].length);
  }
  return undefined;
}

// "Hemit Memet (previously written as Khamit Memet), aged 28": with the word, whatever follows.
// "Heidar Ghorbani, a Kurdish man aged 47", "Dana Sadykova, a 29-year-old teacher", "X, the 24-year-old
// son of Y": in the apposition.
const AGED = /^\s*(?:\([^()]*\)\s*)?[,(]?\s*(?:(?:an?|the)\s+(?:[\p{L}-]+\s+){0,4}?)?aged\s+(\d{1,3})\b/iu;
const YEARS_OLD = /^\s*(?:\([^()]*\)\s*)?,\s*(?:an?|the)\s+(\d{1,3})[- ]years?[- ]old\b/iu;
// "Musakhanuly, 31, and Alimuly, 25, were", "Ana Lima (42)": a bare number only as a clause of its own.
// Not a prison term ("Bolat Serikov, 10 years; ..."): "years" only with "old", and never before ";".
const BARE_AGE = /^\s*(?:,\s*|\(\s*)(\d{1,3})(?:\s+years?\s+old)?\s*(?=[,.)]|$|\s+(?:and|was|were|is|are|has|had)\b)/iu;

/** The age a sentence gives right after a name, when it gives one (0 to 120). */
export function ageBeside(after: string): number | undefined {
  const m = AGED.exec(after) ?? YEARS_OLD.exec(after) ?? BARE_AGE.exec(after);
  const age = m ? Number(m[1]) : undefined;
  return age !== undefined && age <= 120 ? age : undefined;
}
