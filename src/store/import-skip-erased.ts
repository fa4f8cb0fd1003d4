// import --skip-erased: a file that holds someone erased here (a colleague's export, an older one)
// taken without them, as their erase left this database. Their own record, and the events and
// deadlines about no one else (with their appeal records), are left out; they are taken off the
// events and deadlines they share with others; their names, as the file's record of them gives them,
// are replaced by [erased] in every text of the file, as erase does (the words of their names too,
// when theirs was an erase --words), before each record is compared with the one here: a shared
// event the erase already rewrote here is then the same, and unchanged. The original of a document
// an erase rewrote here is left out too, and the file's events cite it no more.
import { canonical } from '../exchange/canonical';
import type { Section } from '../exchange/format';
import type { RawRecord } from '../exchange/read';
import { idFingerprint } from '../domain/ids';
import { nameNeedles, namesHolding } from '../domain/name-mentions';
import { markedValue } from './erase-rewrite';
import { nameWords } from './erase-words';
import { documentHash } from './erased-documents';
import { rememberedErases } from './erased-memory';
import type { DB } from './open';
import type { Row } from './rows';
import type { SqliteStore } from './sqlite-store';

type Obj = Record<string, unknown>;

/** The people of a file erased here, by id: the names the file gives them, and whether their erase replaced the words of their names too. */
export type ErasedInFile = Map<string, { names: string[]; words: boolean }>;

/**
 * Read before the import, as far as the file's people: the cases and sources before them may name
 * them too. Someone tracked here again (brought back on purpose) is not erased here.
 */
export function erasedInFile(db: DB, records: Iterable<RawRecord>): ErasedInFile {
  const found: ErasedInFile = new Map();
  const remembered = rememberedErases(db).people;
  if (remembered.size === 0) return found;
  const tracked = db.prepare('SELECT 1 FROM people WHERE id = ?');
  let inPeople = false;
  for (const { section, record } of records) {
    if (section !== 'people') {
      // Past the people: nothing more to learn (the reader closes the file).
      if (inPeople) break;
      continue;
    }
    inPeople = true;
    const r = record as Obj | null;
    const id = r?.id;
    if (typeof id !== 'string' || !remembered.has(idFingerprint(id)) || tracked.get(id) !== undefined) continue;
    const names = (Array.isArray(r?.names) ? (r.names as Obj[]) : []).map((n) => n?.name).filter((n): n is string => typeof n === 'string');
    found.set(id, { names: typeof r?.name === 'string' ? [r.name, ...names] : names, words: remembered.get(idFingerprint(id)) === true });
  }
  return found;
}

/** Who is erased here and not tracked again (none: nobody was ever erased), and whether their erase took the words of their names. */
export interface ErasedHere { erased(id: string): boolean; words(id: string): boolean; without(found: ErasedInFile): WithoutErased }

/** For a sheet's rows (src/commands/import-csv-erased.ts), which give ids and names rather than records. */
export function erasedHere(store: SqliteStore): ErasedHere | undefined {
  const remembered = rememberedErases(store.db).people;
  if (remembered.size === 0) return undefined;
  const tracked = store.db.prepare('SELECT 1 FROM people WHERE id = ?');
  return {
    erased: (id) => remembered.has(idFingerprint(id)) && tracked.get(id) === undefined,
    words: (id) => remembered.get(idFingerprint(id)) === true,
    without: (found) => new WithoutErased(store.db, found),
  };
}

/** What the import left out or took without them, said after it. */
export interface SkippedErased { people: number; alone: number; documents: number; shared: number }

/** The text fields of each section's records, as erase-rewrite.ts TEXT_COLUMNS names their columns. */
const TEXTS: Partial<Record<Section, string[]>> = {
  cases: ['ref', 'title', 'summary', 'closeReason'], sources: ['title', 'publisher', 'ref', 'url', 'text'],
  targets: ['name', 'title', 'fax', 'email', 'salutation'], people: ['citizenship', 'ethnicity', 'gender'],
  events: ['summary', 'place', 'actor'], deadlines: ['note'], plans: ['copiesTo'],
};

export class WithoutErased {
  readonly counts: SkippedErased = { people: 0, alone: 0, documents: 0, shared: 0 };
  /** Events and sources of the file left out: the appeal records and citations of them go too. */
  private readonly leftOut = new Set<string>();
  private readonly needles: string[];
  private readonly wordNeedles: string[];
  private protect: { names: string[]; words: string[] } | undefined;
  private protectedAfterPeople = false;
  /** People here with one of their names (namesakes), and the names they share: read once the file's people are here. */
  private namesakes: Map<string, string[]> | undefined;

  constructor(private readonly db: DB, private readonly erased: ErasedInFile) {
    const all = [...erased.values()];
    this.needles = nameNeedles(all.flatMap((p) => p.names));
    this.wordNeedles = nameNeedles(nameWords(all.filter((p) => p.words).flatMap((p) => p.names)));
  }

  /** The record as it is taken, or undefined when it is left out. */
  take(section: Section, record: Obj): Obj | undefined {
    const id = record.id as string;
    if ((section === 'people' && this.erased.has(id)) || (section === 'appeals' && this.leftOut.has(id))) return this.leaveOut(section, id);
    let r = record;
    let namesake: string[] = [];
    if (section === 'events' || section === 'deadlines') {
      const people = (r.people as string[]).filter((p) => !this.erased.has(p));
      if (people.length === (r.people as string[]).length && this.needles.length > 0) namesake = people.flatMap((p) => this.namesakeOf(p));
      if (people.length < (r.people as string[]).length && people.length === 0) return this.leaveOut(section, id);
      const sources = section === 'events' ? (r.sources as string[]).filter((s) => !this.leftOut.has(s)) : [];
      if (people.length < (r.people as string[]).length || sources.length < ((r.sources as string[] | undefined)?.length ?? 0)) {
        r = canonical(section, { ...r, people, ...(section === 'events' ? { sources } : {}) });
      }
    }
    if (section === 'people') namesake = nameNeedles((r.names as Obj[]).map((n) => n.name as string)).filter((n) => this.needles.includes(n));
    if (this.needles.length > 0) r = this.marked(section, r, namesake);
    if (r !== record) this.counts.shared++;
    return r;
  }

  /** A source holding the original of a document an erase rewrote here: left out; the one here of its id, if any, stands and is cited. */
  leaveOutDocument(id: string, storedHere: boolean): void {
    this.counts.documents++;
    if (!storedHere) this.leftOut.add(id);
  }

  private leaveOut(section: Section, id: string): undefined {
    if (section === 'people') this.counts.people++;
    else this.counts.alone++;
    this.leftOut.add(id);
    return undefined;
  }

  /**
   * Their names (and words) replaced in the record's texts; the record itself when none held them.
   * A namesake's own record (linked to someone with one of their names, not to them) keeps the names
   * they share, and every word, as the erase leaves it (erase-plan.ts planNames).
   */
  private marked(section: Section, r: Obj, namesake: string[]): Obj {
    const mark = this.marker(section, namesake);
    const out: Obj = { ...r };
    for (const field of TEXTS[section] ?? []) out[field] = mark(field, r[field], true);
    if (section === 'targets') out.address = (r.address as string[]).map((line) => mark('address', line, true));
    if (section === 'plans') out.actions = (r.actions as Obj[]).map((a) => ({ ...a, text: mark('text', a.text, true) }));
    if (section === 'people') {
      // Another person's name that speaks of them ("Nephew of ...") keeps its other words; a word
      // alone may be someone's own name, and stays (as erase --words leaves it).
      const seen = new Set<string>();
      out.names = (r.names as Obj[]).map((n) => ({ ...n, name: mark('name', n.name, false), note: mark('note', n.note, true) }))
        .filter((n) => !seen.has(n.name as string) && seen.add(n.name as string));
      out.name = (out.names as Obj[])[0]?.name ?? r.name;
    }
    if (section === 'sources' && out.text !== r.text && typeof out.text === 'string' && r.hash != null) out.hash = this.keptHash(r.id as string, out.text);
    return JSON.stringify(out) === JSON.stringify(r) ? r : canonical(section, out);
  }

  /** Other people's and appeal targets' longer names that hold theirs stand; read again once the file's people are here. */
  private marker(section: Section, namesake: string[]): (field: string, value: unknown, words: boolean) => unknown {
    const afterPeople = !['cases', 'sources', 'targets', 'people'].includes(section);
    if (!this.protect || (afterPeople && !this.protectedAfterPeople)) {
      const others = (this.db.prepare('SELECT name FROM person_names UNION ALL SELECT name FROM targets').all() as Row[]).map((o) => o.name as string);
      this.protect = { names: namesHolding(this.needles, others), words: namesHolding(this.wordNeedles, others) };
      this.protectedAfterPeople = afterPeople;
    }
    const { names, words } = this.protect;
    const kept = namesake.length > 0 ? [...names, ...namesake] : names;
    return (field, value, withWords) => {
      const whole = markedValue(field, value, this.needles, kept);
      return withWords && namesake.length === 0 && this.wordNeedles.length > 0 ? markedValue(field, whole, this.wordNeedles, words) : whole;
    };
  }

  /** The names a person here shares with them. */
  private namesakeOf(personId: string): string[] {
    if (!this.namesakes) {
      this.namesakes = new Map();
      for (const row of this.db.prepare('SELECT person_id, name FROM person_names').all() as Row[]) {
        const shared = nameNeedles([row.name as string]).filter((n) => this.needles.includes(n));
        if (shared.length > 0) this.namesakes.set(row.person_id as string, [...(this.namesakes.get(row.person_id as string) ?? []), ...shared]);
      }
    }
    return this.namesakes.get(personId) ?? [];
  }

  /** The fingerprint of the text a document keeps: the one here when this source is here with that text (erase-rewrite.ts may have set it apart). */
  private keptHash(id: string, text: string): string {
    const here = this.db.prepare('SELECT hash, body FROM sources WHERE id = ?').get(id) as Row | undefined;
    return here && here.body === text && typeof here.hash === 'string' ? here.hash : documentHash(text);
  }
}
