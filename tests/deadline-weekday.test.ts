// "Friday", "next Friday": a deadline named by its weekday is refused ("next" is this week's to some,
// the week after's to others), with the coming one's date to type; nothing is recorded.
import { describe, expect, it } from 'vitest';
import { parseDeadlineDate } from '../src/domain/dates';
import { caselog, tempDb } from './helpers/cli';

const tuesday = { year: 2026, month: 11, day: 24 };
const refusal = (text: string) => {
  try {
    parseDeadlineDate(text, tuesday);
  } catch (error) {
    return (error as Error).message;
  }
  return 'taken';
};

describe('a deadline given as a weekday', () => {
  it.each([
    ['Friday', 'the coming Friday is 27 November 2026; write 2026-11-27 or +3d'],
    ['next Friday', 'the coming Friday is 27 November 2026; write 2026-11-27 or +3d'],
    ['by Monday', 'the coming Monday is 30 November 2026; write 2026-11-30 or +6d'],
    ['this Sunday', 'the coming Sunday is 29 November 2026; write 2026-11-29 or +5d'],
    ['thurs', 'the coming Thursday is 26 November 2026; write 2026-11-26 or +2d'],
    ['Tuesday', 'today is a Tuesday (2026-11-24: write today), the next is 1 December 2026; write 2026-12-01 or +7d'],
  ])('"%s" is refused with the day meant to type', (text, says) => {
    expect(refusal(text)).toContain(`"${text}" names a weekday, which a deadline does not take`);
    expect(refusal(text)).toContain(says);
  });

  it('leaves dates that only hold a weekday\'s letters alone', () => {
    expect(refusal('15 March 2027')).toBe('taken');
    expect(refusal('+14d')).toBe('taken');
  });

  it('records nothing', async () => {
    const db = tempDb();
    await caselog(['add', 'case', '--ref', 'UA 5/26', '--title', 'T'], { db, today: '2026-11-24' });
    const r = await caselog(['add', 'deadline', 'UA 5/26', '--date', 'next Friday', '--note', 'call the lawyer'], { db, today: '2026-11-24' });
    expect(r).toMatchObject({ code: 1, stderr: expect.stringContaining('write 2026-11-27 or +3d') });
    expect((await caselog(['due', '--json', '--within', '365'], { db, today: '2026-11-24' })).stdout.trim()).toBe('[]');
  });
});
