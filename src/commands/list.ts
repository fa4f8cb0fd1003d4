// caselog list cases|people [filters] and list sources, [--limit N]: a table that fits the terminal, or --json.
import type { Context } from '../context';
import { printJson, printWrapped, wrapped, writeStream } from '../context';
import { gravestFirst } from '../domain/urgency';
import type { Risk, Status } from '../domain/types';
import { UsageError } from '../errors';
import { caseJson, jsonArrayPieces, personJson, sourceJson } from '../render/json';
import { shortId } from '../domain/ids';
import { sourcesWithCitations } from '../store/sources-read';
import { renderTable, shortDate, tablePieces, type Cell, type Column } from '../render/list-table';
import { style } from '../render/style';
import { reliabilityInWords } from '../render/timeline';
import { namesakeLabels } from '../render/namesakes';
import { caseByRef } from './add';
import { shellWord } from './hints';
import { listLimit, sayLeftOut } from './limit';

export interface ListOptions { status?: Status; risk?: Risk; open?: boolean; closed?: boolean; case?: string; limit?: string }

/**
 * On a terminal, its width. Without one (a pipe, a file), the width COLUMNS says, else no limit:
 * "list people > people.txt" cut to 80 columns lost the risks and case references past the cut.
 */
const widthOf = (ctx: Context) => {
  if (ctx.columns !== undefined && Number.isInteger(ctx.columns) && ctx.columns > 0) return ctx.columns;
  const columns = Number(ctx.env.COLUMNS);
  return Number.isInteger(columns) && columns >= 40 ? columns : Number.POSITIVE_INFINITY;
};

function checkOpenClosed(opts: ListOptions) {
  if (opts.open && opts.closed) throw new UsageError('--open and --closed exclude each other: give one');
}

/** The filters given, as typed again in the command a message names (" --status detained --open"). */
const filterFlags = (opts: ListOptions): string => [
  opts.status && `--status ${opts.status}`, opts.risk && `--risk ${opts.risk}`, opts.open && '--open', opts.closed && '--closed',
  opts.case !== undefined && `--case ${shellWord(opts.case)}`,
].filter(Boolean).map((flag) => ` ${flag}`).join('');

export async function listPeople(ctx: Context, opts: ListOptions) {
  checkOpenClosed(opts);
  const limit = listLimit(opts.limit);
  const store = await ctx.openStore({ create: false });
  const caseId = opts.case ? (await caseByRef(store, opts.case)).id : undefined;
  const filter = { status: opts.status, risk: opts.risk, caseId, open: opts.open, closed: opts.closed };
  // As a reader sorts names (accents and case aside, src/domain/names-order.ts), not by character
  // codes: sorted by SQLite, which hands over the first --limit (or all) ids; those are then read,
  // a chunk at a time, whole (--json) or as the table shows them, and written out as they are read.
  const { ids, total } = store.read.peopleInNameOrder(filter, limit);
  const leftOut = () => sayLeftOut(ctx, total - ids.length, ['person', 'people'], `caselog list people${filterFlags(opts)}`);
  if (ctx.json) {
    await writeStream(ctx.stdout, jsonArrayPieces(inChunks(ids, (chunk) => store.read.peopleWholeByIds(chunk).map(personJson))));
    return leftOut();
  }
  if (ids.length === 0) return printWrapped(ctx, 'No people match.');
  // Ids are left out so the table fits 80 columns: names work wherever an id does, and show prints it.
  // A name longer than 24 columns is cut after its start, which still tells who it is, before the risks are;
  // a namesake's id after it is never cut.
  const columns: Column[] = [{ header: 'NAME', min: 16, cap: 24, kind: 'name', keepsId: true }, { header: 'STATUS' }, { header: 'CASES' },
    { header: 'RISKS (gravest first)' }, { header: 'LATEST NEWS' }];
  // Namesakes among everyone matching, shown or not: a --limit cuts the list, not who is told apart.
  const label = namesakeLabels(store.read.peopleFoldedAlike(filter, limit > 0 ? ids : undefined));
  // The case references and the risks as lists: a narrow table leaves some out ("UA 77/98 +2",
  // "enforced-disappearance +3"), never cuts one nor the column; too narrow for the first and its
  // count, it is written one block a person. A risk cut short, or left out, hid the gravest ones.
  // The table's widths take every row: the rows are kept as their cells alone.
  const rows = [...inChunks(ids, (chunk) => store.read.peopleShownByIds(chunk).map((p): Cell[] =>
    [label(p), p.status, p.cases.map((c) => c.ref), gravestFirst(p.risks), p.latestNews ? shortDate(p.latestNews) : '']))];
  await writeStream(ctx.stdout, wrappedPieces(ctx, tablePieces(columns, rows, widthOf(ctx), style(ctx.color))));
  leftOut();
}

/** How many people are read in one statement (the ids of a chunk go in as one JSON array). */
const CHUNK = 1000;

/** What `read` gives for each chunk of the ids, item by item, a chunk read only once the last is taken. */
function* inChunks<T>(ids: string[], read: (chunk: string[]) => T[]): Generator<T> {
  for (let at = 0; at < ids.length; at += CHUNK) yield* read(ids.slice(at, at + CHUNK));
}

/** Each piece as printWrapped shows a text, ended by a line break. */
function* wrappedPieces(ctx: Context, pieces: Iterable<string>): Generator<string> {
  for (const piece of pieces) yield wrapped(ctx, piece);
}

export async function listCases(ctx: Context, opts: ListOptions) {
  checkOpenClosed(opts);
  const limit = listLimit(opts.limit);
  const store = await ctx.openStore({ create: false });
  const { cases, total } = store.read.casesListed({ status: opts.status, risk: opts.risk, open: opts.open, closed: opts.closed }, limit);
  const events = store.read.caseEventCounts(cases.map((c) => c.id));
  if (ctx.json) {
    printJson(ctx, cases.map((c) => ({ ...caseJson(c), events: events.get(c.id) ?? 0 })));
    return sayLeftOut(ctx, total - cases.length, ['case', 'cases'], `caselog list cases${filterFlags(opts)}`);
  }
  if (cases.length === 0) return printWrapped(ctx, 'No cases match.');
  const columns: Column[] = [{ header: 'REF' }, { header: 'TITLE', min: 12, kind: 'free-text' }, { header: 'PEOPLE' },
    { header: 'EVENTS' }, { header: 'OPENED' }, { header: 'STATE' }];
  const rows = cases.map((c) => [c.ref, c.title, String(c.people.length), String(events.get(c.id) ?? 0),
    c.opened ? shortDate(c.opened) : '', c.closed ? `closed ${shortDate(c.closed)}` : 'open']);
  printWrapped(ctx, renderTable(columns, rows, widthOf(ctx), style(ctx.color)));
  sayLeftOut(ctx, total - cases.length, ['case', 'cases'], `caselog list cases${filterFlags(opts)}`);
}

/** Every source, so that one can be cited (--source), shown (show ID) or corrected (edit ID) by its reference or id. */
export async function listSources(ctx: Context, opts: { limit?: string }) {
  const limit = listLimit(opts.limit);
  const store = await ctx.openStore({ create: false });
  const { sources, total } = await sourcesWithCitations(store, limit);
  if (ctx.json) {
    printJson(ctx, sources.map(({ source, events }) => ({ ...sourceJson(source), events })));
    return sayLeftOut(ctx, total - sources.length, ['source', 'sources'], 'caselog list sources');
  }
  if (sources.length === 0) return printWrapped(ctx, 'No sources yet: add one with caselog add source --title TEXT');
  // The id is kept whole with the references and dates: sources have no name to type instead. The
  // title is cut but never left out (a source without a reference has nothing else to tell it by);
  // the publisher, said of many sources alike, is left out first, the reliability before it.
  // RELIABILITY only when some source has one: a blank column would only narrow the titles.
  const trusted = sources.some(({ source }) => reliabilityInWords(source.reliability) !== undefined);
  const columns: Column[] = [{ header: 'REF' }, { header: 'TITLE', min: 12, kind: 'name' }, { header: 'PUBLISHER', min: 9, kind: 'free-text' },
    ...(trusted ? [{ header: 'RELIABILITY', min: 6, kind: 'free-text' as const }] : []), { header: 'DATE' }, { header: 'EVENTS' }, { header: 'ID' }];
  const rows = sources.map(({ source: s, events }) => [s.ref ?? '', s.title, s.publisher ?? '',
    ...(trusted ? [reliabilityInWords(s.reliability) ?? ''] : []), s.date ? shortDate(s.date) : '', String(events), shortId(s.id)]);
  printWrapped(ctx, renderTable(columns, rows, widthOf(ctx), style(ctx.color)));
  sayLeftOut(ctx, total - sources.length, ['source', 'sources'], 'caselog list sources');
}
