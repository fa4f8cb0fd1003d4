// The documented JSON Schema describes what export writes: a change to one without the other fails here.
import Ajv2020 from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caselog, DEMO, ROOT, tempDb } from './helpers/cli';

const schema = JSON.parse(readFileSync(join(ROOT, 'docs', 'export.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true }).compile(schema);

describe('the export JSON Schema', () => {
  it('accepts the export of the demo data', async () => {
    const db = tempDb();
    await caselog(['import', DEMO], { db });
    const exported = JSON.parse((await caselog(['export', '--format', 'json'], { db })).stdout);
    expect(exported.people.length).toBeGreaterThan(0);
    const ok = validate(exported);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('accepts a target reached only by fax, with no address lines', async () => {
    const db = tempDb();
    await caselog(['add', 'target', 'ZHANG Siqing', '--title', 'Procurator-General', '--fax', '+86 10 6512 2345'], { db });
    const exported = JSON.parse((await caselog(['export', '--format', 'json'], { db })).stdout);
    expect(exported.targets[0].address).toEqual([]);
    validate(exported);
    expect(validate.errors ?? []).toEqual([]);
  });

  it('rejects a record with a date that has no precision', async () => {
    const db = tempDb();
    await caselog(['import', DEMO], { db });
    const exported = JSON.parse((await caselog(['export', '--format', 'json'], { db })).stdout);
    delete exported.events[0].date.precision;
    expect(validate(exported)).toBe(false);
  });
});
