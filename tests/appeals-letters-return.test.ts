// A letter stops pleading against forcible return once the return has happened, whatever the
// person's status since (released, detained), until news shows them abroad again.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[], today = '1999-07-01') => caselog(args, { db, today });

/** The letter's first paragraph on one line. */
async function opening(today = '1999-07-01'): Promise<string> {
  const r = await c(['appeal', 'letters', 'UA 77/98'], today);
  expect(r.code).toBe(0);
  return r.stdout.split('\n\n').find((p) => p.startsWith('I am writing'))!.replace(/\n/g, ' ');
}

beforeEach(async () => {
  db = tempDb();
  await c(['add', 'case', '--ref', 'UA 77/98', '--title', 'Fear of torture'], '1998-10-15');
  await c(['add', 'target', 'JIANG Zemin', '--title', "President of the People's Republic of China", '--address', 'Beijingshi']);
  await c(['appeal', 'plan', 'UA 77/98', '--target', 'JIANG Zemin', '--action', 'seeking assurance that he will not be tortured']);
});

describe('forcible return in appeal letters', () => {
  it('is not pleaded after a deportation, though the person was released since', async () => {
    await c(['add', 'person', 'Hemit Memet', '--case', 'UA 77/98', '--risk', 'torture', '--risk', 'refoulement'], '1998-10-15');
    await c(['add', 'event', 'Hemit Memet', '--date', '1999-02-11', '--type', 'deportation', '--summary', 'Forcibly returned to China']);
    await c(['add', 'event', 'Hemit Memet', '--date', '1999-06-01', '--type', 'release', '--summary', 'Released from detention']);
    expect(await opening('1999-02-05')).toContain('at risk of torture and forcible return');
    const after = await opening();
    expect(after).toContain('at risk of torture.');
    expect(after).not.toContain('forcible return');
  });

  it('counts a return known only to its month as past from the month\'s end, not its first day', async () => {
    await c(['add', 'person', 'Hemit Memet', '--case', 'UA 77/98', '--risk', 'torture', '--risk', 'refoulement'], '1998-10-15');
    await c(['add', 'event', 'Hemit Memet', '--date', 'February 1999', '--type', 'deportation', '--summary', 'Returned to China some day in February']);
    // Mid-February the return may not have happened yet: still pleaded; from March it surely has.
    expect(await opening('1999-02-15')).toContain('at risk of torture and forcible return');
    expect(await opening('1999-03-01')).not.toContain('forcible return');
  });

  it('is not pleaded for someone added as returned whose status was later set to released', async () => {
    await c(['add', 'person', 'Kasim Mahpir', '--case', 'UA 77/98', '--risk', 'torture', '--risk', 'refoulement', '--status', 'returned'], '1999-02-15');
    expect((await c(['status', 'Kasim Mahpir', 'released', '--date', '1999-06-01'])).code).toBe(0);
    expect(await opening()).not.toContain('forcible return');
  });

  it('is pleaded again once news after the return shows them abroad, facing return from there', async () => {
    await c(['add', 'person', 'Ilyas Zordun', '--case', 'UA 77/98', '--risk', 'torture', '--risk', 'refoulement'], '1998-10-15');
    await c(['add', 'event', 'Ilyas Zordun', '--date', '1999-02-11', '--type', 'deportation', '--summary', 'Forcibly returned to China']);
    await c(['add', 'event', 'Ilyas Zordun', '--date', '1999-05-20', '--type', 'asylum-application', '--summary', 'Applied for asylum in Kyrgyzstan']);
    expect(await opening('1999-05-01')).not.toContain('forcible return');
    expect(await opening()).toContain('at risk of torture and forcible return');
  });
});
