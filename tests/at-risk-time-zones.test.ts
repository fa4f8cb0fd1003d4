// A case is dated by the day where it was added; in a time zone behind, that day is still tomorrow
// (a colleague's import, a laptop that flew west). Its people at risk must not vanish from at-risk there.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[], today: string) => caselog(args, { db, today });

beforeEach(() => {
  db = tempDb();
});

describe('at-risk where the day a case was added is still tomorrow', () => {
  it('lists its detained people', async () => {
    await c(['add', 'case', '--ref', 'UA 12/26', '--title', 'Incommunicado detention'], '2026-11-25');
    await c(['add', 'person', 'Omar Said', '--case', 'UA 12/26', '--status', 'detained', '--risk', 'torture'], '2026-11-25');
    const behind = await c(['at-risk'], '2026-11-24');
    expect(behind).toMatchObject({ code: 0, stdout: expect.stringContaining('Omar Said  UA 12/26') });
    expect(JSON.parse((await c(['at-risk', '--json'], '2026-11-24')).stdout)).toHaveLength(1);
    // The status recorded with them holds there too: what was recorded is known, not planned.
    expect(behind.stdout).toContain('detained');
    expect(JSON.parse((await c(['show', 'Omar Said', '--json'], '2026-11-24')).stdout).status).toBe('detained');
    expect((await c(['list', 'people'], '2026-11-24')).stdout).toMatch(/Omar Said\s+detained/);
  });

  it('leaves a status recorded two days on for that day (a later --today)', async () => {
    await c(['add', 'case', '--ref', 'UA 12/26', '--title', 'Incommunicado detention'], '2026-11-20');
    await c(['add', 'person', 'Omar Said', '--case', 'UA 12/26', '--status', 'detained', '--risk', 'torture'], '2026-11-26');
    expect(JSON.parse((await c(['show', 'Omar Said', '--json'], '2026-11-24')).stdout).status).toBe('unknown');
    expect(JSON.parse((await c(['show', 'Omar Said', '--json'], '2026-11-26')).stdout).status).toBe('detained');
  });

  it('still leaves out, in a look back, the people of a case opened later, with nothing known of them by then', async () => {
    await c(['add', 'case', '--ref', 'UA 12/26', '--title', 'Incommunicado detention', '--opened', '2026-11-30'], '2026-11-30');
    await c(['add', 'person', 'Omar Said', '--case', 'UA 12/26', '--risk', 'torture'], '2026-11-30');
    expect((await c(['at-risk'], '2026-11-24')).stdout).not.toContain('Omar Said');
    expect((await c(['at-risk'], '2026-11-30')).stdout).toContain('Omar Said');
  });
});
