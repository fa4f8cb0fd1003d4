// How at-risk orders people: the gravest risk counts whole and each other one a quarter, scaled by
// the person's situation, plus the pressure of the next deadline and of silence.
import { describe, expect, it } from 'vitest';
import { GRAVITY, urgency } from '../src/domain/urgency';
import type { Risk } from '../src/domain/types';

const heardToday = { daysSilent: 0 };

describe('urgency', () => {
  it('does not depend on the order the risks were recorded in', () => {
    const risks: Risk[] = ['unfair-trial', 'death-penalty', 'torture'];
    const scores = [risks, [...risks].reverse(), [risks[1]!, risks[0]!, risks[2]!]]
      .map((order) => urgency({ risks: order, status: 'at-liberty', ...heardToday }));
    expect(new Set(scores).size).toBe(1);
  });

  it('raises a grave risk by less when a lesser one joins it than the lesser one counts alone', () => {
    const of = (risks: Risk[]) => urgency({ risks, status: 'at-liberty', ...heardToday });
    const raise = of(['death-penalty', 'unfair-trial']) - of(['death-penalty']);
    expect(raise).toBeGreaterThan(0);
    expect(raise).toBeLessThan(of(['unfair-trial']) - of([]));
  });

  it('puts one grave risk above several lesser ones that weigh more together', () => {
    const grave = urgency({ risks: ['death-penalty'], status: 'at-liberty', ...heardToday });
    const lesser = urgency({ risks: ['unfair-trial', 'health', 'ill-treatment'], status: 'at-liberty', ...heardToday });
    expect(GRAVITY['unfair-trial'] + GRAVITY.health + GRAVITY['ill-treatment']).toBeGreaterThan(GRAVITY['death-penalty']);
    expect(grave).toBeGreaterThan(lesser);
  });

  it('weighs the same risks more for someone disappeared than for someone released', () => {
    const of = (status: 'disappeared' | 'detained' | 'released') => urgency({ risks: ['torture'], status, ...heardToday });
    expect(of('disappeared')).toBeGreaterThan(of('detained'));
    expect(of('detained')).toBeGreaterThan(of('released'));
  });

  it('rises as a deadline nears and most when it has passed', () => {
    const at = (daysToDeadline?: number) => urgency({ risks: ['torture'], status: 'detained', daysToDeadline, ...heardToday });
    const nearest = [-1, 3, 20, 90].map(at);
    for (let i = 1; i < nearest.length; i++) expect(nearest[i - 1]).toBeGreaterThan(nearest[i]!);
    expect(at(90)).toBeGreaterThan(at(undefined));
  });

  it('treats long silence as a warning, and no news at all as the loudest', () => {
    const after = (daysSilent?: number) => urgency({ risks: ['torture'], status: 'detained', daysSilent });
    expect(after(365 * 3)).toBeGreaterThan(after(30));
    expect(after(30)).toBeGreaterThan(after(0));
    expect(after(undefined)).toBeGreaterThanOrEqual(after(365 * 50));
  });

  it('raises a fresh change into danger (taken, sentenced, sent back, gone) as a deadline that near does, and only that', () => {
    const at = (status: 'returned' | 'imprisoned' | 'released' | 'in-hiding', daysInStatus?: number) =>
      urgency({ risks: ['torture'], status, daysInStatus, ...heardToday });
    expect(at('returned', 0)).toBeGreaterThan(at('returned', 10));
    expect(at('returned', 10)).toBeGreaterThan(at('returned', 200));
    expect(at('returned', 200)).toBe(at('returned', undefined));
    expect(at('imprisoned', 3)).toBeGreaterThan(at('imprisoned', 60));
    // Out of danger, or hiding: no news to act on at once.
    expect(at('released', 1)).toBe(at('released', 400));
    expect(at('in-hiding', 1)).toBe(at('in-hiding', 400));
  });

  it('puts a man sentenced to death yesterday above one detained a month whose follow-up is two weeks overdue', () => {
    const sentenced = urgency({ risks: ['death-penalty', 'torture', 'unfair-trial'], status: 'imprisoned', daysToDeadline: 10, daysSilent: 1, daysInStatus: 1 });
    const waiting = urgency({ risks: ['torture', 'arbitrary-detention'], status: 'detained', daysToDeadline: -14, daysSilent: 23, daysInStatus: 23 });
    expect(sentenced).toBeGreaterThan(waiting);
  });

  it('puts someone detained or disappeared above someone at liberty facing the same risk whose case has a deadline overdue, whatever the news', () => {
    for (const daysSilent of [0, 10, 60, 365, 3650, undefined]) {
      const free = urgency({ risks: ['torture'], status: 'at-liberty', daysToDeadline: -6, daysSilent });
      for (const status of ['disappeared', 'detained', 'returned', 'imprisoned'] as const) {
        expect(urgency({ risks: ['torture'], status, daysSilent }), `${status}, ${daysSilent} days`).toBeGreaterThan(free);
      }
    }
  });

  it('puts a year without news above someone heard from yesterday whose follow-up is this week, same risk and status', () => {
    const silentAYear = urgency({ risks: ['torture'], status: 'detained', daysSilent: 395 });
    const heardYesterday = urgency({ risks: ['torture'], status: 'detained', daysSilent: 1, daysToDeadline: 5 });
    expect(silentAYear).toBeGreaterThan(heardYesterday);
  });

  it('still puts an arrest this week above one months ago with nothing heard since', () => {
    const arrestedThisWeek = urgency({ risks: ['torture'], status: 'detained', daysSilent: 3, daysInStatus: 3 });
    const arrestedLongAgo = urgency({ risks: ['torture'], status: 'detained', daysSilent: 200, daysInStatus: 200 });
    expect(arrestedThisWeek).toBeGreaterThan(arrestedLongAgo);
  });
});

