// Finding and filling the letter templates. The built-in ones live in templates/ at the package
// root; CASELOG_TEMPLATES=DIR points at a user's copies, which win wherever they exist.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Eta } from 'eta';
import { UserError } from '../errors';
import type { LetterView } from '../render/letters';

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

/** The template file for a target: letter.LANG.FORMAT.eta, then letter.FORMAT.eta, the user's folder first. */
export function templatePath(format: LetterFormat, language: string | undefined, env: Record<string, string | undefined>): string {
  const folders = [...(env.CASELOG_TEMPLATES ? [env.CASELOG_TEMPLATES] : []), join(packageRoot(), 'templates')];
  const names = [...(language ? [`letter.${language.toLowerCase()}.${format}.eta`] : []), `letter.${format}.eta`];
  for (const name of names) {
    for (const folder of folders) {
      if (existsSync(join(folder, name))) return join(folder, name);
    }
  }
  throw new UserError(`no letter template letter.${format}.eta in ${folders.join(' or ')}`);
}

const eta = new Eta({ autoEscape: false, autoTrim: false });

export function renderLetter(view: LetterView, format: LetterFormat, env: Record<string, string | undefined>): string {
  const path = templatePath(format, view.target.language, env);
  try {
    return eta.renderString(readFileSync(path, 'utf8'), view);
  } catch (error) {
    throw new UserError(`the letter template ${path} failed: ${(error as Error).message.split('\n')[0]}`);
  }
}
