// What an import refusal says of a record: "edited here" only of a record changed here after it was
// made (not of an event a status change made): the label is there to warn of an edit --replace takes back.
import { describe, expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

const today = '2026-11-24';
const desk = () => {
  const db = tempDb();
  return (args: string[]) => caselog(args, { db, today });
};

describe('an import refused for events that differ here', () => {
  it('says "edited here" of an event edited here, not of one a status change made and nobody edited', async () => {
    const c = desk();
    await c(['add', 'person', 'Kasim Mahpir']);
    await c(['status', 'Kasim Mahpir', 'detained', '--date', '2026-11-01']);
    await c(['add', 'event', 'Kasim Mahpir', '--date', '2026-10-01', '--type', 'report', '--summary', 'A report']);
    const doc = JSON.parse((await c(['export'])).stdout) as { events: Array<{ id: string; type: string; place: string | null }> };
    for (const event of doc.events) event.place = 'Urumqi';
    const [status, report] = [doc.events.find((e) => e.type === 'status')!.id, doc.events.find((e) => e.type === 'report')!.id];
    expect((await c(['edit', report, '--summary', 'A report, corrected'])).code).toBe(0);
    const r = await c(['import', fileOf('placed.json', JSON.stringify(doc))]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`event ${status.slice(0, 10)} (place);`);
    expect(r.stderr).toMatch(new RegExp(`event ${report.slice(0, 10)} \\(summary, place; edited here \\d{1,2} \\w+ 2026\\)`));
  });
});
