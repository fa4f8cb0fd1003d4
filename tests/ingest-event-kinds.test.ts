// What kind of happening ingest proposes: the sentencing a statement condemns, a transfer between
// prisons, a return dated apart from a death told later, an extradition request the document gives no date.
import { describe, expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

interface Proposal { kind: string; type?: string; date?: string; people?: Array<{ id: string | null; name: string }>; text: string }

const proposals = async (text: string): Promise<Proposal[]> => {
  const r = await caselog(['ingest', fileOf('doc.txt', text), '--dry-run', '--json'], { db: tempDb(), today: '2026-11-22' });
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as { candidates: Proposal[] }).candidates;
};
const events = (found: Proposal[]) => found.filter((c) => c.kind === 'event').map((c) => [c.date, c.type, c.people?.map((q) => q.name)]);

describe('ingest reads the kind of happening', () => {
  it('takes "condemns the sentencing of X on DATE to N years" as the sentence, which makes them imprisoned', async () => {
    const db = tempDb();
    const doc = fileOf('jailed.txt', 'Egypt: Student jailed\n\nCairo, 3 October 2023 \u2014 We deplore the sentencing of student Nour Fathy on 1 October 2023 to four years in prison for a post.\n');
    const r = await caselog(['ingest', doc, '--yes'], { db, today: '2026-11-22' });
    expect(r.code).toBe(0);
    expect((await caselog(['list', 'people'], { db, today: '2026-11-22' })).stdout).toMatch(/Nour Fathy +imprisoned/);
    expect(events(await proposals('Cairo, 3 October 2023 \u2014 We deplore the sentencing of student Nour Fathy on 1 October 2023 to four years in prison.\n')))
      .toContainEqual(['2023-10-01', 'sentence', ['Nour Fathy']]);
  });

  it('reads a move to a colony as no new sentence, though a clause says who was sentenced', async () => {
    const found = await proposals('Regional news, 9 March 2022\n\nDina Sapar and Aset Nurova, the two women convicted in Taraz, were transferred to a penal colony near Shymkent on 4 March 2022.\n');
    expect(events(found)).toEqual([['2022-03-04', 'other', ['Dina Sapar', 'Aset Nurova']]]);
  });

  it('dates the return by its clause and proposes the death told without a day on the document\'s date', async () => {
    const found = await proposals('Refugee news, 10 June 2021\n\nRahim Tohtiyev, a Uyghur refugee deported from Turkey in 2017, was found dead in detention in Kashgar, his brother said.\n');
    expect(events(found)).toContainEqual(['2017', 'deportation', ['Rahim Tohtiyev']]);
    const death = found.find((c) => c.kind === 'event' && c.date === '2021-06-10');
    expect(death?.people?.map((q) => q.name)).toEqual(['Rahim Tohtiyev']);
    expect(death?.text).toContain('found dead in detention');
    expect(found.some((c) => c.kind === 'event' && c.date === '2017' && c.type === 'report')).toBe(false);
  });

  it('proposes an extradition request told without a date on the document\'s date', async () => {
    const found = await proposals('Joint statement, 22 April 2022\n\nOn 19 April 2022 police in Almaty detained Bekzod Rakhimov. Uzbekistan has asked for his extradition. Tashkent has requested the extradition of Bekzod Rakhimov.\n');
    expect(events(found)).toContainEqual(['2022-04-22', 'extradition-request', ['Bekzod Rakhimov']]);
  });

  it('keeps an arrest or detention that ends in being taken to a detention centre or prison: not a transfer', async () => {
    const found = events(await proposals('Bishkek, 12 March 2024\n\nTimur Asanov, a journalist, was arrested and taken to a detention centre on 8 March 2024.\n\n'
      + 'Nurzhan Abenov was detained and taken to prison on 10 March 2024.\n\nSaule Dzhumabaeva, sentenced in Taraz, was moved to a prison colony on 11 March 2024.\n'));
    expect(found).toEqual([
      ['2024-03-08', 'arrest', ['Timur Asanov']],
      ['2024-03-10', 'detention', ['Nurzhan Abenov']],
      ['2024-03-11', 'other', ['Saule Dzhumabaeva']],
    ]);
  });
});

