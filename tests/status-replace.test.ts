// A status typed when a person was added is dated that day, so news of an earlier day cannot pass it
// by date: `status ... --replace` says it was wrong, and the note that the status stays says how.
import { describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

function desk(today: string) {
  const db = tempDb();
  const c = async (args: string[], code = 0) => {
    const r = await caselog(args, { db, today });
    expect(r.code, r.stderr).toBe(code);
    return r;
  };
  const status = async (who: string) => JSON.parse((await c(['--json', 'show', who])).stdout).status as string;
  return { c, status };
}

describe('status --replace', () => {
  it('lets news of an earlier day decide over the status typed when the person was added, and undo brings it back', async () => {
    const { c, status } = desk('1999-02-16');
    await c(['add', 'case', '--ref', 'UA 05/99', '--title', 'Disappearance']);
    await c(['add', 'person', 'Aman Berdiyev', '--case', 'UA 05/99', '--status', 'at-liberty', '--risk', 'torture']);
    const event = await c(['add', 'event', 'Aman Berdiyev', '--date', '1999-02-14', '--type', 'disappearance', '--summary', 'Last seen leaving his flat']);
    const advice = /caselog status "Aman Berdiyev" disappeared --date 1999-02-14 --replace/;
    expect(event.stderr).toMatch(advice);
    // Without --replace the change is kept as history, and not reported as taken.
    const plain = await c(['status', 'Aman Berdiyev', 'disappeared', '--date', '1999-02-14']);
    expect(plain.stderr).not.toContain('(was at-liberty)');
    expect(plain.stderr).toMatch(advice);
    expect(await status('Aman Berdiyev')).toBe('at-liberty');

    const replaced = await c(['status', 'Aman Berdiyev', 'disappeared', '--date', '1999-02-14', '--replace']);
    // The plain status put the change on the timeline already: only the recorded status goes.
    expect(replaced.stderr).toContain('disappeared on 14 February 1999 was recorded already');
    expect(replaced.stderr).toContain('dropped the status at-liberty recorded on 16 February 1999, now disappeared');
    expect(await status('Aman Berdiyev')).toBe('disappeared');
    expect((await c(['at-risk'])).stdout).toMatch(/^Aman Berdiyev {2}UA 05\/99 {2}disappeared/);

    await c(['undo']);
    expect(await status('Aman Berdiyev')).toBe('at-liberty');
  });

  it('lets the event itself decide: a deportation that arrived after the men were added as detained', async () => {
    const { c, status } = desk('1999-02-15');
    await c(['add', 'person', 'Kasim Mahpir', '--status', 'detained', '--risk', 'torture'], 0);
    await c(['--today', '1999-02-15', 'add', 'event', 'Kasim Mahpir', '--date', '1999-02-11', '--type', 'deportation', '--summary', 'Forcibly returned to China']);
    await c(['status', 'Kasim Mahpir', 'returned', '--date', '1999-02-11', '--replace']);
    expect(await status('Kasim Mahpir')).toBe('returned');
  });

  it('says so when there was no recorded status to drop', async () => {
    const { c } = desk('1999-02-16');
    await c(['add', 'person', 'Ilyas Zordun', '--risk', 'torture']);
    const r = await c(['status', 'Ilyas Zordun', 'detained', '--replace']);
    expect(r.stderr).toContain('note: --replace changed nothing more: no status was recorded for Ilyas Zordun when added or imported');
  });
});

describe('status --replace after the same status did not take', () => {
  it('drops only the recorded status: the change is on the timeline once', async () => {
    const { c, status } = desk('2020-05-01');
    await c(['add', 'person', 'Ali Veli', '--status', 'detained']);
    const first = await c(['status', 'Ali Veli', 'released', '--date', '2020-03-01']);
    expect(first.stderr).toContain('caselog status "Ali Veli" released --date 2020-03-01 --replace');
    const again = await c(['status', 'Ali Veli', 'released', '--date', '2020-03-01', '--replace']);
    expect(again.stderr).toMatch(/^Ali Veli: released on 1 March 2020 was recorded already \[e-\w+\]; dropped the status detained recorded on 1 May 2020, now released \(caselog undo brings it back\)\n$/);
    expect(await status('Ali Veli')).toBe('released');
    const { events } = JSON.parse((await c(['--json', 'timeline', 'Ali Veli'])).stdout) as { events: Array<{ type: string }> };
    expect(events.filter((e) => e.type === 'status')).toHaveLength(1);
    await c(['undo']);
    expect(await status('Ali Veli')).toBe('detained');
  });
});
