// at-risk names the cases to act in: a person in a closed case and an open one is listed with the
// open one (the text line and the JSON "case"); the closed one was shown first, as their case.
import { beforeEach, describe, expect, it } from 'vitest';
import { atRiskBlocks, caselog, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2026-11-24' });

beforeEach(async () => {
  db = tempDb();
  expect((await c(['add', 'case', '--ref', 'UA 1/20', '--title', 'Fear of torture', '--opened', '2020-01-10'])).code).toBe(0);
  expect((await c(['add', 'case', '--ref', 'UA 2/24', '--title', 'Fear of execution', '--opened', '2024-03-01'])).code).toBe(0);
  expect((await c(['add', 'person', 'Ali Veli', '--case', 'UA 1/20', '--case', 'UA 2/24', '--risk', 'death-penalty'])).code).toBe(0);
  expect((await c(['close', 'UA 1/20', '--date', '2021-05-01', '--reason', 'released'])).code).toBe(0);
});

describe('a person at risk in a closed case and an open one', () => {
  it('is listed with the open case only', async () => {
    const [block] = atRiskBlocks((await c(['at-risk'])).stdout);
    expect(block!.head).toMatch(/^Ali Veli {2}UA 2\/24 {2}/);
    expect(block!.head).not.toContain('UA 1/20');
  });

  it('has the open case as its "case" in --json, and both in the record\'s cases', async () => {
    const [entry] = JSON.parse((await c(['--json', 'at-risk'])).stdout);
    expect(entry.case.ref).toBe('UA 2/24');
    expect(entry.cases.map((k: { ref: string }) => k.ref).sort()).toEqual(['UA 1/20', 'UA 2/24']);
  });
});
