// A document's name only close to a tracked person's (a spelling variant): a writing command uses it
// only after confirmation on a terminal and otherwise refuses, naming the person it would have meant
// (spec: Commands). ingest --yes cannot ask: it records nothing, and says how to settle the name.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

let db: string;
const today = '2026-11-24';
const c = (args: string[]) => caselog(args, { db, today });
const exported = async () => (await c(['export', '--format', 'json'])).stdout;
const DOC = 'URGENT ACTION\n\nASA 17/26, 21 November 2026\n\nChina: student arrested\n\nLi Yuhang, a student, was arrested on 19 November 2026 in Beijing.\n';
let doc: string;
let yuhan: string;

beforeEach(async () => {
  db = tempDb();
  doc = fileOf('ua.txt', DOC);
  expect((await c(['add', 'case', '--ref', 'ASA 17/26', '--title', 'China: human rights lawyers'])).code).toBe(0);
  yuhan = (JSON.parse((await c(['--json', 'add', 'person', 'Li Yuhan', '--case', 'ASA 17/26', '--gender', 'female'])).stdout) as { id: string }).id.slice(0, 10);
});

describe('ingest --yes given a name only close to a tracked one', () => {
  it('records nothing, naming the person it would have meant and how to settle it', async () => {
    const before = await exported();
    const r = await c(['ingest', doc, '--case', 'ASA 17/26', '--yes']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`caselog: nothing was recorded: "Li Yuhang" is not a stored name; it looks like Li Yuhan [${yuhan}] (close spelling, score 0.85), who may be someone else. ` +
      'To decide, ingest it on a terminal without --yes; or, if they are one person, caselog person alias "Li Yuhan" "Li Yuhang"; ' +
      'if not, caselog add person "Li Yuhang" --new --case "ASA 17/26"; then ingest it again\n');
    expect(await exported()).toBe(before);
    // The spelling was not given to her: a writing command still refuses it.
    expect((await c(['add', 'event', 'Li Yuhang', '--date', '2026-11-20', '--type', 'detention', '--summary', 'held'])).code).toBe(1);
  });

  it('records it for her once the spelling is one of her names, and for someone new once they are tracked', async () => {
    const other = tempDb();
    expect((await c(['person', 'alias', 'Li Yuhan', 'Li Yuhang'])).code).toBe(0);
    expect((await c(['ingest', doc, '--case', 'ASA 17/26', '--yes'])).stderr).toContain('0 new people, 1 event');
    expect((await c(['timeline', 'Li Yuhan'])).stdout).toContain('was arrested on 19 November 2026');

    db = other;
    await c(['add', 'case', '--ref', 'ASA 17/26', '--title', 'China: human rights lawyers']);
    await c(['add', 'person', 'Li Yuhan', '--case', 'ASA 17/26']);
    expect((await c(['add', 'person', 'Li Yuhang', '--new', '--case', 'ASA 17/26'])).code).toBe(0);
    expect((await c(['ingest', doc, '--case', 'ASA 17/26', '--yes'])).code).toBe(0);
    expect((await c(['timeline', 'Li Yuhang'])).stdout).toContain('was arrested on 19 November 2026');
    expect((await c(['timeline', 'Li Yuhan'])).stdout).toContain('no events recorded yet');
  });

  it('lists several such names in one refusal', async () => {
    await c(['add', 'person', 'Wang Quanzhang', '--case', 'ASA 17/26']);
    const two = fileOf('two.txt', `${DOC}\nWang Quanzheng, a lawyer, was arrested on 19 November 2026 in Beijing.\n`);
    const r = await c(['ingest', two, '--case', 'ASA 17/26', '--yes']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^caselog: nothing was recorded: names in it are not stored but look like tracked people, who may be others: "Li Yuhang" like Li Yuhan \[p-\w+\] \(close spelling, score 0\.85\); "Wang Quanzheng" like Wang Quanzhang \[p-\w+\] \(spelling variant \(vowels\), score 0\.93\)\. .*caselog person alias TRACKED-NAME DOCUMENT-NAME/);
  });

  it('leaves out someone named by their office whose name is close to a tracked one, rather than refusing', async () => {
    const hrw = new URL('../../shared/samples/hrw-kazakhstan-asylum-seekers-2020.txt', import.meta.url).pathname;
    expect((await c(['add', 'person', 'Darhan Dilmanov'])).code).toBe(0);
    const r = await c(['ingest', hrw, '--yes']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Left out Darkhan Dilmanov: named as Deputy Chief');
    expect(JSON.parse((await c(['--json', 'show', 'Darhan Dilmanov'])).stdout).names).toEqual(['Darhan Dilmanov']);
  });
});

describe('ingest --dry-run given a name only close to a tracked one', () => {
  it('shows it as close to the tracked person, not as tracked, and says --yes would record nothing', async () => {
    const r = await c(['ingest', doc, '--case', 'ASA 17/26', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('tracked as');
    expect(r.stdout).toContain(`person Li Yuhang — close to Li Yuhan [${yuhan}] (close spelling, score 0.85), not one of their names: theirs only if confirmed on a terminal; --yes records nothing\n`);
    // The arrest names the document's spelling, not her.
    expect(r.stdout).toContain('19 November 2026  event arrest — Li Yuhang\n');
    expect(r.stderr).toContain(`note: --yes would record nothing: "Li Yuhang" is not a stored name; it looks like Li Yuhan [${yuhan}]`);
  });

  it('gives in JSON no tracked person for it, the one it is close to, and confirm as what --yes does', async () => {
    const out = JSON.parse((await c(['--json', 'ingest', doc, '--case', 'ASA 17/26', '--dry-run'])).stdout) as { candidates: Array<Record<string, unknown>> };
    const person = out.candidates.find((k) => k.kind === 'person')!;
    expect(person).toMatchObject({ name: 'Li Yuhang', tracked: null, action: 'confirm', people: [{ id: null, name: 'Li Yuhang' }],
      closeTo: { id: expect.stringMatching(new RegExp(`^${yuhan}`)), name: 'Li Yuhan', match: 'close spelling, score 0.85' } });
    expect(out.candidates.find((k) => k.kind === 'event')).toMatchObject({ people: [{ id: null, name: 'Li Yuhang' }] });
  });
});
