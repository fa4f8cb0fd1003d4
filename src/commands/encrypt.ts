// caselog encrypt — and where passphrases come from: CASELOG_PASSPHRASE, or a hidden prompt on a
// terminal; never a command-line flag, which other users can read in the process list.
import type { Context } from '../context';
import { printJson, say } from '../context';
import { UserError } from '../errors';
import { encryptDatabase } from '../store/trust-crypto';
import { isBlankPassphrase, isEncryptedFile } from '../store/trust-key';
import { cancellable } from './cancel';

type Asking = Pick<Context, 'env' | 'interactive' | 'prompter'>;

/** The passphrase to open an existing database with, asking on a terminal only when the file is encrypted. */
export async function passphraseToOpen(ctx: Asking, path: string): Promise<string | undefined> {
  const given = ctx.env.CASELOG_PASSPHRASE;
  if (given) return given;
  if (!ctx.interactive || !isEncryptedFile(path)) return undefined;
  const answer = await (await ctx.prompter()).password(`Passphrase for ${path}`);
  if (!answer) throw new UserError(`no passphrase given: ${path} stays locked`);
  return answer;
}

/** A new passphrase: from the environment variable, or typed twice on a terminal. Spaces alone are refused. */
export async function newPassphrase(ctx: Asking, variable: string): Promise<string> {
  const given = ctx.env[variable];
  if (given) {
    if (isBlankPassphrase(given)) throw new UserError(`${variable} holds only spaces: a blank passphrase protects nothing; nothing was changed`);
    return given;
  }
  if (!ctx.interactive) throw new UserError(`set ${variable} to the new passphrase, or run this on a terminal to be asked for it`);
  const prompter = await ctx.prompter();
  const first = await prompter.password('New passphrase');
  if (isBlankPassphrase(first)) throw new UserError('an empty or blank passphrase protects nothing: nothing was changed');
  const second = await prompter.password('The same passphrase again');
  if (first !== second) throw new UserError('the two passphrases differ: nothing was changed');
  return first;
}

export async function encrypt(ctx: Context) {
  if (isEncryptedFile(ctx.dbPath)) {
    throw new UserError(`${ctx.dbPath} is already encrypted (or is not a caselog database): use "caselog rekey" to change its passphrase`);
  }
  const passphrase = await newPassphrase(ctx, 'CASELOG_PASSPHRASE');
  await cancellable(ctx, { undone: `nothing was changed: ${ctx.dbPath} is still unencrypted`, late: `the cancel came too late to stop it: ${ctx.dbPath} is encrypted` },
    (point) => encryptDatabase(ctx.dbPath, passphrase, (m) => say(ctx, `caselog: ${m}`), point));
  if (ctx.json) printJson(ctx, { path: ctx.dbPath, encrypted: true });
  say(ctx, `Encrypted ${ctx.dbPath}. Without the passphrase nobody, you included, can read it: keep it somewhere safe.`);
  say(ctx, 'From now on set CASELOG_PASSPHRASE, or caselog asks for it on a terminal.');
}
