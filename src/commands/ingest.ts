// caselog ingest FILE|-: stores a document as a source and records the facts the caseworker accepts
// from it. On a terminal each proposal is reviewed and nothing is written before the final yes;
// --yes accepts everything without a terminal; --dry-run shows the proposals (--json: as JSON) and
// writes nothing. The same document ingested again is recognised by its fingerprint and adds nothing.
// Where people, events and deadlines go is decided in ingest-plan.ts.
import { existsSync } from 'node:fs';
import { refuseTerminalInput } from '../exchange/stdin';
import type { Context } from '../context';
import { say } from '../context';
import type { CaseRecord } from '../domain/model';
import { UserError } from '../errors';
import { refuseErasedDocument, sourceByHash, writeIngest } from '../store/ingest';
import type { SqliteStore } from '../store/sqlite-store';
import { caseByRef } from './add';
import { extractWithPeople } from './ingest-people';
import { eventHasOwner, planIngest, toWrite, type FactProposal, type IngestPlan } from './ingest-plan';
import { noteDocumentDate, noteUnreadDates, printProposals, reportAlready, reportIngested } from './ingest-show';
import { flagDate, readDocument, sourceDraft, type DocumentFormat, type SourceFlags } from './ingest-source';
import { walkProposals } from './ingest-walk';
import { noteKeptApart, refuseUnconfirmed, unconfirmedProblem } from './ingest-loose';
import { noteAddedNotByAge } from './ingest-age';
import { noteHeldNames } from './ingest-held';
import { noteDeaths, proposedEvents } from './ingest-deaths';
import { closedCaseRefusal } from './deadline-case';
import { personChoice } from '../render/namesakes';
import { count } from '../render/style';
import { shellWord } from './hints';
import { noteLaterAccount } from './note-later-account';
import { statusFromEvent } from '../domain/status';
import { dateArg, isoOf } from '../domain/dates';
import { shortId } from '../domain/ids';
import { eventsCiting } from '../store/sources-read';
import { refuseMissingFolder } from '../store/db-place';

export interface IngestOptions extends SourceFlags {
  case?: string; format?: DocumentFormat; yes?: boolean; dryRun?: boolean;
}

export async function ingest(ctx: Context, file: string, opts: IngestOptions): Promise<void> {
  refuseTerminalInput(file, ctx.stdinIsTerminal, 'give the document\'s file (caselog ingest FILE), or pipe it in (caselog ingest - --yes < FILE)');
  if (!opts.yes && !opts.dryRun && (!ctx.interactive || file === '-')) {
    // Like delete without --force: there is no terminal to confirm on (exit 1).
    throw new UserError('ingest asks about each proposal on a terminal: pass --yes to accept them all, or --dry-run --json to see them');
  }
  const date = flagDate(opts.date, ctx.today);
  const doc = readDocument(file, opts.format);
  // Reading needs no database; a missing one is created only when something is recorded.
  const store = existsSync(ctx.dbPath) ? await ctx.openStore({ create: false }) : undefined;
  // Before the review, not at its end: a named database that cannot be started there is said at once.
  if (!store && !opts.dryRun && ctx.dbNamed) refuseMissingFolder(ctx.dbPath);
  const already = store ? sourceByHash(store, doc.hash) : undefined;
  if (already && !opts.dryRun && !opts.case) return reportAlready(ctx, already);
  if (store && !already) refuseErasedDocument(store, doc.hash, shownFile(file));

  const found = await extractWithPeople(doc.raw, { format: doc.format, documentDate: date, today: ctx.today }, store);
  const source = sourceDraft(doc, found.extraction.source, opts, date);
  const references = [source.ref, ...found.extraction.candidates.map((c) => c.reference)].filter((r): r is string => Boolean(r));
  const theCase = await caseFor(store, opts.case, references);
  if (theCase && !opts.case) say(ctx, `The document cites ${theCase.ref}: its facts go to that case (--case to choose another)`);
  if (!theCase && store) await hintNumberedCase(ctx, store, references);
  const plan = planIngest(found, source, theCase);
  // --case for a document ingested before (without it): what was left out then, as commands to type.
  if (already && !opts.dryRun) {
    // Those recorded by the first ingest after all (it was given a case, or one was typed in since) are not left out.
    const cited = (await eventsCiting(store!, already.id)).map((e) => `${e.type} ${isoOf(e.date)}`);
    const left = caseless(plan).filter((f) => !cited.includes(`${f.type ?? 'other'} ${isoOf(f.date)}`));
    return reportAlready(ctx, already, left.map((f) => byHand(f, theCase!.ref, already.id)));
  }
  closedCaseDeadlines(ctx, theCase, plan, opts);
  if (opts.yes && !opts.dryRun) refuseUnconfirmed(plan, file);
  // After any refusal: a refused ingest says only why.
  noteDocumentDate(ctx, found.extraction);
  noteUnreadDates(ctx, found.extraction);
  for (const p of plan.people) {
    if (p.choice.action !== 'skip' || !opts.yes || opts.dryRun) continue;
    if (p.candidate.role) say(ctx, `Left out ${p.candidate.name}: named as ${p.candidate.role}; if they are at risk too, add them with caselog add person`);
    else if (p.lookup.kind === 'several') {
      say(ctx, `Left out "${p.candidate.name}": it could be ${p.lookup.people.map((q) => personChoice(q.person, q.detail)).join(' or ')}; add the facts about them by hand`);
    }
  }
  if (opts.yes || opts.dryRun) noteHeldNames(ctx, plan);
  if (opts.dryRun) {
    printProposals(ctx, plan, already);
    const unsure = unconfirmedProblem(plan, file);
    if (unsure) say(ctx, `note: --yes would record nothing: ${unsure}`);
    return noteDeaths(ctx, plan, proposedEvents(plan));
  }

  if (!opts.yes && !(await walkProposals(ctx, store, plan))) {
    say(ctx, 'Nothing recorded.');
    return;
  }
  // Events about people left out were said with them; those naming nobody need a case.
  const orphans = plan.facts.filter((f) => f.kind === 'event' && f.accepted && f.people.length === 0 && !eventHasOwner(plan, f));
  const into = store ?? (await ctx.openStore({ create: true }));
  const write = toWrite(plan);
  const done = writeIngest(into, write, shownFile(file));
  if (done.already) return reportAlready(ctx, done.source);
  reportIngested(ctx, done);
  if (opts.yes) noteKeptApart(ctx, plan, shownFile(file));
  noteAddedNotByAge(ctx, plan, write, done);
  // Another account of a happening recorded before may now decide a status recorded between the two.
  for (const e of done.events) {
    const wouldBe = statusFromEvent(e.type, e.status);
    if (wouldBe) await noteLaterAccount(ctx, into, e, wouldBe);
  }
  noteDeaths(ctx, plan, [...done.events, ...done.cited].map((e) => ({ type: e.type, date: e.date, text: e.summary, people: e.people })));
  if (opts.yes && orphans.length > 0) {
    // Said with the commands that record them: ingesting the document again records nothing new.
    say(ctx, `Left out ${count(orphans.length, 'event')} naming nobody, for want of --case: to record ${orphans.length === 1 ? 'it' : 'them'} on a case, ${orphans.map((f) => byHand(f, 'CASE', done.source.id)).join('; ')}`);
  }
}

/** The events of a document that name nobody: those a case is needed for. */
const caseless = (plan: IngestPlan): FactProposal[] => plan.facts.filter((f) => f.kind === 'event' && f.people.length === 0);

/** An event of the document as the command that records it by hand on a case, citing the source. */
function byHand(f: FactProposal, caseRef: string, sourceId: string): string {
  return `caselog add event ${shellWord(caseRef)} --date ${dateArg(f.date)} --type ${f.type ?? 'other'} --summary ${shellWord(f.text)} --source ${shortId(sourceId)}`;
}

/**
 * A closed case's deadlines never reach due: a document's deadlines for one would be recorded to stay
 * silent (as add deadline refuses). A dry run says so; recording is refused before any question.
 */
function closedCaseDeadlines(ctx: Context, theCase: CaseRecord | undefined, plan: ReturnType<typeof planIngest>, opts: IngestOptions): void {
  const deadlines = plan.facts.filter((f) => f.kind === 'deadline').length;
  if (!theCase?.closed || deadlines === 0) return;
  const why = `${closedCaseRefusal(theCase.ref)} (with --case; the document proposes ${count(deadlines, 'deadline')})`;
  if (!opts.dryRun) throw new UserError(`nothing was recorded: ${why}`);
  say(ctx, `note: ${why}`);
}

/** "EXTRA 77/98" → "77/98": the number of an action or document, whatever its series' prefix. */
const numberOf = (ref: string): string | undefined => /\d+(?:[/.-]\d+)+/.exec(ref)?.[0];

/**
 * A document citing "EXTRA 77/98" is likely about the case the caseworker filed as "UA 77/98": never
 * taken without --case (the prefix is another series), but pointed to.
 */
async function hintNumberedCase(ctx: Context, store: SqliteStore, references: string[]): Promise<void> {
  const numbers = new Set(references.map(numberOf).filter((n): n is string => n !== undefined));
  if (numbers.size === 0) return;
  const near = (await store.listCases()).filter((c) => numbers.has(numberOf(c.ref) ?? ''));
  if (near.length === 0) return;
  const cited = references.filter((r) => near.some((c) => numberOf(c.ref) === numberOf(r)));
  say(ctx, `The document cites ${[...new Set(cited)].join(', ')}; ${near.map((c) => c.ref).join(', ')} ${near.length > 1 ? 'have' : 'has'} the same number: to put its facts there, give ${near.map((c) => `--case ${shellWord(c.ref)}`).join(' or ')}`);
}

/** --case, else the one existing case whose reference the document cites. */
async function caseFor(store: SqliteStore | undefined, ref: string | undefined, references: string[]): Promise<CaseRecord | undefined> {
  if (ref) {
    if (!store) throw new UserError(`no case with reference "${ref}": open it first with caselog add case --ref ${shellWord(ref)} --title ...`);
    return caseByRef(store, ref);
  }
  if (!store) return undefined;
  const cited = new Map<string, CaseRecord>();
  for (const r of references) {
    const found = await store.findCaseByRef(r);
    if (found) cited.set(found.id, found);
  }
  return cited.size === 1 ? [...cited.values()][0] : undefined;
}

const shownFile = (file: string): string => (file === '-' ? 'the document' : file);
