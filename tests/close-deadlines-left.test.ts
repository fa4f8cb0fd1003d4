// Closing a case says how many deadlines not done leave due with it, and its dossier lists them
// rather than saying there are none.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(['--no-color', ...args], { db, today: '2026-11-24' });

beforeEach(async () => {
  db = tempDb();
  await c(['add', 'case', '--ref', 'C-OLD', '--title', 'old asylum case']);
  await c(['add', 'person', 'Dawit Kebede', '--case', 'C-OLD']);
  await c(['add', 'deadline', 'C-OLD', '--date', '2026-11-20', '--note', 'send the medical report']);
  await c(['add', 'deadline', 'Dawit Kebede', '--date', 'in 3 days', '--note', 'permit renewal interview']);
});

describe('close', () => {
  it('says how many open deadlines leave due, and how many of them are overdue', async () => {
    const r = await c(['close', 'C-OLD', '--reason', 'granted']);
    expect(r).toMatchObject({
      code: 0, stderr: 'Closed C-OLD on 24 November 2026 (granted): 2 open deadlines (1 overdue) leave "due"; it stays in timeline and show\n',
    });
  });

  it('says when none leave, and counts none marked done', async () => {
    await c(['add', 'case', '--ref', 'C-NONE', '--title', 'nothing due']);
    expect((await c(['close', 'C-NONE'])).stderr).toBe('Closed C-NONE on 24 November 2026: no open deadlines; it stays in timeline and show\n');
    const id = JSON.parse((await c(['--json', 'due'])).stdout)[0].id;
    await c(['done', id]);
    expect((await c(['close', 'C-OLD'])).stderr).toContain(': 1 open deadline leaves "due";');
  });
});

describe('the dossier of a closed case', () => {
  it('lists the deadlines never marked done, as on a closed case, for the case and for its people', async () => {
    await c(['close', 'C-OLD', '--reason', 'granted']);
    const table = [
      'None in open cases.', '',
      'Never marked done, on a closed case (due leaves them out):', '',
      '| Due | When | What | Case | People |',
      '| --- | --- | --- | --- | --- |',
      '| 20 November 2026 | **4 days overdue** | send the medical report | C-OLD | Dawit Kebede |',
      '| 27 November 2026 | in 3 days | permit renewal interview | C-OLD | Dawit Kebede |',
    ].join('\n');
    for (const who of ['C-OLD', 'Dawit Kebede']) {
      const md = (await c(['export', '--format', 'md', who])).stdout;
      expect(md).toContain(`## Open deadlines\n\n${table}\n\n## Sources`);
    }
  });
});

describe('the dossier\'s done deadlines', () => {
  it('lists those marked done after the open ones, with the day each was done, on a closed case as on an open one, for the case and its people', async () => {
    await c(['add', 'deadline', 'C-OLD', '--date', '2026-10-01', '--note', 'file the appeal']);
    const [filed] = JSON.parse((await c(['--json', 'due', '--within', '0'])).stdout) as Array<{ id: string; note: string }>;
    expect(filed!.note).toBe('file the appeal');
    expect((await caselog(['done', filed!.id], { db, today: '2026-09-28' })).code).toBe(0);
    const done = [
      '## Done deadlines', '',
      '| Due | Done on | What | Case | People |',
      '| --- | --- | --- | --- | --- |',
      '| 1 October 2026 | 28 September 2026 | file the appeal | C-OLD | Dawit Kebede |',
    ].join('\n');
    for (const who of ['C-OLD', 'Dawit Kebede']) {
      const open = (await c(['export', '--format', 'md', who])).stdout;
      expect(open).toContain(`| 27 November 2026 | in 3 days | permit renewal interview | C-OLD | Dawit Kebede |\n\n${done}\n\n## Sources`);
    }
    await c(['close', 'C-OLD', '--reason', 'granted']);
    for (const who of ['C-OLD', 'Dawit Kebede']) {
      const closed = (await c(['export', '--format', 'md', who])).stdout;
      expect(closed).toContain('Never marked done, on a closed case (due leaves them out):');
      expect(closed).toContain(`| 27 November 2026 | in 3 days | permit renewal interview | C-OLD | Dawit Kebede |\n\n${done}\n\n## Sources`);
    }
  });
});
