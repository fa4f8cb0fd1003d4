// caselog erase --word WORD [--force]: replaces one word by [erased] in every record that stays, the
// search index and the change log: what is left of someone already erased ("Musakhanuly and Alimuly
// detained", an ingested document), which an edit would keep in the change log for good.
import type { Context } from '../context';
import { asConfirmed } from './as-confirmed';
import { printJson, say } from '../context';
import { shortId } from '../domain/ids';
import { asTyped } from '../domain/text';
import { UsageError, UserError } from '../errors';
import { count } from '../render/style';
import { eraseWord, personNamed, planWords, type WordErased, type WordsPlan } from '../store/erase-words';
import { copiesBeside, removeUnfinishedCopy, unfinishedCopies } from '../store/trust-copy';
import { LOG_LEFT, NOT_REPLACED, sayUnfinished } from './erase-stages';
import type { Mention } from '../store/erase-mentions';

export async function eraseWordCommand(ctx: Context, typed: string, opts: { force?: boolean; anyCase?: boolean }) {
  const word = asTyped(typed);
  // A short word is in too many texts that have nothing to do with anyone ("of", "Ali" aside).
  if ((word.match(/\p{L}/gu) ?? []).length < 3) throw new UsageError(`--word needs a word of three letters or more: "${typed}" would be replaced in too many places`);
  const store = await ctx.openStore({ create: false });
  const named = personNamed(store, word);
  if (named) {
    throw new UserError(`"${word}" is the name of ${named.name as string} [${shortId(named.id as string)}], who is tracked: to erase them, caselog erase ${named.id as string}; nothing was changed`);
  }
  if (!opts.force && !ctx.interactive) throw new UserError('replacing a word everywhere cannot be undone and needs confirmation: use --force');
  const anyCase = Boolean(opts.anyCase);
  const result = await confirmedWord(ctx, word, opts.force ? undefined : planWords(store, [word], '', new Set(), anyCase), (shown) => eraseWord(store, word, shown, { closing: true, anyCase }));
  removeUnfinishedCopy(ctx.dbPath);
  const copies = copiesBeside(ctx.dbPath);
  if (ctx.json) {
    printJson(ctx, { erased: true, replacedIn: result.plan.mentions, keptIn: result.plan.kept, stillMentionedIn: result.plan.unreplaced.map(({ part: _part, ...m }) => m), logEntriesRewritten: result.logRewritten, logEntriesLeft: result.logLeft,
      fileCompacted: result.fileCompacted, oldCopies: copies });
  }
  // The word is not repeated: the terminal's scrollback is one more place it would stay.
  say(ctx, `Replaced the word by [erased] in ${count(result.plan.mentions.length, 'record')}${result.plan.mentions.length ? ` (${listed(result.plan.mentions).join(', ')})` : ''}`
    + ` and ${count(result.logRewritten, 'change-log entry', 'change-log entries')}; ${result.fileCompacted ? 'the file was rewritten' : 'the file is still to be rewritten'}. This cannot be undone.`);
  if (result.plan.kept.length) say(ctx, `Warning: these people and appeal targets hold the word and stay as they are; check them: ${listed(result.plan.kept).join(', ')}`);
  if (result.plan.unreplaced.length) say(ctx, `Warning: these hold the word ${NOT_REPLACED} and stay as they are; check them: ${listed(result.plan.unreplaced).join(', ')}`);
  if (result.logLeft > 0) say(ctx, `Warning: ${LOG_LEFT(result.logLeft, 'the word')}`);
  if (!result.fileCompacted) say(ctx, 'Warning: the file could not be rewritten yet (another program has it open, or the disk is full): close other programs using it; the next caselog command rewrites it');
  if (copies.length) say(ctx, `Warning: copies made before schema upgrades may still hold it: ${copies.join(', ')}`);
  sayUnfinished(ctx, unfinishedCopies(ctx.dbPath), 'it');
}

/**
 * Replaces the word where the user confirmed, no more: when another caselog changed that while the
 * question waited, nothing is replaced and the records as they are now are shown and asked again.
 */
async function confirmedWord(ctx: Context, word: string, first: WordsPlan | undefined, erase: (shown?: WordsPlan) => Promise<WordErased>): Promise<WordErased> {
  return asConfirmed(ctx, first, { asking: true, changed: 'Where this replaces the word changed after it was shown (another caselog wrote meanwhile); nothing was replaced. Now:' },
    async (plan) => {
      for (const line of [
        `This replaces "${word}" by [erased], as a whole word ${plan.anyCase ? 'in any capitals' : 'written with a capital'} (in any accents), in ${count(plan.mentions.length, 'record')} and in the change log and search index.`,
        ...(plan.mentions.length ? [`Records: ${listed(plan.mentions).join(', ')}.`] : []),
        ...(plan.unreplaced.length ? [`These hold the word ${NOT_REPLACED} and stay as they are, for you to check: ${listed(plan.unreplaced).join(', ')}.`] : []),
        ...(plan.protect.length ? ['Where it is part of a tracked person\'s or appeal target\'s longer name, written in full, it stays.'] : []),
        ...(plan.kept.length ? [`These people and appeal targets hold the word in their names and stay as they are, for you to check: ${listed(plan.kept).join(', ')}.`] : []),
        'This cannot be undone, not even with caselog undo.',
      ]) say(ctx, line);
      const answer = await (await ctx.prompter()).input(`Type the word "${word}" again to replace it for good:`);
      if (asTyped(answer).toLowerCase() !== word.toLowerCase()) throw new UserError(`nothing erased: "${answer}" is not "${word}"`);
    },
    erase);
}

const LISTED = 20;

function listed(mentions: Mention[]): string[] {
  const all = mentions.map((m) => (m.kind === 'appeal plan' ? `the appeal plan of ${m.ref}` : `${m.kind} ${shortId(m.id)}`));
  return all.length > LISTED ? [...all.slice(0, LISTED), `and ${all.length - LISTED} more`] : all;
}
