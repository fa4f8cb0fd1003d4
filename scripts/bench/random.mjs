// Deterministic randomness, record ids and dates for the synthetic database: the same size
// always gives the same file, so timings are comparable between runs and machines.

/** mulberry32: a small, fast seeded generator returning [0, 1). */
export function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mix(x) {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const base32 = (n, length) => {
  let out = '';
  for (let i = 0; i < length; i++) {
    out = ALPHABET[n % 32] + out;
    n = Math.floor(n / 32);
  }
  return out;
};

/**
 * The id of the i-th record of a kind out of n: random-looking like caselog's own ids, but rising
 * with i, so that a section is written in id order exactly as `caselog export` writes it.
 */
export function idOf(letter, i, n) {
  const step = Math.floor(2 ** 40 / n);
  const salt = letter.charCodeAt(0) * 0x9e3779b1;
  const high = i * step + (mix(i ^ salt) % step);
  const low = mix(i + salt) * 256 + (mix(i * 31 + salt) & 255);
  return `${letter}-${base32(high, 8)}${base32(low, 8)}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAY_MS = 86400000;

/** Days since 1970-01-01 <-> {year, month, day}, in UTC so no time zone moves a date. */
export const dayNumber = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY_MS;
export function isoDay(n) {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** A date as an export carries it, at day, month or year precision, sometimes approximate. */
export function partialDate(n, r, { exactOnly = false } = {}) {
  const iso = isoDay(n);
  const [y, m, d] = [iso.slice(0, 4), +iso.slice(5, 7), +iso.slice(8, 10)];
  const roll = exactOnly ? 0 : r();
  if (roll < 0.75) {
    const text = r() < 0.8 ? `${d} ${MONTHS[m - 1]} ${y}` : `${MONTHS[m - 1].slice(0, 3)} ${d}, ${y}`;
    return { date: iso, precision: 'day', approximate: false, dateText: text };
  }
  if (roll < 0.9) {
    const approximate = r() < 0.1;
    const text = `${approximate ? 'c. ' : ''}${r() < 0.5 ? MONTHS[m - 1] : MONTHS[m - 1].slice(0, 3)} ${y}`;
    return { date: iso.slice(0, 7), precision: 'month', approximate, dateText: text };
  }
  const approximate = r() < 0.4;
  const text = approximate ? (r() < 0.5 ? `~${y}` : `c. ${y}`) : r() < 0.5 ? `during ${y}` : y;
  return { date: y, precision: 'year', approximate, dateText: text };
}

/** Picks k distinct items of a list (k small). */
export function pickSome(list, k, r) {
  if (list.length <= k) return [...list];
  const chosen = new Set();
  while (chosen.size < k) chosen.add(list[Math.floor(r() * list.length)]);
  return [...chosen];
}
