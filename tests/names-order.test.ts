// Ties in a list (at-risk's equal urgencies, candidates of equal score) break by name, read as a
// person reads it: accents and case do not move a name away from its letters.
import { describe, expect, it } from 'vitest';
import { compareNames } from '../src/domain/names-order';

describe('compareNames', () => {
  it('puts accented and capitalised names among their plain letters', () => {
    expect(['Zhang Wei', 'Ólafur Arnalds', 'oleg Petrov', 'Adam Ng', 'Émile Roux'].sort(compareNames))
      .toEqual(['Adam Ng', 'Émile Roux', 'Ólafur Arnalds', 'oleg Petrov', 'Zhang Wei']);
  });

  it('orders names that differ only in accents or case the same way every time', () => {
    // Same letters: the exact spelling decides, capitals first, then the accented form.
    expect(['jose Nunez', 'José Núñez', 'Jose Nunez'].sort(compareNames)).toEqual(['Jose Nunez', 'José Núñez', 'jose Nunez']);
    expect(compareNames('José Núñez', 'José Núñez')).toBe(0);
  });

  it('keeps each script in its alphabet order', () => {
    expect(['Сергей', 'Алексей', 'Борис'].sort(compareNames)).toEqual(['Алексей', 'Борис', 'Сергей']);
  });
});
