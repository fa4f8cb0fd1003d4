// ingest of documents with hostile or invisible characters: control characters written as HTML
// references or as they are, references to no character, and invisible characters inside names.
import { writeFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[], on = db) => caselog(args, { db: on, today: '2026-03-01' });
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

beforeEach(() => {
  db = tempDb();
});

/** The document saved beside the database under this name. */
const saved = (name: string, text: string): string => {
  const file = db.replace(/test\.db$/, name);
  writeFileSync(file, text);
  return file;
};

interface Exported { sources: Array<{ title: string; text: string }>; people: Array<{ name: string; names: Array<{ name: string }> }>; events: Array<{ summary: string }> }
const exported = async (on = db): Promise<Exported> => JSON.parse((await c(['export', '--format', 'json'], on)).stdout) as Exported;

describe('control characters in a document', () => {
  // ESC, NUL, DEL and the C1 CSI, and a CR where it parts two sentences.
  const page = '<html><head><title>UA 9/26</title></head><body>\n<h1>Further information on UA 9/26&#27;[2J&#27;[H&#0;</h1>\n'
    + '<p>On 11 February 2026, Ali Karimov was arrested by police in Tashkent.&#27;[2J&#x1b;[H&#127;&#x9b;2J Ali Karimov was beaten.&#13;Police refused to say where he is held.</p>\n</body></html>\n';
  const raw = (heading: string) => `${heading}Further information on UA 9/26\u001b[2J\u001b[H\n\n`
    + 'On 11 February 2026, Ali Karimov was arrested by police in Tashkent.\u001b[2J\u001b[H\u007f\u009b2J Ali Karimov was beaten.\rPolice refused to say where he is held.\n';

  it.each([
    ['a web page, written as references', 'ua.html', page],
    ['a plain-text document, as they are', 'ua.txt', raw('')],
    ['a Markdown note, as they are', 'ua.md', raw('# ')],
  ])('are dropped from %s: never printed, and the database exports and imports back', async (_what, name, text) => {
    expect((await c(['ingest', saved(name, text), '--yes'])).code).toBe(0);
    for (const args of [['timeline', 'Ali Karimov'], ['search', 'Tashkent'], ['export', '--format', 'md', 'Ali Karimov']]) {
      const r = await c(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout, args.join(' ')).not.toMatch(CONTROL);
    }
    const { sources, people, events } = await exported();
    // Each escape sequence dropped whole: not its ESC alone, which left "[2J[H" in the text.
    expect(sources.map((s) => s.title)).toEqual(['Further information on UA 9/26']);
    expect(events.map((e) => e.summary)).toContain('On 11 February 2026, Ali Karimov was arrested by police in Tashkent.');
    // The CR parted two sentences: it is not a line break that made "Police" a name.
    expect(people.map((p) => p.name)).toEqual(['Ali Karimov']);
    const file = saved('again.json', (await c(['export', '--format', 'json'])).stdout);
    expect(await c(['import', file], tempDb())).toMatchObject({ code: 0, stderr: expect.stringMatching(/: 3 added/) });
  });
});

describe('an HTML reference to no character', () => {
  it('is left as written, never an unexpected error', async () => {
    const page = '<html><body><h1>Appeal &#99999999; &#xD800; &#x110000;</h1><p>On 11 February 2026, Ali Karimov was arrested in Tashkent.</p></body></html>';
    const r = await c(['--json', 'ingest', saved('odd.html', page), '--yes']);
    expect(r).toMatchObject({ code: 0, stderr: expect.stringMatching(/^Recorded source /m) });
    expect((JSON.parse(r.stdout) as { source: { title: string } }).source.title).toBe('Appeal &#99999999; &#xD800; &#x110000;');
  });
});

describe('invisible characters inside a name', () => {
  const sentence = (name: string) => `On 11 February 2026, ${name} was arrested by police in Tashkent. ${name} was beaten in custody.\n`;
  it.each([
    ['a soft hyphen as an HTML reference', 'shy.html', `<html><body><p>${sentence('Ali Kari&shy;mov')}</p></body></html>`],
    ['a soft hyphen', 'shy.txt', sentence('Ali Kari\u00admov')],
    ['a zero-width space', 'zwsp.txt', sentence('Ali Kari\u200bmov')],
    ['a word joiner', 'wj.txt', sentence('Ali Kari\u2060mov')],
    ['a byte-order mark', 'bom.md', sentence('Ali Kari\ufeffmov')],
    ['a right-to-left override', 'rlo.txt', sentence('Ali Kari\u202emov\u202c')],
    ['direction marks', 'marks.txt', sentence('Ali\u200e Kari\u200fmov')],
    ['direction marks as HTML references', 'marks.html', `<p>${sentence('Ali&lrm; Kari&rlm;mov')}</p>`],
  ])('are dropped before names are found: %s', async (_what, name, text) => {
    const file = saved(name, text);
    const dry = JSON.parse((await c(['--json', 'ingest', file, '--dry-run'])).stdout) as { candidates: Array<{ kind: string; name?: string; text: string }> };
    expect(dry.candidates.filter((k) => k.kind === 'person').map((k) => k.name)).toEqual(['Ali Karimov']);
    expect(dry.candidates.filter((k) => k.kind === 'event').map((k) => k.text)).toEqual([expect.stringContaining('Ali Karimov was arrested')]);
  });

  it('adds no cut-short alias to the person tracked', async () => {
    await c(['add', 'person', 'Ali Karimov']);
    expect((await c(['ingest', saved('shy.txt', sentence('Ali Kari\u00admov')), '--yes'])).code).toBe(0);
    const { people, events } = await exported();
    expect(people.map((p) => p.names.map((n) => n.name))).toEqual([['Ali Karimov']]);
    expect(events.map((e) => e.summary)).toEqual([expect.stringContaining('Ali Karimov was arrested')]);
  });

  it('keeps the zero-width non-joiner and joiner, which Persian and Indic words need', async () => {
    const text = `${sentence('Ali Karimov')}\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u062f \u0915\u094d\u200d\u0937 \u0646\u0645&zwnj;\u06cc\n`;
    expect((await c(['ingest', saved('persian.html', `<p>${text}</p>`), '--yes'])).code).toBe(0);
    const [source] = (await exported()).sources;
    expect(source!.text).toContain('\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u062f \u0915\u094d\u200d\u0937 \u0646\u0645\u200c\u06cc');
  });
});

describe('a document copied from a terminal, with its colours and a window title', () => {
  it('keeps the words and none of the codes', async () => {
    const text = '\u001b]0;Urgent Action\u0007\u001b[1;31mUA 12/26\u001b[0m\n\nOn 11 February 2026, \u001b[1mAli Karimov\u001b[22m was arrested by police in Tashkent. '
      + 'See \u001b]8;;https://example.org/ua\u001b\\the appeal\u001b]8;;\u001b\\ for more.\n';
    expect((await c(['ingest', saved('ua.txt', text), '--yes'])).code).toBe(0);
    const { people, events } = await exported();
    expect(people.map((p) => p.name)).toEqual(['Ali Karimov']);
    expect(events.map((e) => e.summary)).toEqual(['On 11 February 2026, Ali Karimov was arrested by police in Tashkent.']);
    const found = await c(['search', 'appeal']);
    expect(found.stdout).toContain('See the [appeal] for more.');
    expect(found.stdout).not.toMatch(/\[[0-9;]*m|8;;|0;Urgent/);
  });
});
