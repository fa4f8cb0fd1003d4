// ingest of a document holding a long run of capitals without a space (a badly OCR'd page, a hostile
// file): it must take about as long as the same length of lower case, never its square (a run of
// 50,000 capitals froze ingest for minutes).
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

const SAMPLE = readFileSync(new URL('../../shared/samples/ua-77-98-further-information-1999.txt', import.meta.url), 'utf8');

/** The sample with the run after it, ingested with --dry-run: its result and how long it took (ms). */
async function ingestWith(run: string): Promise<{ code: number; stdout: string; ms: number }> {
  const db = tempDb();
  const file = db.replace(/test\.db$/, 'ocr.txt');
  writeFileSync(file, `${SAMPLE}\n\n${run}\n`);
  const started = performance.now();
  const r = await caselog(['ingest', file, '--dry-run'], { db, today: '2026-03-01' });
  return { code: r.code, stdout: r.stdout, ms: performance.now() - started };
}

describe('a long run of capitals in a document', () => {
  it('is read in about the time of the same length of lower case', async () => {
    const capitals = 'A'.repeat(50_000);
    const lower = 'a'.repeat(50_000);
    // Each twice, the best kept: the first run of a kind also compiles what it uses, and the machine is shared.
    const times = { capitals: Infinity, lower: Infinity };
    for (let i = 0; i < 2; i++) {
      const low = await ingestWith(lower);
      const caps = await ingestWith(capitals);
      expect(caps.code).toBe(0);
      // The document's own people are still proposed.
      expect(caps.stdout).toContain('Hemit Memet');
      expect(caps.stdout).toBe(low.stdout);
      times.lower = Math.min(times.lower, low.ms);
      times.capitals = Math.min(times.capitals, caps.ms);
    }
    expect(times.capitals / times.lower).toBeLessThan(5);
  }, 120_000);
});
