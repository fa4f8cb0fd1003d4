// Importing a newer export of the same records updates them, and what depends on them follows:
// a person's latest news when an event about their whole case comes back naming someone else.
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { caselog, fileOf, DEMO, tempDb } from './helpers/cli';

/** caselog on a new database of its own, today 1 June 2020. */
function onNewDatabase(db = tempDb()) {
  return (args: string[]) => caselog(args, { db, today: '2020-06-01' });
}

describe('import of a changed record', () => {
  it("refreshes the latest news of a case's people when a whole-case event now names one of them", async () => {
    const c = onNewDatabase();
    await c(['add', 'case', '--ref', 'UA 1/20', '--title', 'Fear of torture']);
    await c(['add', 'person', 'Aida Bekova', '--case', 'UA 1/20']);
    await c(['add', 'person', 'Bolat Serikov', '--case', 'UA 1/20']);
    await c(['add', 'event', 'Bolat Serikov', '--date', '2020-01-01', '--type', 'report', '--summary', 'Family visit']);
    await c(['add', 'event', 'UA 1/20', '--date', '2020-05-01', '--type', 'report', '--summary', 'Both moved to another prison']);
    const news = async (who: string) => JSON.parse((await c(['--json', 'show', who])).stdout).latestNews?.date;
    expect(await news('Bolat Serikov')).toBe('2020-05-01');

    const doc = JSON.parse((await c(['export'])).stdout);
    const aida = doc.people.find((p: { name: string }) => p.name === 'Aida Bekova').id;
    const event = doc.events.find((e: { summary: string }) => e.summary === 'Both moved to another prison');
    Object.assign(event, { people: [aida], summary: 'Aida moved to another prison' });
    const file = fileOf('newer.json', JSON.stringify(doc));

    const r = await c(['import', file, '--replace']);
    expect(r.stderr).toMatch(/0 added, 1 updated, \d+ unchanged/);
    expect(await news('Aida Bekova')).toBe('2020-05-01');
    expect(await news('Bolat Serikov')).toBe('2020-01-01');
  });
});

describe("import of a colleague's or an older export", () => {
  it('refuses to overwrite what differs here, listing each record and field, unless --replace', async () => {
    const c = onNewDatabase();
    await c(['add', 'case', '--ref', 'UA 1/20', '--title', 'Fear of torture']);
    await c(['add', 'person', 'Kasim Mahpir', '--case', 'UA 1/20']);
    const file = fileOf('older.json', (await c(['export'])).stdout);
    // Done here after the export was made: an older file must not take it back without a word.
    await c(['person', 'alias', 'Kasim Mahpir', 'Qasim Mahpir']);
    await c(['edit', 'Kasim Mahpir', '--risk', 'health']);
    await c(['close', 'UA 1/20', '--reason', 'resolved']);
    const before = (await c(['export'])).stdout;
    const r = await c(['import', file]);
    expect(r.code).toBe(1);
    // The risk by name, as it would go; the other name stays either way (an import takes no name away).
    expect(r.stderr).toMatch(/^caselog: .*older\.json: 2 records here differ from the file's and would be overwritten: case UA 1\/20 \[c-\w+\] \(closed, reason closed; edited here \d{1,2} \w+ \d{4}\); person Kasim Mahpir \[p-\w+\] \(names: keeps "Qasim Mahpir" though the file lacks it, as an import takes no name away; risks here not in the file: health; edited here \d{1,2} \w+ \d{4}\); nothing was imported\. To take the file's version, give --replace \(caselog undo takes an import back\)\n$/);
    expect((await c(['export'])).stdout).toBe(before);
    expect((await c(['import', file, '--replace'])).stderr).toMatch(/0 added, 2 updated/);
    expect(JSON.parse((await c(['--json', 'show', 'Kasim Mahpir'])).stdout)).toMatchObject({ names: ['Kasim Mahpir', 'Qasim Mahpir'], risks: [] });
  });
});

describe('import of an export older than a deletion', () => {
  it('refuses to bring back a record deleted here, unless --replace', async () => {
    const c = onNewDatabase();
    await c(['add', 'person', 'Kasim Mahpir']);
    const event = JSON.parse((await c(['--json', 'add', 'event', 'Kasim Mahpir', '--date', '2020-01-01', '--type', 'report', '--summary', 'Entered by mistake'])).stdout);
    const file = fileOf('older.json', (await c(['export'])).stdout);
    expect((await c(['delete', event.id, '--force'])).code).toBe(0);
    const before = (await c(['export'])).stdout;
    const r = await c(['import', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/: 1 record deleted or undone here would come back: event e-\w+; nothing was imported\. To take the file's version, give --replace/);
    expect((await c(['export'])).stdout).toBe(before);
    expect((await c(['import', file, '--replace'])).stderr).toMatch(/1 added/);
    // Deleted, then put back by undo: it is here again, and an export holding it is "unchanged".
    expect((await c(['delete', event.id, '--force'])).code).toBe(0);
    expect((await c(['undo'])).code).toBe(0);
    const again = await c(['import', file]);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/0 added, 0 updated/);
  });
});

describe("import of a colleague's export", () => {
  it('says which people it added look like someone already tracked, with the merge that makes them one', async () => {
    const mine = onNewDatabase();
    const theirs = onNewDatabase();
    expect((await mine(['import', DEMO])).stderr).not.toContain('note:');
    for (const name of ['Kaster Musakhanuly', 'Hemit Mamet', 'Brand New Person']) expect((await theirs(['add', 'person', name])).code).toBe(0);
    const file = fileOf('theirs.json', (await theirs(['export'])).stdout);
    const r = await mine(['import', file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/note: Kaster Musakhanuly \[(p-[0-9a-z]{8})\], just imported, may be Kaster Musakhanuly \[(p-[0-9a-z]{8})\] \(via "Kaster Musakhanuly", the same name\): if they are one person, caselog merge \1 \2\n/);
    expect(r.stderr).toMatch(/note: Hemit Mamet \[p-[0-9a-z]{8}\], just imported, may be Hemit Memet/);
    expect(r.stderr).not.toContain('Brand New Person');
    const twice = await mine(['import', file]);
    expect(twice.stderr).toMatch(/: 0 added, 0 updated, \d+ unchanged/);
    expect(twice.stderr).not.toContain('note:');
  });

  it('gives the notes in its --json answer too', async () => {
    const mine = onNewDatabase();
    const theirs = onNewDatabase();
    await mine(['import', DEMO]);
    await theirs(['add', 'person', 'Hemit Mamet']);
    const r = await mine(['--json', 'import', fileOf('theirs.json', (await theirs(['export'])).stdout)]);
    const answer = JSON.parse(r.stdout);
    expect(answer).toMatchObject({ added: 1, updated: 0 });
    expect(answer.notes).toEqual([expect.stringMatching(/^Hemit Mamet \[p-\w+\], just imported, may be Hemit Memet \[p-\w+\]/)]);
  });

  it('says when a person it updated now shares a name with someone here: a merge made in the file\'s database', async () => {
    const theirs = onNewDatabase();
    const mine = onNewDatabase();
    await theirs(['add', 'case', '--ref', 'UA 1/20', '--title', 'Fear of torture']);
    await theirs(['add', 'person', 'Kaster Musakhanuly', '--case', 'UA 1/20', '--risk', 'torture']);
    await theirs(['add', 'person', 'Qaster Musakhan', '--case', 'UA 1/20', '--new', '--risk', 'refoulement']);
    expect((await mine(['import', fileOf('before.json', (await theirs(['export'])).stdout)])).code).toBe(0);
    expect((await theirs(['merge', 'Qaster Musakhan', 'Kaster Musakhanuly', '--force'])).code).toBe(0);
    const r = await mine(['import', fileOf('merged.json', (await theirs(['export'])).stdout), '--replace']);
    expect(r.code).toBe(0);
    const [, kept, away] = /note: Kaster Musakhanuly \[(p-\w+)\], updated from the file, now shares the name "Qaster Musakhan" with Qaster Musakhan \[(p-\w+)\] \(were they merged where the file comes from\?\): if they are one person, caselog merge (p-\w+) \1/.exec(r.stderr) ?? [];
    expect(kept).toBeDefined();
    expect((await mine(['merge', away!, kept!, '--force'])).code).toBe(0);
    expect(JSON.parse((await mine(['--json', 'list', 'people'])).stdout)).toHaveLength(1);
  });

  it('imports twice, unchanged, a file that leaves out when its records were recorded', async () => {
    const theirs = onNewDatabase();
    await theirs(['import', DEMO]);
    const file = fileOf('no-recorded.json', (await theirs(['export'])).stdout.replace(/,"recorded":"[^"]*"/g, ''));
    const mine = onNewDatabase();
    expect((await mine(['import', file])).code).toBe(0);
    expect((await mine(['import', file])).stderr).toMatch(/: 0 added, 0 updated, [1-9]\d* unchanged/);
  });

  it('joins a case both databases opened (one reference, two ids) with --join-cases, both ways and again', async () => {
    const a = onNewDatabase();
    const b = onNewDatabase();
    const ref = 'EUR 57/1572/2019';
    await a(['add', 'case', '--ref', ref, '--title', 'Kazakhs at risk of return']);
    await a(['add', 'person', 'Kaster Musakhanuly', '--case', ref, '--risk', 'torture']);
    await a(['add', 'event', 'Kaster Musakhanuly', '--date', '2019-03-01', '--type', 'arrest', '--summary', 'Arrested at the border']);
    await b(['add', 'case', '--ref', ref, '--title', 'Two men']);
    await b(['add', 'person', 'Murager Alimuly', '--case', ref]);
    await b(['add', 'deadline', ref, '--date', '2020-07-01', '--note', 'hearing on extradition']);
    const fromB = fileOf('b.json', (await b(['export'])).stdout);
    const before = (await a(['export'])).stdout;
    const refused = await a(['import', fromB]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`its reference "${ref}" is already used by case c-`);
    expect(refused.stderr).toContain('import with --join-cases');
    expect((await a(['export'])).stdout).toBe(before);

    expect((await a(['import', fromB, '--join-cases'])).stderr).toContain('2 added, 0 updated, 0 unchanged; 1 case joined to the one here of the same reference');
    const caseHere = JSON.parse((await a(['--json', 'show', ref])).stdout);
    expect(caseHere.title).toBe('Kazakhs at risk of return');
    expect(caseHere.people.map((p: { name: string }) => p.name).sort()).toEqual(['Kaster Musakhanuly', 'Murager Alimuly']);
    const [due] = JSON.parse((await a(['--json', 'due', '--within', '60'])).stdout);
    expect(due).toMatchObject({ note: 'hearing on extradition', case: { ref } });
    expect(due.people.map((p: { name: string }) => p.name).sort()).toEqual(['Kaster Musakhanuly', 'Murager Alimuly']);
    // Again: nothing new. And the other way round, B takes A's records onto its own case.
    expect((await a(['import', fromB, '--join-cases'])).stderr).toContain('0 added, 0 updated, 2 unchanged');
    expect((await b(['import', fileOf('a.json', (await a(['export'])).stdout), '--join-cases'])).code).toBe(0);
    const timeline = JSON.parse((await b(['--json', 'timeline', ref])).stdout);
    expect(timeline.events.map((e: { summary: string }) => e.summary)).toEqual(['Arrested at the border']);
    expect(JSON.parse((await b(['--json', 'show', ref])).stdout).title).toBe('Two men');
  });

  it('joins a case with --join-cases while adding a case of another reference from the same file', async () => {
    const a = onNewDatabase();
    const b = onNewDatabase();
    await a(['add', 'case', '--ref', 'UA 1/20', '--title', 'A']);
    await b(['add', 'case', '--ref', 'UA 1/20', '--title', 'B']);
    await b(['add', 'case', '--ref', 'UA 2/20', '--title', 'Another action']);
    await b(['add', 'person', 'Murager Alimuly', '--case', 'UA 2/20']);
    const fromB = fileOf('b.json', (await b(['export'])).stdout);
    const r = await a(['import', fromB, '--join-cases']);
    expect(r).toMatchObject({ code: 0 });
    expect(r.stderr).toContain('1 case joined to the one here of the same reference');
    expect(JSON.parse((await a(['--json', 'show', 'UA 2/20'])).stdout).people.map((p: { name: string }) => p.name)).toEqual(['Murager Alimuly']);
    // Not join: a case of a new reference is only new, also when nothing is to be joined.
    const c = onNewDatabase();
    await c(['add', 'case', '--ref', 'UA 9/20', '--title', 'C']);
    expect((await c(['import', fromB, '--join-cases'])).code).toBe(0);
  });

  it('keeps the appeal plan here when both databases planned appeals for the joined case, and takes their targets', async () => {
    const a = onNewDatabase();
    const b = onNewDatabase();
    const ref = 'EUR 57/1572/2019';
    for (const [c, who] of [[a, 'Prosecutor General'], [b, 'Minister of Justice']] as const) {
      await c(['add', 'case', '--ref', ref, '--title', 'Kazakhs at risk of return']);
      expect((await c(['add', 'target', who, '--title', who, '--address', 'Astana'])).code).toBe(0);
      expect((await c(['appeal', 'plan', ref, '--target', who, '--action', 'urging them not to return the two men'])).code).toBe(0);
    }
    const planHere = JSON.parse((await a(['export'])).stdout).plans;
    const r = await a(['import', fileOf('b.json', (await b(['export'])).stdout), '--join-cases']);
    expect(r.stderr).toContain('1 case joined to the one here of the same reference (its appeal plan left out: the case here keeps its own)');
    const after = JSON.parse((await a(['export'])).stdout);
    expect(after.plans).toEqual(planHere);
    expect(after.targets.map((t: { name: string }) => t.name).sort()).toEqual(['Minister of Justice', 'Prosecutor General']);
  });
});


describe('import of a file whose accents are decomposed (NFD), as some tools save text', () => {
  it('stores its names composed, as typed ones are, so the same file in either form is unchanged', async () => {
    const c = onNewDatabase();
    await c(['add', 'person', 'Nguyễn Văn Ân', '--alias', 'Əli Məmmədov Şahin']);
    await c(['add', 'event', 'Nguyễn Văn Ân', '--date', '2020-01-05', '--type', 'arrest', '--summary', 'Arrested in Hà Nội']);
    const composed = (await c(['export'])).stdout;
    const decomposed = fileOf('nfd.json', composed.normalize('NFD'));
    expect(composed.normalize('NFD')).not.toBe(composed);

    const other = onNewDatabase();
    expect((await other(['import', decomposed])).code).toBe(0);
    // Found by the composed name, as typed on most keyboards, and exported as the first database did.
    expect((await other(['show', 'Nguyễn Văn Ân'])).code).toBe(0);
    expect((await other(['export'])).stdout).toBe(composed);
    const again = await other(['import', fileOf('nfc.json', composed)]);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/0 added, 0 updated/);
  });

  it('takes a database an earlier caselog filled from such a file (its names decomposed) as holding the same records', async () => {
    const db = tempDb();
    const c = onNewDatabase(db);
    await c(['add', 'person', 'Nguyễn Văn Ân', '--alias', 'Şahin Kılıç']);
    const composed = (await c(['export'])).stdout;
    // As the earlier import left them: stored as the file spelt them.
    const decomposedHere = new Database(db);
    for (const row of decomposedHere.prepare('SELECT id FROM person_names').all() as Array<{ id: string }>) {
      const name = (JSON.parse(composed).people[0].names as Array<{ id: string; name: string }>).find((n) => n.id === row.id)!.name;
      decomposedHere.prepare('UPDATE person_names SET name = ? WHERE id = ?').run(name.normalize('NFD'), row.id);
    }
    decomposedHere.prepare('UPDATE people SET name = ?').run('Nguyễn Văn Ân'.normalize('NFD'));
    decomposedHere.close();
    for (const file of [fileOf('nfc.json', composed), fileOf('nfd.json', composed.normalize('NFD'))]) {
      const r = await c(['import', file]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/0 added, 0 updated/);
    }
  });
});
