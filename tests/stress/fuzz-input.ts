// Random command lines for the fuzz test: a real command (or junk) followed by a mix of real options
// and hostile values.
import fc from 'fast-check';

const COMMANDS: string[][] = [
  ['add', 'case'], ['add', 'person'], ['add', 'event'], ['add', 'deadline'], ['add', 'source'], ['add'],
  ['timeline'], ['due'], ['at-risk'], ['done'], ['log'], ['doctor'], ['export'], ['import'], ['backup'],
  ['show'], ['list', 'people'], ['list', 'cases'], ['edit'], ['status'], ['risk'], ['close'], ['reopen'],
  ['delete'], ['undo'], ['erase'], ['merge'], ['person', 'alias'], ['search'], ['duplicates'], ['encrypt'], ['rekey'],
  ['help'], [],
];

const OPTIONS = [
  '--date', '--type', '--summary', '--note', '--title', '--ref', '--alias', '--case', '--age', '--age-on', '--born',
  '--status', '--risk', '--within', '--limit', '--json', '--today', '--warn', '--source', '--place', '--actor',
  '--format', '--table', '--out', '--force', '--new', '--no-color', '--help', '-h', '--version', '--country',
  '--opened', '--publisher', '--url', '--gender', '--citizenship', '--ethnicity', '--add', '--remove', '--reason', '--',
];

const SQL = [
  "'; DROP TABLE people; --", '" OR 1=1 --', "Robert'); DELETE FROM changes;--", '%', '_', '\\', 'NULL', '*/ /*',
  "x' UNION SELECT * FROM sqlite_master --", 'ATTACH DATABASE \'x\' AS y', '); PRAGMA writable_schema=1; --',
];

const NAMES = ['Hemit Memet', 'Khamit Memet', 'hemit', 'Kasim Mahpir', 'UA 77/98', 'ua 77/98', 'EUR 57/12/98', 'p-', 'e-', 'd-', 'c-',
  '__proto__', 'constructor', 'hasOwnProperty'];
const DATES = ['1999-02-11', '11 February 1999', 'Feb 1999', '~1998', 'c. 1998', '31 February 1999', '03/04/1999', '0000-00-00',
  '99999-01-01', 'in six months', '+14d', 'yesterday', '1999-13-01', '-1', '1e9', '__proto__', 'constructor', 'toString'];
const TYPES = ['arrest', 'detention', 'deportation', 'release', 'status', 'other', 'party', 'at-liberty', 'torture', 'json', 'csv', 'ics', 'md'];

const unicode = fc.string({ unit: 'binary', maxLength: 24 });
const controls = fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 8 });
const surrogates = fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 4 });
const huge = fc.constantFrom('A', 'é', '𝕏', '山', ' ', '\u202e', '\u0000').map((ch) => ch.repeat(Math.ceil(100_000 / ch.length)));

const hostile = fc.oneof(
  { weight: 4, arbitrary: unicode },
  { weight: 2, arbitrary: controls },
  { weight: 1, arbitrary: surrogates },
  { weight: 2, arbitrary: fc.constantFrom(...SQL) },
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: huge },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }).map((s) => `--${s}`) },
);
const plausible = fc.oneof(fc.constantFrom(...NAMES), fc.constantFrom(...DATES), fc.constantFrom(...TYPES));
const token = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...OPTIONS) }, { weight: 3, arbitrary: plausible }, { weight: 4, arbitrary: hostile });

/**
 * Keeps the fuzz inside its sandbox: it may not pick the database (--db), read stdin ("-"), or write
 * outside the working directory (absolute paths and ".." become plain names).
 */
function contained(token: string): string | undefined {
  if (token.startsWith('--db') || token === '-') return undefined;
  return token.replace(/^[/~]+/, 'x').replace(/\.\.(?=[/\\]|$)/g, '__');
}

const value = fc.oneof({ weight: 3, arbitrary: hostile }, { weight: 2, arbitrary: plausible });
const who = fc.oneof(fc.constantFrom(...NAMES), hostile);
const date = fc.oneof(fc.constantFrom(...DATES), hostile);
const eventType = fc.constantFrom('arrest', 'detention', 'deportation', 'release', 'report', 'other');
const maybe = (flag: string, arb: fc.Arbitrary<string>) => fc.option(arb.map((v) => [flag, v]), { nil: undefined }).map((x) => x ?? []);

/** Well-formed command lines with hostile values, so that input reaches parsing, matching and storage. */
const shaped: fc.Arbitrary<string[]> = fc.oneof(
  fc.tuple(value, maybe('--alias', value), maybe('--age', value), maybe('--born', date), maybe('--gender', value))
    .map(([name, ...flags]) => ['add', 'person', name, '--new', ...flags.flat()]),
  fc.tuple(who, date, eventType, value, maybe('--place', value), maybe('--actor', value))
    .map(([w, d, t, summary, ...flags]) => ['add', 'event', w, '--date', d, '--type', t, '--summary', summary, ...flags.flat()]),
  fc.tuple(who, date, value, maybe('--warn', value)).map(([w, d, note, warn]) => ['add', 'deadline', w, '--date', d, '--note', note, ...warn]),
  fc.tuple(value, value, maybe('--opened', date)).map(([ref, title, opened]) => ['add', 'case', '--ref', ref, '--title', title, ...opened]),
  fc.tuple(value, maybe('--ref', value), maybe('--date', date)).map(([title, ...flags]) => ['add', 'source', '--title', title, ...flags.flat()]),
  who.map((w) => ['timeline', w]),
  fc.tuple(fc.option(who, { nil: undefined }), maybe('--limit', value)).map(([w, limit]) => ['log', ...(w === undefined ? [] : [w]), ...limit]),
  fc.tuple(maybe('--within', value), maybe('--today', date)).map((flags) => ['due', ...flags.flat()]),
  who.map((w) => ['show', w]),
  value.map((v) => ['done', v]),
  fc.tuple(who, fc.constantFrom('detained', 'released', 'unknown'), maybe('--date', date), maybe('--note', value))
    .map(([w, st, ...flags]) => ['status', w, st, ...flags.flat()]),
  value.map((file) => ['backup', file]),
  fc.tuple(fc.constantFrom('json', 'csv', 'ics', 'md'), fc.option(who, { nil: undefined })).map(([f, w]) => ['export', '--format', f, ...(w === undefined ? [] : [w])]),
);

/** Anything at all: a command (or junk) followed by a soup of options and values. */
const soup = fc
  .tuple(fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...COMMANDS) }, { weight: 1, arbitrary: fc.array(hostile, { maxLength: 2 }) }),
    fc.array(token, { maxLength: 8 }))
  .map(([command, rest]) => [...command, ...rest]);

export const argumentLists = fc
  .oneof({ weight: 3, arbitrary: shaped }, { weight: 2, arbitrary: soup })
  .map((args) => args.map(contained).filter((t): t is string => t !== undefined));
