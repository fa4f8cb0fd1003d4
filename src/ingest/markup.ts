// HTML and Markdown reduced to the plain text the extractor reads. Not a full parser:
// caseworkers paste saved web pages and notes, and all we need is prose with its
// paragraph breaks, the page title, and link targets (Amnesty links carry index numbers).
import { documentCharacters } from '../domain/text';

export interface PlainDocument {
  text: string;
  /** The title the markup itself declares (<title>, <h1>, a leading "# " heading). */
  title?: string;
}

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: '’', lsquo: '‘',
  rdquo: '”', ldquo: '“', ndash: '–', mdash: '—', hellip: '…', copy: '©', sup1: '¹',
  // Decoded to be dropped (documentCharacters), or kept where names need them (ZWNJ, ZWJ).
  shy: '\u00ad', lrm: '\u200e', rlm: '\u200f', zwnj: '\u200c', zwj: '\u200d',
};

/** The characters a numeric reference may name: not a surrogate half, nothing past U+10FFFF. */
const isCodePoint = (code: number): boolean => code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);

/**
 * References decoded, then cleaned as a document's own characters are (a page's "&#27;[2J" would
 * otherwise reach terminals as an escape code). A reference to no character is left as written.
 */
function decodeEntities(text: string): string {
  return documentCharacters(text.replace(/&(#x[0-9a-f]+|#\d+|[a-z0-9]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return isCodePoint(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  }));
}

function stripTags(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();
}

export function htmlToText(html: string): PlainDocument {
  // The headline, else the window title without its " | Site name" tail.
  const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(html)?.[1];
  const windowTitle = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1];
  const title = h1 ? stripTags(h1) : windowTitle ? stripTags(windowTitle).replace(/\s+[|–—-]\s+[^|–—-]+$/, '') : undefined;
  const body = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|head|nav|noscript|svg)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<a\b[^>]*href="(https?:[^"]+)"[^>]*>([\s\S]*?)<\/a>/gi, '$2 ($1)')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?(p|div|h[1-6]|li|ul|ol|tr|table|section|article|header|footer|blockquote|pre|figure|figcaption)\b[^>]*>/gi, '\n\n')
    .replace(/<[^>]*>/g, '');
  const text = decodeEntities(body)
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { text, title: title || undefined };
}

export function markdownToText(markdown: string): PlainDocument {
  let title: string | undefined;
  const lines = documentCharacters(markdown.replace(/\r\n?/g, '\n')).split('\n').map((line) => {
    const heading = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const text = inlineMarkdown(heading[2] ?? '');
      if (!title && heading[1] === '#') title = text;
      // A heading stands alone: keep it a block of its own.
      return `\n${text}\n`;
    }
    return inlineMarkdown(line.replace(/^\s{0,3}>\s?/, ''));
  });
  return { text: lines.join('\n').replace(/\n{3,}/g, '\n\n').trim(), title };
}

function inlineMarkdown(line: string): string {
  return line
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\((https?:[^)\s]+)[^)]*\)/g, '$1 <$2>')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_]([^*_\n]+)[*_](?=[^\w*]|$)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1');
}

export function toPlainDocument(input: string, format: 'text' | 'markdown' | 'html' = 'text'): PlainDocument {
  if (format === 'html') return htmlToText(input);
  if (format === 'markdown') return markdownToText(input);
  return { text: documentCharacters(input.replace(/\r\n?/g, '\n')) };
}
