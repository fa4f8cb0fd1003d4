// A pronoun reaching back to the one person named before agrees with what earlier pronouns told of
// them: "said his wife. She was questioned" is the wife's, not the blogger's.
import { describe, expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

const events = async (body: string) => {
  const r = await caselog(['--json', 'ingest', fileOf('doc.txt', `Tashkent, 3 March 2021\n\n${body}\n`), '--dry-run'], { db: tempDb(), today: '2021-03-04' });
  const p = JSON.parse(r.stdout) as { candidates: Array<{ kind: string; date?: string; people: Array<{ name: string }> }> };
  return p.candidates.filter((x) => x.kind === 'event').map((x) => `${x.date} ${x.people.map((q) => q.name).join(', ')}`);
};

describe('a pronoun of the other gender', () => {
  it('does not give the sentence to the man "he" and "his" meant', async () => {
    expect(await events('Blogger Otabek Sattoriy was detained on 1 February 2021. His lawyer\'s request to see him was refused on 5 February 2021. "He did nothing wrong," said his wife. She was questioned on 10 February 2021.'))
      .not.toContain('2021-02-10 Otabek Sattoriy');
  });

  it('one of the same gender still reaches her', async () => {
    expect(await events('Aigerim Nurlanova was detained on 1 February 2021. Her lawyer said she had been beaten. She was released on 12 February 2021.'))
      .toContain('2021-02-12 Aigerim Nurlanova');
  });
});
