// Names written in another script in brackets after a name: kept as the person's other names, with
// the middle dot Chinese writes between a Uyghur name's parts, and several of them split at "/".
import { describe, expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

const DOC = 'Statement, 2 June 2021\n\n'
  + 'On 28 May 2021 police detained Uyghur poet Alim Yasin (\u963f\u91cc\u6728\u00b7\u4e9a\u68ee) in Almaty.\n\n'
  + 'On 29 May 2021 police detained Dilnur Kasim (\u8fea\u4e3d\u52aa\u5c14\u30fb\u5361\u65af\u6728) in Almaty.\n\n'
  + 'On 30 May 2021 police detained Nurmemet Ablet (\u52aa\u5c14\u4e70\u4e70\u63d0\u2027\u963f\u5e03\u6765\u63d0 / \u0646\u06c7\u0631\u0645\u06d5\u0645\u06d5\u062a \u0626\u0627\u0628\u0644\u06d5\u062a; \u041d\u0443\u0440\u043c\u0435\u043c\u0435\u0442 \u0410\u0431\u043b\u0435\u0442) in Taraz.\n';

describe('ingest keeps names in other scripts', () => {
  it('joined by a middle dot, and each of a "/"-separated list in brackets', async () => {
    const db = tempDb();
    const r = await caselog(['ingest', fileOf('scripts.txt', DOC), '--dry-run', '--json'], { db, today: '2026-11-22' });
    const people = (JSON.parse(r.stdout) as { candidates: Array<{ kind: string; name?: string; aliases?: string[] }> }).candidates.filter((c) => c.kind === 'person');
    const aliases = (name: string) => people.find((p) => p.name === name)?.aliases;
    expect(aliases('Alim Yasin')).toEqual(['\u963f\u91cc\u6728\u00b7\u4e9a\u68ee']);
    expect(aliases('Dilnur Kasim')).toEqual(['\u8fea\u4e3d\u52aa\u5c14\u30fb\u5361\u65af\u6728']);
    expect(aliases('Nurmemet Ablet')).toEqual(expect.arrayContaining(['\u52aa\u5c14\u4e70\u4e70\u63d0\u2027\u963f\u5e03\u6765\u63d0', '\u0646\u06c7\u0631\u0645\u06d5\u0645\u06d5\u062a \u0626\u0627\u0628\u0644\u06d5\u062a']));

    await caselog(['ingest', fileOf('scripts.txt', DOC), '--yes'], { db, today: '2026-11-22' });
    const shown = (await caselog(['show', 'Nurmemet Ablet'], { db, today: '2026-11-22' })).stdout;
    expect(shown).toContain('\u52aa\u5c14\u4e70\u4e70\u63d0\u2027\u963f\u5e03\u6765\u63d0');
    expect(shown).toContain('\u0646\u06c7\u0631\u0645\u06d5\u0645\u06d5\u062a \u0626\u0627\u0628\u0644\u06d5\u062a');
  });
});
