// caselog backup FILE [--force]: a consistent copy while other commands run, owner-only, encrypted
// with the same key when the database is.
import type { Context } from '../context';
import { printJson, say } from '../context';
import { backupDatabase } from '../store/trust-backup';
import { isEncryptedFile } from '../store/trust-key';
import { cancellable } from './cancel';
import { inMiB, sizeOf, stagesSaid } from './large-file';

export async function backup(ctx: Context, file: string, opts: { force?: boolean }) {
  const store = await ctx.openStore({ create: false });
  const encrypted = isEncryptedFile(ctx.dbPath);
  // A large database takes seconds to copy and as long to check: said on a terminal as each begins.
  const sayStage = stagesSaid(ctx, ctx.dbPath);
  const stage = (step: 'copy' | 'check') => sayStage(step === 'copy'
    ? `Copying ${ctx.dbPath} (${inMiB(sizeOf(ctx.dbPath))}) to ${file}; on a database this size it takes a while.`
    : 'Checking the copy, page by page.');
  const result = await cancellable(ctx, { undone: `no backup was written to ${file}; nothing was changed`, late: 'the backup was already written when the cancel came: it is complete and checked' },
    (point) => backupDatabase(store, { source: ctx.dbPath, target: file, force: Boolean(opts.force), encrypted, point, stage }));
  if (ctx.json) printJson(ctx, { path: result.path, bytes: result.bytes, encrypted });
  say(ctx, `Backed up ${ctx.dbPath} to ${result.path} (${Math.ceil(result.bytes / 1024)} KB${encrypted ? ', encrypted with the same passphrase' : ''}); the copy passed its check`);
}
