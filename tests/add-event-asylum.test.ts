// An asylum decision moves no status (the spec: it may be a refusal). Recorded as "Asylum granted", it
// left the person shown as detained, and at risk, without a word: add event now says so on stderr,
// with the command that records a grant; stdout and --json are as for any event.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2026-11-24' });
const decision = (...args: string[]) => c(['add', 'event', ...args, '--type', 'asylum-decision', '--summary', 'Asylum granted']);

beforeEach(async () => {
  db = tempDb();
  await c(['add', 'case', '--ref', 'UA 77/98', '--title', 'Fear of refoulement']);
  await c(['add', 'person', 'Hemit Memet', '--case', 'UA 77/98', '--status', 'detained', '--risk', 'refoulement']);
  await c(['add', 'person', 'Kasim Mahpir', '--case', 'UA 77/98', '--risk', 'refoulement']);
});

describe('add event --type asylum-decision', () => {
  it('says the status stays, and how to record a grant, after the line saying it was recorded', async () => {
    const r = await decision('Hemit Memet', '--date', '2026-11-24');
    expect(r).toMatchObject({ code: 0, stdout: '' });
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Recorded asylum-decision on 24 November 2026 for Hemit Memet \[e-\w+\]$/);
    expect(lines[1]).toBe('note: an asylum decision does not change Hemit Memet\'s status (detained); if asylum was granted: '
      + 'caselog status "Hemit Memet" protected --date 2026-11-24');
    // The status indeed stays, and the command offered records the grant.
    expect(JSON.parse((await c(['--json', 'show', 'Hemit Memet'])).stdout).status).toBe('detained');
    expect((await c(['status', 'Hemit Memet', 'protected', '--date', '2026-11-24'])).code).toBe(0);
    expect((await c(['at-risk'])).stdout).not.toContain('Hemit Memet');
  });

  it('names everyone it is about with their status, and keeps --json on stdout', async () => {
    const r = await c(['--json', 'add', 'event', 'Hemit Memet', 'Kasim Mahpir', '--date', '24 November 2026', '--type', 'asylum-decision', '--summary', 'Asylum granted']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ type: 'asylum-decision', summary: 'Asylum granted' });
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe('note: an asylum decision does not change the status of Hemit Memet (detained), Kasim Mahpir (unknown); '
      + 'if asylum was granted: caselog status "Hemit Memet" "Kasim Mahpir" protected --date "24 November 2026"');
  });

  it('on a case as a whole, says it changes nobody\'s status', async () => {
    const r = await decision('UA 77/98', '--date', '2026-11');
    expect(r.stderr).toContain('note: an asylum decision changes nobody\'s status; if asylum was granted: caselog status NAME... protected --date 2026-11\n');
  });

  it('says nothing of someone already protected, nor after an application or another event', async () => {
    await c(['status', 'Kasim Mahpir', 'protected', '--date', '2026-11-01']);
    expect((await decision('Kasim Mahpir', '--date', '2026-11-20')).stderr).not.toContain('note:');
    const application = await c(['add', 'event', 'Hemit Memet', '--date', '2026-11-20', '--type', 'asylum-application', '--summary', 'Applied for asylum']);
    expect(application.stderr).not.toContain('note:');
    const hearing = await c(['add', 'event', 'Hemit Memet', '--date', '2026-11-21', '--type', 'hearing', '--summary', 'Asylum hearing']);
    expect(hearing.stderr).not.toContain('note:');
  });
});
