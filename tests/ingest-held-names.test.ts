// "Hemit Memet (previously written as Khamit Memet)" while a Khamit Memet is tracked apart: ingest never
// gives Hemit Memet the other man's name (person alias refuses it: neither could then be found by
// name), and says so in the plan, with the merge to type if the two are one person.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, scriptedPrompter, tempDb } from './helpers/cli';

const UA = new URL('../../shared/samples/ua-77-98-further-information-1999.txt', import.meta.url).pathname;
let db: string;
const today = '2026-11-24';
const c = (args: string[]) => caselog(args, { db, today });
const namesOf = async (who: string) => JSON.parse((await c(['--json', 'show', who])).stdout).names as string[];
let hemit: string;
let khamit: string;
const idOf = async (args: string[]) => (JSON.parse((await c(['--json', ...args])).stdout) as { id: string }).id.slice(0, 10);

beforeEach(async () => {
  db = tempDb();
  expect((await c(['add', 'case', '--ref', 'UA 77/98', '--title', 'Fear of torture / fear of execution'])).code).toBe(0);
  hemit = await idOf(['add', 'person', 'Hemit Memet', '--case', 'UA 77/98']);
});

describe('ingest of another spelling that is a tracked person\'s own name', () => {
  it('with --yes, records the facts for the man named, without that name, and points to the merge', async () => {
    khamit = await idOf(['add', 'person', 'Khamit Memet', '--new']);
    const r = await c(['ingest', UA, '--case', 'UA 77/98', '--yes']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`note: "Khamit Memet" is not added as another name of Hemit Memet [${hemit}]: it is the name of Khamit Memet [${khamit}], tracked apart; if they are one person, caselog merge ${khamit} ${hemit}\n`);
    expect(await namesOf('Hemit Memet')).toEqual(['Hemit Memet']);
    // The name still finds the one man called so, as before the ingest.
    expect(await c(['timeline', 'Khamit Memet'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Khamit Memet — .*\n {2}no events recorded yet/) });
    expect((await c(['timeline', 'Hemit Memet'])).stdout).toContain('deported the three men');
  });

  it('says the ages rule the merge out when the document\'s age cannot be his', async () => {
    khamit = await idOf(['add', 'person', 'Khamit Memet', '--new', '--born', '1940']);
    const r = await c(['ingest', UA, '--case', 'UA 77/98', '--yes']);
    expect(r.stderr).toContain(`note: "Khamit Memet" is not added as another name of Hemit Memet [${hemit}]: it is the name of Khamit Memet [${khamit}], tracked apart; by age they are not one (Khamit Memet: born 1940; the document gives aged 28 on 11 February 1999)\n`);
    expect(await namesOf('Hemit Memet')).toEqual(['Hemit Memet']);
  });

  it('says so in the dry run, in text and JSON', async () => {
    khamit = await idOf(['add', 'person', 'Khamit Memet', '--new']);
    const dry = await c(['ingest', UA, '--case', 'UA 77/98', '--dry-run']);
    expect(dry.stdout).toContain(`person Hemit Memet (also Khamit Memet) — tracked as Hemit Memet, not adding "Khamit Memet" (the name of Khamit Memet [${khamit}], tracked apart), adding risks:`);
    const out = JSON.parse((await c(['--json', 'ingest', UA, '--case', 'UA 77/98', '--dry-run'])).stdout) as { candidates: Array<Record<string, unknown>> };
    expect(out.candidates.find((k) => k.name === 'Hemit Memet')).toMatchObject({
      action: 'tracked', notAdded: [{ name: 'Khamit Memet', heldBy: { id: expect.stringMatching(new RegExp(`^${khamit}`)), name: 'Khamit Memet' } }],
    });
  });

  it('says so on a terminal, in what is about to be recorded', async () => {
    khamit = await idOf(['add', 'person', 'Khamit Memet', '--new']);
    const prompter = scriptedPrompter(['new', 'new', 'accept', 'accept', 'accept', 'accept', 'accept', true]);
    const r = await caselog(['ingest', UA, '--case', 'UA 77/98'], { db, today, tty: true, prompter });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`  not added "Khamit Memet" as a name of Hemit Memet: it is the name of Khamit Memet [${khamit}], tracked apart\n`);
    expect(r.stderr).not.toMatch(/names {5}Khamit Memet/);
    expect(await namesOf('Hemit Memet')).toEqual(['Hemit Memet']);
  });
});
