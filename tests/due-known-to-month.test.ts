// A deadline known only to its month or year falls due on its first day (spec): due says so, else
// "check before January 2020 (5 days overdue)" on 6 January read as if January were over. The
// calendar entry says it in the same words.
import ICAL from 'ical.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(['--no-color', ...args], { db, today: '2020-01-06' });

beforeEach(async () => {
  db = tempDb();
  await c(['add', 'case', '--ref', 'KZ-1', '--title', 'Musakhanuly']);
});

describe('a deadline known only to the month or year', () => {
  it('says in due, in the spec\'s sentence, why it counts from the first day', async () => {
    await c(['add', 'deadline', 'KZ-1', '--date', 'January 2020', '--note', 'asylum decision expected']);
    await c(['add', 'deadline', 'KZ-1', '--date', '2020', '--note', 'renew the permit']);
    await c(['add', 'deadline', 'KZ-1', '--date', '2020-01-10', '--note', 'hearing']);
    const due = (await c(['due'])).stdout;
    expect(due).toContain('asylum decision expected — check before January 2020 (known only to the month: due from 1 January; 5 days overdue)');
    expect(due).toContain('renew the permit — check before 2020 (known only to the year: due from 1 January; 5 days overdue)');
    expect(due).toContain('hearing — check before 10 January 2020 (in 4 days)');
  });

  it('says the same on its card and in its calendar entry', async () => {
    const { id } = JSON.parse((await c(['--json', 'add', 'deadline', 'KZ-1', '--date', 'March 2020', '--note', 'asylum decision expected'])).stdout);
    expect((await c(['show', id])).stdout).toContain('asylum decision expected \u2014 check before March 2020 (known only to the month: due from 1 March; in 55 days)');
    const [entry] = new ICAL.Component(ICAL.parse((await c(['export', '--format', 'ics'])).stdout)).getAllSubcomponents('vevent');
    expect(String(entry!.getFirstPropertyValue('description'))).toContain('Due: March 2020, known only to the month: due from 1 March\n');
  });
});
