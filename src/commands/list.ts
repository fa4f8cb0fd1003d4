// caselog list cases|people [filters] and list sources: a table that fits the terminal, or --json.
import type { Context } from '../context';
import { printJson, printWrapped } from '../context';
import { compareNames } from '../domain/names-order';
import { gravestFirst } from '../domain/urgency';
import type { Risk, Status } from '../domain/types';
import { UsageError } from '../errors';
import { caseJson, personJson, sourceJson } from '../render/json';
import { shortId } from '../domain/ids';
import { sourcesWithCitations } from '../store/sources-read';
import { renderTable, shortDate, type Column } from '../render/list-table';
import { style } from '../render/style';
import { reliabilityInWords } from '../render/timeline';
import { casesWhere, eventCounts, peopleWhere } from '../store/upkeep-read';
import { namesakeLabels } from '../render/namesakes';
import { caseByRef } from './add';

export interface ListOptions { status?: Status; risk?: Risk; open?: boolean; closed?: boolean; case?: string }

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

export async function listPeople(ctx: Context, opts: ListOptions) {
  checkOpenClosed(opts);
  const store = await ctx.openStore({ create: false });
  const caseId = opts.case ? (await caseByRef(store, opts.case)).id : undefined;
  // As a reader sorts names (accents and case aside, src/domain/names-order.ts), not by character codes.
  const people = (await peopleWhere(store, { status: opts.status, risk: opts.risk, caseId, open: opts.open, closed: opts.closed }))
    .sort((a, b) => compareNames(a.name, b.name) || (a.id < b.id ? -1 : 1));
  if (ctx.json) return printJson(ctx, people.map(personJson));
  if (people.length === 0) return printWrapped(ctx, 'No people match.');
  // Ids are left out so the table fits 80 columns: names work wherever an id does, and show prints it.
  // A name longer than 24 columns is cut after its start, which still tells who it is, before the risks are.
  const columns: Column[] = [{ header: 'NAME', min: 16, cap: 24, kind: 'name' }, { header: 'STATUS' }, { header: 'CASES' },
    { header: 'RISKS (gravest first)' }, { header: 'LATEST NEWS' }];
  const label = namesakeLabels(people);
  // The case references and the risks as lists: a narrow table leaves some out ("UA 77/98 +2",
  // "enforced-disappearance +3"), never cuts one nor the column; too narrow for the first and its
  // count, it is written one block a person. A risk cut short, or left out, hid the gravest ones.
  const rows = people.map((p) => [label(p), p.status, p.cases.map((c) => c.ref),
    gravestFirst(p.risks), p.latestNews ? shortDate(p.latestNews) : '']);
  printWrapped(ctx, renderTable(columns, rows, widthOf(ctx), style(ctx.color)));
}

export async function listCases(ctx: Context, opts: ListOptions) {
  checkOpenClosed(opts);
  const store = await ctx.openStore({ create: false });
  const cases = await casesWhere(store, { status: opts.status, risk: opts.risk, open: opts.open, closed: opts.closed });
  const events = await eventCounts(store, cases.map((c) => c.id));
  if (ctx.json) return printJson(ctx, cases.map((c) => ({ ...caseJson(c), events: events.get(c.id) ?? 0 })));
  if (cases.length === 0) return printWrapped(ctx, 'No cases match.');
  const columns: Column[] = [{ header: 'REF' }, { header: 'TITLE', min: 12, kind: 'free-text' }, { header: 'PEOPLE' },
    { header: 'EVENTS' }, { header: 'OPENED' }, { header: 'STATE' }];
  const rows = cases.map((c) => [c.ref, c.title, String(c.people.length), String(events.get(c.id) ?? 0),
    c.opened ? shortDate(c.opened) : '', c.closed ? `closed ${shortDate(c.closed)}` : 'open']);
  printWrapped(ctx, renderTable(columns, rows, widthOf(ctx), style(ctx.color)));
}

/** Every source, so that one can be cited (--source), shown (show ID) or corrected (edit ID) by its reference or id. */
export async function listSources(ctx: Context) {
  const store = await ctx.openStore({ create: false });
  const sources = await sourcesWithCitations(store);
  if (ctx.json) return printJson(ctx, sources.map(({ source, events }) => ({ ...sourceJson(source), events })));
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
}
