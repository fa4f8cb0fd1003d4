// Institutions, job titles and acronyms are not people: only individuals are proposed, and what
// the document quotes is shown as written.
import { describe, expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

interface Proposal { kind: string; type?: string; name?: string; people?: Array<{ id: string | null; name: string }>; risks?: string[]; action?: string; text: string }

const proposals = async (name: string, text: string): Promise<Proposal[]> => {
  const r = await caselog(['ingest', fileOf(name, text), '--dry-run', '--json'], { db: tempDb(), today: '2026-11-22' });
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as { candidates: Proposal[] }).candidates;
};
const peopleIn = (found: Proposal[]) => found.filter((c) => c.kind === 'person' && c.action !== 'skip').map((c) => c.name);
const everyoneOnEvents = (found: Proposal[]) => [...new Set(found.filter((c) => c.kind === 'event').flatMap((c) => (c.people ?? []).map((q) => q.name)))];

describe('ingest proposes individuals only', () => {
  it('leaves out a court named "of X", a job title after a linked name, and a mixed-case acronym, which it shows as written', async () => {
    const found = await proposals('poet.md', '# Morocco: Singer jailed over a song\n\n'
      + 'Rabat, 14 June 2023 \u2014 We denounce the sentencing of singer **Youssef Alami** on 12 June 2023 to three years in prison by the Tribunal of First Instance of Fes.\n\n'
      + '"Nobody should be jailed for a song," said [Hannah Kerr](https://example.org/team), Campaigns Officer.\n\n'
      + 'Youssef Alami was arrested on 3 May 2023 by agents of the DGSNeT at his flat in Fes.\n\n'
      + 'Police in Meknes detained his cousin Salma Idrissi on 4 May 2023, said officials of the MinJusT.\n');
    expect(peopleIn(found).sort()).toEqual(['Salma Idrissi', 'Youssef Alami']);
    expect(everyoneOnEvents(found).sort()).toEqual(['Salma Idrissi', 'Youssef Alami']);
    expect(found.find((c) => c.name === 'Hannah Kerr')?.action).toBe('skip');
    expect(found.find((c) => c.kind === 'event' && c.type === 'arrest')?.text).toContain('agents of the DGSNeT at');
  });

  it('gives a pronoun after a quoted staff member to the person the passage is about', async () => {
    const found = await proposals('strike.txt', 'Bahrain: Teacher goes on hunger strike\n\n'
      + 'Manama, 20 March 2024 \u2014 Teacher Layla Hassan was sentenced on 2 March 2024 to five years in prison.\n\n'
      + 'Peter Lund, Gulf Programme Director, visited the prison with a delegation on 15 March 2024.\n\n'
      + 'She stopped eating on 16 March 2024 and her family fear for her health.\n');
    expect(peopleIn(found)).toEqual(['Layla Hassan']);
    const strike = found.find((c) => c.kind === 'event' && c.text.startsWith('She stopped eating'));
    expect(strike?.people?.map((q) => q.name)).toEqual(['Layla Hassan']);
    expect(found.find((c) => c.name === 'Layla Hassan')?.risks).toContain('health');
  });
});
