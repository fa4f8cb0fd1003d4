// Reading an export file line by line (src/exchange/read.ts): the file is read in chunks, and every
// record must come out exactly as written wherever a chunk ends.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readExport } from '../src/exchange/read';

const dir = mkdtempSync(join(tmpdir(), 'caselog-read-'));
const HEADER = '{"format":"caselog-export","version":1,';

function exportFile(name: string, records: object[], eol = '\n'): string {
  const path = join(dir, name);
  const lines = [HEADER, '"sources":[', ...records.map((r, i) => JSON.stringify(r) + (i < records.length - 1 ? ',' : '')), ']}'];
  writeFileSync(path, lines.join(eol));
  return path;
}

const source = (i: number, title: string) => ({ id: `s-${String(i).padStart(8, '0')}`, title });

describe('reading an export file', () => {
  it('reads a character whole where a read splits it', () => {
    // Every 64 KiB boundary of the first 1.5 MB falls one byte into a three-byte character.
    const boundaries = Array.from({ length: 24 }, (_, k) => (k + 1) * 64 * 1024);
    const records: object[] = [];
    let at = Buffer.byteLength(`${HEADER}\n"sources":[\n`);
    while (boundaries.length > 0) {
      const i = records.length;
      const before = Buffer.byteLength(`{"id":"${source(i, '').id}","title":"`);
      const next = boundaries[0]! - at;
      const pad = next < 600 ? (next - before - 1) % 3 : 0;
      const record = source(i, next < 600 ? `${'x'.repeat(pad)}${'陈'.repeat(400)}` : `Ержан ${'é'.repeat(i % 40)}`);
      if (next < 600) boundaries.shift();
      records.push(record);
      at += Buffer.byteLength(`${JSON.stringify(record)},\n`);
    }
    const read = [...readExport(exportFile('multibyte.json', records))];
    expect(read.map((r) => r.record)).toEqual(records);
  });

  it('reads a line longer than a chunk, CRLF line ends and a last line without a newline', () => {
    const records = [source(1, 'short'), source(2, 'long '.repeat(60000)), source(3, 'last')];
    const read = [...readExport(exportFile('long.json', records, '\r\n'))];
    expect(read.map((r) => r.record)).toEqual(records);
  });

  it('names the line of each record', () => {
    const read = [...readExport(exportFile('lines.json', [source(1, 'a'), source(2, 'b')]))];
    expect(read.map((r) => [r.section, r.where])).toEqual([['sources', 'line 3'], ['sources', 'line 4']]);
  });
});
