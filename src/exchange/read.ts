// Reads an export file record by record without holding it in memory. Files written by caselog
// have one record a line; any other valid JSON of the same shape is read whole instead.
import { isUtf8 } from 'node:buffer';
import { accessSync, closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { FORMAT_NAME, FORMAT_VERSION, RecordError, SECTIONS, type Section } from './format';
import { ERASED_SECTION, validateErased, type ErasedMark } from './erased';
import { UserError } from '../errors';
import { inputName, onceInput } from './stdin';

export interface RawRecord {
  section: Section; record: unknown; where: string;
  /** A CSV row's id made for it on reading: not named in a message (it changes every run and is found nowhere). */
  idMade?: true;
}

/**
 * A record and the line it was read from. Its "line N" is built only for a message: made for every
 * record, each is a new string that V8's number-to-string cache keeps alive past a young-generation
 * collection, and a large import's heap grows with them.
 */
class LineRecord implements RawRecord {
  constructor(readonly section: Section, readonly record: unknown, private readonly line: number) {}
  get where(): string {
    return `line ${this.line}`;
  }
}

/** Bytes read at a time: a chunk's lines are parsed and dropped long before the next young-generation collection. */
const CHUNK = 64 * 1024;
/** The longest line read: a record with the text of an ingested document is far shorter. */
const MAX_LINE = 256 * 1024 * 1024;

/**
 * The file's lines, split on the newline byte and decoded one by one: a newline byte is never part
 * of a multi-byte character, so a character that straddles two reads is decoded whole. A line
 * longer than the buffer doubles it. A line that is not UTF-8 is refused: decoding would quietly
 * put U+FFFD where the bytes were.
 */
function* linesOf(read: (into: Buffer, at: number, length: number) => number, path: string): Generator<string> {
  let buffer = Buffer.alloc(CHUNK);
  let kept = 0;
  let lineNo = 0;
  const decoded = (bytes: Buffer) => {
    lineNo++;
    if (!isUtf8(bytes)) throw new UserError(`${path}, line ${lineNo}: not UTF-8 text (save the file as UTF-8); nothing was imported`);
    const text = bytes.toString('utf8');
    // Composed (NFC), as caselog stores what is typed: a file from a tool that decomposes accents
    // (macOS) held "the same" names as other characters, and importing it beside its composed twin
    // was refused as a difference. A line of ASCII alone (as many bytes as characters) is as it is.
    return text.length === bytes.length ? text : text.normalize('NFC');
  };
  for (;;) {
    if (kept === buffer.length) {
      // One record a line: a line this long is not an export (endless input, a binary file).
      if (buffer.length >= MAX_LINE) throw new UserError(`${path}, line ${lineNo + 1}: longer than ${MAX_LINE / 1024 / 1024} MiB, which no caselog export has; nothing was imported`);
      buffer = Buffer.concat([buffer, Buffer.alloc(buffer.length)]);
    }
    const n = read(buffer, kept, buffer.length - kept);
    if (n === 0) break;
    const bytes = buffer.subarray(0, kept + n);
    let start = 0;
    // The bytes kept from earlier reads hold no newline: only the new ones are searched (a long
    // line would otherwise be scanned again at every read).
    for (let end = bytes.indexOf(10, kept); end !== -1; start = end + 1, end = bytes.indexOf(10, start)) yield decoded(bytes.subarray(start, end));
    kept = bytes.length - start;
    buffer.copyWithin(0, start, bytes.length);
  }
  if (kept > 0) yield decoded(buffer.subarray(0, kept));
}

/** What a file's "erased" section holds is handed to `erased` as it is read, not yielded: it is no record (src/exchange/erased.ts). */
export type ErasedReader = (mark: ErasedMark) => void;

export function* readExport(path: string, erased: ErasedReader = () => {}): Generator<RawRecord> {
  // Standard input or a pipe: the bytes its format was told by come first (src/exchange/stdin.ts).
  const once = onceInput(path, openFile);
  const fd = once ? undefined : openFile(path);
  const named = inputName(path);
  try {
    const lines = linesOf(once ? once.read : (into, at, length) => readSync(fd!, into, at, length, null), named);
    const first = lines.next();
    const header = first.done ? '' : first.value.replace(/^\uFEFF/, '');
    const m = /^\{"format":"([^"]*)","version":(\d+),$/.exec(header.trim());
    if (!m) {
      yield* readWhole(header + '\n' + [...lines].join('\n'), named, erased);
      return;
    }
    checkHeader(m[1]!, Number(m[2]), named);
    yield* readLines(lines, named, erased);
  } finally {
    if (fd !== undefined) closeSync(fd);
    once?.close();
  }
}

/**
 * Where the reader is in the document, and what may come next: a section's opening line, a record
 * or the section's end, a record (after a comma), the section's end (after a record without one),
 * the closing "}" (after a bare "]"), or nothing more.
 */
const EXPECTED = {
  between: 'a section ("name":[)', first: 'a record or "]"', more: 'another record', last: '"]," or "]}"', closed: '"}"', end: 'nothing more',
};
type Place = keyof typeof EXPECTED;

/**
 * The records after the header line. Each line is checked against what may come there, so that the
 * file is valid JSON as a whole without ever holding it: a file cut off at a line boundary, or a
 * comma missing or left over, is refused, never imported in part. That the document was closed is
 * known only after its last record: the import's transaction has not committed by then.
 */
function* readLines(lines: Iterable<string>, path: string, erased: ErasedReader): Generator<RawRecord> {
  const bad = (lineNo: number, what: string) => new UserError(`${path}, line ${lineNo}: ${what}; nothing was imported`);
  const seen = new Set<string>();
  let place: Place = 'between';
  let section: Section | typeof ERASED_SECTION | undefined;
  let lineNo = 1;
  let previous = 1;
  for (const raw of lines) {
    lineNo++;
    let whole = raw.trim();
    if (!whole) continue;
    // Only a section's line begins with a quote (a record, with "{"): its opening with spacing around
    // its colon ("deadlines": [) is the same line, and an empty one on one line ("sources":[],) is its
    // opening and its end.
    let empty: RegExpExecArray | null = null;
    if (whole.charCodeAt(0) === 34) {
      whole = whole.replace(/^("\w+")\s*:\s*\[\s*/, '$1:[').replace(/\]\s*([,}])$/, ']$1');
      empty = /^("\w+":\[)(\],?|\]\})$/.exec(whole);
    }
    for (const line of empty ? [empty[1]!, empty[2]!] : [whole]) {
      const next = nextPlace(place, line);
      if (next === undefined) {
        // The two slips a hand edit makes, named for what they are; anything else by what was due.
        if (place === 'last' && line.startsWith('{')) throw bad(previous, 'no comma at the end of this record, and another record follows');
        if (place === 'more' && line.startsWith(']')) throw bad(previous, `the last record of "${section}" ends with a comma`);
        throw bad(lineNo, `expected ${EXPECTED[place]} here, not valid JSON`);
      }
      previous = lineNo;
      place = next;
      const start = /^"(\w+)":\[$/.exec(line);
      if (start) {
        if (!SECTIONS.includes(start[1] as Section) && start[1] !== ERASED_SECTION) throw bad(lineNo, `unknown section "${start[1]}"`);
        // JSON would keep only the last of two; reading both would import a section twice.
        if (seen.has(start[1]!)) throw bad(lineNo, `section "${start[1]}" appears a second time`);
        section = start[1] as Section | typeof ERASED_SECTION;
        seen.add(section);
      } else if (place === 'more' || place === 'last') {
        const record = parseRecord(line, () => bad(lineNo, 'not valid JSON'));
        if (section === ERASED_SECTION) erased(erasedMark(record, (what) => bad(lineNo, what)));
        else yield new LineRecord(section!, record, lineNo);
      }
    }
  }
  if (place !== 'end') {
    throw new UserError(`${path} ends before the export does (line ${lineNo}): the file is incomplete; nothing was imported`);
  }
}

/** Where a line takes the reader from here, or undefined when it may not come here. */
function nextPlace(place: Place, line: string): Place | undefined {
  if (/^"\w+":\[$/.test(line)) return place === 'between' ? 'first' : undefined;
  if (line === '],' || line === ']}' || line === ']') {
    if (place !== 'first' && place !== 'last') return undefined;
    return line === '],' ? 'between' : line === ']}' ? 'end' : 'closed';
  }
  if (line === '}') return place === 'closed' ? 'end' : undefined;
  if (place !== 'first' && place !== 'more') return undefined;
  return line.endsWith(',') ? 'more' : 'last';
}

function parseRecord(line: string, invalid: () => UserError): unknown {
  try {
    return JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line);
  } catch {
    throw invalid();
  }
}

/**
 * Refuses a file that cannot be read, before the database is opened: a refused import neither
 * creates a database nor takes its lock. Looked at, not opened: a named pipe is read only once.
 * '-' (standard input) is read as it comes.
 */
export function checkReadable(path: string): void {
  if (path === '-') return;
  let stat: Stats;
  try {
    stat = statSync(path);
    accessSync(path, constants.R_OK);
  } catch (error) {
    throw unreadable(path, error);
  }
  if (stat.isDirectory()) throw isFolder(path);
  // /dev/zero and the like never end: reading one filled memory. A pipe (<(...)) is read as a file.
  if (stat.isCharacterDevice() || stat.isBlockDevice() || stat.isSocket()) throw new UserError(`${path} is a device, not a file: give the export file to import`);
}

function openFile(path: string): number {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw unreadable(path, error);
  }
  // A folder opens, and fails only on the first read, with EISDIR.
  if (fstatSync(fd).isDirectory()) {
    closeSync(fd);
    throw isFolder(path);
  }
  return fd;
}

const isFolder = (path: string) => new UserError(`${path} is a folder, not a file: give the export file to import`);

function unreadable(path: string, error: unknown): UserError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new UserError(`no file ${path}`);
  if (code === 'EISDIR') return isFolder(path);
  return new UserError(`cannot read ${path}: ${code === 'EACCES' ? 'permission denied' : (code ?? (error as Error).message)}`);
}

function checkHeader(format: string, version: number, path: string): void {
  if (format !== FORMAT_NAME) throw new UserError(`${path} is not a caselog export (format ${JSON.stringify(format)})`);
  if (!Number.isInteger(version) || version < 1) throw new UserError(`${path} has no format version ("version": ${FORMAT_VERSION} after "format"); nothing was imported`);
  if (version > FORMAT_VERSION) throw new UserError(`${path} was written by a newer caselog (format version ${version}): upgrade caselog`);
}

/** A line of the "erased" section, checked: a bad one stops the import as a bad record does. */
function erasedMark(record: unknown, bad: (what: string) => UserError): ErasedMark {
  try {
    return validateErased(record);
  } catch (error) {
    throw error instanceof RecordError ? bad(`in "${ERASED_SECTION}": ${error.message}`) : error;
  }
}

function* readWhole(text: string, path: string, erased: ErasedReader): Generator<RawRecord> {
  // The parser's "Unexpected end of JSON input" said nothing of an export saved empty or a pipe that gave nothing.
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new UserError(`${path} is empty: nothing was imported`);
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    // The parser quotes the file around the mistake, line breaks and all: one line, as every message is.
    throw new UserError(`${path} is not valid JSON: ${(error as Error).message.replace(/\r?\n/g, '\\n')}`);
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new UserError(`${path} is not a caselog export`);
  if (typeof doc.version === 'string') throw new UserError(`${path}: its format version is text (${JSON.stringify(doc.version)}), not a number ("version": ${FORMAT_VERSION}); nothing was imported`);
  // An object without "format" (`{}`) is said in words, not as format "undefined".
  if (!('format' in doc)) throw new UserError(`${path} is not a caselog export: it has no "format" field ("format": "${FORMAT_NAME}", as caselog export writes); nothing was imported`);
  checkHeader(String(doc.format), typeof doc.version === 'number' ? doc.version : Number.NaN, path);
  // A misspelt section ("peopel") would be passed over, its records silently not imported.
  const unknown = Object.keys(doc).find((key) => key !== 'format' && key !== 'version' && key !== ERASED_SECTION && !SECTIONS.includes(key as Section));
  if (unknown !== undefined) throw new UserError(`${path}: unknown section ${JSON.stringify(unknown)} (sections: ${SECTIONS.join(', ')}); nothing was imported`);
  const marks = doc[ERASED_SECTION] ?? [];
  if (!Array.isArray(marks)) throw new UserError(`${path}: "${ERASED_SECTION}" must be a list`);
  for (const [i, mark] of marks.entries()) erased(erasedMark(mark, (what) => new UserError(`${path}, ${ERASED_SECTION}[${i}]: ${what}; nothing was imported`)));
  for (const section of SECTIONS) {
    const list = doc[section] ?? [];
    if (!Array.isArray(list)) throw new UserError(`${path}: "${section}" must be a list`);
    for (const [i, record] of list.entries()) yield { section, record, where: `${section}[${i}]` };
  }
}

