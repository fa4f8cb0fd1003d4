// HTML and Markdown reduced to the plain text the extractor reads. Not a full parser:
// caseworkers paste saved web pages and notes, and all we need is prose with its
// paragraph breaks, the page title, and link targets (Amnesty links carry index numbers).
import { decodeHTMLStrict } from 'entities/decode';
import { documentCharacters } from '../domain/text';

export interface PlainDocument {
  text: string;
  /** The title the markup itself declares (<title>, <h1>, a leading "# " heading). */
  title?: string;
  /** The day the page says it was published (<time datetime>, article:published_time), as ISO. */
  published?: string;
}

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
    // HTML's 2,231 named references (&middot;, &uuml; in a name, &Scaron;), by the entities package;
    // a name as some pages write it in capitals (&NBSP;) read as its lower-case one.
    const named = decodeHTMLStrict(whole);
    if (named !== whole) return named;
    const lower = decodeHTMLStrict(whole.toLowerCase());
    return lower !== whole.toLowerCase() ? lower : whole;
  }));
}

function stripTags(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();
}

/** The element opening at `from` (its tag already found), up to its matching close, nested ones counted. */
function elementEnd(html: string, from: number, tag: string): number {
  const tags = new RegExp(`<(/?)${tag}\\b[^>]*?(/?)>`, 'gi');
  tags.lastIndex = from;
  let depth = 0;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    if (m[2]) { if (depth === 0) return tags.lastIndex; continue; }
    depth += m[1] ? -1 : 1;
    if (depth === 0) return tags.lastIndex;
  }
  return html.length;
}

/** The page without the elements whose opening tag matches: each removed whole, with what it holds. */
function withoutElements(html: string, opening: RegExp): string {
  let out = '';
  let at = 0;
  const open = new RegExp(opening.source, 'gi');
  for (let m = open.exec(html); m; m = open.exec(html)) {
    if (m.index < at) continue;
    out += html.slice(at, m.index);
    at = elementEnd(html, m.index, /^<(\w+)/.exec(m[0])![1]!);
    open.lastIndex = at;
  }
  return out + html.slice(at);
}

/** What an element holds, from its opening tag to its close. */
function contentOf(html: string, start: number, tag: string): string {
  return html.slice(start, elementEnd(html, start, tag));
}

// A site's furniture: menus, footers, sidebars, cookie and consent banners. Their dates ("Updated 1
// January 2024" on a cookie notice) and links ("Privacy Policy") are the site's, not the document's.
const FURNITURE = /<(nav|footer|aside)\b[^>]*>|<(\w+)\b[^>]*\brole\s*=\s*["']?(?:navigation|contentinfo|banner|complementary)\b[^>]*>|<(\w+)\b[^>]*\b(?:class|id|aria-label)\s*=\s*["'][^"']*\b(?:cookie|consent|gdpr)[^"']*["'][^>]*>/;

/**
 * Where the page's own text is: its <main>, else its longest <article>, else the whole page less a
 * page-wide <header> (the site's banner; a header inside an article is the article's own).
 */
function ownText(html: string): string {
  const main = /<main\b[^>]*>/i.exec(html);
  if (main) return contentOf(html, main.index, 'main');
  const articles = [...html.matchAll(/<article\b[^>]*>/gi)].map((m) => contentOf(html, m.index ?? 0, 'article'));
  if (articles.length) return articles.reduce((a, b) => (b.length > a.length ? b : a));
  return withoutElements(html, /<header\b[^>]*>/);
}

// "2020-09-15", "2020-09-15T10:00:00Z": the day a page was published, as its markup states it.
const ISO_DAY = /^\s*(\d{4}-\d{2}-\d{2})(?:[T\s]|$)/;
const PUBLISHED_META = /<meta\b[^>]*\b(?:property|name|itemprop)\s*=\s*["'](?:article:published_time|datePublished|date|dc\.date|pubdate)["'][^>]*>/i;

/** The page's date of publication: its published-time meta, else the first <time datetime> in its own text. */
function publishedDay(html: string, own: string): string | undefined {
  const meta = PUBLISHED_META.exec(html)?.[0];
  const content = meta && /\bcontent\s*=\s*["']([^"']*)["']/i.exec(meta)?.[1];
  const time = /<time\b[^>]*\bdatetime\s*=\s*["']([^"']*)["']/i.exec(own)?.[1];
  for (const value of [content, time]) {
    const day = value ? ISO_DAY.exec(value)?.[1] : undefined;
    if (day) return day;
  }
  return undefined;
}

export function htmlToText(html: string): PlainDocument {
  // The headline, else the window title without its " | Site name" tail.
  const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(html)?.[1];
  const windowTitle = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1];
  const title = h1 ? stripTags(h1) : windowTitle ? stripTags(windowTitle).replace(/\s+[|–—-]\s+[^|–—-]+$/, '') : undefined;
  const own = withoutElements(ownText(html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|head|noscript|svg)\b[\s\S]*?<\/\1>/gi, '')), FURNITURE);
  const published = publishedDay(html, own);
  const body = own
    .replace(/<a\b[^>]*href="(https?:[^"]+)"[^>]*>([\s\S]*?)<\/a>/gi, '$2 ($1)')
    .replace(/<br\s*\/?>/gi, '\n')
    // "Next hearing | 15 March 2021": a table's cells apart, each row a line of its own (below).
    .replace(/<\/t[dh]>\s*(?=<t[dh]\b)/gi, ' | ')
    .replace(/<\/?(p|div|h[1-6]|li|ul|ol|tr|table|section|article|header|footer|blockquote|pre|figure|figcaption)\b[^>]*>/gi, '\n\n')
    .replace(/<[^>]*>/g, '');
  const text = decodeEntities(body)
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { text, title: title || undefined, ...(published ? { published } : {}) };
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
