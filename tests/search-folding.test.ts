// Search reads as one word what is written in several ways: a PDF's "fi" ligature, a soft hyphen or
// a zero-width non-joiner inside a word, Arabic and Persian forms of one letter, the letters written
// for an apostrophe (Ya\u02BFqub, O\u02BBzbekiston), German's ue for \u00FC. Migration 11 gives the text
// stored before it the same; an import in bulk indexes as one row by row.
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bulkImport } from '../src/store/search-bulk';
import { caselog, fileOf, tempDb } from './helpers/cli';
import { rowsOf, withSearchOfSchema } from './helpers/old-search';

let db: string;
const c = (args: string[], path = db) => caselog(args, { db: path, today: '2026-11-24' });
const found = async (word: string, path = db) =>
  (JSON.parse((await c(['--json', 'search', word], path)).stdout) as Array<{ kind: string; summary?: string; title?: string }>)
    .filter((h) => h.kind !== 'person').map((h) => h.summary ?? h.title);

const TEXTS = {
  ligature: 'Held in solitary con\uFB01nement for 40 days',
  softHyphen: 'Prolonged deten\u00ADtion without charge',
  zwnj: 'Nasrin Sotoudeh \u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u062F in prison',
  persian: '\u0628\u0627\u0632\u062F\u0627\u0634\u062A \u062F\u0631 \u0632\u0646\u062F\u0627\u0646 \u0627\u0648\u06CC\u0646 \u062A\u0647\u0631\u0627\u0646\u061B \u0646\u0631\u06AF\u0633 \u0645\u062D\u0645\u062F\u06CC',
  arabic: '\u0627\u0639\u062A\u0642\u0644 \u0641\u064A \u0643\u0631\u062C',
  ayn: 'Witness Ya\u02BFqub Rahimi saw the transfer',
  okina: 'Detained in O\u02BBzbekiston near G\u02BBijduvon',
  umlaut: 'Sentenced in D\u00FCsseldorf',
};

async function recordTexts(path: string): Promise<void> {
  expect((await c(['add', 'case', '--ref', 'T1', '--title', 'Text tests'], path)).code).toBe(0);
  for (const text of Object.values(TEXTS)) {
    expect((await c(['add', 'event', 'T1', '--date', '2020-01-01', '--type', 'report', '--summary', text], path)).code).toBe(0);
  }
}

/** Each word searched, and the texts it should find. */
const EXPECTED: Array<[string, string[]]> = [
  ['confinement', [TEXTS.ligature]],
  ['detention', [TEXTS.softHyphen]],
  ['\u0645\u06CC\u062E\u0648\u0627\u0647\u062F', [TEXTS.zwnj]],
  ['\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u062F', [TEXTS.zwnj]],
  // Arabic yeh for Persian yeh, and Persian keheh for Arabic kaf: as the keyboard at hand types them.
  ['\u0627\u0648\u064A\u0646', [TEXTS.persian]],
  ['\u0646\u0631\u06AF\u0633 \u0645\u062D\u0645\u062F\u064A', [TEXTS.persian]],
  ['\u06A9\u0631\u062C', [TEXTS.arabic]],
  ['Yaqub Rahimi', [TEXTS.ayn]],
  ['Ozbekiston', [TEXTS.okina]],
  ["O'zbekiston", [TEXTS.okina]],
  ['Duesseldorf', [TEXTS.umlaut]],
  ['Dusseldorf', [TEXTS.umlaut]],
];

beforeEach(() => {
  db = tempDb();
});
afterEach(() => {
  bulkImport.fromBytes = 1024 * 1024;
});

describe('words written in several ways', () => {
  it.each(EXPECTED)('%j finds what writes it another way', async (word, texts) => {
    await recordTexts(db);
    expect(await found(word)).toEqual(texts);
  });

  it('finds what a ligature hides in an ingested document, and shows the text as written', async () => {
    const page = fileOf('update.html', '<html><head><title>Iran: prisoner update</title></head><body><p>On 3 March 2021 Reza Golzari was held in solitary con\uFB01nement in Ward 209.</p></body></html>');
    expect((await c(['ingest', page, '--yes'])).code).toBe(0);
    expect(await found('confinement')).toContain('Iran: prisoner update');
    expect((await c(['search', 'solitary'])).stdout).toContain('con\uFB01nement');
  });

  it('finds fullwidth letters (typed beside Chinese) by the plain letters', async () => {
    await c(['add', 'case', '--ref', 'T1', '--title', 'Text tests']);
    await c(['add', 'event', 'T1', '--date', '2020-01-01', '--type', 'report', '--summary', '\u88AB\u5173\u62BC\u5728 \uFF25\uFF56\uFF49\uFF4E \u76D1\u72F1']);
    expect(await found('Evin')).toEqual(['\u88AB\u5173\u62BC\u5728 \uFF25\uFF56\uFF49\uFF4E \u76D1\u72F1']);
  });

  it('follows an edit: the old words are no longer found, the new ones are', async () => {
    await c(['add', 'case', '--ref', 'T1', '--title', 'Text tests']);
    const event = JSON.parse((await c(['--json', 'add', 'event', 'T1', '--date', '2020-01-01', '--type', 'report', '--summary', TEXTS.ligature])).stdout) as { id: string };
    expect((await c(['edit', event.id, '--summary', TEXTS.softHyphen])).code).toBe(0);
    expect(await found('confinement')).toEqual([]);
    expect(await found('detention')).toEqual([TEXTS.softHyphen]);
  });

  it('indexes a large import (the bulk path) as one row by row', async () => {
    await recordTexts(db);
    const file = fileOf('export.json', (await c(['export', '--format', 'json'])).stdout);
    const [bulk, rowByRow] = [tempDb(), tempDb()];
    bulkImport.fromBytes = 0;
    expect((await c(['import', file], bulk)).code).toBe(0);
    bulkImport.fromBytes = Infinity;
    expect((await c(['import', file], rowByRow)).code).toBe(0);
    expect(searchText(bulk)).toEqual(searchText(rowByRow));
    for (const [word, texts] of EXPECTED) expect(await found(word, bulk), word).toEqual(texts);
  });
});

describe('a database of schema 10 (before migration 11)', () => {
  it('is upgraded: the text it holds is found as written any way, and a case by its countries', async () => {
    await recordTexts(db);
    await c(['add', 'case', '--ref', 'MENA 12/21', '--title', 'Held incommunicado', '--country', 'Iran', '--country', 'Iraq']);
    withSearchOfSchema(db, 10);
    for (const [word, texts] of EXPECTED) expect(await found(word), word).toEqual(texts);
    expect(await found('Iraq')).toEqual(['Held incommunicado']);
    expect(readdirSync(dirname(db)).some((f) => f.includes('.schema10'))).toBe(true);
    // What it records afterwards too, as a new database does.
    const fresh = tempDb();
    await recordTexts(fresh);
    expect(schema(db)).toEqual(schema(fresh));
  });
});

const searchText = (path: string) => rowsOf(path, 'SELECT id, kind, body, folded FROM search_text ORDER BY id');
const schema = (path: string) => rowsOf(path, "SELECT type, name, sql FROM sqlite_master WHERE name LIKE 'search%' ORDER BY name");
