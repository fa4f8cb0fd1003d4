// The passphrases of a restore: the backup's and the database's, which differ once the database has
// been re-keyed since the backup was made. The backup's from CASELOG_BACKUP_PASSPHRASE, else
// CASELOG_PASSPHRASE, else asked on a terminal; the database's from CASELOG_PASSPHRASE, else the
// backup's, else asked. An encrypted database is replaced only by someone who can open it: without
// its key, a restore could swap it for any file.
import type { Context } from '../context';
import { say } from '../context';
import { UserError } from '../errors';
import { openCurrent, type Current } from '../store/restore-check';
import { isEncryptedFile } from '../store/trust-key';

export async function backupPassphrase(ctx: Context, file: string): Promise<string | undefined> {
  const given = ctx.env.CASELOG_BACKUP_PASSPHRASE || ctx.env.CASELOG_PASSPHRASE;
  if (given) return given;
  if (!ctx.interactive || !isEncryptedFile(file)) return undefined;
  const answer = await (await ctx.prompter()).password(`Passphrase for ${file}`);
  if (!answer) throw new UserError(`no passphrase given: ${file} stays locked; nothing was changed`);
  return answer;
}

/** The database now, and the passphrase that opened it (undefined when it is not encrypted, or none did). */
export interface Opened { current: Current; passphrase?: string; encrypted: boolean }

export async function openTheDatabase(ctx: Context, target: string, backupKey: string | undefined): Promise<Opened> {
  const encrypted = isEncryptedFile(target);
  const tried = [...new Set([ctx.env.CASELOG_PASSPHRASE, backupKey].filter((k): k is string => Boolean(k)))];
  let first: Current | undefined;
  for (const key of encrypted ? tried : [undefined]) {
    const current = openCurrent(target, key);
    if (!('unreadable' in current)) return { current, passphrase: key, encrypted };
    first ??= current;
  }
  first ??= openCurrent(target, undefined);
  if (!encrypted) return { current: first, encrypted };
  if (ctx.interactive) {
    const asked = await (await ctx.prompter()).password(`Passphrase for ${target} (the database now, which the backup replaces)`);
    const current = asked ? openCurrent(target, asked) : first;
    if (!('unreadable' in current)) return { current, passphrase: asked, encrypted };
  }
  const why = tried.length === 0 ? 'no passphrase was given for it' : 'the passphrase given does not open it';
  throw new UserError(`${target} is encrypted and ${why}: a restore replaces an encrypted database only with its passphrase; give it in CASELOG_PASSPHRASE `
    + '(the backup\'s, when it differs, in CASELOG_BACKUP_PASSPHRASE), or run on a terminal to be asked (a database that was never encrypted but is damaged: move it away first); nothing was changed');
}

/**
 * What changed about encryption: a plain backup over an encrypted database leaves it plain; an
 * encrypted one brings back the passphrase it was made with, which a rekey since may have changed.
 */
export function sayKeyChange(ctx: Context, opened: Opened | undefined, backupEncrypted: boolean, backupKey: string | undefined): void {
  if (!opened) return;
  if (opened.encrypted && !backupEncrypted) {
    say(ctx, 'Warning: the database was encrypted and is not now, as the backup was not: "caselog encrypt" encrypts it again.');
  } else if (opened.encrypted && opened.passphrase !== backupKey) {
    say(ctx, 'Warning: the database now opens with the backup\'s passphrase, not the one it had (set by a rekey since the backup was made): '
      + 'run "caselog rekey" with CASELOG_PASSPHRASE set to the backup\'s to set it again.');
  } else if (!opened.encrypted && backupEncrypted) {
    say(ctx, 'Note: the database is now encrypted, as the backup was: it opens with the backup\'s passphrase.');
  }
}
