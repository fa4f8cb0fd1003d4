// caselog ingest: a body named for its subject ("Working Group on Enforced Disappearances") and an
// acronym in capitals ("NGO Viasna") are not people.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2026-11-24' });

beforeEach(() => {
  db = tempDb();
});

const DOC = 'Tashkent, 1 June 2022\n\n'
  + 'Dilshod Karimov is a journalist. The UN Working Group on Enforced Disappearances found his detention arbitrary on 4 May 2022. '
  + 'The Special Rapporteur on Freedom of Expression raised his case on 6 May 2022. '
  + 'The Commission on Religious Freedom listed him on 8 May 2022. NGO Viasna condemned his arrest on 9 May 2022.\n';

interface Proposals { candidates: Array<{ kind: string; name?: string; people?: Array<{ name: string }> }> }

describe('bodies and acronyms', () => {
  it('are never proposed as people; the facts stay with the person the document is about', async () => {
    const r = await c(['--json', 'ingest', fileOf('karimov.txt', DOC), '--dry-run']);
    expect(r.code).toBe(0);
    const p = JSON.parse(r.stdout) as Proposals;
    expect(p.candidates.filter((x) => x.kind === 'person').map((x) => x.name)).toEqual(['Dilshod Karimov']);
    const named = new Set(p.candidates.flatMap((x) => (x.people ?? []).map((y) => y.name)));
    expect([...named]).toEqual(['Dilshod Karimov']);
  });

  it('--yes adds no such person', async () => {
    expect((await c(['ingest', fileOf('karimov.txt', DOC), '--yes'])).code).toBe(0);
    const list = await c(['list', 'people']);
    expect(list.stdout).toContain('Dilshod Karimov');
    expect(list.stdout).not.toMatch(/Enforced Disappearances|Freedom of Expression|Religious Freedom|Ngo Viasna/);
  });
});
