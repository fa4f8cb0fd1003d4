// Surnames in capitals are stored as names are written: Turkish ones the Turkish way ("KILIÇ" is
// "Kılıç", "TİMTİK" is "Timtik"): they were stored "Kiliç", "Işik" and "Ti̇mti̇k" with a stray U+0307.
import { describe, expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

const today = '2026-11-24';
const DOC = 'URGENT ACTION\n\nEUR 44/26, 21 November 2026\n\nTurkey: Lawyers detained\n\n'
  + 'Lawyers Ebru TİMTİK, Şahin KILIÇ, Aydın ALTIN and Ayşe IŞIK were detained on 19 November 2026 in İstanbul. '
  + 'KILIÇ said that he was beaten in custody on 20 November 2026.\n';

interface Shown { name: string; names: string[] }

describe('ingest: surnames in capitals', () => {
  it('a Turkish name is cased the Turkish way, and matches the tracked person written so', async () => {
    const db = tempDb();
    expect((await caselog(['add', 'case', '--ref', 'EUR 44/26', '--title', 'Turkey: lawyers'], { db, today })).code).toBe(0);
    expect((await caselog(['add', 'person', 'Ebru Timtik', '--case', 'EUR 44/26'], { db, today })).code).toBe(0);
    expect((await caselog(['ingest', fileOf('ua.txt', DOC), '--case', 'EUR 44/26', '--yes'], { db, today })).code).toBe(0);
    const people = JSON.parse((await caselog(['--json', 'list', 'people'], { db, today })).stdout) as Array<{ id: string }>;
    const shown = await Promise.all(people.map(async (p) => JSON.parse((await caselog(['--json', 'show', p.id], { db, today })).stdout) as Shown));
    expect(shown.map((p) => p.names).sort()).toEqual([['Aydın Altın'], ['Ayşe Işık'], ['Ebru Timtik'], ['Şahin Kılıç']]);
    expect(JSON.stringify(shown)).not.toContain('\u0307');
    // "KILIÇ" alone, in capitals without a Turkish letter, is still Şahin Kılıç.
    const timeline = JSON.parse((await caselog(['--json', 'timeline', 'Şahin Kılıç'], { db, today })).stdout) as { events: Array<{ type: string; people: Array<{ name: string }> }> };
    expect(timeline.events.map((e) => [e.type, e.people.map((p) => p.name).join(', ')])).toContainEqual(['ill-treatment', 'Şahin Kılıç']);
  });

  it('other names in capitals keep their letters: no Turkish casing without a Turkish letter, ß, O\'', async () => {
    const text = 'URGENT ACTION\n\nEUR 45/26, 21 November 2026\n\nArrests\n\n'
      + "Ahmet KILIC, Jürgen WEIß and Conor O'BRIEN were arrested on 19 November 2026 by police.\n";
    const db = tempDb();
    expect((await caselog(['ingest', fileOf('ua.txt', text), '--yes'], { db, today })).code).toBe(0);
    const people = JSON.parse((await caselog(['--json', 'list', 'people'], { db, today })).stdout) as Array<{ name: string }>;
    expect(people.map((p) => p.name).sort()).toEqual(['Ahmet Kilic', "Conor O'Brien", 'Jürgen Weiß']);
  });
});
