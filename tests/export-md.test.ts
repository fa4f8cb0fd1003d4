// The Markdown dossier on a case or a person, as a caseworker would read it.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '1999-03-01' });
const dossier = async (who: string) => {
  const r = await c(['export', '--format', 'md', who]);
  expect(r.code).toBe(0);
  return r.stdout;
};

/** Asserts the texts appear in this order, each once found. */
function expectInOrder(text: string, parts: string[]) {
  const at = parts.map((p) => text.indexOf(p));
  parts.forEach((p, i) => expect(at[i], `"${p}" missing`).toBeGreaterThanOrEqual(0));
  expect([...at].sort((a, b) => a - b)).toEqual(at);
}

beforeEach(async () => {
  db = tempDb();
  await c(['add', 'case', '--ref', 'UA 77/98', '--title', 'Fear of torture / fear of execution', '--country', 'China', '--opened', '15 October 1998']);
  await c(['add', 'source', '--publisher', 'Amnesty International', '--ref', 'EUR 57/12/98', '--title', 'EXTRA 77/98', '--date', '15 October 1998']);
  await c(['add', 'source', '--publisher', 'Kazakstan Television', '--ref', 'KTV-1', '--title', 'Evening news', '--url', 'https://example.org/news']);
  await c(['add', 'person', 'Hemit Memet', '--alias', 'Khamit Memet', '--case', 'UA 77/98', '--age', '28', '--age-on', 'Feb 1999',
    '--citizenship', 'Chinese', '--ethnicity', 'Uighur', '--risk', 'torture', '--risk', 'death-penalty']);
  await c(['add', 'person', 'Kasim Mahpir', '--case', 'UA 77/98', '--risk', 'refoulement']);
  await c(['add', 'event', 'Hemit Memet', 'Kasim Mahpir', '--date', '1999-02-11', '--type', 'deportation', '--summary', 'Forcibly returned to China',
    '--source', 'EUR 57/12/98', '--place', 'Xinjiang']);
  await c(['add', 'event', 'Hemit Memet', 'Kasim Mahpir', '--date', '1999-02-08', '--type', 'deportation', '--summary', 'Handed over at the border',
    '--source', 'KTV-1']);
  await c(['add', 'event', 'Hemit Memet', '--date', 'during 1998', '--type', 'arrest', '--summary', 'Arrested crossing the border']);
  await c(['add', 'deadline', 'UA 77/98', '--date', '15 March 1999', '--note', 'check before sending appeals']);
  const done = JSON.parse((await c(['--json', 'add', 'deadline', 'UA 77/98', '--date', '1999-03-02', '--note', 'already handled'])).stdout);
  await c(['done', done.id]);
});

describe('export --format md', () => {
  it('gives a case dossier: the case, its people with their other names, status and risks', async () => {
    const text = await dossier('UA 77/98');
    expect(text).toMatch(/^# Dossier: UA 77\/98 — Fear of torture \/ fear of execution\n/);
    expect(text).toContain('- **Countries:** China');
    expect(text).toContain('- **Opened:** 15 October 1998');
    expectInOrder(text, ['## People', '### Hemit Memet', '- **Other names:** Khamit Memet', '- **Status:** returned since 11 February 1999',
      '- **Risks:** death penalty, torture', '- **Age:** 28 (in February 1999), born c. 1970', '- **Citizenship:** Chinese',
      '- **Ethnicity:** Uighur', '### Kasim Mahpir', '- **Risks:** refoulement']);
  });

  it('says a status given when a person was added is as recorded that day, not since then, on the dossier and the case card', async () => {
    await c(['add', 'person', 'Ilyas Zordun', '--case', 'UA 77/98', '--status', 'detained', '--risk', 'ill-treatment']);
    await c(['add', 'event', 'Ilyas Zordun', '--date', '1998-10-14', '--type', 'detention', '--summary', 'Detained in Almaty']);
    expectInOrder(await dossier('Ilyas Zordun'), ['- **Status:** detained, as recorded on 1 March 1999', '- **Risks:** ill-treatment']);
    const card = (await c(['show', 'UA 77/98'])).stdout;
    expect(card).toMatch(/Ilyas Zordun — detained, as recorded on 1 March 1999 {2}p-/);
    expect(card).toMatch(/Hemit Memet — returned since 11 February 1999 {2}p-/);
  });

  it('tells the timeline in date order in words, with numbered sources, and shows where reports vary', async () => {
    const text = await dossier('UA 77/98');
    expectInOrder(text, [
      '## Timeline',
      '- **1998 (given as "during 1998")** — arrest: Arrested crossing the border (Hemit Memet) — no source recorded',
      '- **Reports vary** on the deportation — 2 accounts:',
      '  - **8 February 1999** — deportation: Handed over at the border (Hemit Memet, Kasim Mahpir) — source [1]',
      '  - **11 February 1999** — deportation: Forcibly returned to China (Hemit Memet, Kasim Mahpir; in Xinjiang) — source [2]',
      '## Open deadlines',
      '## Sources',
      '1. Kazakstan Television, KTV-1, *Evening news*, <https://example.org/news>',
      '2. Amnesty International, EUR 57/12/98, *EXTRA 77/98*, 15 October 1998',
    ]);
  });

  it('lists open deadlines in a table, and those that are done after them, with the day each was done', async () => {
    const text = await dossier('UA 77/98');
    expectInOrder(text, ['## Open deadlines', '| Due | When | What | Case | People |',
      '| 15 March 1999 | in 14 days | check before sending appeals | UA 77/98 | Hemit Memet, Kasim Mahpir |',
      '## Done deadlines', '| Due | Done on | What | Case | People |',
      '| 2 March 1999 | 1 March 1999 | already handled | UA 77/98 | Hemit Memet, Kasim Mahpir |', '## Sources']);
    expect(text.match(/already handled/g)).toHaveLength(1);
  });

  it('gives a person dossier, found by another of their names, with their cases and their deadlines', async () => {
    await c(['add', 'deadline', 'Kasim Mahpir', '--date', '1999-04-01', '--note', 'ask about Kasim only']);
    const text = await dossier('Khamit Memet');
    expect(text).toMatch(/^# Dossier: Hemit Memet\n/);
    expectInOrder(text, ['## About', '- **Other names:** Khamit Memet', '## Cases', '### UA 77/98 — Fear of torture / fear of execution',
      '## Timeline', '## Open deadlines', 'check before sending appeals']);
    expect(text).not.toContain('ask about Kasim only');
    expect(text).not.toContain('### Kasim Mahpir');
  });

  it('keeps Markdown characters in user text as text', async () => {
    await c(['add', 'person', 'Ali *Star* [Guest] Khan', '--case', 'UA 77/98']);
    await c(['add', 'deadline', 'UA 77/98', '--date', '1999-03-20', '--note', 'ask the court | registry about <case #12>']);
    const text = await dossier('UA 77/98');
    expect(text).toContain('### Ali \\*Star\\* \\[Guest\\] Khan');
    expect(text).toContain('ask the court \\| registry about \\<case #12\\>');
  });

  it('leaves alone what Markdown would not read: an & or a # inside text, and escapes what it would', async () => {
    await c(['add', 'deadline', 'UA 77/98', '--date', '1999-03-20', '--note', 'Musakhanuly & Alimuly: file #2! &amp; is no entity']);
    await c(['add', 'deadline', 'UA 77/98', '--date', '1999-03-21', '--note', '# not a heading']);
    const text = await dossier('UA 77/98');
    expect(text).toContain('Musakhanuly & Alimuly: file #2! \\&amp; is no entity');
    expect(text).toContain('\\# not a heading');
    await c(['add', 'person', 'Hash Person #', '--case', 'UA 77/98']);
    expect(await dossier('UA 77/98')).toContain('### Hash Person \\#\n');
  });

  it('writes to --out and wants someone to write about', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'caselog-md-')), 'dossier.md');
    expect((await c(['export', '--format', 'md', 'Kasim Mahpir', '--out', out])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^# Dossier: Kasim Mahpir\n/);
    expect((await c(['export', '--format', 'md'])).code).toBe(2);
    const unknown = await c(['export', '--format', 'md', 'Nobody Known']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no case or person matches "Nobody Known"');
  });
});
