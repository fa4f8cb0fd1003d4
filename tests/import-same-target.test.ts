// Two colleagues who each added the Minister an Urgent Action names hold two targets of one name and
// title: an import takes the file's as the one here (the rule by which add target refuses a second),
// its plans and letters naming that one; never a second TOKAYEV that appeal plan --target cannot tell
// apart, and that no command deletes.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let ours: string;
let theirs: string;
const c = (args: string[], db = ours) => caselog(args, { db, today: '2026-11-24' });
const json = async (args: string[], db = ours) => JSON.parse((await c(['--json', ...args], db)).stdout);

beforeEach(async () => {
  ours = tempDb();
  theirs = tempDb();
  for (const [db, fax] of [[ours, '(7 3172) 32 42 64'], [theirs, '(7 3172) 32 42 65']] as const) {
    expect((await c(['add', 'case', '--ref', 'UA 1', '--title', 'Fear of torture'], db)).code).toBe(0);
    expect((await c(['add', 'target', 'Kasymzhomart TOKAYEV', '--title', 'Minister', '--fax', fax], db)).code).toBe(0);
  }
  expect((await c(['appeal', 'sent', 'UA 1', '--target', 'TOKAYEV', '--via', 'fax', '--date', '2026-11-02'], theirs)).code).toBe(0);
});

async function theirExport(): Promise<string> {
  const file = join(dirname(theirs), 'theirs.json');
  writeFileSync(file, (await c(['export'], theirs)).stdout);
  return file;
}

describe('import of an appeal target whose name and title a target here has', () => {
  it('takes it as the target here, which keeps its own fax, the file\'s letters naming it; again, nothing changes', async () => {
    const [here] = (await json(['export'])).targets as Array<{ id: string }>;
    const [there] = (await json(['export'], theirs)).targets as Array<{ id: string }>;
    const file = await theirExport();
    const r = await c(['import', file, '--join-cases']);
    expect(r, r.stderr).toMatchObject({ code: 0 });
    expect(r.stderr).toContain(`note: appeal target ${there!.id.slice(0, 10)} of the file, Kasymzhomart TOKAYEV (Minister), is target ${here!.id.slice(0, 10)} here ` +
      '(the same name and title): taken as that one, which keeps its own fax (the file\'s differs); the file\'s appeal plans and letters name it');
    const after = await json(['export']);
    expect(after.targets).toEqual([expect.objectContaining({ id: here!.id, fax: '(7 3172) 32 42 64' })]);
    expect(after.appeals).toEqual([expect.objectContaining({ target: here!.id })]);
    expect(after.plans[0].targets).toEqual([here!.id]);
    // The name still reaches one target.
    const plan = await c(['appeal', 'plan', 'UA 1', '--target', 'TOKAYEV']);
    expect(plan.code, plan.stderr).toBe(0);
    expect((await c(['import', file, '--join-cases'])).stderr).toContain(': 0 added, 0 updated, 4 unchanged');
  });
});
