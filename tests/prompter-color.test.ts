// The real prompts follow the colour setting: with colour off (--no-color, NO_COLOR) they are drawn
// without a single colour or style code, and still answer as before.
import { render } from '@inquirer/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { inquirerPrompter, type Prompter } from '../src/prompter';

// inquirer's colour library decides once, when it loads, from the environment alone; force it on so
// that only caselog's setting can turn colour off here.
const forced = process.env.FORCE_COLOR;
process.env.FORCE_COLOR = '1';
afterAll(() => {
  if (forced === undefined) delete process.env.FORCE_COLOR;
  else process.env.FORCE_COLOR = forced;
});

const SGR = /\u001b\[[\d;]*m/; // colour, bold, dim: not the cursor moves a prompt also writes

/** Shows one question through caselog's prompter on test streams; returns what was drawn and the answer. */
type Keys = { type(t: string): void; keypress(k: string): void };
const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 20));

async function ask<T>(color: boolean, question: (p: Prompter) => Promise<T>, keys: (e: Keys) => void | Promise<void>) {
  const drawn = await render(
    ((_: unknown, streams: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream }) =>
      inquirerPrompter({ color, streams }).then(question)) as never,
    {},
  );
  // The prompt library is imported on first use: wait until the question is on screen.
  for (let i = 0; i < 200 && drawn.getFullOutput() === ''; i++) await new Promise((r) => setTimeout(r, 10));
  const screen = drawn.getFullOutput();
  await keys(drawn.events);
  const answer = (await drawn.answer) as T;
  return { screen, all: drawn.getFullOutput(), answer };
}

const enter = (e: { keypress(k: string): void }) => e.keypress('enter');

describe('prompts and --no-color', () => {
  it('start a choice on the current value when given, so that Enter keeps it', async () => {
    const choices = ['arrest', 'hearing', 'deportation'].map((t) => ({ name: t, value: t }));
    expect((await ask(false, (p) => p.select('What kind of event?', choices, 'deportation'), enter)).answer).toBe('deportation');
    expect((await ask(false, (p) => p.select('What kind of event?', choices), enter)).answer).toBe('arrest');
  });

  it('draw each choice on one line: a case title holding a line break does not look like two choices', async () => {
    const choices = [{ name: 'UA 5/26 \u2014 Fear of torture\nUA 7/26 \u2014 Released', value: 'c-1' }, { name: 'KZ 2019/12 \u2014 Asylum', value: 'c-2' }];
    const picked = await ask(false, (p) => p.select('Which case?', choices), enter);
    expect(picked.screen).toContain('UA 5/26 \u2014 Fear of torture UA 7/26 \u2014 Released');
    expect(picked.screen).not.toMatch(/^\s*UA 7\/26/m);
    expect(picked.answer).toBe('c-1');
  });

  it("cut a choice longer than the terminal is wide at its width, with …, so a long case title does not fill the list", async () => {
    const title = `UA 9/26 — ${'Fear of torture and of return to China, '.repeat(8)}end`;
    const drawn = await render(
      ((_: unknown, streams: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream & { columns?: number } }) => {
        streams.output.columns = 40;
        return inquirerPrompter({ color: false, streams }).then((p) => p.select('Which case?', [{ name: title, value: 'c-1' }, { name: 'A new case', value: 'new' }]));
      }) as never,
      {},
    );
    for (let i = 0; i < 200 && drawn.getFullOutput() === ''; i++) await new Promise((r) => setTimeout(r, 10));
    const screen = drawn.getScreen();
    // 40 columns: the cursor and its space, and 36 for the choice, the last of them the ….
    expect(screen.split('\n').slice(0, 3)).toEqual(['? Which case?', '❯ UA 9/26 — Fear of torture and of re…', '  A new case']);
    drawn.events.keypress('enter');
    expect(await drawn.answer).toBe('c-1');
  });

  it('draw the confirmation with colour when colour is on (so the next checks can fail)', async () => {
    const { screen } = await ask(true, (p) => p.confirm('Record it?', true), enter);
    expect(screen).toMatch(SGR);
  });

  it('draw a confirmation, a choice, a question with a default and a refusal without colour when it is off', async () => {
    const confirm = await ask(false, (p) => p.confirm('Record it?', true), enter);
    expect(confirm.screen).toContain('? Record it? (Y/n)');
    expect(confirm.all).not.toMatch(SGR);
    expect(confirm.answer).toBe(true);

    const select = await ask(false, (p) => p.select('What kind of event?', [{ name: 'arrest', value: 'arrest' }, { name: 'hearing', value: 'hearing', description: 'in court' }]),
      (e) => { e.keypress('down'); e.keypress('enter'); });
    expect(select.screen).toContain('arrest');
    expect(select.all).not.toMatch(SGR);
    expect(select.answer).toBe('hearing');

    const input = await ask(false, (p) => p.input('When?', { default: '1999', validate: (v) => (v === '03/04/1999' ? 'use 1999-04-03' : true) }),
      async (e) => {
        e.type('03/04/1999');
        e.keypress('enter');
        await tick();
        for (let i = 0; i < 10; i++) e.keypress('backspace');
        e.type('1999-04-03');
        e.keypress('enter');
      });
    expect(input.screen).toContain('When? (1999)');
    expect(input.all).toContain('> use 1999-04-03');
    expect(input.all).not.toMatch(SGR);
    expect(input.answer).toBe('1999-04-03');
  });

  it('tick several choices with space, refusing none at all, without colour when it is off', async () => {
    const men = ['Hemit Memet', 'Kasim Mahpir', 'Ilyas Zordun'].map((name) => ({ name, value: name }));
    const ticked = await ask(false, (p) => p.checkbox('About whom?', men, { validate: (v) => (v.length > 0 ? true : 'tick at least one') }),
      async (e) => {
        e.keypress('enter');
        await tick();
        e.keypress('space');
        e.keypress('down');
        e.keypress('down');
        e.keypress('space');
        e.keypress('enter');
      });
    expect(ticked.all).toContain('> tick at least one');
    expect(ticked.all).not.toMatch(SGR);
    expect(ticked.answer).toEqual(['Hemit Memet', 'Ilyas Zordun']);
  });

  it('search the choices as they are typed, without colour when it is off', async () => {
    const sources = [{ name: 'EUR 57/12/98 \u2014 EXTRA 77/98', value: 's-1' }, { name: 'EUR 57/1572/2019 \u2014 Kazakhstan', value: 's-2' }];
    const found = await ask(false, (p) => p.search('Source?', (typed) => sources.filter((s) => s.name.toLowerCase().includes(typed.toLowerCase()))),
      async (e) => {
        e.type('kazakh');
        await tick();
        e.keypress('enter');
      });
    expect(found.all).not.toMatch(SGR);
    expect(found.answer).toBe('s-2');
  });
});
