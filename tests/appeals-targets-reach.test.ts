// Appeal targets reached by post, fax or email: any one way will do.
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

let db: string;
const c = (args: string[], on = db) => caselog(args, { db: on, today: '1999-03-01' });
const PROCURATOR = ['add', 'target', 'ZHANG Siqing', '--title', "Procurator-General of the Supreme People's Procuratorate"];

beforeEach(async () => {
  db = tempDb();
  await c(['add', 'case', '--ref', 'UA 77/98', '--title', 'Fear of torture']);
  await c(['add', 'person', 'Hemit Memet', '--case', 'UA 77/98', '--risk', 'torture']);
});

describe('a target reached only by fax or email', () => {
  it('is added, listed and shown without an address, and gets a letter', async () => {
    const r = await c([...PROCURATOR, '--fax', '+86 10 6512 2345']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("Added target ZHANG Siqing, Procurator-General of the Supreme People's Procuratorate");
    expect((await c(['add', 'target', 'Ms X', '--title', 'Ombudsperson', '--email', 'x@example.org'])).code).toBe(0);
    const list = (await c(['list', 'targets'])).stdout;
    expect(list).toContain("ZHANG Siqing — Procurator-General of the Supreme People's Procuratorate  t-");
    expect(list).toMatch(/Procuratorate {2}t-\w+\n {2}fax: \+86 10 6512 2345\n/);
    const [zhang] = JSON.parse((await c(['--json', 'list', 'targets'])).stdout).filter((t: { name: string }) => t.name === 'ZHANG Siqing');
    expect(zhang.address).toEqual([]);
    expect((await c(['show', zhang.id])).stdout).not.toContain('address:');
    await c(['appeal', 'plan', 'UA 77/98', '--target', 'ZHANG', '--action', 'urging that he not be tortured']);
    const letter = await c(['appeal', 'letters', 'UA 77/98']);
    expect(letter.code).toBe(0);
    expect(letter.stdout).toContain("Procurator-General of the Supreme People's Procuratorate");
  });

  it('goes out by export and comes back by import as it was', async () => {
    await c([...PROCURATOR, '--email', 'spp@example.cn']);
    const exported = (await c(['export', '--format', 'json'])).stdout;
    expect(JSON.parse(exported).targets[0]).toMatchObject({ name: 'ZHANG Siqing', address: [], email: 'spp@example.cn' });
    const other = tempDb();
    expect((await c(['import', fileOf('all.json', exported)], other)).code).toBe(0);
    expect((await c(['export', '--format', 'json'], other)).stdout).toBe(exported);
  });

  it('refuses an import of a target with no way to reach it', async () => {
    await c([...PROCURATOR, '--email', 'spp@example.cn']);
    const exported = JSON.parse((await c(['export', '--format', 'json'])).stdout);
    exported.targets[0].email = null;
    const r = await c(['import', fileOf('bad.json', JSON.stringify(exported))], tempDb());
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('needs a way to reach the target: "address" lines, "fax" or "email"');
  });

  it('may lose its address by edit while a fax or email stays, but not its last way', async () => {
    await c([...PROCURATOR, '--address', 'Beijingshi', '--fax', '+86 10 6512 2345']);
    expect((await c(['edit', 'ZHANG Siqing', '--address', ''])).code).toBe(0);
    const r = await c(['edit', 'ZHANG Siqing', '--fax', '']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('ZHANG Siqing would have no address, fax or email left: a letter needs one way to reach them');
    expect(JSON.parse((await c(['--json', 'list', 'targets'])).stdout)[0]).toMatchObject({ address: [], fax: '+86 10 6512 2345' });
  });
});

describe('appeal sent notes what does not fit, and records the letter all the same', () => {
  beforeEach(async () => {
    await c([...PROCURATOR, '--fax', '+86 10 6512 2345']);
    await c(['add', 'target', 'JIANG Zemin', '--title', "President of the People's Republic of China", '--address', 'Beijingshi', '--email', 'p@example.cn']);
  });

  it('sent by email, fax or post to a target with no such way recorded', async () => {
    const email = await c(['appeal', 'sent', 'UA 77/98', '--target', 'ZHANG', '--target', 'JIANG', '--via', 'email']);
    expect(email.code).toBe(0);
    expect(email.stderr).toMatch(/note: no email is recorded for ZHANG Siqing: to keep it, caselog edit t-\w+ --email ADDRESS\n/);
    expect(email.stderr).not.toContain('for JIANG Zemin');
    const fax = await c(['appeal', 'sent', 'UA 77/98', '--target', 'JIANG', '--via', 'fax']);
    expect(fax.stderr).toMatch(/note: no fax is recorded for JIANG Zemin: to keep it, caselog edit t-\w+ --fax NUMBER\n/);
    const post = await c(['appeal', 'sent', 'UA 77/98', '--target', 'ZHANG', '--via', 'post']);
    expect(post.stderr).toContain('note: no address is recorded for ZHANG Siqing');
    expect((await c(['appeal', 'sent', 'UA 77/98', '--target', 'ZHANG', '--via', 'fax', '--date', '1999-02-27'])).stderr).not.toContain('note:');
    const plan = JSON.parse((await c(['--json', 'appeal', 'plan', 'UA 77/98'])).stdout);
    expect(plan.targets.map((t: { sent: unknown[] }) => t.sent.length)).toEqual([3, 2]);
  });

  it('on a closed case', async () => {
    await c(['close', 'UA 77/98', '--reason', 'released']);
    const r = await c(['appeal', 'sent', 'UA 77/98', '--target', 'ZHANG']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('note: UA 77/98 is closed (since 1 March 1999): the letter is recorded all the same; caselog reopen "UA 77/98" if the case goes on');
  });

  it('closed after the letter went: no note, the case was open on its day', async () => {
    await c(['close', 'UA 77/98', '--reason', 'released']);
    const earlier = await caselog(['appeal', 'sent', 'UA 77/98', '--target', 'ZHANG'], { db, today: '1999-02-20' });
    expect(earlier.code).toBe(0);
    expect(earlier.stderr).toContain('Recorded appeal to ZHANG Siqing on 20 February 1999');
    expect(earlier.stderr).not.toContain('is closed');
    expect((await c(['appeal', 'sent', 'UA 77/98', '--target', 'ZHANG', '--date', '1999-02-28'])).stderr).not.toContain('is closed');
  });
});

describe('add target', () => {
  it('notes a target of the same name in another office (or with its title spelt otherwise)', async () => {
    const first = JSON.parse((await c(['--json', 'add', 'target', 'JIANG Zemin', '--title', "President of the People's Republic of China", '--address', 'Beijingshi'])).stdout);
    const other = await c(['add', 'target', 'Jiang Zemin', '--title', 'Chairman of the Central Military Commission', '--address', 'Beijingshi']);
    expect(other.code).toBe(0);
    expect(other.stderr).toContain(`note: close to target ${first.id.slice(0, 10)} JIANG Zemin (President of the People's Republic of China)\n`);
    expect((await c(['add', 'target', 'XIAO Yang', '--title', "President of the Supreme People's Court", '--address', 'Beijingshi'])).stderr).not.toContain('close to');
    // The same name written otherwise: with a name left out, in another order.
    const minister = JSON.parse((await c(['--json', 'add', 'target', 'Kasymzhomart Kemel-uly TOKAYEV', '--title', 'Minister of Foreign Affairs', '--address', 'g. Astana'])).stdout);
    expect((await c(['add', 'target', 'Kasymzhomart Tokayev', '--title', 'Prime Minister', '--address', 'g. Astana'])).stderr)
      .toContain(`note: close to target ${minister.id.slice(0, 10)} Kasymzhomart Kemel-uly TOKAYEV (Minister of Foreign Affairs)\n`);
    expect((await c(['add', 'target', 'Zemin Jiang', '--title', 'General Secretary', '--address', 'Beijingshi'])).stderr).toContain('close to target');
    expect((await c(['add', 'target', 'WANG Yang', '--title', 'Vice Premier', '--address', 'Beijingshi'])).stderr).not.toContain('close to');
  });
});
