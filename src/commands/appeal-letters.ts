// caselog appeal letters REF [--from TEXT...] [--format txt|md] [--out DIR] [--target WHO...]
// One letter a target of the case's plan, from the templates; files with --out, else on stdout.
import { chmodSync, writeFileSync } from 'node:fs';
import { makeFolders, refuseOutFolderAbove } from '../exchange/folders';
import { join } from 'node:path';
import type { Context } from '../context';
import { print, printJson, safeOutput, say } from '../context';
import { addressLines, notPleadedFor, returnedBy, type WhereaboutsNews } from '../domain/appeals';
import { dayIso, firstDay, formatDate, fromIso, isoOf } from '../domain/dates';
import { groupHappenings } from '../domain/timeline';
import type { EventRecord } from '../domain/model';
import { shortId } from '../domain/ids';
import { addedBy } from '../store/trust-audit';
import { isRiskChange } from './risk';
import type { Day } from '../domain/types';
import { foldName } from '../domain/names';
import { UserError, UsageError } from '../errors';
import { targetJson } from '../render/appeals';
import { letterViews, type LetterPerson } from '../render/letters';
import { planForCase } from '../store/appeals';
import { ERASED_MARK } from '../store/erase-mentions';
import type { SqliteStore } from '../store/sqlite-store';
import { caseByRef } from './add';
import { missingLanguages, renderLetter, templateFor, userTemplates, type LetterFormat } from './appeal-templates';
import { resolveTargets } from './appeal-targets';
import { count } from '../render/style';
import { shellWord } from './hints';

export interface LettersOptions { from: string[]; format: string; out?: string; target: string[] }

export async function appealLetters(ctx: Context, ref: string, opts: LettersOptions) {
  if (opts.format !== 'txt' && opts.format !== 'md') throw new UsageError(`--format takes txt or md, not "${opts.format}"`);
  const format: LetterFormat = opts.format;
  // A CASELOG_TEMPLATES that is not there is refused before anything else is said or read.
  const userFolder = userTemplates(ctx.env);
  if (opts.out) refuseOutFolderAbove(opts.out);
  const store = await ctx.openStore({ create: false });
  const theCase = await caseByRef(store, ref);
  const plan = await planForCase(store, theCase.id);
  if (!plan || plan.targets.length === 0) {
    throw new UserError(`no appeal plan for ${theCase.ref}: caselog appeal plan ${shellWord(theCase.ref)} --target WHO... --action TEXT...`);
  }
  if (opts.target.length > 0) {
    const wanted = await resolveTargets(store, opts.target);
    const outside = wanted.filter((w) => !plan.targets.some((t) => t.id === w.id));
    if (outside.length > 0) {
      throw new UserError(`${outside.map((t) => t.name).join(', ')} not in the appeal plan of ${theCase.ref}: add with caselog appeal plan ${shellWord(theCase.ref)} --target ...`);
    }
    plan.targets = plan.targets.filter((t) => wanted.some((w) => w.id === t.id));
  }
  const people = await casePeople(store, theCase.people.map((p) => p.id), ctx.today);
  const pleaded = people.filter((p) => notPleadedFor(p.person, ctx.today) === undefined);
  const unquoted = pleaded.filter((p) => p.unsourced);
  if (unquoted.length > 0) {
    say(ctx, `the letters quote only news that cites a source: left out ${unquoted.map((p) => `${p.person.name}'s of ${formatDate(p.unsourced!.date)} (${shortId(p.unsourced!.id)})`).join(', ')}; to quote one, cite its source: caselog edit EVENT --source SRC`);
  }
  const noted = pleaded.filter((p) => p.ownNote).map((p) => p.person.name);
  if (noted.length > 0) say(ctx, `the letters never quote your notes on a status or risk change: the newest of ${noted.join(', ')} is one, left out`);
  // A letter pleads only for people still at risk; the others are left out, and said so.
  const leftOut = people.filter((p) => !pleaded.includes(p)).map((p) => p.person);
  const why = leftOut.map((p) => `${p.name} (${notPleadedFor(p, ctx.today)})`).join(', ');
  if (leftOut.length === people.length) {
    throw new UserError(people.length === 0
      ? `${theCase.ref} names nobody to appeal for: add the people at risk with caselog add person NAME --case "${theCase.ref}" --risk RISK`
      : `nobody in ${theCase.ref} is at risk any more: ${why}; no letters written`);
  }
  const riskless = pleaded.filter(({ person }) => person.risks.length === 0).map((p) => p.person.name);
  if (riskless.length > 0) {
    say(ctx, `no risks recorded for ${riskless.join(', ')}: the letters name no risk for them (add one with caselog risk NAME --add RISK)`);
  }
  if (leftOut.length > 0) {
    say(ctx, `left out of the letters, no longer at risk: ${why}`);
    // The requests are the caseworker's own words: they cannot be rewritten, only pointed out.
    // Any of their names, in any script (张伟 as well as Zhang Wei), as erase looks for them.
    const words = [...plan.actions.map((a) => a.text), plan.copiesTo ?? ''].map((t) => t.toLowerCase());
    const named = leftOut.filter((p) => p.names.some((n) => words.some((t) => t.includes(n.name.toLowerCase()))));
    if (named.length > 0) say(ctx, `the plan's requests still name ${named.map((p) => p.name).join(', ')}: review them with caselog appeal plan ${shellWord(theCase.ref)} --replace ...`);
  }
  const sender = addressLines(opts.from);
  if (sender.length === 0) say(ctx, 'no --from given: the letters leave a space for your name and address');
  const views = letterViews({ today: ctx.today, sender, plan, caseTitle: theCase.title, people });
  for (const v of views) if (v.requests.length === 0) say(ctx, `no requests in the plan for ${v.target.name}: that letter only expresses concern`);
  const templates = views.map((view) => templateFor(format, view.target.language, userFolder));
  for (const line of missingLanguages(views.map((view, i) => ({ target: view.target, template: templates[i]! })), format, userFolder)) say(ctx, line);
  const letters = views.map((view, i) => ({
    view, text: renderLetter(view, templates[i]!.path), file: opts.out ? join(opts.out, fileName(theCase.ref, i, view.target.name, format)) : undefined,
  }));
  refuseErasedMark(theCase.ref, letters.map((l) => l.text));

  if (opts.out) {
    makeFolders(opts.out, `${opts.out} is a file: --out takes a folder for the letters`);
    // Letters name people at risk: readable by their owner only, like the database.
    for (const l of letters) {
      writeFileSync(l.file!, l.text, { mode: 0o600 });
      chmodSync(l.file!, 0o600);
    }
    say(ctx, `Wrote ${count(letters.length, 'letter')} for ${theCase.ref} to ${opts.out}`);
  }
  if (ctx.json) {
    printJson(ctx, letters.map((l) => ({ target: targetJson(l.view.target), file: l.file ?? null, text: l.text })));
  } else if (opts.out) {
    print(ctx, letters.map((l) => l.file).join('\n'));
  } else if (letters.length === 1) {
    ctx.stdout.write(safeOutput(ctx, letters[0]!.text));
  } else {
    ctx.stdout.write(safeOutput(ctx, letters.map((l, i) => `${separator(format, i, letters.length, l.view.target)}\n\n${l.text}`).join('\n')));
  }
}

/**
 * The people of the case, each with the latest event that names them as of the letter's day (the
 * user's own appeals left out; a letter dated earlier, with --today, cannot tell of later news).
 * A letter goes to the authorities: it quotes only events that cite a source, never what the
 * caseworker wrote for themselves (a status or risk change's note, what a relative said in
 * confidence). `unsourced` is a newer event left out for that, to say so.
 */
async function casePeople(store: SqliteStore, ids: string[], today: Day): Promise<Array<LetterPerson & { unsourced?: EventRecord; ownNote: boolean }>> {
  const letterDay = dayIso(today);
  return Promise.all(ids.map(async (id) => {
    const person = (await store.getPerson(id))!;
    const own = (await store.personTimeline(id)).filter((e) => e.type !== 'appeal' && e.people.some((p) => p.id === id));
    const events = own.filter((e) => dayIso(firstDay(e.date)) <= letterDay);
    // A status recorded when they were added counts from the day it was recorded (from the start when that is unknown).
    const recorded: WhereaboutsNews[] = person.recordedStatus
      ? [{ type: 'status', status: person.recordedStatus, date: person.recordedStatusOn ? fromIso(person.recordedStatusOn, false, person.recordedStatusOn) : undefined }]
      : [];
    const returned = returnedBy([...recorded, ...own], today);
    const newest = events[events.length - 1];
    // A status or risk change records the caseworker's own note, whatever source it cites.
    const ownNote = (e: EventRecord) => e.type === 'status' || isRiskChange(e) || (e.type === 'other' && addedBy(store, 'events', e.id) === 'risk');
    let latest: EventRecord | undefined;
    for (let i = events.length - 1; i >= 0 && !latest; i--) if (events[i]!.sources.length > 0 && !ownNote(events[i]!)) latest = events[i];
    // Where sources give it other dates (reports vary), the letter says the earliest, as about:
    // stated as fact, the date one source gives undoes the letter with the authorities.
    const told = latest && groupHappenings(events).find((h) => h.reportsVary && h.events.includes(latest!));
    if (latest && told && told.events.some((e) => isoOf(e.date) !== isoOf(latest!.date))) {
      // "Around 11 February 1999"; a month or year says enough as it is ("In February 1999").
      const earliest = told.events[0]!.date;
      latest = { ...latest, date: { ...earliest, approximate: earliest.approximate || earliest.day !== undefined } };
    }
    const newestLeftOut = newest !== undefined && newest.id !== latest?.id;
    const newestIsNote = newestLeftOut && ownNote(newest);
    return { person, latest, returned, unsourced: newestLeftOut && !newestIsNote ? newest : undefined, ownNote: newestIsNote };
  }));
}

/**
 * A letter goes to the authorities: one reading "the release of [erased] and Murager Alimuly" tells
 * them that someone was taken out of the record for their safety, and roughly who. Where an erase
 * left its mark in what a letter quotes (the plan's requests, the case's title, an event), no letter
 * is written until the words are changed.
 */
function refuseErasedMark(ref: string, texts: string[]): void {
  const line = texts.flatMap((t) => t.split('\n')).find((l) => l.includes(ERASED_MARK));
  if (line === undefined) return;
  throw new UserError(`a letter for ${ref} would read ${JSON.stringify(line.trim())}: "${ERASED_MARK}" is where an erase took a name out, and would tell its reader ` +
    `someone was erased; rewrite those words first (the requests: caselog appeal plan ${shellWord(ref)} --replace ...; a case's title or an event: caselog edit); no letters written`);
}

/** A line between letters on stdout: a heading in Markdown, a rule of "=" in text. */
function separator(format: LetterFormat, i: number, n: number, target: { name: string; title: string }): string {
  const label = `Letter ${i + 1} of ${n}: ${target.name}, ${target.title}`;
  return format === 'md' ? `## ${label}` : `==== ${label} ${'='.repeat(Math.max(4, 72 - 6 - label.length))}`;
}

function fileName(ref: string, i: number, name: string, format: LetterFormat): string {
  const slug = (s: string) => foldName(s).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${slug(ref) || 'case'}-${i + 1}-${slug(name) || 'target'}.${format}`;
}
