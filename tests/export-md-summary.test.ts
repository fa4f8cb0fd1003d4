// A case summary of several paragraphs in the Markdown dossier: laid out as show lays it out, one
// paragraph after another, and no line of it read as Markdown of its own (a list, a heading).
import { describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';

const SUMMARY = 'Held incommunicado since March.\nFamily not told where.\n\n\n- Lawyer denied access\n# twice\n\n   Second paragraph.  ';

describe('a case summary in the Markdown dossier', () => {
  it('keeps its paragraphs and line breaks, each line escaped, on the case and on its people', async () => {
    const db = tempDb();
    const c = (args: string[]) => caselog(args, { db, today: '2026-11-24' });
    await c(['add', 'case', '--ref', 'UA 5/26', '--title', 'Fear of torture', '--summary', SUMMARY]);
    await c(['add', 'person', 'Mona Kamal', '--case', 'UA 5/26']);
    const written = [
      'Held incommunicado since March.\\',
      'Family not told where.',
      '',
      '\\- Lawyer denied access\\',
      '\\# twice',
      '',
      'Second paragraph.',
      '',
    ].join('\n');
    const onCase = await c(['export', '--format', 'md', 'UA 5/26']);
    expect(onCase.stdout).toContain(`- **People:** Mona Kamal\n\n${written}\n## People`);
    const onPerson = await c(['export', '--format', 'md', 'Mona Kamal']);
    expect(onPerson.stdout).toContain(`\n\n${written}\n## Timeline`);
  });
});
