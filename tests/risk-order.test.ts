// A person's risks read in one order wherever they are listed: gravest first (those as grave as each
// other alphabetically), as list people heads its column. at-risk wrote "refoulement, torture" where
// list people wrote "torture, refoulement".
// JSON keeps the stored order (alphabetical), which scripts may rely on.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2026-11-24' });
const GRAVEST_FIRST = 'death-penalty, enforced-disappearance, torture, refoulement, health';

beforeEach(async () => {
  db = tempDb();
  await c(['add', 'case', '--ref', 'UA 77/98', '--title', 'Fear of torture']);
  await c(['add', 'person', 'Hemit Memet', '--case', 'UA 77/98', '--status', 'detained',
    '--risk', 'refoulement', '--risk', 'health', '--risk', 'torture', '--risk', 'death-penalty', '--risk', 'enforced-disappearance']);
});

describe("a person's risks", () => {
  it('read gravest first in list people, at-risk, show, risk and the dossier', async () => {
    expect((await c(['list', 'people'])).stdout).toContain(GRAVEST_FIRST);
    expect((await c(['at-risk'])).stdout).toContain(`\n  risks: ${GRAVEST_FIRST}\n`);
    expect((await c(['show', 'Hemit Memet'])).stdout).toContain(`\n  risks: ${GRAVEST_FIRST}\n`);
    expect((await c(['risk', 'Hemit Memet'])).stdout).toBe(`Hemit Memet: ${GRAVEST_FIRST}\n`);
    const dossier = (await c(['export', '--format', 'md', 'UA 77/98'])).stdout;
    expect(dossier).toContain('- **Risks:** death penalty, enforced disappearance, torture, refoulement, health\n');
    const changed = await c(['risk', 'Hemit Memet', '--remove', 'health']);
    expect(changed.stderr).toContain('risks now death-penalty, enforced-disappearance, torture, refoulement (removed health)');
  });

  it('keep their alphabetical order in JSON', async () => {
    const alphabetical = ['death-penalty', 'enforced-disappearance', 'health', 'refoulement', 'torture'];
    expect(JSON.parse((await c(['--json', 'show', 'Hemit Memet'])).stdout).risks).toEqual(alphabetical);
    expect(JSON.parse((await c(['--json', 'at-risk'])).stdout)[0].risks).toEqual(alphabetical);
    expect(JSON.parse((await c(['--json', 'list', 'people'])).stdout)[0].risks).toEqual(alphabetical);
  });
});
