// caselog rekey: the current passphrase from CASELOG_PASSPHRASE (or a prompt), the new one from
// CASELOG_NEW_PASSPHRASE (or a prompt asked twice).
import type { Context } from '../context';
import { printJson, say } from '../context';
import { UserError } from '../errors';
import { rekeyDatabase } from '../store/trust-crypto';
import { isEncryptedFile } from '../store/trust-key';
import { newPassphrase, passphraseToOpen } from './encrypt';
import { cancellable } from './cancel';

export async function rekey(ctx: Context) {
  if (!isEncryptedFile(ctx.dbPath)) {
    throw new UserError(`${ctx.dbPath} is not encrypted${ctx.env.CASELOG_PASSPHRASE ? '' : ' (or does not exist)'}: use "caselog encrypt" to encrypt it`);
  }
  const current = await passphraseToOpen(ctx, ctx.dbPath);
  if (!current) throw new UserError('set CASELOG_PASSPHRASE to the current passphrase, or run this on a terminal to be asked for it');
  const next = await newPassphrase(ctx, 'CASELOG_NEW_PASSPHRASE');
  if (next === current) throw new UserError('the new passphrase is the same as the current one: nothing was changed');
  await cancellable(ctx, { undone: `nothing was changed: ${ctx.dbPath} still opens with the current passphrase`, late: `the cancel came too late to stop it: ${ctx.dbPath} now opens with the new passphrase` },
    (point) => rekeyDatabase(ctx.dbPath, current, next, (m) => say(ctx, `caselog: ${m}`), point));
  if (ctx.json) printJson(ctx, { path: ctx.dbPath, encrypted: true, passphraseChanged: true });
  say(ctx, `Changed the passphrase of ${ctx.dbPath}. Backups made earlier still open with the old one.`);
}
