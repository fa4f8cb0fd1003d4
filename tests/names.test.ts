import { describe, expect, it } from 'vitest';
import corpus from './fixtures/name-variants.json';
import { CLEAR_MATCH, PLAUSIBLE_MATCH, foldName, nameKeys, nearestNames, resolveName, scoreName } from '../src/domain/names';

interface Pair { a: string; b: string; why: string }

const isClear = (a: string, b: string) => (scoreName(a, b)?.score ?? 0) >= CLEAR_MATCH;
const isFound = (a: string, b: string) => (scoreName(a, b)?.score ?? 0) >= PLAUSIBLE_MATCH;
const shareKey = (a: string, b: string) => nameKeys(a).some((k) => nameKeys(b).includes(k));
const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)}% (${n}/${of})`;

describe('name variants corpus', () => {
  const same: Pair[] = corpus.same;
  const different: Pair[] = corpus.different;

  it('has the pairs the issue asks for', () => {
    expect(same.length).toBeGreaterThanOrEqual(60);
    expect(different.length).toBeGreaterThanOrEqual(30);
    const kinds = new Set(corpus.same.map((p) => p.kind.split('-')[0]));
    for (const kind of ['kazakh', 'uyghur', 'chinese', 'wade', 'pinyin', 'russian', 'arabic']) expect(kinds).toContain(kind);
  });

  it('finds at least 95% of the same person\'s spellings, in either order, and never takes two people for one', () => {
    const found = same.filter((p) => isFound(p.a, p.b) && isFound(p.b, p.a));
    const clear = same.filter((p) => isClear(p.a, p.b) && isClear(p.b, p.a));
    const falseClear = different.filter((p) => isClear(p.a, p.b) || isClear(p.b, p.a));
    const falseListed = different.filter((p) => isFound(p.a, p.b) || isFound(p.b, p.a));
    console.log(
      [
        `name matcher, ${same.length} pairs of one person's spellings, ${different.length} pairs of different people:`,
        `  recall (listed as a candidate): ${pct(found.length, same.length)}`,
        `  recall as a clear match:        ${pct(clear.length, same.length)}`,
        `  precision (different people not a clear match): ${pct(different.length - falseClear.length, different.length)}`,
        `  different people listed as candidates for review: ${pct(falseListed.length, different.length)}`,
        ...same.filter((p) => !found.includes(p)).map((p) => `  missed: ${p.a} / ${p.b}`),
        ...falseListed.map((p) => `  listed: ${p.a} / ${p.b} (${scoreName(p.a, p.b)?.detail})`),
      ].join('\n'),
    );
    expect(falseClear.map((p) => `${p.a} / ${p.b}`)).toEqual([]);
    expect(found.length / same.length).toBeGreaterThanOrEqual(0.95);
  });

  it('retrieves by key every pair that scoring matches, as the store only scores candidates found by key', () => {
    expect(same.filter((p) => !shareKey(p.a, p.b)).map((p) => `${p.a} / ${p.b}`)).toEqual([]);
  });

  it('never makes a clear match between names of different people anywhere in the corpus', () => {
    // Names joined by "same" pairs are one person; every other pairing is two people.
    const person = new Map<string, string>();
    const root = (n: string): string => (person.get(n) ?? n) === n ? n : root(person.get(n)!);
    for (const p of same) person.set(root(p.a), root(p.b));
    const allowed = new Set(corpus.ambiguous.flatMap((p) => [`${p.a}|${p.b}`, `${p.b}|${p.a}`]));
    const names = [...new Set([...same, ...different].flatMap((p) => [p.a, p.b]))];
    const wrong: string[] = [];
    for (const a of names) {
      for (const b of names) {
        if (root(a) !== root(b) && !allowed.has(`${a}|${b}`) && isClear(a, b)) wrong.push(`${a} / ${b}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('foldName', () => {
  it.each([
    ['Қастер Мұсаханұлы', 'qaster musakhanuly'],
    ['Ғалым Әлімұлы', 'ghalym alimuly'],
    ['Сайрагүл Сауытбай', 'sayragul sauytbay'],
    ['Орынбек Көксебек', 'orynbek koksebek'],
    ['Ильхам Тохти', 'ilkham tokhti'],
    ['Mihrigül Tursun', 'mihrigul tursun'],
    ['José Ángel Núñez', 'jose angel nunez'],
    ['刘晓波', 'liu xiaobo'],
    ['伊力哈木·土赫提', 'yilihamu tuheti'],
    ['قاسىم ماھپىر', 'qasim mahpir'],
    ['ھېمىت مەمەت', 'hemit memet'],
    ['ئادىل مىجىت', 'adil mijit'],
    ["Teng Hsiao-p'ing", 'teng hsiao ping'],
    ['  KASTER   Musakhan-uly, ', 'kaster musakhan uly'],
  ])('%s -> %s', (name, folded) => {
    expect(foldName(name)).toBe(folded);
  });
});

describe('scoreName', () => {
  it('calls the same text an exact match', () => {
    expect(scoreName('Kaster Musakhanuly', ' Kaster  Musakhanuly')).toMatchObject({ score: 1, reason: 'exact' });
  });

  it('takes a name but for case, accents and spacing as the stored name, in any script', () => {
    expect(scoreName('KASTER MUSAKHANULY', 'Kaster Musakhanuly')).toMatchObject({ reason: 'folded', detail: 'same letters ignoring case and accents' });
    expect(scoreName('Kásim  Mahpír', 'Kasim Mahpir')?.reason).toBe('folded');
    expect(scoreName('ҚАСТЕР МҰСАХАНҰЛЫ', 'Қастер Мұсаханұлы')?.reason).toBe('folded');
  });

  it('takes the same name in another script as a loose match, however alike its romanisation', () => {
    // Not one of the stored names: a writing command confirms it first. 张伟 and 章伟 are different names.
    expect(scoreName('Қастер Мұсаханұлы', 'Qaster Musakhanuly')).toMatchObject({ reason: 'variant', detail: 'the same name in another script' });
    expect(scoreName('王力雄', 'Wang Lixiong')).toMatchObject({ reason: 'variant', score: 0.97 });
    expect(scoreName('张伟', '章伟')?.reason).toBe('variant');
  });

  it('says what such names differ in: spacing alone, or other letters of the same script, not another script', () => {
    expect(scoreName('艾海提 买买提', '艾海提·买买提')).toMatchObject({ reason: 'folded', detail: 'same letters ignoring spacing and punctuation' });
    expect(scoreName('王 力雄', '王力雄')).toMatchObject({ reason: 'folded', detail: 'same letters ignoring spacing and punctuation' });
    expect(scoreName('艾米提 买买提', '艾米提买买提')).toMatchObject({ reason: 'folded', detail: 'same letters ignoring spacing and punctuation' });
    expect(scoreName('KASIM-MAHPIR', 'Kasim Mahpir')).toMatchObject({ reason: 'folded', detail: 'same letters ignoring case, accents, spacing and punctuation' });
    // Kazakh's own letters (ұ) for the Russian ones (у): one script, and not the stored name.
    expect(scoreName('Қастер Мусаханулы', 'Қастер Мұсаханұлы')).toMatchObject({ reason: 'variant', detail: 'spelling variant' });
    expect(scoreName('张伟', '章伟')).toMatchObject({ reason: 'variant', detail: 'spelling variant' });
  });

  it('takes a transliteration pair as a clear variant and says which', () => {
    const cyrillic = scoreName('Қастер Мұсаханұлы', 'Kaster Musakhanuly');
    expect(cyrillic).toMatchObject({ reason: 'variant' });
    expect(cyrillic!.score).toBeGreaterThanOrEqual(CLEAR_MATCH);
    expect(cyrillic!.detail).toContain('K/Q');
    expect(scoreName('Hemit Memet', 'Khamit Memet')!.detail).toContain('Kh/H');
  });

  it('matches given and family name swapped', () => {
    const m = scoreName('Musakhanuly Kaster', 'Kaster Musakhanuly')!;
    expect(m.score).toBeGreaterThanOrEqual(CLEAR_MATCH);
    expect(m.detail).toContain('given and family name swapped');
    expect(scoreName('Lixiong Wang', '王力雄')!.score).toBeGreaterThanOrEqual(CLEAR_MATCH);
  });

  it('matches a patronymic suffix present or not, or as a word of its own', () => {
    for (const other of ['Kaster Musakhan', 'Kaster Musakhanov', 'Kaster Musakhan uly', 'Kaster Musakhanulı']) {
      expect(scoreName('Kaster Musakhanuly', other)!.score, other).toBeGreaterThanOrEqual(CLEAR_MATCH);
    }
    expect(scoreName('Kaster Musakhanuly', 'Kaster Musakhan')!.detail).toContain('-uly');
    expect(scoreName('Ivan Petrovich Sidorov', 'Ivan Sidorov')!.detail).toContain('patronymic');
  });

  it('does not join two people who share only a family name', () => {
    expect(scoreName('Ilyas Zordun', 'Ilham Zordun')).toBeNull();
    expect(scoreName('Kaster Musakhanuly', 'Kairat Musakhanuly')).toBeNull();
    expect(scoreName('Kasim Mahpir', 'Kaster Musakhanuly')).toBeNull();
  });

  it('lists a name of one word as a candidate, never as a clear match', () => {
    const m = scoreName('Zordun', 'Ilyas Zordun')!;
    expect(m.score).toBeGreaterThanOrEqual(PLAUSIBLE_MATCH);
    expect(m.score).toBeLessThan(CLEAR_MATCH);
  });

  it('keeps a one-letter difference a candidate to confirm, not a clear match', () => {
    const m = scoreName('Xu Zhiyong', 'Xu Zhihong');
    expect(m?.score ?? 0).toBeLessThan(CLEAR_MATCH);
  });

  it('lets an initial stand for a name, as a candidate to confirm', () => {
    const m = scoreName('K. Musakhanuly', 'Kaster Musakhanuly')!;
    expect(m.score).toBeGreaterThanOrEqual(PLAUSIBLE_MATCH);
    expect(m.score).toBeLessThan(CLEAR_MATCH);
    expect(scoreName('K.', 'Kaster Musakhanuly')).toBeNull();
  });

  it('reads unvowelled Arabic script as a candidate only', () => {
    const m = scoreName('محمد عبد الله', 'Muhammad Abdullah')!;
    expect(m.score).toBeGreaterThanOrEqual(PLAUSIBLE_MATCH);
    expect(m.score).toBeLessThan(CLEAR_MATCH);
  });

  it('has nothing to say about empty or unrelated names', () => {
    expect(scoreName('', 'Kaster Musakhanuly')).toBeNull();
    expect(scoreName('???', 'Kaster Musakhanuly')).toBeNull();
    expect(scoreName('Natalya Shevchenko', 'Kaster Musakhanuly')).toBeNull();
  });
});

describe('nameKeys', () => {
  it('is short, deterministic and blind to word order and script', () => {
    const keys = nameKeys('Kaster Musakhanuly');
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.length).toBeLessThanOrEqual(12);
    expect(nameKeys('Kaster Musakhanuly')).toEqual(keys);
    expect(shareKey('Musakhanuly Kaster', 'Kaster Musakhanuly')).toBe(true);
    expect(shareKey('Қастер Мұсаханұлы', 'Kaster Musakhan')).toBe(true);
  });

  it('gives nothing to look up for a name with no letters', () => {
    expect(nameKeys('  -- ')).toEqual([]);
  });

  it('does not make unrelated names candidates of each other', () => {
    expect(shareKey('Natalya Shevchenko', 'Kaster Musakhanuly')).toBe(false);
    expect(shareKey('Kasim Mahpir', 'Hemit Memet')).toBe(false);
  });
});

describe('resolveName', () => {
  const stored = (...people: Array<[string, ...string[]]>) =>
    people.flatMap(([id, ...names]) => names.map((name) => ({ person: id, personId: id, name })));
  const uaPeople = stored(
    ['hemit', 'Hemit Memet', 'Khamit Memet'],
    ['kasim', 'Kasim Mahpir'],
    ['ilyas', 'Ilyas Zordun'],
    ['kaster', 'Kaster Musakhanuly', 'Қастер Мұсаханұлы'],
    ['murager', 'Murager Alimuly'],
  );

  it('finds one person by any of their names, by the name it matched through', () => {
    const r = resolveName('Khamit Memet', uaPeople);
    expect(r).toMatchObject({ kind: 'one', best: { person: 'hemit', name: 'Khamit Memet', match: { reason: 'exact' } } });
  });

  it('finds one person by a clear variant', () => {
    const r = resolveName('Qaster Musakhan', uaPeople);
    expect(r).toMatchObject({ kind: 'one', best: { person: 'kaster', match: { reason: 'variant' } } });
    expect(resolveName('Kasim Mehpir', uaPeople)).toMatchObject({ kind: 'one', best: { person: 'kasim' } });
  });

  it('takes a word of one name to the one person who carries it', () => {
    expect(resolveName('Mahpir', uaPeople)).toMatchObject({ kind: 'one', best: { person: 'kasim' } });
  });

  it('lists everyone a family name alone could mean', () => {
    const r = resolveName('Zordun', [...uaPeople, ...stored(['ilham', 'Ilham Zordun'])]);
    expect(r.kind).toBe('several');
    if (r.kind === 'several') expect(r.candidates.map((c) => c.person).sort()).toEqual(['ilham', 'ilyas']);
  });

  it('prefers an exact name over a near one held by someone else', () => {
    const people = stored(['a', 'Kaster Musakhanuly'], ['b', 'Qaster Musakhanuly']);
    expect(resolveName('Qaster Musakhanuly', people)).toMatchObject({ kind: 'one', best: { person: 'b' } });
  });

  it('asks when two people share the exact name', () => {
    const r = resolveName('Memet Emin', stored(['a', 'Memet Emin'], ['b', 'Memet Emin']));
    expect(r.kind).toBe('several');
  });

  it('asks when two people are equally close', () => {
    const r = resolveName('Qaster Musakhanuly', stored(['a', 'Kaster Musakhanuly'], ['b', 'Kaster Musakhanov']));
    expect(r.kind).toBe('several');
  });

  it('takes the only plausible match as a loose one, whatever its score, and lists them when there are several', () => {
    // A loose match: reading commands use it and say so, writing commands confirm it first (names-cli tests).
    expect(resolveName('Ilya Zordan', uaPeople)).toMatchObject({ kind: 'one', best: { name: 'Ilyas Zordun', match: { reason: 'variant' } } });
    expect(resolveName('Zordan', uaPeople)).toMatchObject({ kind: 'one', best: { name: 'Ilyas Zordun', match: { reason: 'variant' } } });
    const r = resolveName('Xu Zhihong', stored(['xu', 'Xu Zhiyong'], ['xl', 'Xu Zhilong']));
    expect(r).toMatchObject({ kind: 'several' });
  });

  it('always suggests names: those sharing a word spelt nearly alike, else the few nearest', () => {
    const names = ['Murager Alimuly', 'Hemit Memet', 'Kasim Mahpir', 'Ilyas Zordun'];
    expect(nearestNames('Murat', names)[0]).toBe('Murager Alimuly');
    expect(nearestNames('Nobody', names)).toHaveLength(3);
    expect(nearestNames('Nobody', [])).toEqual([]);
  });

  it('names nobody for a brother\'s name, and suggests the nearest names', () => {
    const r = resolveName('Ilham Zordun', uaPeople, [...uaPeople.map((p) => p.name), 'Natalya Shevchenko']);
    expect(r.kind).toBe('none');
    if (r.kind === 'none') {
      expect(r.nearest[0]).toBe('Ilyas Zordun');
      expect(r.nearest).not.toContain('Natalya Shevchenko');
      expect(r.nearest.length).toBeLessThanOrEqual(5);
    }
  });

  it('scores a store\'s worth of candidates quickly', () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({ person: i, personId: String(i), name: `Person${i} Family${i % 97}` }));
    const started = performance.now();
    resolveName('Kaster Musakhanuly', many);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
