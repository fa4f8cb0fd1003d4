// Text written with vowel signs (Arabic short vowels and shadda, Hebrew points) is found by its words
// typed without them, as they are mostly typed, and the other way round; so is text with Latin
// letters that no accent-stripping reaches (ı, ß, đ, ł) by its words in plain letters. It is shown as
// written. Migration 9 gives the text stored before it the same.
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../src/store/schema';
import { bulkImport } from '../src/store/search-bulk';
import { caselog, tempDb } from './helpers/cli';
import { rowsOf, withSearchOfSchema } from './helpers/old-search';

const VOWELLED = 'اعتقل مُحَمَّد في السجن المركزي';
const UNVOWELLED_NAME = 'محمد';
const POINTED_NOTE = 'ערעור על מעצרו של שָׁלוֹם';

let db: string;
const c = (args: string[], path = db) => caselog(args, { db: path, today: '2026-11-24' });
const found = async (word: string, path = db) =>
  (JSON.parse((await c(['--json', 'search', word], path)).stdout) as Array<{ kind: string; id: string }>).filter((h) => h.kind !== 'person').map((h) => h.id);

async function recordMarkedText(path: string): Promise<{ event: string; deadline: string }> {
  expect((await c(['add', 'case', '--ref', 'UA 1/26', '--title', 'Detained'], path)).code).toBe(0);
  expect((await c(['add', 'person', 'Ahmad Karimi', '--case', 'UA 1/26'], path)).code).toBe(0);
  const event = JSON.parse((await c(['--json', 'add', 'event', 'Ahmad Karimi', '--date', '2026-11-01', '--type', 'arrest', '--summary', VOWELLED], path)).stdout);
  const deadline = JSON.parse((await c(['--json', 'add', 'deadline', 'Ahmad Karimi', '--date', '2026-12-20', '--note', POINTED_NOTE], path)).stdout);
  return { event: event.id, deadline: deadline.id };
}

beforeEach(() => {
  db = tempDb();
});

describe('search across vowel signs', () => {
  it('finds vowelled Arabic and pointed Hebrew by the words without their signs, and shows the text as written', async () => {
    const { event, deadline } = await recordMarkedText(db);
    expect(await found(UNVOWELLED_NAME)).toEqual([event]);
    expect(await found('שלום')).toEqual([deadline]);
    // A word without signs in the same text is found as before.
    expect(await found('السجن')).toEqual([event]);
    const shown = await c(['search', UNVOWELLED_NAME]);
    expect(shown.stdout).toContain(VOWELLED);
  });

  it('finds Turkish, German, Vietnamese and Polish letters by the plain letters a caseworker types', async () => {
    await c(['add', 'person', 'Sahin Kilic']);
    const summary = 'Şahin Kılıç detained in İzmir with his lawyer Jürgen Weiß; Phạm Đoan Trang wrote from Łódź';
    const event = JSON.parse((await c(['--json', 'add', 'event', 'Sahin Kilic', '--date', '2026-11-01', '--type', 'arrest', '--summary', summary])).stdout);
    for (const word of ['Kilic', 'Weiss', 'Doan', 'Lodz', 'Kılıç', 'Weiß', 'Izmir', 'Jurgen']) expect(await found(word), word).toEqual([event.id]);
    expect((await c(['search', 'Weiss'])).stdout).toContain('Jürgen Weiß');
  });

  it('finds text written without signs by a word typed with them', async () => {
    await c(['add', 'case', '--ref', 'UA 2/26', '--title', 'Detained']);
    await c(['add', 'person', 'Ahmad Karimi', '--case', 'UA 2/26']);
    const event = JSON.parse((await c(['--json', 'add', 'event', 'Ahmad Karimi', '--date', '2026-11-01', '--type', 'arrest', '--summary', 'اعتقل محمد في السجن'])).stdout);
    expect(await found('مُحَمَّد')).toEqual([event.id]);
  });

  it('follows an edit: the old words are no longer found, the new ones are', async () => {
    const { event } = await recordMarkedText(db);
    expect((await c(['edit', event, '--summary', 'نُقِلَ إلى سجن آخر'])).code).toBe(0);
    expect(await found(UNVOWELLED_NAME)).toEqual([]);
    expect(await found('نقل')).toEqual([event]);
  });

  it('finds the text of a large import (the bulk path) as of one added by hand', async () => {
    await recordMarkedText(db);
    const dir = mkdtempSync(join(tmpdir(), 'caselog-marks-'));
    const file = join(dir, 'export.json');
    writeFileSync(file, (await c(['export', '--format', 'json'])).stdout);
    const [bulk, rowByRow] = [tempDb(), tempDb()];
    bulkImport.fromBytes = 0;
    try {
      expect((await c(['import', file], bulk)).code).toBe(0);
    } finally {
      bulkImport.fromBytes = 1024 * 1024;
    }
    expect((await c(['import', file], rowByRow)).code).toBe(0);
    expect(await found(UNVOWELLED_NAME, bulk)).toHaveLength(1);
    expect(await found('שלום', bulk)).toHaveLength(1);
    expect(searchText(bulk)).toEqual(searchText(rowByRow));
    expect(triggers(bulk)).toEqual(triggers(rowByRow));
  });
});

describe('a database of schema 8 (before the signs were indexed)', () => {
  it('is upgraded: its stored text is found without signs, and what it records afterwards too', async () => {
    const { event, deadline } = await recordMarkedText(db);
    asSchema8(db);
    expect(await found(UNVOWELLED_NAME)).toEqual([event]);
    expect(await found('שלום')).toEqual([deadline]);
    expect(readdirSync(dirname(db)).some((f) => f.includes('.schema8'))).toBe(true);
    const fresh = tempDb();
    await recordMarkedText(fresh);
    expect(triggers(db)).toEqual(triggers(fresh));
    const later = JSON.parse((await c(['--json', 'add', 'event', 'Ahmad Karimi', '--date', '2026-11-20', '--type', 'other', '--summary', 'نُقِلَ إلى سجن آخر'])).stdout);
    expect(await found('نقل')).toEqual([later.id]);
  });
});

const searchText = (path: string) => rowsOf(path, 'SELECT kind, body, folded FROM search_text ORDER BY id');
const triggers = (path: string) => rowsOf(path, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name");

/** The file as caselog left it before migration 9: migration 2's triggers, and no unmarked copy. */
function asSchema8(path: string): void {
  // Later migrations run after it too.
  expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(9);
  withSearchOfSchema(path, 8);
}
