// caselog doctor: integrity, links, schema version, journal mode and file permissions, each said plainly
// with what to do. Exit 1 when anything is wrong.
import type { Context } from '../context';
import { printJson, printWrapped, say } from '../context';
import { UserError } from '../errors';
import { style } from '../render/style';
import { checkHealth } from '../store/trust-health';
import { conflictChecks } from './doctor-conflicts';
import { passphraseToOpen } from './encrypt';
import { inMiB, largeFile, sizeOf } from './large-file';

/** From this size a doctor takes long enough (seconds) to say so first (large-file.ts); tests lower it. */
export const doctorNotice = largeFile;

export async function doctor(ctx: Context) {
  const passphrase = await passphraseToOpen(ctx, ctx.dbPath);
  // Every page is read: at a million events, most of a minute with nothing on the screen looked hung.
  const size = sizeOf(ctx.dbPath);
  if (size >= doctorNotice.fromBytes) say(ctx, `Checking every page of ${ctx.dbPath} (${inMiB(size)}); on a database this size it takes a while.`);
  // Even beside a database missing or damaged: a conflicted copy may then be the one that is whole.
  const checks = [...checkHealth(ctx.dbPath, passphrase), ...conflictChecks(ctx.dbPath)];
  const problems = checks.filter((c) => !c.ok);
  if (ctx.json) {
    printJson(ctx, { path: ctx.dbPath, ok: problems.length === 0, checks });
  } else {
    const c = style(ctx.color);
    const lines = checks.map((check) => {
      // Words, not only marks: a screen reader reads a check mark as 'check mark', or skips it.
      const mark = check.ok ? c.green('ok') : c.red.bold('PROBLEM');
      return `${mark} ${check.name}: ${check.detail}${check.fix ? `\n    what to do: ${check.fix}` : ''}`;
    });
    lines.push(problems.length === 0 ? `${ctx.dbPath} is healthy.` : '');
    printWrapped(ctx, lines.join('\n').trimEnd());
  }
  if (problems.length > 0) {
    throw new UserError(`${problems.length === 1 ? 'one problem' : `${problems.length} problems`} found in ${ctx.dbPath}: ${problems.map((p) => p.name).join(', ')}`);
  }
}
