// Who at-risk lists and which deadline it calls each one's next, in the text list and in --json
// alike (they are read by two statements that share these rules).
import { beforeAll, describe, expect, it } from 'vitest';
import { atRiskBlocks, caselog, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2024-05-01' });
const ok = async (args: string[]) => {
  const r = await c(args);
  expect(r.code, r.stderr).toBe(0);
  return r;
};

/** Each listed person's name and next deadline's note, from --json and from the text list. */
async function listed(extra: string[] = []): Promise<{ json: Array<[string, string | null]>; text: Array<[string, string | null]> }> {
  const people = JSON.parse((await ok(['--json', 'at-risk', ...extra])).stdout) as Array<{ name: string; nextDeadline: { note: string } | null }>;
  return {
    json: people.map((p) => [p.name, p.nextDeadline?.note ?? null]),
    text: atRiskBlocks((await ok(['at-risk', ...extra])).stdout).map((b) => [b.name, b.next]),
  };
}

beforeAll(async () => {
  db = tempDb();
  await ok(['add', 'case', '--ref', 'OPEN 1/24', '--title', 'Still followed']);
  await ok(['add', 'case', '--ref', 'SHUT 2/23', '--title', 'Closed dossier']);
  await ok(['add', 'person', 'Aruzhan Bekova', '--case', 'OPEN 1/24', '--case', 'SHUT 2/23', '--risk', 'torture']);
  await ok(['add', 'person', 'Dauren Serikov', '--case', 'SHUT 2/23', '--risk', 'torture']);
  await ok(['add', 'person', 'Gulnar Tokhtarova', '--risk', 'refoulement']);
  await ok(['add', 'person', 'Marat Omarov', '--case', 'OPEN 1/24', '--risk', 'unfair-trial']);
  await ok(['add', 'person', 'Saule Zhakupova', '--case', 'OPEN 1/24', '--risk', 'torture', '--status', 'protected']);
  await ok(['add', 'person', 'Timur Abenov', '--case', 'OPEN 1/24']);
  // On the case about to be closed, naming nobody or naming Aruzhan: counts for no one, however soon.
  await ok(['add', 'deadline', 'SHUT 2/23', '--date', '2024-05-02', '--note', 'closed case, whole']);
  await ok(['add', 'deadline', 'SHUT 2/23', 'Aruzhan Bekova', '--date', '2024-05-02', '--note', 'closed case, Aruzhan']);
  await ok(['close', 'SHUT 2/23', '--reason', 'the family asked us to stop']);
  // Naming Marat only: his, not Aruzhan's, though earlier than the case's own.
  await ok(['add', 'deadline', 'Marat Omarov', '--date', '2024-05-03', '--note', 'Marat only']);
  // On the open case, naming nobody: everyone in it.
  await ok(['add', 'deadline', 'OPEN 1/24', '--date', '2024-05-10', '--note', 'open case, whole']);
  // Done: counts for no one.
  await ok(['add', 'deadline', 'Gulnar Tokhtarova', '--date', '2024-05-04', '--note', 'already done']);
  const done = JSON.parse((await ok(['--json', 'due'])).stdout).find((d: { note: string }) => d.note === 'already done');
  await ok(['done', done.id]);
  // Someone in no case, with a deadline of their own.
  await ok(['add', 'deadline', 'Gulnar Tokhtarova', '--date', '2024-06-01', '--note', 'Gulnar, no case']);
});

describe('at-risk chooses', () => {
  it('people with risks in an open case or in none, not those only in closed cases, protected, or without risks', async () => {
    const { json, text } = await listed();
    expect(json.map(([name]) => name).sort()).toEqual(['Aruzhan Bekova', 'Gulnar Tokhtarova', 'Marat Omarov']);
    expect(text).toEqual(json);
  });

  it("each one's next deadline: their own or their open case's, never a closed case's or a done one", async () => {
    const { json, text } = await listed();
    expect(Object.fromEntries(json)).toEqual({
      'Aruzhan Bekova': 'open case, whole',
      'Gulnar Tokhtarova': 'Gulnar, no case',
      'Marat Omarov': 'Marat only',
    });
    expect(text).toEqual(json);
  });

  it('with --risk, only the people facing that risk, with the same next deadlines', async () => {
    const { json, text } = await listed(['--risk', 'torture']);
    expect(json).toEqual([['Aruzhan Bekova', 'open case, whole']]);
    expect(text).toEqual(json);
  });
});

describe('at-risk --limit', () => {
  it('shows only the most urgent, in the same order as the whole list, and says how many are left out', async () => {
    const whole = (await listed()).text.map(([name]) => name);
    expect(whole).toHaveLength(3);
    const r = await ok(['at-risk', '--limit', '2']);
    expect(atRiskBlocks(r.stdout).map((b) => b.name)).toEqual(whole.slice(0, 2));
    expect(r.stderr).toBe('1 more person at risk not shown: caselog at-risk --limit 0 shows them all\n');
    const json = await ok(['--json', 'at-risk', '--limit', '1']);
    expect((JSON.parse(json.stdout) as Array<{ name: string }>).map((p) => p.name)).toEqual(whole.slice(0, 1));
    expect(json.stderr).toBe('2 more people at risk not shown: caselog at-risk --limit 0 shows them all\n');
    expect((await ok(['at-risk', '--limit', '3'])).stderr).toBe('');
    // 0 is the whole list, as for due and list.
    expect(await ok(['at-risk', '--limit', '0'])).toEqual(await ok(['at-risk']));
  });

  it('refuses a second --risk as a usage error, rather than listing only the last one', async () => {
    const r = await c(['at-risk', '--risk', 'torture', '--risk', 'refoulement']);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toMatch(/--risk takes one value: "torture" and "refoulement" were both given/);
    expect((await c(['at-risk', '--risk', 'tortur'])).stderr).toMatch(/"tortur" is not a risk caselog knows: did you mean torture\? \(one of torture, /);
  });

  it('refuses a limit that is not a whole number of 0 or more as a usage error', async () => {
    for (const bad of ['-1', '2.5', '1e3', 'all']) {
      const r = await c(['at-risk', '--limit', bad]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--limit takes a whole number of 0 or more/);
      expect(r.stdout).toBe('');
    }
  });
});

describe('at-risk with partial dates and a name in another script', () => {
  it('shows a month deadline and approximate news as written, in the text list and --json alike', async () => {
    const own = tempDb();
    const d = (args: string[]) => caselog(args, { db: own, today: '2024-05-01' });
    expect((await d(['add', 'person', 'Жанар Исаева', '--risk', 'enforced-disappearance'])).code).toBe(0);
    expect((await d(['add', 'event', 'Жанар Исаева', '--date', 'c. 2019', '--type', 'disappearance', '--summary', 'Not seen since'])).code).toBe(0);
    expect((await d(['add', 'deadline', 'Жанар Исаева', '--date', 'June 2024', '--note', 'ask the prosecutor again'])).code).toBe(0);
    const [block] = atRiskBlocks((await d(['at-risk'])).stdout);
    expect(block).toMatchObject({ head: 'Жанар Исаева  disappeared', next: 'ask the prosecutor again', nextDate: 'June 2024' });
    expect((await d(['at-risk'])).stdout).toMatch(/^ {2}latest news c\. 2019 \(about \d+ years ago\)$/m);
    const [person] = JSON.parse((await d(['--json', 'at-risk'])).stdout);
    expect(person.nextDeadline).toMatchObject({ date: '2024-06', precision: 'month', approximate: false, daysLeft: 31 });
    expect(person.latestNews).toMatchObject({ date: '2019', precision: 'year', approximate: true });
  });
});

describe('at-risk among people of equal urgency', () => {
  it('puts the longer silent first, whatever their names (silence stops adding to urgency after a few years)', async () => {
    const own = tempDb();
    const o = (args: string[]) => caselog(args, { db: own, today: '2026-11-23' });
    await o(['add', 'person', 'Alim Yasin', '--risk', 'torture']);
    await o(['add', 'person', 'Zumret Osman', '--risk', 'torture']);
    await o(['add', 'event', 'Alim Yasin', '--date', '2023', '--type', 'disappearance', '--summary', 'No contact since']);
    await o(['add', 'event', 'Zumret Osman', '--date', '2017', '--type', 'disappearance', '--summary', 'No contact since']);
    const ranked = JSON.parse((await o(['--json', 'at-risk'])).stdout) as Array<{ name: string; urgency: number }>;
    expect(ranked[0]!.urgency).toBe(ranked[1]!.urgency);
    expect(ranked.map((r) => r.name)).toEqual(['Zumret Osman', 'Alim Yasin']);
  });
});
