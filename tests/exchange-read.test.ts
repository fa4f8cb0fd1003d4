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

describe('reading an export file that is not a whole, valid export', () => {
  const lines = [HEADER, '"sources":[', `${JSON.stringify(source(1, 'a'))},`, JSON.stringify(source(2, 'b')), '],', '"people":[', '],', '"events":[', ']}'];
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const refusal = (path: string) => {
    try {
      Array.from(readExport(path));
    } catch (error) {
      return (error as Error).message;
    }
    return 'read without complaint';
  };

  it('refuses a file cut off at any line boundary, naming where it ends', () => {
    expect(refusal(write('whole.json', `${lines.join('\n')}\n`))).toBe('read without complaint');
    for (let keep = 1; keep < lines.length; keep++) {
      for (const [eol, last] of [['\n', '\n'], ['\n', ''], ['\r\n', '\r\n']]) {
        const path = write(`cut-${keep}.json`, lines.slice(0, keep).join(eol) + last);
        expect(refusal(path)).toBe(`${path} ends before the export does (line ${keep}): the file is incomplete; nothing was imported`);
      }
    }
  });

  it('refuses a missing comma, a comma left over and text after the end, naming the line', () => {
    const edited = (name: string, edit: (l: string[]) => void) => {
      const copy = [...lines];
      edit(copy);
      return write(name, copy.join('\n'));
    };
    const noComma = edited('no-comma.json', (l) => { l[2] = l[2]!.slice(0, -1); });
    expect(refusal(noComma)).toBe(`${noComma}, line 3: no comma at the end of this record, and another record follows; nothing was imported`);
    const leftOver = edited('left-over.json', (l) => { l[3] += ','; });
    expect(refusal(leftOver)).toBe(`${leftOver}, line 4: the last record of "sources" ends with a comma; nothing was imported`);
    const after = edited('after.json', (l) => { l.push(JSON.stringify(source(3, 'c'))); });
    expect(refusal(after)).toBe(`${after}, line 10: expected nothing more here, not valid JSON; nothing was imported`);
    const unclosed = edited('unclosed.json', (l) => { l.splice(4, 1); });
    expect(refusal(unclosed)).toMatch(/unclosed\.json, line 5: expected "\]," or "\]}" here/);
    const twice = edited('twice.json', (l) => { l[7] = '"sources":['; });
    expect(refusal(twice)).toBe(`${twice}, line 8: section "sources" appears a second time; nothing was imported`);
  });

  it('reads a bare "]" closed by "}" on the next line, and blank lines between', () => {
    const path = write('bare.json', [...lines.slice(0, -1), ']', '', '}', ''].join('\n'));
    expect([...readExport(path)].map((r) => r.record)).toEqual([source(1, 'a'), source(2, 'b')]);
  });

  it('refuses a folder with a plain sentence', () => {
    expect(refusal(dir)).toBe(`${dir} is a folder, not a file: give the export file to import`);
  });
});
