// caselog restore BACKUP [--force]: puts a backup in the database's place, keeping the database as it
// was under a name of its own (see store/restore.ts for how, and why not a plain copy).
import { existsSync } from 'node:fs';
import type { Context } from '../context';
import { printJson, say } from '../context';
import { UserError } from '../errors';
import { isDatabaseFile } from '../exchange/folders';
import { changeTime } from '../render/change-time';
import { count } from '../render/style';
import { closeBackup, holdings, openBackup, type Current, type Holdings } from '../store/restore-check';
import { restoreDatabase } from '../store/restore';
import { refuseMissingFolder, startedNote } from '../store/db-place';
import type { Carried } from '../store/restore-erases';
import { isEncryptedFile } from '../store/trust-key';
import { backupPassphrase, openTheDatabase, sayKeyChange, type Opened } from './restore-keys';
import { cancellable } from './cancel';
import { inMiB, sizeOf, stagesSaid } from './large-file';

export async function restore(ctx: Context, file: string, opts: { force?: boolean }) {
  const target = ctx.dbPath;
  if (isDatabaseFile(target, file)) throw new UserError(`${file} is the database itself (or one of its files): give a backup file to restore; nothing was changed`);
  // A backup restored to a named path on a stick not mounted would start a database no one finds.
  const fresh = !existsSync(target);
  if (fresh && ctx.dbNamed) refuseMissingFolder(target);
  const passphrase = await backupPassphrase(ctx, file);
  const encrypted = isEncryptedFile(file);
  const backup = openBackup(file, passphrase);
  let opened: Opened | undefined;
  try {
    const theirs = holdings(backup);
    opened = existsSync(target) ? await openTheDatabase(ctx, target, passphrase) : undefined;
    const current = opened?.current;
    // With no database there, nothing is replaced: nothing to ask.
    if (!opts.force && current) {
      if (!ctx.interactive) throw new UserError(`restoring replaces the database ${target}: run it on a terminal to confirm, or add --force (the database as it is now is kept beside it); nothing was changed`);
      say(ctx, nowLine(target, current));
      say(ctx, `The backup:       ${file}: ${said(theirs)}`);
      const yes = await (await ctx.prompter()).confirm(`Replace the database with the backup (the database as it is now is kept beside it)?`, false);
      if (!yes) throw new UserError('nothing restored');
    }
    // A large backup takes most of a minute to copy, check and keep the database beside: said on a terminal as each begins.
    const sayStage = stagesSaid(ctx, file, target);
    const stages = {
      copy: `Copying the backup ${file} (${inMiB(sizeOf(file))}); on a file this size it takes a while.`,
      check: 'Checking the copy, page by page.',
      keep: `Keeping the database as it was beside it (copying ${target}, ${inMiB(sizeOf(target))}).`,
    };
    // Ctrl-C or kill before the backup is in place: its copies are removed, the database let go as it was.
    const result = await cancellable(ctx, { undone: `nothing was changed: ${target} is as it was`, late: `the restore was already done when the cancel came: ${target} holds the backup` },
      (point) => restoreDatabase({
        backup, passphrase: encrypted ? passphrase : undefined, from: file, target,
        current: current && 'db' in current ? current.db : undefined,
        shown: !opts.force && current && 'db' in current ? current.holds : undefined,
        user: ctx.user, session: ctx.session(), now: new Date(), warn: (m) => say(ctx, `caselog: ${m}`), point, stage: (step) => sayStage(stages[step]),
      }));
    if (ctx.json) {
      printJson(ctx, { path: target, from: file, kept: result.kept ?? null, encrypted, wasEncrypted: opened?.encrypted ?? false,
        erasesCarried: result.carried?.entries ?? 0, peopleErasedAgain: result.carried?.people ?? 0 });
    }
    // What the database now holds: the backup's records, less anyone erased again.
    say(ctx, `Restored ${file} to ${target} (${said(result.holds)}).`);
    if (result.upgradedFrom !== undefined) say(ctx, `The backup was written by an older caselog (schema ${result.upgradedFrom}): the restored database is upgraded to this one's format; the backup file stays as it was.`);
    if (result.kept) say(ctx, `The database as it was is kept in ${result.kept} (owner-only): "caselog restore ${result.kept}" puts it back.`);
    if (result.carried) sayCarried(ctx, result.carried, file);
    sayKeyChange(ctx, opened, encrypted, passphrase);
    if (fresh) say(ctx, `caselog: ${startedNote(target)}`);
  } finally {
    closeBackup(backup);
    const current = opened?.current;
    if (current && 'db' in current && current.db.open) current.db.close();
  }
}

function nowLine(target: string, current: Current | undefined): string {
  if (!current) return `There is no database at ${target} now.`;
  if ('unreadable' in current) return `The database now: ${target}: cannot be read (${current.unreadable}); its files are kept as they are`;
  if (!current.holds) return `The database now: ${target}: damaged (${current.damaged}); it is kept as it is`;
  return `The database now: ${target}: ${said(current.holds)}`;
}

function said(h: Holdings): string {
  const counts = `${count(h.cases, 'case')}, ${count(h.people, 'person', 'people')}, ${count(h.events, 'event')}`;
  return `${counts}; ${h.lastChange ? `last change ${changeTime(h.lastChange)}` : 'no changes recorded'}`;
}

/**
 * Erases the database recorded since the backup was made, carried over (store/restore-erases.ts):
 * said without a name, as an erase says it.
 */
function sayCarried(ctx: Context, carried: Carried, file: string): void {
  const people = carried.people === 0 ? 'no one in the backup needed erasing again'
    : `${count(carried.people, 'person', 'people')} in the backup erased again (the backup file ${file} itself still holds them: delete it once you no longer need it, or keep it somewhere safe)`;
  say(ctx, `Carried over ${count(carried.entries, 'erase')} made since the backup: ${people}; the log keeps each erase, so an import of an older export still refuses them.`);
  if (carried.words > 0) {
    say(ctx, `Warning: ${count(carried.words, 'word')} erased on its own since the backup (caselog erase --word) may be back: the word is kept nowhere, so erase it again with caselog erase --word WORD.`);
  }
}
