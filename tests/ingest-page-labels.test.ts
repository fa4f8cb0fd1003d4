// A web page's links ("Privacy Policy", "Contact Us") and a note's imperatives ("Call Akhat again")
// are nobody: who is called is the name after the verb.
import { describe, expect, it } from 'vitest';
import { caselog, fileOf, tempDb } from './helpers/cli';

const people = async (doc: string) => {
  const r = await caselog(['--json', 'ingest', fileOf('page.txt', doc), '--dry-run'], { db: tempDb(), today: '2020-09-16' });
  return (JSON.parse(r.stdout) as { candidates: Array<{ kind: string; name?: string }> }).candidates.filter((x) => x.kind === 'person').map((x) => x.name);
};

describe('words of a page or a note that read like names', () => {
  it('a footer\'s links are nobody', async () => {
    expect(await people('China: student detained\n\n15 September 2020\n\nLi Jun was detained on 2 August 2020.\n\nPrivacy Policy\n\nContact Us\n\nCookie Settings\n')).toEqual(['Li Jun']);
  });

  it('"Call X again" is about X, and names no one "Call X"', async () => {
    expect(await people('Note, 24 July 2020\n\nMurager Alimuly was released on 20 July 2020.\n\nCall Lazzat Akhat again before 7 August 2020.\n')).toEqual(['Murager Alimuly', 'Lazzat Akhat']);
  });
});
