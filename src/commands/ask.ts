// A required value: taken from its flag, asked for on a terminal, a usage error without one.
import type { Context } from '../context';
import { spanInDays } from '../domain/dates';
import { MAX_WARN_DAYS } from '../domain/model';
import { UsageError } from '../errors';

export async function need(
  ctx: Context, value: string | undefined, flag: string, question: string,
  validate?: (value: string) => true | string, opts?: { lines?: boolean },
): Promise<string> {
  if (value !== undefined && value.trim() !== '') return value;
  if (!ctx.interactive) throw new UsageError(`missing ${flag}`);
  const prompter = await ctx.prompter();
  return prompter.input(question, { validate: validate ?? ((v) => (v.trim() ? true : 'required')), lines: opts?.lines });
}

/** Without a terminal, every required flag missing is named at once (not one per attempt). */
export function needAll(ctx: Context, given: Array<[string | undefined, string]>): void {
  if (ctx.interactive) return;
  const missing = given.filter(([value]) => value === undefined || value.trim() === '').map(([, flag]) => flag);
  if (missing.length > 0) throw new UsageError(`missing ${missing.join(', ')}`);
}

/** Asks again until the answer parses (dates re-asked when invalid). */
export async function needParsed<T>(
  ctx: Context, value: string | undefined, flag: string, question: string, parse: (text: string) => T,
): Promise<{ text: string; value: T }> {
  if (value !== undefined && value.trim() !== '') return { text: value, value: parse(value) };
  const text = await need(ctx, undefined, flag, question, validatorFor(parse));
  return { text, value: parse(text) };
}

/** A prompt validator that shows the parser's own refusal, so the question is asked again. */
export function validatorFor(parse: (text: string) => unknown): (value: string) => true | string {
  return (value) => {
    try {
      parse(value);
      return true;
    } catch (error) {
      return (error as Error).message;
    }
  };
}

export function wholeNumber(text: string, flag: string, most = 100000): number {
  if (!/^\d+$/.test(text.trim())) throw new UsageError(`${flag} takes a whole number of 0 or more, not "${text}"`);
  const n = Number(text.trim());
  if (n > most) throw new UsageError(`${flag} takes a whole number up to ${most}, not "${text}"`);
  return n;
}

/** A prompt validator for an optional whole number up to `most`, refused as the flag would refuse it. */
export const wholeUpTo = (what: string, most: number) => validatorFor((v) => v.trim() === '' || wholeNumber(v, what, most));

/**
 * A deadline's advance warning in days, given in days ("14", "14d") or weeks ("2w", "2 weeks"), as
 * the flag (`what`) or the prompt takes it.
 */
export function warnDays(text: string, what: string): number {
  if (/^\d+$/.test(text.trim())) return wholeNumber(text, what, MAX_WARN_DAYS);
  const days = spanInDays(text);
  if (days === undefined) throw new UsageError(`${what} takes days (a whole number of 0 or more, or 14d) or weeks (2w), not "${text}"`);
  if (days > MAX_WARN_DAYS) throw new UsageError(`${what} takes up to ${MAX_WARN_DAYS} days, not "${text}"`);
  return days;
}

/** A prompt validator for an optional advance warning, refused as --warn would refuse it. */
export const warnUpTo = (what: string) => validatorFor((v) => v.trim() === '' || warnDays(v, what));

/** A count such as --limit: a whole number above 0. */
export function countAbove0(text: string, flag: string): number {
  const n = /^\d+$/.test(text.trim()) ? Number(text.trim()) : 0;
  if (n < 1) throw new UsageError(`${flag} takes a whole number above 0, not "${text}"`);
  return n;
}
