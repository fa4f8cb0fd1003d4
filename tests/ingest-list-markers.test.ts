// caselog ingest: a fact told as an item of a Markdown list is summarised without the list's marker.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2026-11-24' });

beforeEach(() => {
  db = tempDb();
});

const MD = '# Azerbaijan: journalists held\n\n*Baku, 10 April 2024* \u2014 Three journalists remain in custody.\n\n## What happened\n\n'
  + '- Sevinj Huseynova was detained on 2 March 2024 outside her office.\n'
  + '* Ulvi Hasanli was charged with smuggling on 5 March 2024.\n'
  + '+ Nargiz Absalamova was remanded in custody on 8 March 2024.\n\n'
  + 'Later:\n\n'
  + '1. Sevinj Huseynova was questioned without a lawyer on 12 March 2024.\n';

describe('a Markdown list of facts', () => {
  it('quotes each item without its marker, as --dry-run proposes and --yes records', async () => {
    const dry = await c(['--json', 'ingest', fileOf('az.md', MD), '--dry-run']);
    const texts = (JSON.parse(dry.stdout) as { candidates: Array<{ kind: string; text: string }> }).candidates
      .filter((x) => x.kind === 'event').map((x) => x.text);
    expect(texts.length).toBeGreaterThanOrEqual(4);
    for (const text of texts) expect(text).not.toMatch(/^([-*+]|\d+\.)\s/);
    expect((await c(['ingest', fileOf('az.md', MD), '--yes'])).code).toBe(0);
    const { events } = JSON.parse((await c(['export', '--format', 'json'])).stdout) as { events: Array<{ summary: string }> };
    expect(events.map((e) => e.summary)).toEqual(expect.arrayContaining([
      'Sevinj Huseynova was detained on 2 March 2024 outside her office.',
      'Ulvi Hasanli was charged with smuggling on 5 March 2024.',
      'Nargiz Absalamova was remanded in custody on 8 March 2024.',
      'Sevinj Huseynova was questioned without a lawyer on 12 March 2024.',
    ]));
  });
});
