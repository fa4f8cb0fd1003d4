// Reads an export file record by record without holding it in memory. Files written by caselog
// have one record a line; any other valid JSON of the same shape is read whole instead.
import { closeSync, openSync, readSync } from 'node:fs';
import { FORMAT_NAME, FORMAT_VERSION, SECTIONS, type Section } from './format';
import { UserError } from '../errors';

export interface RawRecord { section: Section; record: unknown; where: string }

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

/**
 * The file's lines, split on the newline byte and decoded one by one: a newline byte is never part
 * of a multi-byte character, so a character that straddles two reads is decoded whole. A line
 * longer than the buffer doubles it.
 */
function* linesOf(fd: number): Generator<string> {
  let buffer = Buffer.alloc(CHUNK);
  let kept = 0;
  for (;;) {
    if (kept === buffer.length) buffer = Buffer.concat([buffer, Buffer.alloc(buffer.length)]);
    const n = readSync(fd, buffer, kept, buffer.length - kept, null);
    if (n === 0) break;
    const bytes = buffer.subarray(0, kept + n);
    let start = 0;
    for (let end = bytes.indexOf(10); end !== -1; start = end + 1, end = bytes.indexOf(10, start)) yield bytes.toString('utf8', start, end);
    kept = bytes.length - start;
    buffer.copyWithin(0, start, bytes.length);
  }
  if (kept > 0) yield buffer.toString('utf8', 0, kept);
}

export function* readExport(path: string): Generator<RawRecord> {
  const fd = path === '-' ? 0 : openFile(path);
  try {
    const lines = linesOf(fd);
    const first = lines.next();
    const header = first.done ? '' : first.value.replace(/^\uFEFF/, '');
    const m = /^\{"format":"([^"]*)","version":(\d+),$/.exec(header.trim());
    if (!m) {
      yield* readWhole(header + '\n' + [...lines].join('\n'), path);
      return;
    }
    checkHeader(m[1]!, Number(m[2]), path);
    let section: Section | undefined;
    let lineNo = 1;
    for (const raw of lines) {
      lineNo++;
      const line = raw.trim();
      if (!line) continue;
      const start = /^"(\w+)":\[$/.exec(line);
      if (start) {
        if (!SECTIONS.includes(start[1] as Section)) throw new UserError(`${path}, line ${lineNo}: unknown section "${start[1]}"`);
        section = start[1] as Section;
        continue;
      }
      if (line === '],' || line === ']}' || line === ']') { section = undefined; continue; }
      if (!section) throw new UserError(`${path}, line ${lineNo}: a record outside any section`);
      let record: unknown;
      try {
        record = JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line);
      } catch {
        throw new UserError(`${path}, line ${lineNo}: not valid JSON; nothing was imported`);
      }
      yield new LineRecord(section, record, lineNo);
    }
  } finally {
    if (fd !== 0) closeSync(fd);
  }
}

function openFile(path: string): number {
  try {
    return openSync(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(code === 'ENOENT' ? `no file ${path}` : `cannot read ${path}: ${code}`);
  }
}

function checkHeader(format: string, version: number, path: string): void {
  if (format !== FORMAT_NAME) throw new UserError(`${path} is not a caselog export (format "${format}")`);
  if (version > FORMAT_VERSION) throw new UserError(`${path} was written by a newer caselog (format version ${version}): upgrade caselog`);
}

function* readWhole(text: string, path: string): Generator<RawRecord> {
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new UserError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  if (!doc || typeof doc !== 'object') throw new UserError(`${path} is not a caselog export`);
  checkHeader(String(doc.format), Number(doc.version), path);
  for (const section of SECTIONS) {
    const list = doc[section] ?? [];
    if (!Array.isArray(list)) throw new UserError(`${path}: "${section}" must be a list`);
    for (const [i, record] of list.entries()) yield { section, record, where: `${section}[${i}]` };
  }
}

