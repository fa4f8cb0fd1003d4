// Turning what the user typed (a case reference, a name, an id) into records.
// References are matched exactly (ignoring case and spacing); names go through the matcher.
import type { Context } from '../context';
import { say } from '../context';
import { kindOfId, looksLikeId, type RecordKind, shortId } from '../domain/ids';
import { caseRefKey, type CaseRecord, type PersonRecord } from '../domain/model';
import { distance } from 'fastest-levenshtein';
import { type PersonCandidate, type Resolution, resolveName } from '../domain/names';
import { AmbiguousNameError, NotFoundError, UserError } from '../errors';
import type { SqliteStore } from '../store/sqlite-store';
import { listAllHint, shellWord } from './hints';
import { sameButCase } from '../domain/names-case';
import { tellApart } from '../render/namesakes';
import { withoutInvisibles } from '../domain/text';

/** How a typed name reached the person: said on stderr, and carried by a reading command's --json. */
export interface NameMatched {
  typed: string;
  /** The stored name it matched. */
  name: string;
  /** Not one of the person's stored names (capitals aside): a writing command asks before using it. */
  loose: boolean;
  reason: PersonCandidate<string>['match']['reason'];
  detail: string;
  score: number;
}

/** A person found by a name (not by their id) says how the name matched. */
export type Who = { kind: 'case'; case: CaseRecord } | { kind: 'person'; person: PersonRecord; matched?: NameMatched };

export interface WhoOptions {
  /**
   * Writing commands take a name as stored, but for case; one that is not (a spelling variant, or one
   * reached by folding accents, spacing or punctuation: "Sahin Kilic" for "\u015Eahin K\u0131l\u0131\u00E7", "An" for
   * "\u00C2n", another name in Vietnamese) only after confirmation on a terminal (spec: Commands).
   */
  writing: boolean;
  /** A change that cannot be undone (erase): without a terminal, no way round by adding an alias is offered. */
  irreversible?: boolean;
  /**
   * For a name that fits several people, on a terminal: the question (merge asks for the duplicate,
   * then for the one it goes into, of one name), and people already picked, left out of the choice.
   */
  pick?: { question: (typed: string) => string; leaveOut?: string[] };
}

/**
 * What was typed, as it is looked up: without the invisible characters a name copied from a web page
 * carries (direction marks around Arabic or Hebrew, zero-width spaces). No stored name or reference
 * holds one (they are refused there), and messages quote it, and suggest commands with it, clean.
 */
const lookedUp = (text: string) => withoutInvisibles(text).trim();

export async function resolveWho(ctx: Context, store: SqliteStore, text: string, opts: WhoOptions): Promise<Who> {
  const typed = lookedUp(text);
  if (!typed) throw new UserError('an empty name or reference matches nobody');
  // "p-" alone: the start of every person's id, not a name.
  const bare = /^([a-z])-$/i.exec(typed);
  const bareKind = bare ? kindOfId(bare[1]!.toLowerCase()) : undefined;
  if (bareKind) throw new UserError(`"${typed}" is the start of every ${bareKind} id: type more of it, as caselog shows it`);
  // A case reference is tried first, exactly, even one shaped like an id ("P-1").
  const byRef = await store.findCaseByRef(typed);
  if (byRef) return { kind: 'case', case: byRef };
  if (looksLikeId(typed)) {
    const kind = kindOfId(typed.toLowerCase());
    if (kind === 'case' || kind === 'person') {
      const id = await uniqueId(store, kind, typed);
      if (id) {
        const record = kind === 'case' ? await store.getCase(id) : await store.getPerson(id);
        if (record) return kind === 'case' ? { kind, case: record as CaseRecord } : { kind, person: record as PersonRecord };
      }
    }
  }
  return { kind: 'person', ...(await findPerson(ctx, store, typed, opts)) };
}

/**
 * WHO... of a writing command, each resolved; but words that are, together, one stored name or case
 * reference, and are not each one on their own, were typed without quotes ("Hemit Memet" as Hemit
 * and Memet; UA 77/98 as UA and 77/98): refused with the quoting to use, before any is read loosely.
 */
export async function resolveWhoList(ctx: Context, store: SqliteStore, texts: string[], opts: WhoOptions): Promise<Who[]> {
  const split = texts.length > 1 ? await splitName(store, texts.map(lookedUp)) : undefined;
  if (split) {
    throw new UserError(
      `${split.words.map((w) => `"${w}"`).join(' and ')} were read separately: ` +
        `${split.what} of several words goes in quotes: ${shellWord(split.words.join(' '))}`,
    );
  }
  const found: Who[] = [];
  for (const text of texts) found.push(await resolveWho(ctx, store, text, opts));
  return found;
}

/** The longest run of WHO words that together are a stored name or reference while some word alone is neither. */
async function splitName(store: SqliteStore, texts: string[]): Promise<{ words: string[]; what: string } | undefined> {
  const alone = new Map<string, boolean>();
  const isStored = async (text: string): Promise<string | undefined> => {
    if (await store.findCaseByRef(text)) return 'a case reference';
    const candidates = await store.nameCandidates(text);
    return candidates.some((c) => sameButCase(c.name, text)) ? 'a name' : undefined;
  };
  for (let length = texts.length; length >= 2; length--) {
    for (let start = 0; start + length <= texts.length; start++) {
      const words = texts.slice(start, start + length);
      const what = await isStored(words.join(' '));
      if (!what) continue;
      for (const w of words) if (!alone.has(w)) alone.set(w, (await isStored(w)) !== undefined);
      if (words.some((w) => !alone.get(w))) return { words, what };
    }
  }
  return undefined;
}

/** At most this many people are listed for a name that fits several. */
const SHOWN = 10;

export async function resolvePerson(ctx: Context, store: SqliteStore, text: string, opts: WhoOptions): Promise<PersonRecord> {
  return (await findPerson(ctx, store, text, opts)).person;
}

const matchedBy = (typed: string, c: PersonCandidate<string>): NameMatched =>
  ({ typed, name: c.name, loose: reachedLoosely(typed, c), reason: c.match.reason, detail: c.match.detail, score: c.match.score });

async function findPerson(ctx: Context, store: SqliteStore, text: string, opts: WhoOptions): Promise<{ person: PersonRecord; matched?: NameMatched }> {
  const typed = lookedUp(text);
  // A person's id (whole, or a prefix of it): what a script has, and what tells namesakes apart.
  if (looksLikeId(typed.trim()) && kindOfId(typed.trim().toLowerCase()) === 'person') {
    const id = await uniqueId(store, 'person', typed.trim());
    const person = id ? await store.getPerson(id) : undefined;
    if (person) return { person };
  }
  const candidates = await store.nameCandidates(typed);
  // Suggestions for a name that fits nobody: names sharing a key with it, and its alphabetical neighbours.
  const nearby = [...candidates.map((c) => c.name), ...(await store.nearbyNames(typed, 8))];
  const resolution = leaveOut(ctx, resolveName(typed, candidates.map((c) => ({ ...c, person: c.personId })), nearby), opts);
  if (resolution.kind === 'none') {
    // Asked for a person (edit --person, --alias-of) with a case's reference.
    const theCase = /\d/.test(typed) ? await store.findCaseByRef(typed) : undefined;
    if (theCase) throw new UserError(`"${typed}" is the case ${theCase.ref}: name a person`);
    idShapedNobody(typed);
    throw new NotFoundError(`no case or person matches "${typed}"${nearestHint(store, typed, resolution.nearest, resolution.close)}`);
  }
  if (resolution.kind === 'several') {
    const person = await choosePerson(ctx, store, typed, resolution.candidates, opts.pick, opts.writing);
    const chosen = resolution.candidates.find((c) => c.person === person.id);
    return { person, ...(chosen ? { matched: matchedBy(typed, chosen) } : {}) };
  }
  const { best } = resolution;
  const person = (await store.getPerson(best.person))!;
  if (opts.writing && reachedLoosely(typed, best)) {
    await confirmLoose(ctx, typed, { person, via: best.name, detail: describeMatch(best), irreversible: opts.irreversible });
  } else if (best.name !== person.name || (best.match.reason !== 'exact' && !sameButCase(typed, person.name))) {
    // Which stored name it went through, and how loosely: the user sees what was matched.
    const via = best.name !== person.name && best.name !== typed ? `as "${best.name}"` : '';
    const how = best.match.reason !== 'exact' ? describeMatch(best) : '';
    const why = [via, how].filter(Boolean).join(': ');
    if (!ctx.json || best.match.reason !== 'exact') say(ctx, `${typed} → ${person.name}${why ? ` (${why})` : ''}`);
  }
  return { person, matched: matchedBy(typed, best) };
}

/**
 * Whether a name reaches a person only loosely, not as one of their stored names: a spelling variant,
 * or the same letters with other accents, spacing or punctuation; other capitals alone are theirs.
 */
export function reachedLoosely(typed: string, best: Pick<PersonCandidate<unknown>, 'name' | 'match'>): boolean {
  return best.match.reason === 'variant' || (best.match.reason === 'folded' && !sameButCase(typed, best.name));
}

/** Those already picked are no choice: the one person left is as if the name fitted only them (a loose match still confirmed). */
function leaveOut(ctx: Context, resolution: Resolution<string>, opts: WhoOptions): Resolution<string> {
  const picked = opts.pick?.leaveOut;
  if (resolution.kind !== 'several' || !picked || !ctx.interactive) return resolution;
  const left = resolution.candidates.filter((c) => !picked.includes(c.person));
  return left.length === 1 ? { kind: 'one', best: left[0]! } : { kind: 'several', candidates: left };
}

const ID_CALLED: Partial<Record<RecordKind, string>> = { event: "an event's", deadline: "a deadline's", source: "a source's", target: "an appeal target's" };

/**
 * An id copied from timeline, due or search where a name was asked ("timeline e-0j24"), that is no
 * one's name: said as an id, with the command that reads it (it was offered as a new person's name).
 */
function idShapedNobody(typed: string): void {
  if (!looksLikeId(typed)) return;
  const kind = kindOfId(typed.toLowerCase());
  const called = kind ? ID_CALLED[kind] : undefined;
  if (called) throw new NotFoundError(`"${typed}" is ${called} id, not a person's name or a case reference: caselog show ${typed} shows it`);
  if (kind === 'person' || kind === 'case') throw new NotFoundError(`no ${kind} has an id starting "${typed}", and no one is called so`);
}

const describeMatch = (c: PersonCandidate<string>) => `${c.match.detail}, score ${c.match.score.toFixed(2)}`;

/** A name fitting several people: a terminal picks, otherwise exit 1 with the list. */
async function choosePerson(
  ctx: Context, store: SqliteStore, typed: string, candidates: PersonCandidate<string>[], pick?: WhoOptions['pick'], writing = false,
): Promise<PersonRecord> {
  // On a terminal, every namesake of the closest is offered too: typing more of a name they share
  // cannot narrow them, so past the first few they could be reached only by id.
  const closest = candidates.slice(0, SHOWN);
  const offered = ctx.interactive
    ? candidates.filter((c, i) => i < SHOWN || closest.some((s) => sameButCase(s.name, c.name)))
    : closest;
  const listed = await Promise.all(
    offered.map(async (c) => {
      const person = (await store.getPerson(c.person))!;
      // Born, status and cases first: two people of one name ("Ilyas Zordun", father and son) differ only there.
      // How the name came near is said when it is not simply theirs.
      const how = c.match.reason === 'exact' && c.name === person.name ? '' : `; via "${c.name}", ${describeMatch(c)}`;
      return { id: c.person, person, name: person.name, detail: `${tellApart(person)}${how}` };
    }),
  );
  const more = candidates.length - listed.length;
  const line = (c: (typeof listed)[number]) => `${c.name} [${shortId(c.id)}] (${c.detail})`;
  if (ctx.interactive) {
    const prompter = await ctx.prompter();
    const extra = more > 0 ? ` (the ${listed.length} closest of ${candidates.length}; type more of the name to narrow)` : '';
    const question = pick ? `${pick.question(typed)}${extra}` : `"${typed}" matches several people${extra}; which one?`;
    // Writing, Enter chooses none of them: pressed without reading, it must not put news on a namesake
    // (a father's on his son's timeline), as a loose match's question defaults to No.
    const none = writing ? [{ name: 'None of these: change nothing', value: '' }] : [];
    const id = await prompter.select(question, [...listed.map((c) => ({ name: line(c), value: c.id })), ...none], writing ? '' : undefined);
    if (id === '') throw new UserError(`nothing changed: none of the people called "${typed}" was chosen`);
    return listed.find((c) => c.id === id)?.person ?? (await store.getPerson(id))!;
  }
  // How to see them all: a name shared by many ("Hussein Rashid" eighteen times) cannot be narrowed by typing more of it.
  const tail = more > 0 ? listAllHint(more, candidates.length, typed) : '';
  throw new AmbiguousNameError(
    `"${typed}" matches several people: ${listed.map(line).join('; ')}${tail}. Use more of the name, or the id`,
    listed.map(({ id, name, detail }) => ({ id, name, detail })),
  );
}

/** A writing command given a name that is not one of the person's stored names: confirmed on a terminal, refused without one. */
async function confirmLoose(ctx: Context, typed: string, m: { person: PersonRecord; via: string; detail: string; irreversible?: boolean }): Promise<void> {
  const who = `${m.person.name} [${shortId(m.person.id)}]`;
  const how = `${m.via !== m.person.name ? `as "${m.via}": ` : ''}${m.detail}`;
  if (!ctx.interactive) {
    throw new UserError(
      `"${typed}" is not a stored name; it looks like ${who} (${how}). Nothing was changed: ` +
        (m.irreversible
          ? 'this cannot be undone, so give the name as stored or the id'
          : `use a stored name or the id, or add this spelling with caselog person alias ${shellWord(m.person.name)} ${shellWord(typed)}`),
    );
  }
  const prompter = await ctx.prompter();
  // No is the default: Enter pressed without reading must not put a namesake's or a brother's news on this timeline.
  const act = m.irreversible ? 'Take it as' : 'Record this for';
  const yes = await prompter.confirm(
    `"${typed}" is not a stored name; the nearest is ${who} (${how}), who may be someone else. ${act} ${who}?`, false);
  if (!yes) throw new UserError(`nothing changed: "${typed}" was not confirmed as ${m.person.name}`);
}

/** The one full id a typed prefix stands for; an error when it fits none or several. */
export async function uniqueId(store: SqliteStore, kind: 'case' | 'person' | 'event' | 'deadline' | 'source' | 'target', typed: string): Promise<string | undefined> {
  const ids = await store.idsByPrefix(kind, typed);
  if (ids.length > 1) {
    const more = (await store.countIdsByPrefix(kind, typed)) - ids.length;
    throw new UserError(`"${typed}" fits several ${kind} ids (${ids.map((i) => i.slice(0, 12)).join(', ')}${more > 0 ? `, and ${more} more` : ''}): type more of it`);
  }
  return ids[0];
}

/** The most case references a not-found message lists. */
const SHOWN_REFS = 5;

/**
 * The nearest for a WHO that matches nothing: a typed reference (it has a digit) gets the references
 * a letter or two away; else the nearest names, each person once ("Hemit Memet", not also
 * "Khamit Memet"), under their own name with the one that came near.
 */
function nearestHint(store: SqliteStore, typed: string, nearest: string[], close: boolean): string {
  // Typed with a number, it is a reference: people's names are no help, the cases are.
  if (/\d/.test(typed)) {
    const key = caseRefKey(typed);
    const refs = store.read.caseRefs();
    const near = refs.map((ref) => ({ ref, d: distance(caseRefKey(ref), key) })).filter((r) => r.d <= 2)
      .sort((a, b) => a.d - b.d).map((r) => r.ref);
    if (near.length > 0) return `; nearest case: ${near.slice(0, SHOWN_REFS).join(', ')}`;
    const letters = /^\p{L}+/u.exec(key)?.[0];
    const series = letters ? refs.filter((ref) => caseRefKey(ref).startsWith(letters) && /^\P{L}/u.test(caseRefKey(ref).slice(letters.length))) : [];
    const listed = series.length > 0 ? series : refs.length <= SHOWN_REFS ? refs : [];
    if (listed.length > 0) {
      const more = listed.length > SHOWN_REFS ? `, and ${listed.length - SHOWN_REFS} more (caselog list cases)` : '';
      return `; ${series.length > 0 ? `cases starting "${/^\p{L}+/u.exec(typed.trim())?.[0] ?? letters}"` : 'cases'}: ${listed.slice(0, SHOWN_REFS).join(', ')}${more}`;
    }
  }
  // Nobody's name is like it: most likely someone not tracked yet, which the nearest names do not say.
  const untracked = close ? '' : `, and no stored name is close to it (someone new? caselog add person ${typed.startsWith('-') ? '-- ' : ''}${shellWord(typed)})`;
  if (nearest.length === 0) return untracked;
  const primary = store.read.primaryNamesOf(nearest);
  const shown = new Map<string, string>();
  for (const name of nearest) {
    const own = primary.get(name) ?? name;
    if (!shown.has(own)) shown.set(own, own === name ? own : `${own} ("${name}")`);
  }
  // Not close, they are still the least unlike it (a particle alone, "van der", is Ruud van der Berg's),
  // said as such: "nearest" alone read as a contradiction after "no stored name is close".
  return `${untracked}; ${close ? 'nearest' : 'nearest, though not close'}: ${[...shown.values()].join(', ')}`;
}
