// Names across spellings and scripts, end to end: lookup, near-duplicates, aliases and merges,
// in-process against a real temporary SQLite file loaded with the demo data.
import Database from 'better-sqlite3-multiple-ciphers';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/store/open';
import { SqliteStore } from '../src/store/sqlite-store';
import { undoLatest } from '../src/store/upkeep-undo';
import { caselog, DEMO, scriptedPrompter, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[], tty = false, answers?: unknown[]) =>
  caselog(args, { db, today: '2020-02-01', tty, prompter: answers ? scriptedPrompter(answers) : undefined });
const count = (sql: string, ...params: unknown[]) => {
  const conn = new Database(db, { readonly: true });
  try { return (conn.prepare(sql).get(...params) as { n: number }).n; } finally { conn.close(); }
};
const idOf = async (who: string) => JSON.parse((await c(['--json', 'timeline', who])).stdout).person.id as string;

beforeEach(async () => {
  db = tempDb();
  expect((await c(['import', DEMO])).code).toBe(0);
});

describe('lookup by a name that is not stored', () => {
  it.each(['Kaster Musakhan', 'Kaster Musakanuly', 'Qaster Musakhanuli'])('finds Kaster Musakhanuly from "%s" and says how', async (typed) => {
    const r = await c(['timeline', typed]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Kaster Musakhanuly');
    expect(r.stdout).toContain('Zaysan');
    expect(r.stderr).toMatch(new RegExp(`^${typed} → Kaster Musakhanuly \\(.*score 0\\.9\\d\\)`));
  });

  it('finds a person by their name in another script, telling which stored name it went through', async () => {
    const r = await c(['timeline', 'Қастер Мұсаханұлы']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Қастер Мұсаханұлы → Kaster Musakhanuly');
  });

  it('uses the only plausible person for reading, however loosely matched, and says so', async () => {
    for (const typed of ['Ilya Zordan', 'Zordan']) {
      const r = await c(['timeline', typed]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Ilyas Zordun');
      expect(r.stderr).toMatch(new RegExp(`^${typed} → Ilyas Zordun \\(.*score 0\\.\\d\\d\\)`));
    }
    const write = await c(['add', 'event', 'Ilya Zordan', '--date', '2020-01-30', '--type', 'statement', '--summary', 's']);
    expect(write.code).toBe(1);
    expect(write.stderr).toContain('"Ilya Zordan" is not a stored name; it looks like Ilyas Zordun');
  });

  it('takes a name in another script as a loose match, and lists people whose names differ only in case', async () => {
    expect((await c(['add', 'person', 'Murat Ospanov', '--case', 'UA 77/98'])).code).toBe(0);
    const write = await c(['status', 'Мурат Оспанов', 'released']);
    expect(write.code).toBe(1);
    expect(write.stderr).toContain('"Мурат Оспанов" is not a stored name; it looks like Murat Ospanov');
    expect((await c(['timeline', 'Мурат Оспанов'])).code).toBe(0);
    expect((await c(['add', 'person', 'MURAT OSPANOV', '--new'])).code).toBe(0);
    for (const typed of ['Murat Ospanov', 'MURAT OSPANOV', 'murat  ospanov']) {
      const r = await c(['add', 'event', typed, '--date', '2020-01-30', '--type', 'statement', '--summary', 's']);
      expect(r.code, typed).toBe(1);
      expect(r.stderr).toMatch(/matches several people: MURAT OSPANOV \[p-.*; Murat Ospanov \[p-|matches several people: Murat Ospanov \[p-.*; MURAT OSPANOV \[p-/);
    }
  });

  it('takes a bare id kind as the start of every such id, not as a name', async () => {
    expect(await c(['timeline', 'p-'])).toMatchObject({ code: 1, stderr: 'caselog: "p-" is the start of every person id: type more of it, as caselog shows it\n' });
  });

  it('suggests the nearest names when nobody matches', async () => {
    const r = await c(['timeline', 'Ilham Zordun']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no case or person matches "Ilham Zordun"; nearest: .*Ilyas Zordun/);
    // Nothing spelt alike: still the nearest few, never a bare "no match".
    expect((await c(['timeline', 'Nobody'])).stderr).toMatch(/^caselog: no case or person matches "Nobody", and no stored name is close to it \(someone new\? caselog add person Nobody\); nearest, though not close: [^,]+, [^,]+, [^,]+\n$/);
    expect((await c(['timeline', 'Murat'])).stderr).toMatch(/nearest: Murager Alimuly/);
  });

  it('refuses a name no lookup could reach: an id\'s shape, a case\'s reference, no letter at all', async () => {
    const before = (await c(['export'])).stdout;
    expect(await c(['add', 'person', 'p-54a', '--new'])).toMatchObject({ code: 1, stderr: 'caselog: "p-54a" has the shape of an id: as a name it could never be looked up\n' });
    expect(await c(['add', 'person', 'ua 77/98', '--new'])).toMatchObject({ code: 1, stderr: 'caselog: "ua 77/98" is the reference of a case: as a name it could never be looked up\n' });
    expect(await c(['person', 'alias', 'Hemit Memet', "'''"])).toMatchObject({ code: 1, stderr: 'caselog: "\'\'\'" has no letter: give a name\n' });
    // Nor, the other way round, a case under a tracked person's name.
    expect(await c(['add', 'case', '--ref', 'hemit memet', '--title', 'x'])).toMatchObject({ code: 1, stderr: 'caselog: "hemit memet" is a name of Hemit Memet: as a case reference it would hide them from lookups by name\n' });
    // A reference is found with its spacing ignored, so without it too; and not by an edit either.
    expect((await c(['add', 'case', '--ref', 'HemitMemet', '--title', 'x'])).code).toBe(1);
    // In any script: the reference's key keeps its letters, capitals aside.
    expect((await c(['add', 'case', '--ref', 'ҚАСТЕР МҰСАХАНҰЛЫ', '--title', 'x'])).stderr).toContain('is a name of Kaster Musakhanuly');
    expect((await c(['edit', 'UA 77/98', '--ref', 'Kasim Mahpir'])).stderr).toContain('is a name of Kasim Mahpir');
    expect((await c(['add', 'case', '--ref', 'hemit-memet', '--title', 'x'])).code).toBe(0);
    await c(['undo']);
    expect((await c(['export'])).stdout).toBe(before);
  });

  it('add person --alias-of: a name already held is nothing to add, another person\'s own name is refused, a close one taken', async () => {
    const before = (await c(['export'])).stdout;
    expect(await c(['add', 'person', 'Khamit Memet', '--alias-of', 'Hemit Memet'])).toMatchObject({ code: 0, stderr: expect.stringContaining('Nothing to add: "Khamit Memet" is already a name of Hemit Memet') });
    expect(await c(['add', 'person', 'Murager Alimuly', '--alias-of', 'Hemit Memet'])).toMatchObject({ code: 1, stderr: expect.stringContaining('"Murager Alimuly" is already a name of Murager Alimuly') });
    expect((await c(['export'])).stdout).toBe(before);
    expect((await c(['add', 'person', 'Hemet Memmet', '--alias-of', 'Hemit Memet'])).code).toBe(0);
  });

  it('takes a name typed exactly, accents and all, over another person whose name differs in its accents', async () => {
    await c(['add', 'person', 'Nguyễn Văn An']);
    await c(['add', 'person', 'Nguyễn Văn Ân', '--new']);
    const exact = await c(['add', 'event', 'Nguyễn Văn An', '--date', '2020-01-01', '--type', 'arrest', '--summary', 'Arrested in Hanoi']);
    expect(exact.code, exact.stderr).toBe(0);
    expect((await c(['timeline', 'Nguyễn Văn Ân'])).stdout).not.toContain('Arrested in Hanoi');
    // Without the accents nobody can tell which: both are listed.
    expect((await c(['timeline', 'Nguyen Van An'])).stderr).toContain('matches several people');
  });

  it('tries a case reference first, exactly, even one shaped like the start of a person\'s id', async () => {
    const person = JSON.parse((await c(['--json', 'show', 'Hemit Memet'])).stdout).id as string;
    const ref = person.slice(0, 6).toUpperCase();
    // Before the case exists, it is the start of his id.
    expect((await c(['show', ref])).stdout).toMatch(/^Hemit Memet/);
    expect((await c(['add', 'case', '--ref', ref, '--title', 'Named oddly'])).code).toBe(0);
    expect((await c(['show', ref])).stdout).toMatch(new RegExp(`^${ref} — Named oddly`));
    expect((await c(['show', person.slice(0, 8)])).stdout).toMatch(/^Hemit Memet/);
  });

  it('names each person once among the nearest, and gives a mistyped reference the nearest case', async () => {
    const hint = (await c(['timeline', 'Nobody Here'])).stderr;
    const people = /nearest(?:, though not close)?: (.*)\n$/.exec(hint)![1]!.split(', ').map((s) => s.replace(/ \(".*"\)$/, ''));
    expect(new Set(people).size).toBe(people.length);
    expect(hint).not.toMatch(/Khamit Memet(?!")/);
    expect(await c(['timeline', 'UA 77/99'])).toMatchObject({ code: 1, stderr: 'caselog: no case or person matches "UA 77/99"; nearest case: UA 77/98\n' });
    // The nearest first, not in the order of their references.
    for (const ref of ['UA 1/20', 'UA 10/20', 'UA 99/21']) await c(['add', 'case', '--ref', ref, '--title', 't']);
    expect((await c(['timeline', 'UA 99/20'])).stderr).toBe('caselog: no case or person matches "UA 99/20"; nearest case: UA 99/21, UA 1/20, UA 10/20\n');
    for (const ref of ['UA 1/20', 'UA 10/20', 'UA 99/21']) await c(['delete', ref, '--force']);
    // A reference far from any: the cases of its series (or all, when few), never people's names.
    expect(await c(['timeline', 'UA 12/20'])).toMatchObject({ code: 1, stderr: 'caselog: no case or person matches "UA 12/20"; cases starting "UA": UA 77/98\n' });
    expect(await c(['timeline', 'EUR 57/1572/2018'])).toMatchObject({ code: 1, stderr: 'caselog: no case or person matches "EUR 57/1572/2018"; cases: KZ 2019/12, UA 77/98\n' });
  });

  it('lists the candidates with scores for a name that fits several people, and lets a terminal pick', async () => {
    expect((await c(['add', 'person', 'Ilham Zordun', '--case', 'UA 77/98'])).code).toBe(0);
    const refused = await c(['timeline', 'Zordun']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/"Zordun" matches several people: .*Ilham Zordun \[p-.*score 0\.\d\d.*Ilyas Zordun \[p-.*score 0\.\d\d/);
    const ilham = await idOf('Ilham Zordun');
    const prompter = scriptedPrompter([ilham]);
    const picked = await caselog(['timeline', 'Zordun'], { db, tty: true, prompter });
    expect(picked.code).toBe(0);
    expect(picked.stdout).toContain('Ilham Zordun — ');
    expect(prompter.asked).toEqual(['"Zordun" matches several people; which one?']);
  });

  it('refuses a writing command given a variant without a terminal, naming the person, and asks on one', async () => {
    const events = count('SELECT count(*) AS n FROM events');
    for (const args of [['add', 'event', 'Kaster Musakhan', '--date', '2020-01-30', '--type', 'statement', '--summary', 'Lawyer statement'],
      ['add', 'deadline', 'Kaster Musakhan', '--date', '+7d', '--note', 'check']]) {
      const r = await c(args);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/"Kaster Musakhan" is not a stored name; it looks like Kaster Musakhanuly \[p-/);
    }
    expect(count('SELECT count(*) AS n FROM events')).toBe(events);
    const declined = await c(['add', 'event', 'Kaster Musakhan', '--date', '2020-01-30', '--type', 'statement', '--summary', 's'], true, [false]);
    expect(declined.code).toBe(1);
    const confirmed = await c(['add', 'event', 'Kaster Musakhan', '--date', '2020-01-30', '--type', 'statement', '--summary', 's'], true, [true]);
    expect(confirmed.code).toBe(0);
    expect(confirmed.stderr).toContain('for Kaster Musakhanuly');
    expect(count('SELECT count(*) AS n FROM events')).toBe(events + 1);
  });
});

describe('a near-duplicate taken as another name on a terminal', () => {
  it('says which case it joined and which flags for a new person it did not apply', async () => {
    const kaster = await idOf('Kaster Musakhanuly');
    const r = await c(['add', 'person', 'Kaster Musakanuly', '--case', 'UA 77/98', '--risk', 'health', '--age', '40'], true, [kaster]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Added "Kaster Musakanuly" as another name of Kaster Musakhanuly, in UA 77/98\n');
    expect(r.stderr).toContain('--age, --risk not applied to Kaster Musakhanuly: change them with caselog edit, risk or status\n');
    expect(JSON.parse((await c(['--json', 'show', 'Kaster Musakhanuly'])).stdout)).toMatchObject({ age: 31 });
  });
});

describe('a different person of the same name, said so on a terminal', () => {
  it('is added, though the name is taken', async () => {
    const r = await c(['add', 'person', 'Hemit Memet', '--case', 'KZ 2019/12'], true, ['']);
    expect(r.code, r.stderr).toBe(0);
    expect(count("SELECT count(*) AS n FROM people WHERE name = 'Hemit Memet'")).toBe(2);
  });
});

describe('no silent duplicates', () => {
  const people = () => count('SELECT count(*) AS n FROM people');

  it.each(['Qaster Musakhanuli', 'Sairagul Sauytbay'])('refuses "%s" without a terminal; --new and --alias-of decide', async (name) => {
    const before = people();
    const refused = await c(['add', 'person', name]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Nothing was added: .*pass --new/);
    expect(refused.stderr).toMatch(/Kaster Musakhanuly|Sayragul Sauytbai/);
    expect(people()).toBe(before);
    expect((await c(['add', 'person', name, '--new'])).code).toBe(0);
    expect(people()).toBe(before + 1);
  });

  it('names the --alias that is someone else\'s, not the new person\'s own name', async () => {
    const before = people();
    const same = await c(['add', 'person', 'Zebulon Quartz', '--alias', 'Kasim Mahpir']);
    expect(same.code).toBe(1);
    expect(same.stderr).toMatch(/^caselog: "Kasim Mahpir" \(an --alias of Zebulon Quartz\) is already a name of someone tracked: Kasim Mahpir \[p-/);
    const close = await c(['add', 'person', 'Zebulon Quartz', '--alias', 'Kasim Mahpyr']);
    expect(close.stderr).toMatch(/^caselog: "Kasim Mahpyr" \(an --alias of Zebulon Quartz\) is close to someone already tracked: Kasim Mahpir \[p-/);
    expect(people()).toBe(before);
  });

  it('refuses a semicolon in a name however it is given (CSV sheets split names on it)', async () => {
    const message = 'holds a semicolon, which separates names in CSV sheets: give each name on its own (--alias NAME for another)';
    for (const args of [['person', 'alias', 'Hemit Memet', 'Memet; Hemit'], ['edit', 'Hemit Memet', '--alias', 'Memet; Hemit'], ['edit', 'Hemit Memet', '--name', 'Memet; Hemit']]) {
      const r = await c(args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr, args.join(' ')).toContain(message);
    }
    expect(count('SELECT count(*) AS n FROM person_names WHERE name LIKE ?', '%;%')).toBe(0);
  });

  it('adds the name to the existing person with --alias-of, or when chosen on a terminal', async () => {
    const before = people();
    const added = await c(['add', 'person', 'Qaster Musakhanuli', '--alias-of', 'Kaster Musakhanuly']);
    expect(added.code).toBe(0);
    expect(added.stderr).toBe('Added "Qaster Musakhanuli" as another name of Kaster Musakhanuly\n');
    const kaster = await idOf('Kaster Musakhanuly');
    expect((await c(['add', 'person', 'Kaster Musaqanuly'], true, [kaster])).code).toBe(0);
    expect(people()).toBe(before);
    const names = JSON.parse((await c(['--json', 'timeline', 'Qaster Musakhanuli'])).stdout).person;
    expect(names.id).toBe(kaster);
    expect(count('SELECT count(*) AS n FROM person_names WHERE person_id = ? AND name = ?', kaster, 'Kaster Musaqanuly')).toBe(1);
  });
});

describe('person alias', () => {
  it('adds a name with a note, which then reaches the person exactly', async () => {
    const r = await c(['person', 'alias', 'Kasim Mahpir', 'Qasim Mahfir', '--note', 'spelling in a 1999 appeal']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Added "Qasim Mahfir" as another name of Kasim Mahpir');
    expect(count("SELECT count(*) AS n FROM person_names WHERE name = 'Qasim Mahfir' AND note = 'spelling in a 1999 appeal'")).toBe(1);
    const writing = await c(['add', 'event', 'Qasim Mahfir', '--date', '2020-01-30', '--type', 'statement', '--summary', 's']);
    expect(writing.code).toBe(0);
  });

  it("adds nothing for a name the person already has, and refuses one close to another person's unless --force", async () => {
    const before = (await c(['export'])).stdout;
    const again = await c(['person', 'alias', 'Hemit Memet', 'Khamit Memet']);
    expect(again).toMatchObject({ code: 0, stderr: expect.stringMatching(/^Nothing to add: "Khamit Memet" is already a name of Hemit Memet \[p-[0-9a-z]{8}\]\n$/) });
    // Nor in other capitals; and a note for it is not dropped in silence.
    expect((await c(['person', 'alias', 'Hemit Memet', 'khamit memet'])).stderr).toContain('Nothing to add: "Khamit Memet"');
    expect((await c(['person', 'alias', 'Hemit Memet', 'Khamit Memet', '--note', 'older spelling'])).code).toBe(1);
    expect((await c(['export'])).stdout).toBe(before);
    const near = await c(['person', 'alias', 'Hemit Memet', 'Kasym Mahpir']);
    expect(near.code).toBe(1);
    expect(near.stderr).toMatch(/closely matches another tracked person: Kasim Mahpir .*--force/);
    expect((await c(['person', 'alias', 'Hemit Memet', 'Kasym Mahpir'], true, [false])).code).toBe(1);
    expect(count("SELECT count(*) AS n FROM person_names WHERE name = 'Kasym Mahpir'")).toBe(0);
    expect((await c(['person', 'alias', 'Hemit Memet', 'Kasym Mahpir', '--force'])).code).toBe(0);
  });
});

describe('merge', () => {
  const TABLES = ['people', 'person_names', 'name_keys', 'person_risks', 'case_people', 'events', 'event_people', 'event_sources',
    'deadlines', 'deadline_people', 'cases', 'sources'];
  const rows = () => Object.fromEntries(TABLES.map((t) => [t, count(`SELECT count(*) AS n FROM ${t}`)]));
  const exportJson = async () => (await c(['export', '--format', 'json'])).stdout;

  async function duplicate() {
    await c(['add', 'case', '--ref', 'UA 1/20', '--title', 'Follow-up']);
    await c(['add', 'person', 'Kaster Musakhan', '--new', '--case', 'UA 1/20', '--gender', 'male', '--age', '38', '--risk', 'health', '--status', 'detained']);
    await c(['add', 'event', 'Kaster Musakhan', '--date', '2020-01-25', '--type', 'ill-treatment', '--summary', 'Beaten in custody']);
    await c(['add', 'event', 'Kaster Musakhan', 'Kaster Musakhanuly', '--date', '2020-01-28', '--type', 'statement', '--summary', 'Both named']);
    await c(['add', 'deadline', 'Kaster Musakhan', '--date', '2020-02-10', '--note', 'ask about medical care']);
    return { who: await idOf('Kaster Musakhan'), into: await idOf('Kaster Musakhanuly') };
  }

  it('needs --force without a terminal, and a confirmation on one; a refusal changes nothing', async () => {
    const { who } = await duplicate();
    const before = rows();
    const refused = await c(['merge', who, 'Kaster Musakhanuly']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/pass --force .*2 events, 1 deadline/);
    const declined = await c(['merge', who, 'Kaster Musakhanuly'], true, [false]);
    expect(declined.code).toBe(1);
    expect(declined.stderr).toMatch(/events: 2 events move[\s\S]*Beaten in custody[\s\S]*ask about medical care/);
    expect(rows()).toEqual(before);
    expect((await c(['merge', who, 'Kaster Musakhanuly'], true, [true])).code).toBe(0);
  });

  it('moves everything into one record with no leftovers, logs one batch, exports cleanly and can be undone', async () => {
    const { who, into } = await duplicate();
    const before = rows();
    const whoNames = count('SELECT count(*) AS n FROM person_names WHERE person_id = ?', who);
    const beforeExport = await exportJson();
    const timelineOf = async (w: string) => JSON.parse((await c(['--json', 'timeline', w])).stdout).events.map((e: { id: string }) => e.id);
    const events = new Set([...(await timelineOf(who)), ...(await timelineOf(into))]);

    const r = await c(['merge', who, 'Kaster Musakhanuly', '--force']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Merged Kaster Musakhan into Kaster Musakhanuly');
    const after = await c(['--json', 'timeline', 'Kaster Musakhan']);
    expect(JSON.parse(after.stdout).person.id).toBe(into);
    expect(new Set(JSON.parse(after.stdout).events.map((e: { id: string }) => e.id))).toEqual(events);
    // One record fewer and one link fewer (the event naming both); names, keys, risks and memberships moved.
    expect(rows()).toEqual({ ...before, people: before.people - 1, event_people: before.event_people - 1 });
    expect(count("SELECT count(*) AS n FROM person_risks WHERE person_id = ? AND risk = 'health'", into)).toBe(1);
    for (const t of ['person_names', 'person_risks', 'case_people', 'event_people', 'deadline_people']) {
      expect(count(`SELECT count(*) AS n FROM ${t} WHERE person_id = ?`, who)).toBe(0);
    }
    expect(count('SELECT count(*) AS n FROM name_keys WHERE name_id NOT IN (SELECT id FROM person_names)')).toBe(0);
    expect(count('SELECT count(*) AS n FROM pragma_foreign_key_check')).toBe(0);
    if (count("SELECT count(*) AS n FROM sqlite_master WHERE name = 'search_text'") > 0) {
      expect(count("SELECT count(*) AS n FROM search_text WHERE kind = 'name' AND record_id NOT IN (SELECT id FROM person_names)")).toBe(0);
    }
    expect(count('SELECT count(*) AS n FROM person_names WHERE person_id = ?', into)).toBeGreaterThanOrEqual(whoNames + 3);
    // INTO's own fields are kept (aged 31, not WHO's 38), and so is its status, known from its events:
    // WHO's recorded "detained", typed later, would have overruled the sentence. Both are named.
    expect(count("SELECT count(*) AS n FROM people WHERE id = ? AND age = 31 AND recorded_status IS NULL AND status = 'imprisoned'", into)).toBe(1);
    expect(r.stderr).toMatch(/kept Kaster Musakhanuly's own, leaving out Kaster Musakhan's age 38 on 1 February 2020, born c. 1981, status detained as of 1 February 2020/);
    expect(count('SELECT count(*) AS n FROM case_people WHERE person_id = ?', into)).toBe(2);
    const log = count("SELECT count(*) AS n FROM changes WHERE action = 'merge' AND batch = (SELECT max(batch) FROM changes)");
    expect(log).toBe(2 + 2 + 1);
    expect(count("SELECT count(*) AS n FROM changes WHERE action = 'merge' AND record_id = ? AND coalesce(after, 'null') = 'null'", who)).toBe(1);

    const fresh = db;
    const exported = await exportJson();
    db = tempDb();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${db}.json`, exported);
    expect((await c(['import', `${db}.json`])).code).toBe(0);
    expect(await exportJson()).toBe(exported);

    db = fresh;
    const store = new SqliteStore(openDatabase({ path: db, create: false }), { command: 'undo', user: 'test' });
    try { await undoLatest(store); } finally { store.close(); }
    expect(await exportJson()).toBe(beforeExport);
    expect(rows()).toEqual(before);
  });
});

describe('merge and status', () => {
  it("takes the duplicate's recorded status only when nothing is known of the person's own", async () => {
    await c(['add', 'case', '--ref', 'UA 2/20', '--title', 'Disappeared']);
    await c(['add', 'person', 'Erlan Serikuly', '--case', 'UA 2/20']);
    await c(['add', 'person', 'Yerlan Serikuly', '--new', '--case', 'UA 2/20', '--status', 'detained']);
    const r = await c(['merge', 'Yerlan Serikuly', 'Erlan Serikuly', '--force']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('recorded status detained');
    expect(JSON.parse((await c(['--json', 'show', 'Erlan Serikuly'])).stdout).status).toBe('detained');

    await c(['add', 'person', 'Murat Serikuly', '--case', 'UA 2/20']);
    await c(['status', 'Murat Serikuly', 'disappeared', '--date', '2020-01-10', '--note', 'not seen since the border']);
    await c(['add', 'person', 'Murat Serikuli', '--new', '--case', 'UA 2/20', '--status', 'detained']);
    const kept = await c(['--json', 'merge', 'Murat Serikuli', 'Murat Serikuly', '--force']);
    expect(kept.code).toBe(0);
    expect(kept.stderr).toMatch(/kept Murat Serikuly's own, leaving out Murat Serikuli's status detained as of 1 February 2020/);
    // In --json, the date as every date is given there.
    expect(JSON.parse(kept.stdout).leftOut).toEqual([{ field: 'status', value: 'detained', date: '2020-02-01', precision: 'day', approximate: false, dateText: '2020-02-01' }]);
    expect(JSON.parse((await c(['--json', 'show', 'Murat Serikuly'])).stdout).status).toBe('disappeared');
  });
});

describe('lookup at scale', () => {
  it('keeps a perfect match among hundreds of loose ones, using the indexes', async () => {
    db = tempDb();
    const store = new SqliteStore(openDatabase({ path: db, create: true }), { command: 'test', user: 'test' });
    const syllables = ['ba', 'ko', 'ri', 'su', 'te', 'mu', 'la', 'pe', 'zi', 'do', 'ga', 'ne', 'fo', 'hu', 'ja', 'vi', 'ke', 'lo', 'ma', 'ny'];
    const person = store.db.prepare("INSERT INTO people (id, name, created_at, updated_at) VALUES (?, ?, 'x', 'x')");
    store.db.transaction(() => {
      // 600 people sharing the given name, with ids that sort before the one exact match.
      for (let i = 0; i < 600; i++) {
        const name = `Nurlan ${syllables[i % 20]}${syllables[Math.floor(i / 20) % 20]}${syllables[Math.floor(i / 400)]}tov`;
        person.run(`p-${String(i).padStart(16, '0')}`, name);
        store.insertName(`p-${String(i).padStart(16, '0')}`, name, true);
      }
      person.run('p-zzzzzzzzzzzzzzzz', 'Nurlan Abenov');
      store.insertName('p-zzzzzzzzzzzzzzzz', 'Nurlan Abenov', true);
    })();
    const statements: Array<{ sql: string; args: unknown[] }> = [];
    const prepare = store.db.prepare.bind(store.db);
    store.db.prepare = ((sql: string) => {
      const statement = prepare(sql);
      const all = statement.all.bind(statement);
      return Object.assign(statement, { all: (...args: unknown[]) => { statements.push({ sql, args }); return all(...args); } });
    }) as typeof store.db.prepare;
    const candidates = store.read.nameCandidates('Nurlan Abenov');
    store.db.prepare = prepare;
    expect(candidates[0]).toEqual({ personId: 'p-zzzzzzzzzzzzzzzz', name: 'Nurlan Abenov', primary: true });
    const plan = statements.flatMap(({ sql, args }) =>
      (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as Array<{ detail: string }>).map((r) => r.detail));
    expect(plan.filter((d) => /^SCAN (person_names|name_keys|pn)\b/.test(d))).toEqual([]);
    expect(plan).toContain('SEARCH person_names USING INDEX person_names_folded (folded=?)');
    // A stored name decides by itself: the loose candidates are not even fetched.
    expect(statements.some(({ sql }) => sql.includes('name_keys'))).toBe(false);
    store.close();
    const r = await c(['timeline', 'nurlan abenov']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Nurlan Abenov — unknown');
  });
});

describe('person unalias', () => {
  it('takes a wrong name away, so that it neither finds the person nor clashes with the one it is; undo puts it back', async () => {
    expect((await c(['person', 'alias', 'Hemit Memet', 'Qasim Mahpir', '--force'])).code).toBe(0);
    // While Hemit holds it, the name finds him, not Kasim Mahpir.
    expect(JSON.parse((await c(['--json', 'show', 'Qasim Mahpir'])).stdout).name).toBe('Hemit Memet');
    const names = async () => JSON.parse((await c(['--json', 'show', 'Hemit Memet'])).stdout).names as string[];
    const r = await c(['person', 'unalias', 'Hemit Memet', 'qasim mahpir']);
    expect(r).toMatchObject({ code: 0, stderr: expect.stringMatching(/^Took "Qasim Mahpir" away from the names of Hemit Memet \[p-\w+\] \(caselog undo puts it back\)\n$/) });
    expect(await names()).toEqual(['Hemit Memet', 'Khamit Memet']);
    expect(count("SELECT count(*) AS n FROM person_names WHERE name = 'Qasim Mahpir'")).toBe(0);
    expect((await c(['search', 'Qasim'])).stdout).not.toContain('Hemit Memet');
    expect(JSON.parse((await c(['--json', 'show', 'Qasim Mahpir'])).stdout).name).toBe('Kasim Mahpir');
    expect((await c(['undo'])).code).toBe(0);
    expect(await names()).toEqual(['Hemit Memet', 'Khamit Memet', 'Qasim Mahpir']);
  });

  it('refuses the name a person is known by, and a name not theirs, changing nothing', async () => {
    const before = (await c(['export'])).stdout;
    expect(await c(['person', 'unalias', 'Hemit Memet', 'Hemit Memet'])).toMatchObject({
      code: 1, stderr: expect.stringMatching(/^caselog: "Hemit Memet" is the name Hemit Memet is known by: to take it away, first give another with caselog edit p-\w+ --name NAME/),
    });
    expect(await c(['person', 'unalias', 'Hemit Memet', 'Kasim Mahpir'])).toMatchObject({
      code: 1, stderr: expect.stringMatching(/^caselog: "Kasim Mahpir" is not a name of Hemit Memet \[p-\w+\]: their other names are "Khamit Memet"\n$/),
    });
    expect((await c(['person', 'unalias', 'Hemit Memet'])).code).toBe(2);
    expect((await c(['export'])).stdout).toBe(before);
  });
});

describe('two people of one name in lists', () => {
  it('writes each with its id in list people, at-risk and due, so that either can be named; others as they are', async () => {
    const add = async (alias: string, more: string[] = []) =>
      JSON.parse((await c(['--json', 'add', 'person', 'Zhang Wei', '--alias', alias, '--risk', 'torture', ...more])).stdout).id as string;
    const first = await add('张伟');
    const second = await add('张巍', ['--new']);
    await c(['add', 'deadline', first, '--date', '2020-02-10', '--note', 'call his family']);
    await c(['add', 'deadline', second, '--date', '2020-02-11', '--note', 'call his lawyer']);
    const short = (id: string) => id.slice(0, 10);
    for (const command of [['list', 'people'], ['at-risk'], ['due']]) {
      const out = (await c(['--no-color', ...command])).stdout;
      expect(out, command.join(' ')).toContain(`Zhang Wei [${short(first)}]`);
      expect(out, command.join(' ')).toContain(`Zhang Wei [${short(second)}]`);
      expect(out, command.join(' ')).not.toMatch(/Hemit Memet \[/);
    }
    // And heading a case's timeline.
    await c(['add', 'case', '--ref', 'CN 1/20', '--title', 'Two men of one name']);
    await c(['edit', first, '--case', 'CN 1/20']);
    await c(['edit', second, '--case', 'CN 1/20']);
    expect((await c(['timeline', 'CN 1/20'])).stdout.split('\n')[0]).toBe(`CN 1/20 \u2014 Two men of one name (Zhang Wei [${short(first)}], Zhang Wei [${short(second)}])`);
    // The id shown finds the one meant.
    expect(JSON.parse((await c(['--json', 'show', short(second)])).stdout).names).toContain('张巍');
  });
});
