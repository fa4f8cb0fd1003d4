// Bare `caselog edit WHO` on a terminal: each field asked with its current value filled in; only the
// answers that differ become changes, which then go through the same checks as the flags.
import type { Context } from '../context';
import { formatDate, parseDate, parseDeadlineDate } from '../domain/dates';
import { givenText } from '../domain/date-as-given';
import type { PartialDate } from '../domain/types';
import { EVENT_TYPES, RELIABILITIES, STATUSES } from '../domain/types';
import { choiceOf } from './flags';
import type { Prompter } from '../prompter';
import { validatorFor, warnUpTo, wholeUpTo } from './ask';
import type { EditOptions } from './edit';
import { MAX_AGE } from '../domain/model';
import type { Target } from './record';

type Check = (value: string) => true | string;
const parses = (parse: (t: string) => unknown): Check => (v) => {
  if (v.trim() === '') return true;
  try {
    parse(v);
    return true;
  } catch (error) {
    return (error as Error).message;
  }
};
// "-" clears an optional field; in a required one it is no answer either.
const filled: Check = (v) => (v.trim() === '-' ? 'required: "-" clears only an optional field' : v.trim() ? true : 'required');
const both = (a: Check, b: Check): Check => (v) => (a(v) === true ? b(v) : a(v));
/** A word of the vocabulary as the flags read it (capitals, spaces; "deported" answered with returned). */
const oneOf = (values: readonly string[], kind?: string): Check => validatorFor((v) => choiceOf(v, values, kind));
/** As a person reads it ("24 November 2026", not the "2026-11-24" typed), or in the words it was given in when they say more. */
const shown = (d: PartialDate | undefined) => (d ? givenText(d) ?? formatDate(d) : '');

export async function askChanges(ctx: Context, t: Target): Promise<EditOptions> {
  const ask = await ctx.prompter();
  // Typed now: "yesterday" is refused with the date it means.
  const typed = (text: string) => parseDate(text, ctx.today);
  const changes: EditOptions = {};
  /**
   * Asks one field; keeps the answer only when it differs from the current value, which is always
   * accepted as it stands (a birth year worked out from an age reads "c. 1970 (aged 28 in February
   * 1999)"). An empty answer is the current value, as the prompt fills it in: an optional field is
   * cleared with "-".
   */
  const field: Field = async (key, message, current, validate = () => true, clearable = false) => {
    const asked = clearable && current !== '' ? `${message.replace(/:$/, '')} (- to clear):` : message;
    const keep: Check = (v) => (v.trim() === current.trim() || (clearable && v.trim() === '-') ? true : validate(v));
    // A summary keeps its lines, as --summary does: a paragraph pasted in is kept whole.
    let answer = (await ask.input(asked, { default: current, validate: keep, lines: key === 'summary' })).trim();
    if (clearable && answer === '-') answer = '';
    if (answer !== current.trim()) (changes as Record<string, unknown>)[key] = answer;
    return answer;
  };
  switch (t.kind) {
    case 'event': {
      const e = t.event;
      await field('date', 'Date:', shown(e.date), both(filled, parses(typed)));
      const type = choiceOf(await field('type', `Type (${EVENT_TYPES.join(', ')}):`, e.type, oneOf(EVENT_TYPES, 'type')), EVENT_TYPES, 'type');
      if (type === 'status') await field('status', `New status (${STATUSES.join(', ')}):`, e.status ?? '', oneOf(STATUSES, 'status'));
      await field('summary', 'What happened:', e.summary, filled);
      await field('place', 'Where:', e.place ?? '', undefined, true);
      await field('actor', 'Who did it:', e.actor ?? '', undefined, true);
      if (changes.type) changes.type = choiceOf(changes.type, EVENT_TYPES, 'type');
      if (changes.status) changes.status = choiceOf(changes.status, STATUSES, 'status');
      return changes;
    }
    case 'deadline': {
      const d = t.deadline;
      // As caselog writes it, never as typed: "in 2 weeks" was counted from the day it was typed, and
      // typed again it is counted from today, not taken for the date kept (an empty answer keeps that).
      await field('date', 'By when:', formatDate(d.date), both(filled, parses((v) => parseDeadlineDate(v, ctx.today))));
      await field('note', 'What must be checked or done:', d.note, filled);
      await field('warn', 'Remind how many days before:', d.warnDays?.toString() ?? '', warnUpTo('days before'), true);
      return changes;
    }
    case 'person':
      return askPerson(ask, t.person, field, changes, typed);
    case 'case': {
      const c = t.case;
      await field('ref', 'Reference:', c.ref, filled);
      await field('title', 'Title:', c.title, filled);
      const countries = await field('country', 'Countries (comma-separated):', c.countries.join(', '));
      if (changes.country !== undefined) changes.country = countries.split(',').map((s) => s.trim()).filter(Boolean);
      await field('opened', 'Opened on:', shown(c.opened), parses(typed), true);
      await field('summary', 'Summary:', c.summary ?? '', undefined, true);
      return changes;
    }
    case 'source': {
      const s = t.source;
      await field('title', 'Title:', s.title, filled);
      await field('publisher', 'Publisher:', s.publisher ?? '', undefined, true);
      await field('ref', 'Reference code:', s.ref ?? '', undefined, true);
      await field('date', 'Date:', shown(s.date), parses(typed), true);
      await field('url', 'Web address:', s.url ?? '', undefined, true);
      await field('reliability', `Reliability (${RELIABILITIES.join(', ')}):`, s.reliability ?? '', (v) => (v.trim() === '' ? true : oneOf(RELIABILITIES)(v)));
      if (changes.reliability) changes.reliability = choiceOf(changes.reliability, RELIABILITIES);
      if (changes.reliability !== undefined && (changes.reliability as string) === '') delete changes.reliability;
      return changes;
    }
    case 'target': {
      const g = t.target;
      await field('name', 'Name:', g.name, filled);
      await field('title', 'Title:', g.title, filled);
      const address = await field('address', 'Postal address (separate lines with \\n):', g.address.join('\\n'), filled);
      if (changes.address !== undefined) changes.address = [address];
      await field('fax', 'Fax:', g.fax ?? '', undefined, true);
      await field('email', 'Email:', g.email ?? '', undefined, true);
      await field('salutation', 'Salutation:', g.salutation ?? '', undefined, true);
      await field('language', 'Language to write in:', g.language ?? '', undefined, true);
      const country = await field('country', 'Country:', g.country ?? '', undefined, true);
      if (changes.country !== undefined) changes.country = [country];
      return changes;
    }
  }
}

type Field = (key: keyof EditOptions, message: string, current: string, validate?: Check, clearable?: boolean) => Promise<string>;

async function askPerson(ask: Prompter, p: Extract<Target, { kind: 'person' }>['person'], field: Field, changes: EditOptions, typed: (text: string) => PartialDate) {
  await field('name', 'Primary name (the old one stays as another name):', p.name, filled);
  const alias = (await ask.input('Another name to add (empty: none):', { default: '' })).trim();
  if (alias) changes.alias = [alias];
  const age = await field('age', 'Age (as reported):', p.age?.toString() ?? '', wholeUpTo('the age', MAX_AGE), true);
  if (changes.age !== undefined && age !== '') {
    // Asked with every new age. Left as shown, the day stored is kept whole (edit keeps it with a new
    // age), not read again from the words shown, which would lose how it was typed.
    const on = (await ask.input('Aged that on (date; empty: today):', { default: shown(p.ageOn), validate: parses(typed) })).trim();
    if (on && on !== shown(p.ageOn)) changes.ageOn = on;
  }
  // A birth year worked out from the age is recomputed from the new age, so it is asked only when the age stays.
  if (changes.age === undefined) await field('born', 'Born (date or year):', shown(p.born), parses(typed), true);
  await field('gender', 'Gender:', p.gender ?? '', undefined, true);
  await field('citizenship', 'Citizenship:', p.citizenship ?? '', undefined, true);
  await field('ethnicity', 'Ethnicity:', p.ethnicity ?? '', undefined, true);
  return changes;
}
