// Names in Arabic and Persian script and their romanisations, and long Arabic names (a chain of
// "bin X"), end to end: the near-duplicate refusal, show, and a database from before the keys changed.
import Database from 'better-sqlite3-multiple-ciphers';
import { beforeEach, describe, expect, it } from 'vitest';
import { caselog, tempDb } from './helpers/cli';
import { SCHEMA_VERSION } from '../src/store/schema';
import { withSearchOfSchema } from './helpers/old-search';

let db: string;
const c = (args: string[]) => caselog(args, { db, today: '2020-02-01' });

beforeEach(() => {
  db = tempDb();
});

const SAME: Array<[string, string]> = [
  ['نسرین ستوده', 'Nasrin Sotoudeh'],
  ['محمدرضا احمدی', 'Mohammadreza Ahmadi'],
  ['عبدالله القحطاني', 'Abdullah al-Qahtani'],
  ['محمد علی', 'Mohammad Ali'],
  ['حسن روحانی', 'Hassan Rouhani'],
  ['أحمد منصور', 'Ahmed Mansoor'],
  ['رائف بدوي', 'Raif Badawi'],
  ['جمال عبد الناصر', 'Gamal Abdel Nasser'],
  ['مصطفى كامل', 'Mustafa Kamel'],
  // French ou for a short u, a silent final e (Zinedine, Zine El Abidine).
  ['لجين الهذلول', 'Loujain al-Hathloul'],
  ['منير', 'Mounir'],
  ['مصطفى', 'Moustafa'],
  ['منى', 'Mouna'],
  ['زين الدين زيدان', 'Zinedine Zidane'],
  ['زين العابدين بن علي', 'Zine El Abidine Ben Ali'],
  // Urdu: retroflex tteh, do-chashmi heh of an aspirate (not read as Uyghur).
  ['ادریس خٹک', 'Idris Khattak'],
  ['بینظیر بھٹو', 'Benazir Bhutto'],
  // Thal written d; names whose words have a single consonant each (Urdu's gol heh in Asia).
  ['عائشة القذافي', 'Aisha Gaddafi'],
  ['علي', 'Ali'],
  ['عائشة', 'Aisha'],
  ['علاء', 'Alaa'],
  ['آسیہ بی بی', 'Asia Bibi'],
  // Abd and what follows: two words in Arabic, one in Latin letters; a father's name left out.
  ['عبد الرحمن بن عبد الله السدحان', 'Abdulrahman al-Sadhan'],
  ['عبد الهادي الخواجة', 'Abdulhadi bin Abdullah al-Khawaja'],
];

describe('a name in Arabic or Persian script and its Latin spelling', () => {
  it.each(SAME)('%s and %s: each refused as a near duplicate of the other, and each finds the other', async (arabic, latin) => {
    for (const [stored, typed] of [[latin, arabic], [arabic, latin]]) {
      db = tempDb();
      expect((await c(['add', 'person', stored])).code).toBe(0);
      const added = await c(['add', 'person', typed]);
      expect(added.code, added.stderr).toBe(1);
      expect(added.stderr).toContain(`"${typed}" is close to someone already tracked: ${stored} [p-`);
      expect(added.stderr).toContain('Arabic script without vowels');
      const shown = await c(['show', typed]);
      expect(shown.code, shown.stderr).toBe(0);
      expect(shown.stdout.split('\n')[0]).toMatch(new RegExp(`^${stored}  p-`));
      expect(shown.stderr).toMatch(new RegExp(`^${typed} → ${stored} \\(`));
    }
  });

  // Arabic script leaves out short vowels, not long ones: Mahmoud (محمود) has a waw that Mohammad
  // (محمد) lacks, Hossein (حسین) a yeh that Hassan (حسن) lacks. Brothers are named like this.
  it.each([
    ['Mohammad Ali', 'محمود علی'],
    ['Mahmoud Ali', 'محمد علی'],
    ['Hassan Rouhani', 'حسین روحانی'],
    ['Hossein Rouhani', 'حسن روحانی'],
    ['محمد علی', 'محمود علی'],
    ['حسن روحانی', 'حسین روحانی'],
    ['Ahmad Mansoor', 'احمدی منصور'],
    ['Samir Kamel', 'سمیرا کامل'],
    ['Saad Kamel', 'سعید کامل'],
    ['Omar Kamel', 'عمرو کامل'],
    // French "ou" in a name's last syllable is the long vowel (Mahmoud's waw).
    ['Mahmoud Kamel', 'محمد کامل'],
    // An alef is a long a that Latin letters write; an ayn is not the long vowel beside it.
    ['Jamil Mansoor', 'جمال'],
    ['Hamad', 'أحمد'],
    ['Saeed', 'سعد'],
  ])('%s and %s are two people: added without a near-duplicate refusal', async (first, second) => {
    expect((await c(['add', 'person', first])).code).toBe(0);
    const added = await c(['add', 'person', second]);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stderr).toMatch(new RegExp(`^Added ${second} \\[p-`));
  });

  it('keeps telling Uyghur, Cyrillic and Chinese names by their Latin spellings', async () => {
    for (const [stored, typed] of [['Ilham Tohti', 'ئىلھام توختى'], ['Kaster Musakhanuly', 'Қастер Мұсаханұлы'], ['Liu Xiaobo', '刘晓波']]) {
      expect((await c(['add', 'person', stored])).code).toBe(0);
      expect((await c(['add', 'person', typed])).code).toBe(1);
      expect((await c(['show', typed])).stdout).toMatch(new RegExp(`^${stored}  p-`));
    }
  });
});

describe('a long name with its chain of forefathers (bin X bin Y)', () => {
  const LONG = 'Ahmad bin Muhammad bin Abdullah bin Ibrahim bin Khalid bin Saud al-Harbi';

  it('is found by its family name and by its given and family name, and refuses them as a new person', async () => {
    expect((await c(['add', 'person', LONG])).code).toBe(0);
    // The last through the keys of the family name alone, which the cut of a long name's keys must keep.
    for (const typed of ['al-Harbi', 'Harbi', 'Ahmad al-Harbi', 'Ahmad bin Saud al-Harbi', 'الحربي']) {
      const shown = await c(['show', typed]);
      expect(shown.code, `${typed}: ${shown.stderr}`).toBe(0);
      expect(shown.stdout).toMatch(new RegExp(`^${LONG}  p-`));
    }
    const added = await c(['add', 'person', 'Ahmad al-Harbi']);
    expect(added.code).toBe(1);
    expect(added.stderr).toContain(`"Ahmad al-Harbi" is close to someone already tracked: ${LONG} [p-`);
    // Another given name in the same family is another person.
    expect((await c(['add', 'person', 'Fahad al-Harbi'])).code).toBe(0);
  });
});

describe('a database whose name keys an earlier caselog made', () => {
  it('has them made again on upgrade, so that its names are found as a new one is', async () => {
    expect((await c(['add', 'person', 'أحمد منصور'])).code).toBe(0);
    // As the caselog before schema 7 left it: the keys it made for this name (from its
    // romanisation "hmd mnswr" and Double Metaphone codes), none of which "Ahmed Mansoor" makes now.
    const raw = new Database(db);
    raw.exec('DELETE FROM name_keys');
    const id = (raw.prepare('SELECT id FROM person_names').get() as { id: string }).id;
    for (const key of ['s:hmt', 's:mnsvr', 's:hmtmnsvr', 's:mnsvrhmt', 'p:MT', 'p:MNSFR']) {
      raw.prepare('INSERT INTO name_keys (key, name_id) VALUES (?, ?)').run(key, id);
    }
    raw.close();
    withSearchOfSchema(db, 6);
    const shown = await c(['show', 'Ahmed Mansoor']);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toMatch(/^أحمد منصور {2}p-/);
    const after = new Database(db, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect((after.prepare("SELECT count(*) AS n FROM name_keys WHERE key LIKE 'p:%'").get() as { n: number }).n).toBe(0);
    after.close();
  });
});
