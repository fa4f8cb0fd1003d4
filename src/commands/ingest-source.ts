// The document being ingested: read from a file or stdin, its format, its text, its fingerprint, and the
// source record it becomes (what the flags say, else what the document says about itself).
import { createHash } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { formatDate, parseDate } from '../domain/dates';
import type { Day, PartialDate } from '../domain/types';
import type { Extraction } from '../ingest/extraction';
import { toPlainDocument } from '../ingest/markup';
import { UserError } from '../errors';
import type { Reliability } from '../domain/types';


export type DocumentFormat = 'text' | 'markdown' | 'html';

export interface SourceDocument {
  /** What was typed: a path, or "-" for stdin. */
  file: string;
  raw: string;
  format: DocumentFormat;
  /** The plain text the extractor reads: what is stored and searched. */
  text: string;
  /** sha256 of the normalised text: the same document, however saved, is one source. */
  hash: string;
}

const BY_EXTENSION: Record<string, DocumentFormat> = {
  '.html': 'html', '.htm': 'html', '.xhtml': 'html', '.md': 'markdown', '.markdown': 'markdown', '.txt': 'text', '.text': 'text',
};

export function sniffFormat(raw: string): DocumentFormat {
  const head = raw.slice(0, 4000);
  if (/^\s*<(!doctype\s+html|html|head|body)\b/i.test(head) || /<\/(p|div|h1|body|html)>/i.test(head)) return 'html';
  if (/^#{1,6} \S/m.test(head) || /\[[^\]\n]+\]\([^)\s]+\)/.test(head) || /^\*\*[^*\n]+\*\*/m.test(head)) return 'markdown';
  return 'text';
}

/** Same words, same document: line endings, spacing, blank lines and Unicode composition do not count. */
export function normaliseText(text: string): string {
  return text.normalize('NFC').replace(/\r\n?/g, '\n').split('\n').map((line) => line.replace(/\s+/g, ' ').trim())
    .join('\n').replace(/\n{2,}/g, '\n\n').trim();
}

export function readDocument(file: string, format: DocumentFormat | undefined, readStdin: () => Buffer = () => readFileSync(0)): SourceDocument {
  let raw: string;
  try {
    if (file !== '-') refuseNonDocument(file);
    raw = decodeDocument(file === '-' ? readStdin() : readFileSync(file), file);
  } catch (error) {
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(code === 'ENOENT' ? `no file ${file}` : code === 'EISDIR' ? `${file} is a folder, not a document` : `cannot read ${file}: ${code ?? (error as Error).message}`);
  }
  if (raw.includes('\u0000')) throw new UserError(`${file} is not a text document (plain text, Markdown or HTML)`);
  // Lines ended any way (CR alone, as an old Mac saved them). Control and invisible characters are
  // dropped from the plain text (toPlainDocument), once HTML's references to them are decoded too.
  raw = raw.replace(/\r\n?/g, '\n');
  const chosen = format ?? BY_EXTENSION[extname(file).toLowerCase()] ?? sniffFormat(raw);
  const text = normaliseText(toPlainDocument(raw.replace(/^\uFEFF/, ''), chosen).text);
  if (text === '') throw new UserError(`${file === '-' ? 'the input' : file} has no text to read`);
  return { file, raw, format: chosen, text, hash: createHash('sha256').update(text).digest('hex') };
}

/** How the documents an Urgent Action arrives as begin, when they are not text. */
const WORD_PROCESSED: Array<[Buffer, string]> = [
  [Buffer.from('%PDF-'), 'a PDF'],
  [Buffer.from([0x50, 0x4b, 0x03, 0x04]), 'a Word or OpenDocument file (or another zip archive)'],
  [Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), 'an old Word document'],
  [Buffer.from('{\\rtf'), 'an RTF document'],
];

/**
 * A document's text: UTF-8, or a web page in the character set it declares (windows-1251, latin1);
 * anything else is refused, as decoding it would store the names garbled for good.
 */
function decodeDocument(bytes: Buffer, file: string): string {
  const kind = WORD_PROCESSED.find(([start]) => bytes.subarray(0, start.length).equals(start))?.[1];
  if (kind) {
    throw new UserError(`${file === '-' ? 'the input' : file} is ${kind}, which caselog cannot read: copy its text into a .txt file ` +
      '(or save the web page it came from as HTML) and ingest that; nothing was recorded');
  }
  if (isUtf8(bytes)) return bytes.toString('utf8');
  const declared = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(bytes.subarray(0, 4096).toString('latin1'))?.[1];
  if (declared) {
    try {
      return new TextDecoder(declared, { fatal: true }).decode(bytes);
    } catch {
      // An unknown character set, or bytes that are not in it: refused below.
    }
  }
  throw new UserError(`${file === '-' ? 'the input' : file} is not UTF-8 text: save it as UTF-8 (names read from it would be stored garbled); nothing was recorded`);
}

/** The largest document read: a report is kilobytes; a file of this size is something else. */
const MAX_DOCUMENT = 50 * 1024 * 1024;

/** Devices never end (/dev/zero filled memory); a huge file is no report. A pipe is read as a file. */
function refuseNonDocument(file: string): void {
  const stat = statSync(file);
  if (stat.isCharacterDevice() || stat.isBlockDevice() || stat.isSocket()) throw new UserError(`${file} is a device, not a document`);
  if (stat.isFile() && stat.size > MAX_DOCUMENT) throw new UserError(`${file} is ${Math.round(stat.size / 1024 / 1024)} MiB: too large for a document (plain text, Markdown or HTML), at most ${MAX_DOCUMENT / 1024 / 1024} MiB`);
}

export interface SourceFlags { title?: string; publisher?: string; ref?: string; date?: string; url?: string; reliability?: Reliability }

export interface SourceDraft {
  title: string; publisher?: string; ref?: string; date?: PartialDate; url?: string; reliability?: Reliability;
  body: string; hash: string;
}

/** The flags win over what the document says; a title is always needed, so one is made from the file. */
export function sourceDraft(doc: SourceDocument, found: Extraction['source'], flags: SourceFlags, date: PartialDate | undefined): SourceDraft {
  const publisher = flags.publisher ?? found.publisher;
  const dated = date ?? found.date;
  const fromFile = doc.file === '-' ? undefined : basename(doc.file, extname(doc.file)).replace(/[-_]+/g, ' ').trim();
  const title = flags.title ?? found.title ?? (fromFile || [publisher ?? 'Document', dated && formatDate(dated)].filter(Boolean).join(', '));
  return {
    title, publisher, ref: flags.ref ?? found.reference, date: dated, url: flags.url, reliability: flags.reliability,
    body: doc.text, hash: doc.hash,
  };
}

/** --date, checked before anything is read or written (typed now: a form counted from `today` is refused with the date it means). */
export const flagDate = (text: string | undefined, today: Day): PartialDate | undefined => (text ? parseDate(text, today) : undefined);
