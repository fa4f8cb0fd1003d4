// Appeal letters for the worked example (golden files), and letters for targets that lack details
// or whose addresses are in other scripts.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { salutationFor } from '../src/render/letter-phrases';
import { DEMO, ROOT, caselog, spawnCaselog, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[], env: Record<string, string> = {}) => caselog(args, { db, today: '2026-11-22', env });
const FROM = ['--from', 'Jane Doe', '--from', '12 High Street', '--from', 'London N1 9AA', '--from', 'United Kingdom'];
const GOLDEN = join(ROOT, 'tests', 'fixtures', 'letters');

/** Compares with the golden file; UPDATE_GOLDEN=1 rewrites it (then read it before committing). */
function golden(name: string, actual: string) {
  const path = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, actual);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

const lettersOf = (out: string) => out.split(/^(?:====|##) Letter \d+ of \d+: .*$\n\n/m).filter((s) => s.trim() !== '');

beforeEach(async () => {
  db = tempDb();
  expect((await c(['import', DEMO])).code).toBe(0);
});

describe('letters for UA 77/98', () => {
  it('renders the six plain-text letters as in the golden file, each on one page', async () => {
    const r = await c(['appeal', 'letters', 'UA 77/98', ...FROM]);
    expect(r.code).toBe(0);
    golden('ua-77-98.txt', r.stdout);
    const letters = lettersOf(r.stdout);
    expect(letters).toHaveLength(6);
    for (const letter of letters) {
      expect(letter.split('\n').length).toBeLessThanOrEqual(56);
      expect(letter).toContain('22 November 2026');
      expect(letter).toContain('On 11 February 1999, they were forcibly returned to China');
      expect(letter).not.toMatch(/undefined|null|\[object/);
    }
    expect(letters[0]).toMatch(/^Jane Doe\n12 High Street\n/);
    expect(letters[0]).toContain("President of the People's Republic of China\nJIANG Zemin Guojia Zhuxi\nBeijingshi\n");
    expect(letters[0]).toContain('Your Excellency,');
    expect(letters[0]).toContain('I respectfully seek immediate assurance from the Chinese authorities');
    expect(letters[0]).not.toContain('Kazakstan has violated');
    expect(letters[5]).toContain('Dear Minister,');
    expect(letters[5]).toContain('Fax: (7 3172) 32 42 64\n');
    expect(letters[5]).toContain('I wish to express concern that the government of Kazakstan has violated');
    expect(letters[5]).not.toContain('Chinese authorities');
  });

  it('renders the Markdown letters as in the golden file', async () => {
    const r = await c(['appeal', 'letters', 'UA 77/98', '--format', 'md', ...FROM]);
    expect(r.code).toBe(0);
    golden('ua-77-98.md', r.stdout);
    expect(lettersOf(r.stdout)).toHaveLength(6);
    expect(r.stdout).toMatch(/^## Letter 1 of 6: JIANG Zemin, President of the People's Republic of China\n\nJane Doe\\\n/);
    expect(r.stdout).toContain("Minister of Foreign Affairs of the Republic of Kazakstan\\\nKasymzhomart Kemel-uly\\\n");
    expect(r.stdout).toContain('**Re: Hemit Memet, Kasim Mahpir and Ilyas Zordun**');
  });

  it('writes one file a target with --out, prints their paths, and keeps them private', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'caselog-letters-')), 'letters');
    const r = await c(['appeal', 'letters', 'UA 77/98', '--out', out, ...FROM]);
    expect(r.code).toBe(0);
    const paths = r.stdout.trim().split('\n');
    expect(paths).toHaveLength(6);
    expect(paths[0]).toBe(join(out, 'ua-77-98-1-jiang-zemin.txt'));
    expect(readdirSync(out).sort()).toEqual(paths.map((p) => p.slice(out.length + 1)).sort());
    const printed = lettersOf((await c(['appeal', 'letters', 'UA 77/98', ...FROM])).stdout);
    expect(readFileSync(paths[5]!, 'utf8')).toBe(printed[5]!.replace(/\n$/, '') + '\n');
    expect(statSync(paths[0]!).mode & 0o777).toBe(0o600);
  });

  it('leaves a space for the sender when --from is not given, and says so', async () => {
    const r = await c(['appeal', 'letters', 'UA 77/98', '--target', 'TOKAYEV']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\[Your name\]\n\[Your address\]\n\n22 November 2026\n/);
    expect(r.stdout).not.toContain('==== Letter');
    expect(r.stderr).toContain('no --from given');
  });

  it('tells only the news known on the letter\'s day', async () => {
    const earlier = (await caselog(['appeal', 'letters', 'UA 77/98', '--target', 'JIANG Zemin'], { db, today: '1999-02-05' })).stdout;
    expect(earlier).toContain('5 February 1999');
    expect(earlier).not.toContain('11 February 1999');
    expect(earlier).toContain('The latest news I have of them dates from about 1998');
    expect((await c(['appeal', 'letters', 'UA 77/98', '--target', 'JIANG Zemin'])).stdout).toContain('On 11 February 1999, they were forcibly returned');
  });

  it('does not state one date as fact where reports of it vary: the earliest, as about', async () => {
    expect((await c(['add', 'source', '--title', 'Human Rights Watch report', '--ref', 'HRW-1'])).code).toBe(0);
    expect((await c(['add', 'event', 'Hemit Memet', 'Kasim Mahpir', 'Ilyas Zordun', '--date', '14 February 1999', '--type', 'deportation',
      '--summary', 'Forcibly returned to China', '--source', 'HRW-1'])).code).toBe(0);
    const r = await c(['appeal', 'letters', 'UA 77/98', '--target', 'JIANG Zemin']);
    const letter = r.stdout.replace(/\s+/g, ' ');
    expect(letter).toMatch(/Around 11 February 1999, they were forcibly returned to China/i);
    expect(r.stderr).not.toContain('left out');
    expect(letter).not.toContain('On 14 February 1999');
  });

  it("never quotes the caseworker's own notes to the authorities: only news that cites a source", async () => {
    expect((await c(['risk', 'Kasim Mahpir', '--add', 'health', '--date', '2026-11-20', '--note', 'his brother told the family he is ill; do not cite'])).code).toBe(0);
    expect((await c(['status', 'Ilyas Zordun', 'disappeared', '--date', '2026-11-21', '--note', 'cousin in Ghulja says he was taken away'])).code).toBe(0);
    const r = await c(['appeal', 'letters', 'UA 77/98', '--target', 'JIANG Zemin']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/do not cite|cousin in Ghulja|risks: added/);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('On 11 February 1999, they were forcibly returned');
    expect(r.stderr).toMatch(/never quote your notes on a status or risk change: the newest of Kasim Mahpir, Ilyas Zordun is one, left out/);
    // Citing a source for such a change does not make its note quotable.
    const noteEvent = JSON.parse((await c(['--json', 'timeline', 'Kasim Mahpir'])).stdout).events.find((e: { summary: string }) => e.summary.includes('do not cite'));
    expect((await c(['add', 'source', '--title', 'Family call', '--ref', 'FAM-1'])).code).toBe(0);
    expect((await c(['edit', noteEvent.id, '--source', 'FAM-1'])).code).toBe(0);
    const cited = await c(['appeal', 'letters', 'UA 77/98', '--target', 'JIANG Zemin']);
    expect(cited.code).toBe(0);
    expect(cited.stdout.replace(/\s+/g, ' ')).toContain('I am writing to express my deep concern');
    expect(cited.stdout).not.toContain('do not cite');
    // Nor after an export and an import into another database, which carries no change log.
    const moved = join(mkdtempSync(join(tmpdir(), 'caselog-moved-')), 'all.json');
    writeFileSync(moved, (await c(['export'])).stdout);
    const elsewhere = tempDb();
    expect((await caselog(['import', moved], { db: elsewhere, today: '2026-11-22' })).code).toBe(0);
    const there = await caselog(['appeal', 'letters', 'UA 77/98', '--target', 'JIANG Zemin'], { db: elsewhere, today: '2026-11-22' });
    expect(there.code).toBe(0);
    expect(there.stdout.replace(/\s+/g, ' ')).toContain('I am writing to express my deep concern');
    expect(there.stdout).not.toContain('do not cite');
    // News with no source is left out too, and said to be, with how to cite one.
    expect((await c(['add', 'event', 'Hemit Memet', '--date', '2026-11-19', '--type', 'statement', '--summary', 'Family visited him'])).code).toBe(0);
    const plain = await c(['appeal', 'letters', 'UA 77/98', '--target', 'JIANG Zemin']);
    expect(plain.stdout).not.toContain('Family visited');
    expect(plain.stderr).toMatch(/the letters quote only news that cites a source: left out Hemit Memet's of 19 November 2026 \(e-\w+\); to quote one, cite its source: caselog edit EVENT --source SRC/);
    // The same news with a source is quoted.
    expect((await c(['add', 'source', '--title', 'Radio Free Asia report', '--ref', 'RFA-1'])).code).toBe(0);
    expect((await c(['add', 'event', 'Ilyas Zordun', '--date', '2026-11-21', '--type', 'disappearance', '--summary', 'Taken away by plain-clothes police in Ghulja', '--source', 'RFA-1'])).code).toBe(0);
    const sourced = await c(['appeal', 'letters', 'UA 77/98', '--target', 'JIANG Zemin']);
    expect(sourced.stdout.replace(/\s+/g, ' ')).toContain('On 21 November 2026, Ilyas Zordun was taken away by plain-clothes police in Ghulja');
    expect(sourced.stdout).not.toContain('cousin in Ghulja');
  });

  it('pleads against forcible return only before the return: a letter dated back still asks it', async () => {
    for (const name of ['Hemit Memet', 'Kasim Mahpir', 'Ilyas Zordun']) await c(['risk', name, '--add', 'refoulement', '--date', '1998-10-15']);
    const before = (await caselog(['appeal', 'letters', 'UA 77/98', '--target', 'JIANG Zemin'], { db, today: '1999-02-05' })).stdout;
    const firstParagraph = (letter: string) => letter.split('\n\n').find((p) => p.startsWith('I am writing'))!.replace(/\n/g, ' ');
    expect(firstParagraph(before)).toContain('forcible return');
    const after = (await c(['appeal', 'letters', 'UA 77/98', '--target', 'JIANG Zemin'])).stdout;
    expect(firstParagraph(after)).not.toContain('forcible return');
  });

  it('keeps pleading while a status known only to the year may not have begun on the letter\'s day', async () => {
    expect((await c(['add', 'person', 'Erlan Serikuly', '--case', 'UA 77/98', '--risk', 'refoulement'])).code).toBe(0);
    expect((await c(['status', 'Erlan Serikuly', 'returned', '--date', '1999'])).code).toBe(0);
    const early = await caselog(['appeal', 'letters', 'UA 77/98', '--target', 'JIANG Zemin'], { db, today: '1999-02-05' });
    expect(early.code).toBe(0);
    expect(early.stdout.replace(/\s+/g, ' ')).toMatch(/Erlan Serikuly (is|are) at risk of[^.]*forcible return/);
  });

  it('refuses a case without a plan, and an unknown target with the nearest ones', async () => {
    const none = await c(['appeal', 'letters', 'KZ 2019/12']);
    expect(none).toMatchObject({ code: 1, stdout: '' });
    expect(none.stderr).toContain('no appeal plan for KZ 2019/12');
    const unknown = await c(['appeal', 'letters', 'UA 77/98', '--target', 'Tokaev']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no target "Tokaev"; nearest: Kasymzhomart Kemel-uly TOKAYEV/);
  });
});

describe('letters plead only for the people still at risk', () => {
  const ALL_RISKS = ['arbitrary-detention', 'death-penalty', 'torture', 'unfair-trial'];
  const noRisks = (name: string) => c(['risk', name, ...ALL_RISKS.flatMap((r) => ['--remove', r])]);
  const opening = (letter: string) => letter.split('\n\n').find((p) => p.startsWith('I am writing'))!.replace(/\n/g, ' ');

  it('leaves out the dead and the protected, and says so', async () => {
    expect((await c(['status', 'Hemit Memet', 'deceased'])).code).toBe(0);
    expect((await c(['status', 'Ilyas Zordun', 'protected'])).code).toBe(0);
    const r = await c(['appeal', 'letters', 'UA 77/98', '--target', 'TOKAYEV', ...FROM]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('left out of the letters, no longer at risk: Hemit Memet (deceased), Ilyas Zordun (protected)\n');
    expect(r.stdout).toContain('Re: Kasim Mahpir\n');
    expect(opening(r.stdout)).toBe('I am writing to express my deep concern for Kasim Mahpir, who I fear is at risk of torture, '
      + 'the death penalty, arbitrary detention and an unfair trial.');
    expect(r.stdout).toContain('On 11 February 1999, he was forcibly returned to China');
    // The demo's request to Kazakstan names all three men in the caseworker's own words: pointed out, not rewritten.
    expect(r.stdout.replace(/I wish to express concern that the government of Kazakstan[^]*?\n\n/, '')).not.toMatch(/Hemit|Ilyas|\bthey\b/);
    expect(r.stderr).toContain("the plan's requests still name Hemit Memet, Ilyas Zordun: review them with caselog appeal plan");

    await c(['status', 'Kasim Mahpir', 'protected']);
    await c(['status', 'Ilyas Zordun', 'detained']);
    await noRisks('Ilyas Zordun');
    await c(['risk', 'Ilyas Zordun', '--add', 'refoulement']);
    const again = await c(['appeal', 'letters', 'UA 77/98', '--target', 'TOKAYEV']);
    expect(again.stderr).toContain('left out of the letters, no longer at risk: Hemit Memet (deceased), Kasim Mahpir (protected)\n');
    expect(opening(again.stdout)).toBe('I am writing to express my deep concern for Ilyas Zordun, who I fear is at risk of forcible return.');
  });

  it("points out a request that names someone left out in another script, or in copies-to", async () => {
    await c(['person', 'alias', 'Hemit Memet', '艾海提']);
    await c(['status', 'Hemit Memet', 'deceased']);
    expect((await c(['appeal', 'plan', 'UA 77/98', '--replace', '--target', 'TOKAYEV', '--action', 'urging that 艾海提 be accounted for'])).code).toBe(0);
    const r = await c(['appeal', 'letters', 'UA 77/98', '--target', 'TOKAYEV', ...FROM]);
    expect(r.stderr).toContain("the plan's requests still name Hemit Memet");
  });

  it("gives each person their own risks, never another's", async () => {
    await noRisks('Ilyas Zordun');
    await c(['risk', 'Ilyas Zordun', '--add', 'refoulement', '--add', 'health']);
    await c(['risk', 'Kasim Mahpir', '--remove', 'death-penalty']);
    const r = await c(['appeal', 'letters', 'UA 77/98', '--target', 'JIANG Zemin', ...FROM]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Re: Hemit Memet, Kasim Mahpir and Ilyas Zordun\n');
    expect(opening(r.stdout)).toBe('I am writing to express my deep concern for Hemit Memet, Kasim Mahpir and Ilyas Zordun. '
      + 'I fear that Hemit Memet is at risk of torture, the death penalty, arbitrary detention and an unfair trial, '
      + 'and that Kasim Mahpir is at risk of torture, arbitrary detention and an unfair trial, '
      // Returned already (demo data): forcible return is no longer what he is at risk of.
      + 'and that Ilyas Zordun is at risk of serious harm to their health.');
  });

  it('writes for someone with no risks recorded, naming no risk for them, and says so', async () => {
    await noRisks('Ilyas Zordun');
    const r = await c(['appeal', 'letters', 'UA 77/98', '--target', 'TOKAYEV', ...FROM]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('no risks recorded for Ilyas Zordun: the letters name no risk for them');
    expect(opening(r.stdout)).toMatch(/^I am writing to express my deep concern for Hemit Memet, Kasim Mahpir and Ilyas Zordun\. I fear that Hemit Memet and Kasim Mahpir are at risk of torture, the death penalty, arbitrary detention and an unfair trial\./);
    await noRisks('Hemit Memet');
    await noRisks('Kasim Mahpir');
    const none = await c(['appeal', 'letters', 'UA 77/98', '--target', 'TOKAYEV', ...FROM]);
    expect(none.code).toBe(0);
    expect(opening(none.stdout)).toMatch(/^I am writing to express my deep concern for Hemit Memet, Kasim Mahpir and Ilyas Zordun\.( |$)/);
    expect(opening(none.stdout)).not.toContain('at risk of');
  });

  it('refuses, writing nothing, when nobody in the case is at risk any more', async () => {
    await c(['status', 'Hemit Memet', 'deceased']);
    await c(['status', 'Kasim Mahpir', 'protected']);
    await c(['status', 'Ilyas Zordun', 'protected']);
    const out = join(mkdtempSync(join(tmpdir(), 'caselog-letters-')), 'letters');
    const r = await c(['appeal', 'letters', 'UA 77/98', '--out', out, ...FROM]);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toBe('caselog: nobody in UA 77/98 is at risk any more: Hemit Memet (deceased), Kasim Mahpir (protected), '
      + 'Ilyas Zordun (protected); no letters written\n');
    expect(existsSync(out)).toBe(false);
  });
});

describe('letters --out', () => {
  it('refuses a file where a folder is wanted, in one line', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'caselog-letters-')), 'a-file');
    writeFileSync(file, '');
    const r = await c(['appeal', 'letters', 'UA 77/98', '--out', file, ...FROM]);
    expect(r).toMatchObject({ code: 1, stderr: `caselog: ${file} is a file: --out takes a folder for the letters\n` });
  });
});

describe('targets with less, or in other scripts', () => {
  it('renders a target with no fax, email or salutation cleanly', async () => {
    await c(['add', 'target', 'Kairat Abdrakhmanov', '--title', 'Minister of Foreign Affairs of the Republic of Kazakhstan',
      '--address', 'Ministry of Foreign Affairs\\nAstana 010000\\nKazakhstan']);
    await c(['appeal', 'plan', 'KZ 2019/12', '--target', 'Kairat Abdrakhmanov', '--action', 'urging the authorities not to return the two men to China;']);
    const r = await c(['appeal', 'letters', 'KZ 2019/12', '--from', 'Jane Doe']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('22 November 2026\n\nKairat Abdrakhmanov\nMinister of Foreign Affairs of the Republic of Kazakhstan\n'
      + 'Ministry of Foreign Affairs\nAstana 010000\nKazakhstan\n\nDear Minister,\n');
    expect(r.stdout).not.toMatch(/Fax|Email|undefined|null/);
    expect(r.stdout).toContain('On 21 January 2020, they were sentenced to one year in prison');
    expect(r.stdout).toContain('I respectfully urge the authorities not to return the two men to China.\n');
    expect(r.stdout).not.toMatch(/\n\n\n\n/);
  });

  it.each([
    ['President of the Republic of Kazakhstan', 'Your Excellency'],
    ["President of the Supreme People's Court of the People's Republic of China", 'Dear President'],
    ['Minister of Justice', 'Dear Minister'],
    ['Deputy Minister of Internal Affairs', 'Dear Minister'],
    ['Prime Minister of the Kyrgyz Republic', 'Dear Prime Minister'],
    ['Chairman of the National Security Committee', 'Dear Chairman'],
    ['Prosecutor General', 'Dear Prosecutor General'],
    ['Head of the Migration Service', 'Dear Sir or Madam'],
  ])('greets "%s" as "%s" when no salutation is stored', (title, expected) => {
    expect(salutationFor({ id: 't-x', name: 'X', title, address: ['A'] })).toBe(expected);
  });

  it('keeps addresses in Cyrillic and Chinese characters intact, through letters and export/import', async () => {
    const cyrillic = ['Министерство иностранных дел', 'ул. Мира, 10', 'г. Астана, Республика Казахстан'];
    const chinese = ['中华人民共和国最高人民法院', '北京市东交民巷27号', '邮编 100726'];
    await c(['add', 'target', 'Касым-Жомарт Токаев', '--title', 'Министр иностранных дел', '--language', 'ru',
      ...cyrillic.flatMap((l) => ['--address', l])]);
    await c(['add', 'target', '肖扬', '--title', '最高人民法院院长', '--address', chinese.join('\n')]);
    await c(['appeal', 'plan', 'UA 77/98', '--target', 'Токаев', '--target', '肖扬']);
    const letters = (await c(['appeal', 'letters', 'UA 77/98', '--target', 'Касым-Жомарт Токаев', '--target', '肖扬'])).stdout;
    expect(letters).toContain(`Министр иностранных дел\n${cyrillic.join('\n')}\n`);
    expect(letters).toContain(`肖扬\n最高人民法院院长\n${chinese.join('\n')}\n`);
    const listed = JSON.parse((await c(['--json', 'list', 'targets'])).stdout) as Array<{ name: string; address: string[] }>;
    expect(listed.find((t) => t.name === '肖扬')!.address).toEqual(chinese);

    const first = (await c(['export', '--format', 'json'])).stdout;
    const copy = tempDb();
    const file = join(mkdtempSync(join(tmpdir(), 'caselog-export-')), 'e.json');
    writeFileSync(file, first);
    expect((await caselog(['import', file], { db: copy })).code).toBe(0);
    const second = (await caselog(['export', '--format', 'json'], { db: copy })).stdout;
    expect(second).toBe(first);
    const again = JSON.parse((await caselog(['--json', 'list', 'targets'], { db: copy })).stdout) as Array<{ name: string; address: string[] }>;
    expect(again.find((t) => t.name === 'Касым-Жомарт Токаев')!.address).toEqual(cyrillic);
  });
});

describe('templates', () => {
  it('uses the user\'s copies from CASELOG_TEMPLATES, by language first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'caselog-templates-'));
    writeFileSync(join(dir, 'letter.ru.txt.eta'), 'Уважаемый министр! <%= it.people.map((p) => p.name).join(", ") %>\n');
    await c(['add', 'target', 'Kasymzhomart TOKAYEV', '--title', 'Minister', '--address', 'Astana', '--language', 'ru']);
    await c(['appeal', 'plan', 'UA 77/98', '--replace', '--target', 'Minister', '--target', 'JIANG Zemin']);
    const r = await c(['appeal', 'letters', 'UA 77/98'], { CASELOG_TEMPLATES: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Уважаемый министр! Hemit Memet, Kasim Mahpir, Ilyas Zordun\n');
    expect(r.stdout).toContain('Your Excellency,');
  });

  it('says on one line a language that has no template, and that its letters are in English', async () => {
    await c(['add', 'target', 'Prosecutor General', '--title', 'Prosecutor General of the Republic of Kazakhstan', '--address', 'Astana', '--language', 'ru']);
    await c(['add', 'target', 'ZHANG Wei', '--title', 'Procurator-General', '--address', 'Beijing', '--language', 'zh']);
    await c(['appeal', 'plan', 'UA 77/98', '--replace', '--target', 'Prosecutor General', '--target', 'ZHANG Wei', '--target', 'JIANG Zemin',
      '--action', 'calling for the immediate release of all three men']);
    const r = await c(['appeal', 'letters', 'UA 77/98', ...FROM]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('no Russian letter template: the letter to Prosecutor General is in English; '
      + 'put letter.ru.txt.eta in a folder and set CASELOG_TEMPLATES to it to write one\n'
      + 'no Chinese letter template: the letter to ZHANG Wei is in English; '
      + 'put letter.zh.txt.eta in a folder and set CASELOG_TEMPLATES to it to write one\n');
    expect(lettersOf(r.stdout)).toHaveLength(3);
    // With a folder of the user's own that has the Russian one, only Chinese is missing, from that folder.
    const dir = mkdtempSync(join(tmpdir(), 'caselog-templates-'));
    writeFileSync(join(dir, 'letter.ru.txt.eta'), '\u0423\u0432\u0430\u0436\u0430\u0435\u043c\u044b\u0439 <%= it.target.name %>\n');
    const mine = await c(['appeal', 'letters', 'UA 77/98', ...FROM], { CASELOG_TEMPLATES: dir });
    expect(mine.stderr).toBe(`no Chinese letter template: the letter to ZHANG Wei is in English; put letter.zh.txt.eta in ${dir} to write one\n`);
    expect(mine.stdout).toContain('\u0423\u0432\u0430\u0436\u0430\u0435\u043c\u044b\u0439 Prosecutor General\n');
    // A language given by its name ("Russian") is its code's template.
    expect((await c(['edit', 'Prosecutor General', '--language', 'Russian'])).code).toBe(0);
    const named = await c(['appeal', 'letters', 'UA 77/98', ...FROM], { CASELOG_TEMPLATES: dir });
    expect(named.stderr).not.toContain('Russian');
    expect(named.stdout).toContain('\u0423\u0432\u0430\u0436\u0430\u0435\u043c\u044b\u0439 Prosecutor General\n');
  });

  it('refuses a CASELOG_TEMPLATES that is no folder (exit 1), as a bad CASELOG_TODAY is, and writes no letter', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'caselog-letters-')), 'letters');
    const missing = join(tmpdir(), 'caselog-no-such-templates');
    const r = await c(['appeal', 'letters', 'UA 77/98', '--out', out, ...FROM], { CASELOG_TEMPLATES: missing });
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toBe(`caselog: CASELOG_TEMPLATES: there is no folder ${missing}: set it to the folder of your letter templates, or unset it for the built-in ones\n`);
    expect(existsSync(out)).toBe(false);
    const file = join(mkdtempSync(join(tmpdir(), 'caselog-templates-')), 'letter.txt.eta');
    writeFileSync(file, 'x');
    expect(await c(['appeal', 'letters', 'UA 77/98'], { CASELOG_TEMPLATES: file })).toMatchObject({ code: 1, stderr: expect.stringContaining(`${file} is a file`) });
    // Empty is unset, as for CASELOG_TODAY: the built-in letters.
    const empty = await c(['appeal', 'letters', 'UA 77/98', ...FROM], { CASELOG_TEMPLATES: '' });
    expect(empty).toMatchObject({ code: 0, stderr: '' });
    expect(empty.stdout).toBe(readFileSync(join(GOLDEN, 'ua-77-98.txt'), 'utf8'));
  });

  it('finds the built-in templates from the bundled binary', () => {
    expect(existsSync(join(ROOT, 'dist', 'cli.cjs'))).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'caselog-bin-'));
    mkdirSync(join(dir, 'x'));
    chmodSync(join(dir, 'x'), 0o700);
    const bin = join(dir, 'x', 'test.db');
    expect(spawnCaselog(['--db', bin, 'import', DEMO]).code).toBe(0);
    const r = spawnCaselog(['--db', bin, '--today', '2026-11-22', 'appeal', 'letters', 'UA 77/98', ...FROM]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(readFileSync(join(GOLDEN, 'ua-77-98.txt'), 'utf8'));
  });
});
