// One report added by hand by two colleagues, without a reference: the import keeps both (nothing
// says they are one) and says they look alike, by URL or by title, publisher and date.
import { describe, expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

const today = '2026-11-24';
const desk = () => {
  const db = tempDb();
  return (args: string[]) => caselog(args, { db, today });
};
const report = ['--title', 'Border detentions', '--publisher', 'Kazakhstan Bureau', '--date', '2026-03-14'];
const sources = async (run: (args: string[]) => Promise<{ stdout: string }>) =>
  JSON.parse((await run(['export'])).stdout).sources as Array<{ id: string; title: string }>;

describe('import of a source without a reference that looks like one here', () => {
  it('adds it beside the one here and says they have the same URL', async () => {
    const [a, b] = [desk(), desk()];
    await a(['add', 'source', ...report, '--url', 'https://example.org/report']);
    await b(['add', 'source', ...report, '--url', 'https://example.org/report']);
    const here = (await sources(a))[0]!.id.slice(0, 10);
    const r = await a(['import', fileOf('b.json', (await b(['export'])).stdout)]);
    expect(r.code).toBe(0);
    const theirs = (await sources(a)).find((s) => !s.id.startsWith(here))!.id.slice(0, 10);
    expect(r.stderr).toContain(`note: source ${theirs} of the file, "Border detentions", looks like source ${here} here (the same URL), ` +
      `but the file's has no reference to match it by: added beside it; if they are one source, cite ${here} from now on (no command merges two sources)`);
  });

  it('says the same title, publisher and date when neither has a URL', async () => {
    const [a, b] = [desk(), desk()];
    await a(['add', 'source', ...report]);
    await b(['add', 'source', '--title', 'border  detentions', '--publisher', 'Kazakhstan Bureau', '--date', '14 March 2026']);
    const r = await a(['import', fileOf('b.json', (await b(['export'])).stdout), '--dry-run']);
    expect(r.stderr).toMatch(/looks like source s-\w+ here \(the same title, publisher and date\), but the file's has no reference to match it by: it would be added beside it;/);
  });

  it('says nothing of another report of the same publisher', async () => {
    const [a, b] = [desk(), desk()];
    await a(['add', 'source', ...report]);
    await b(['add', 'source', '--title', 'Border detentions', '--publisher', 'Kazakhstan Bureau', '--date', '2026-04-14']);
    const r = await a(['import', fileOf('b.json', (await b(['export'])).stdout)]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('looks like');
    expect(await sources(a)).toHaveLength(2);
  });
});
