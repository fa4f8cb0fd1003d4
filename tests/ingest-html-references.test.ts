// caselog ingest of a saved web page: HTML's named character references are read as the characters
// they name (a name's letters written as &uuml;, a separator as &middot;), by the entities package;
// what names no character stays as written.
import { describe, expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

const PAGE = '<html><head><title>Kazakhstan &middot; News</title></head><body><main>'
  + '<p>G&uuml;lnara T&ouml;leubaeva was detained on 3 March 2020 in Almaty &middot; her lawyer said.</p>'
  + '<p>&Scaron;ar&#x131;k&NBSP;AT&T &amp; &#xD800; &bogus;</p></main></body></html>';

describe('a saved page written with named references', () => {
  it('proposes the person by the letters of their name, and keeps the text as it reads', async () => {
    const db = tempDb();
    const file = fileOf('page.html', PAGE);
    const dry = await caselog(['--json', 'ingest', file, '--dry-run'], { db, today: '2020-03-10' });
    expect(dry.code).toBe(0);
    const plan = JSON.parse(dry.stdout) as { source: { title: string }; candidates: Array<{ kind: string; name?: string }> };
    expect(plan.source.title).toBe('Kazakhstan \u00b7 News');
    expect(plan.candidates.filter((c) => c.kind === 'person').map((c) => c.name)).toEqual(['G\u00fclnara T\u00f6leubaeva']);

    expect((await caselog(['ingest', file, '--yes'], { db, today: '2020-03-10' })).code).toBe(0);
    const out = await caselog(['--json', 'export', '--format', 'json'], { db });
    const text = (JSON.parse(out.stdout) as { sources: Array<{ text: string }> }).sources[0]!.text;
    expect(text).toContain('Almaty \u00b7 her lawyer');
    expect(text).toContain('\u0160ar\u0131k');
    // Not references: "AT&T" and a name HTML does not know stay; a surrogate half is no character.
    expect(text).toContain('AT&T & &#xD800; &bogus;');
    expect(text).not.toContain('&middot;');
  });
});
