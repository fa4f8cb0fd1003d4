// Two people a document names side by side are two people, however alike their names: "Ahmed Salman, 68,
// and his grandson Salman Ahmed, 17" became one person "Ahmed Salman" also known as "Salman Ahmed", and
// the 17-year-old was lost.
import { describe, expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

const doc = (body: string) => `URGENT ACTION\n\nMDE 11/26, 21 November 2026\n\nArrests\n\n${body}\n`;

interface Person { name: string; names: string[]; status: string; age: number | null }
/** Who the export holds after ingesting the body with --yes: [name, other names, status, age]. */
async function peopleAfter(body: string): Promise<Array<[string, string[], string, number | null]>> {
  const db = tempDb();
  const r = await caselog(['ingest', fileOf('ua.txt', doc(body)), '--yes'], { db, today: '2026-11-24' });
  expect(r.code).toBe(0);
  const people = JSON.parse((await caselog(['--json', 'list', 'people'], { db, today: '2026-11-24' })).stdout) as Array<{ id: string }>;
  const shown = await Promise.all(people.map(async (p) => JSON.parse((await caselog(['--json', 'show', p.id], { db, today: '2026-11-24' })).stdout) as Person));
  return shown.map((p): [string, string[], string, number | null] => [p.name, p.names.filter((n) => n !== p.name), p.status, p.age]).sort();
}

describe('ingest: two people named together are not one person with two names', () => {
  it('a grandfather and his grandson, each with his age', async () => {
    expect(await peopleAfter('Ahmed Salman, 68, and his grandson Salman Ahmed, 17, were arrested on 19 November 2026 in Sitra.')).toEqual([
      ['Ahmed Salman', [], 'detained', 68],
      ['Salman Ahmed', [], 'detained', 17],
    ]);
  });

  it.each([
    ['Nguyễn Văn Hòa and his brother Nguyễn Văn Hóa were arrested on 19 November 2026.', 'Nguyễn Văn Hòa', 'Nguyễn Văn Hóa'],
    ['Ilham Tohti and Tohti Ilham were arrested on 19 November 2026.', 'Ilham Tohti', 'Tohti Ilham'],
    ['Police arrested Bolat Serikov, Kasim Mahpir and Qasim Mahpir on 19 November 2026.', 'Kasim Mahpir', 'Qasim Mahpir'],
  ])('%s', async (body, one, other) => {
    const people = await peopleAfter(body);
    expect(people.filter(([name]) => name === one || name === other)).toEqual([
      [one, [], 'detained', null],
      [other, [], 'detained', null],
    ].sort());
  });

  it('of different ages in two sentences', async () => {
    expect(await peopleAfter('Ahmed Salman, 68, was arrested on 19 November 2026 in Sitra. Salman Ahmed, 17, was arrested on 20 November 2026.')).toEqual([
      ['Ahmed Salman', [], 'detained', 68],
      ['Salman Ahmed', [], 'detained', 17],
    ]);
  });

  it('another spelling given as such is still one person', async () => {
    expect(await peopleAfter('Kasim Mahpir (also written as Qasim Mahpir) was arrested on 19 November 2026.')).toEqual([
      ['Kasim Mahpir', ['Qasim Mahpir'], 'detained', null],
    ]);
  });
});
