// Finding and filling the letter templates. The built-in ones live in templates/ at the package
// root; CASELOG_TEMPLATES=DIR points at a user's copies, which win wherever they exist.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Eta } from 'eta';
import { UserError } from '../errors';
import { joinNames } from '../render/letter-phrases';
import type { LetterView } from '../render/letters';
import { withHome } from '../store/path';

export type LetterFormat = 'txt' | 'md';

/**
 * The package root, found by walking up from this module: it is src/commands/ under vitest and
 * dist/ in the bundle, so a fixed relative path would fit only one of them.
 */
export function packageRoot(from: string = import.meta.url): string {
  let dir = dirname(fileURLToPath(from));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'templates'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new UserError('cannot find the letter templates (templates/ beside package.json): set CASELOG_TEMPLATES=DIR');
    dir = parent;
  }
}

/**
 * The user's folder of templates, from CASELOG_TEMPLATES (empty is unset). One that is not there is
 * refused, as a CASELOG_TODAY that is no date is: ignored, the letters would silently come out of
 * the built-in templates, in words the user believes they changed.
 */
export function userTemplates(env: Record<string, string | undefined>): string | undefined {
  const given = env.CASELOG_TEMPLATES?.trim();
  if (!given) return undefined;
  const folder = withHome(given);
  let isFolder: boolean;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    throw new UserError(`CASELOG_TEMPLATES: there is no folder ${folder}: set it to the folder of your letter templates, or unset it for the built-in ones`);
  }
  if (!isFolder) throw new UserError(`CASELOG_TEMPLATES: ${folder} is a file: set it to the folder of your letter templates`);
  return folder;
}

export interface LetterTemplate {
  path: string;
  /** The file is letter.LANG.FORMAT.eta for the target's own language. */
  inLanguage: boolean;
  builtIn: boolean;
}

/** The template file for a target: letter.LANG.FORMAT.eta, then letter.FORMAT.eta, the user's folder first. */
export function templateFor(format: LetterFormat, language: string | undefined, userFolder: string | undefined): LetterTemplate {
  const builtIn = join(packageRoot(), 'templates');
  const folders = [...(userFolder ? [userFolder] : []), builtIn];
  const names = [...(language ? [languageFile(format, language)] : []), `letter.${format}.eta`];
  for (const name of names) {
    for (const folder of folders) {
      if (existsSync(join(folder, name))) return { path: join(folder, name), inLanguage: name !== `letter.${format}.eta`, builtIn: folder === builtIn };
    }
  }
  throw new UserError(`no letter template letter.${format}.eta in ${folders.join(' or ')}`);
}

const languageFile = (format: LetterFormat, language: string) => `letter.${languageCode(language)}.${format}.eta`;

/** Languages' English names ("Russian" for ru), made when first asked. */
let displayNames: Intl.DisplayNames | undefined;
const englishNames = () => (displayNames ??= new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }));

/**
 * A language as a template's name has it: a code as typed ("ru", "pt-BR"), a language's English name
 * as its two-letter code ("Russian" is ru), anything else lower-cased.
 */
function languageCode(language: string): string {
  const typed = language.trim().toLowerCase();
  if (/^[a-z]{2,3}(?:[-_][a-z0-9]+)*$/.test(typed)) return typed;
  for (let a = 97; a <= 122; a++) {
    for (let b = 97; b <= 122; b++) {
      const code = String.fromCharCode(a, b);
      if (englishNames().of(code)?.toLowerCase() === typed) return code;
    }
  }
  return typed;
}

/** English needs no template of its own: the built-in letters are in English ("en", "en-GB", "eng", "English"). */
const isEnglish = (language: string) => /^(en([-_].*)?|eng)$/.test(languageCode(language));

/**
 * One line a language the letters should be in but have no template for ("no Russian letter
 * template: the letter to Prosecutor General is in English; ..."), naming the file that would be used.
 */
export function missingLanguages(letters: Array<{ target: { name: string; language?: string }; template: LetterTemplate }>,
  format: LetterFormat, userFolder: string | undefined): string[] {
  const byLanguage = new Map<string, { language: string; names: string[]; template: LetterTemplate }>();
  for (const { target, template } of letters) {
    if (!target.language || template.inLanguage || isEnglish(target.language)) continue;
    const key = languageCode(target.language);
    const group = byLanguage.get(key) ?? { language: target.language, names: [], template };
    group.names.push(target.name);
    byLanguage.set(key, group);
  }
  return [...byLanguage.values()].map(({ language, names, template }) => {
    const which = `the ${names.length === 1 ? 'letter' : 'letters'} to ${joinNames(names)}`;
    const instead = template.builtIn ? `${names.length === 1 ? 'is' : 'are'} in English` : `${names.length === 1 ? 'is' : 'are'} written from ${template.path}`;
    const where = userFolder ? `in ${userFolder}` : 'in a folder and set CASELOG_TEMPLATES to it';
    return `no ${languageName(language)} letter template: ${which} ${instead}; put ${languageFile(format, language)} ${where} to write one`;
  });
}

/** "Russian" for ru; a language typed as a word ("Russian") as typed; another code in quotes. */
function languageName(language: string): string {
  const typed = language.trim();
  try {
    const name = englishNames().of(typed);
    if (name) return name;
  } catch {
    // Not shaped like a language code: said as typed, below.
  }
  return /^\p{L}{4,}$/u.test(typed) ? typed : `"${typed}"`;
}

const eta = new Eta({ autoEscape: false, autoTrim: false });

export function renderLetter(view: LetterView, path: string): string {
  try {
    return eta.renderString(readFileSync(path, 'utf8'), view);
  } catch (error) {
    throw new UserError(`the letter template ${path} failed: ${(error as Error).message.split('\n')[0]}`);
  }
}
