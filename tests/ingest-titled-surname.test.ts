// "Mr Karimov" is the Karimov the document speaks of last: his age and the risks said of him are his,
// not those of someone else named before.
import { describe, expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

const DOC = 'Joint statement, 9 May 2022\n\n'
  + 'On 2 May 2022 police in Osh detained Bakyt Osmonov, a Kyrgyz journalist, together with Uzbek imam Rustam Karimov and his brother Sardor Karimov. '
  + 'Tashkent has requested the extradition of Rustam Karimov. Bakyt Osmonov was released on 4 May 2022.\n\n'
  + 'Mr Karimov, aged 52, is held in the Osh temporary detention facility. Should he be sent back to Uzbekistan he would face a real risk of torture.\n';

describe('ingest reads a titled surname', () => {
  it('as the person of that surname named last, with the age and the risks told of him', async () => {
    const db = tempDb();
    const r = await caselog(['ingest', fileOf('osh.txt', DOC), '--dry-run', '--json'], { db, today: '2026-11-22' });
    const people = (JSON.parse(r.stdout) as { candidates: Array<{ kind: string; name?: string; age?: number | null; risks?: string[] }> })
      .candidates.filter((c) => c.kind === 'person');
    const rustam = people.find((p) => p.name === 'Rustam Karimov');
    expect(rustam?.age).toBe(52);
    expect(rustam?.risks).toContain('torture');
    expect(people.find((p) => p.name === 'Bakyt Osmonov')?.risks).not.toContain('torture');
    expect(people.find((p) => p.name === 'Sardor Karimov')?.age ?? null).toBeNull();

    await caselog(['ingest', fileOf('osh.txt', DOC), '--yes'], { db, today: '2026-11-22' });
    const atRisk = (await caselog(['at-risk'], { db, today: '2026-11-22' })).stdout;
    expect(atRisk).toMatch(/Rustam Karimov[^\n]*\n\s+risks: torture/);
    expect(atRisk).not.toMatch(/Bakyt Osmonov[^\n]*\n\s+risks: torture/);
  });
});
