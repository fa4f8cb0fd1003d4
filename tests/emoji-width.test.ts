// Emoji pasted from a messaging app take two columns on a terminal (wcwidth, tmux), and a tab in a
// title draws up to the next stop: counted as one, they shifted a table's rows and cut a deadline's
// date or id in two when due was wrapped.
import { describe, expect, it } from 'vitest';
import { fit } from '../src/render/cell-width';
import { renderTable, type Column } from '../src/render/list-table';
import { style } from '../src/render/style';
import { caselog, tempDb } from './helpers/cli';

/** Columns a terminal gives the text, counted apart from the code under test: these emoji take two. */
const columnsTaken = (text: string) => [...text].reduce((n, ch) => n + (/[\u{1F300}-\u{1FAFF}]/u.test(ch) ? 2 : 1), 0);

describe('a table with emoji and tabs in its cells', () => {
  it('keeps every row\'s columns under their headers', () => {
    const columns: Column[] = [{ header: 'REF' }, { header: 'TITLE', kind: 'free-text' }, { header: 'OPENED' }];
    const lines = renderTable(columns, [
      ['EM 1', '🔥🔥🔥🔥 emoji title', '2026'],
      ['TB 2', 'a\ttabbed title', '2025'],
      ['PL 3', 'plain title here', '2024'],
    ], 100, style(false)).split('\n');
    const at = (line: string, word: string) => columnsTaken(line.slice(0, line.indexOf(word)));
    const opened = at(lines[0]!, 'OPENED');
    expect(lines.slice(1).map((line) => at(line, '202'))).toEqual([opened, opened, opened]);
    expect(lines[2]).not.toContain('\t');
  });
});

describe('emoji of several code points (a flag, a skin tone, a family joined by zero-width joiners)', () => {
  it('take two columns each, as a terminal draws them, and a cut never halves one', () => {
    // Counted apart from the code under test: each of these pictures is drawn in two columns.
    const pictures = ['\u{1F1FA}\u{1F1E6}', '\u{1F44D}\u{1F3FD}', '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}'];
    const columns: Column[] = [{ header: 'REF' }, { header: 'TITLE', kind: 'free-text' }, { header: 'OPENED' }];
    const lines = renderTable(columns, [
      ...pictures.map((p, i) => [`EM ${i}`, `${p} title`, '2026']),
      ['PL 9', 'xx title', '2024'],
    ], 100, style(false)).split('\n');
    // Each picture and "xx" take the same two columns: OPENED's dates begin at one offset in code units less the pictures' extra.
    const at = (line: string) => line.indexOf('202') - pictures.reduce((n, p) => n + (line.includes(p) ? p.length - 2 : 0), 0);
    expect(new Set(lines.slice(1).map(at)).size).toBe(1);
    expect(fit(`${pictures[0]}${pictures[0]}${pictures[0]}`, 4)).toBe(`${pictures[0]}\u2026`);
  });
});

describe('due at 60 columns with emoji in the note and name', () => {
  it('never cuts the date or the id', async () => {
    const db = tempDb();
    const c = (args: string[]) => caselog(args, { db, today: '2026-11-24' });
    expect((await c(['add', 'case', '--ref', 'EM 1', '--title', 'emoji'])).code).toBe(0);
    expect((await c(['add', 'person', '🌹🌹🌹🌹🌹🌹🌹🌹 Rosa Flores', '--case', 'EM 1'])).code).toBe(0);
    expect((await c(['add', 'deadline', 'EM 1', '--date', '2026-12-01', '--note', '🚨🚨🚨🚨🚨🚨 call the lawyer'])).code).toBe(0);
    for (const columns of [38, 58, 60]) {
      const out = (await caselog(['due'], { db, today: '2026-11-24', tty: true, columns, env: { NO_COLOR: '1' } })).stdout;
      for (const line of out.split('\n')) expect(columnsTaken(line), `${columns}: ${line}`).toBeLessThanOrEqual(columns);
      expect(out.replace(/\n\s*/g, ' '), `${columns}`).toMatch(/1 December 2026/);
      expect(out, `${columns}`).toMatch(/\bd-[0-9a-z]{8}\b/);
    }
  });
});
