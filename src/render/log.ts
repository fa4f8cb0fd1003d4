// The change log as a caseworker reads it: when, who, which command, what happened to which record,
// and a short "before → after" of the fields that changed.
import { count, type Style } from './style';
import { changeTimeAndZone } from './change-time';
import { looksLikeId } from '../domain/ids';
import { clip, fieldValue, fieldWords, itemText, visible } from './log-values';
import type { ChangeEntry } from '../store/trust-audit';
import type { UndidChanges, UndoneBy } from '../store/log-undone';
import { undoSaid } from './log-undo';
import { record } from './log-record';
import { listChange } from './log-lists';
import { oneLine } from './lines';
import { SHOWN, textChange } from './log-text-change';

type Obj = Record<string, unknown>;
export interface FieldChange { field: string; before: unknown; after: unknown }

const HIDDEN = new Set(['id', 'recorded']);

/** The fields whose value differs; for an added or removed record, the fields it has. */
export function changedFields(before: Obj | null, after: Obj | null): FieldChange[] {
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((f) => !HIDDEN.has(f));
  return fields
    .map((field) => ({ field, before: before?.[field] ?? null, after: after?.[field] ?? null }))
    .filter((c) => JSON.stringify(c.before) !== JSON.stringify(c.after))
    .filter((c) => !(isEmpty(c.before) && isEmpty(c.after)));
}

const isEmpty = (v: unknown) => v == null || (Array.isArray(v) && v.length === 0);

/** What the log knows beside its entries, to say them by. */
export interface LogReading {
  /** What records the log holds only by id are called (a case's reference, a person's name, a plan's targets); an id not here is shown short. */
  names?: ReadonlyMap<string, string>;
  /** The batches an undo reversed, with the undo: their changes no longer stand. */
  undone?: ReadonlyMap<number, UndoneBy>;
  /** What each undo shown reversed, by the batch it reversed. */
  undid?: ReadonlyMap<number, UndidChanges>;
  /** Records merged into the person whose log this is, and what that person is called. */
  mergedInto?: ReadonlyMap<string, string>;
}

export function renderLog(entries: ChangeEntry[], c: Style, reading: LogReading = {}): string {
  if (entries.length === 0) return 'No changes recorded.';
  const names = reading.names ?? new Map<string, string>();
  return entries.map((e) => {
    // The action when the command does not already say it ("add deadline" adds; "merge" edits and deletes).
    const said = (e.command ?? '').split(' ')[0] === e.action;
    const head = [c.dim(changeTimeAndZone(e.at)), oneLine(e.user ?? '?'), c.cyan(oneLine(e.command || '?')), said ? '' : c.bold(e.action),
      [record(e), ...marks(e, reading)].filter(Boolean).join(' ')].filter(Boolean).join('  ');
    const summary = isUndoLine(e) ? undoSaid(e.after!, reading.undid?.get(Number(e.after!.batch))) : summarise(e, names);
    return summary ? `${head}\n    ${summary}` : head;
  }).join('\n');
}

/** An undo's own line: which change it reversed (its records have lines of their own). */
const isUndoLine = (e: ChangeEntry) => e.action === 'undo' && e.kind === 'batch' && e.after !== null;

/**
 * What the head says after the record: a change an undo reversed, which no longer stands (by whom
 * when not the one who made it); a record of someone else's since merged into this person.
 */
function marks(e: ChangeEntry, reading: LogReading): string[] {
  const undone = reading.undone?.get(e.batch);
  const into = e.recordId ? reading.mergedInto?.get(e.recordId) : undefined;
  return [
    into !== undefined ? `(merged into ${oneLine(into)})` : '',
    undone ? `(undone ${changeTimeAndZone(undone.at)}${undone.user !== null && undone.user !== e.user ? ` by ${oneLine(undone.user)}` : ''})` : '',
  ];
}

function summarise(e: ChangeEntry, names: ReadonlyMap<string, string>): string {
  // An erase says only that it happened (entries written before this rule held counts).
  if (e.action === 'erase') return '';
  if (e.action === 'import' && e.before === null && typeof e.after?.from === 'string') return `added from ${clip(e.after.from, 60)}`;
  if (e.action === 'restore' && e.after) {
    const kept = typeof e.after.kept === 'string' ? `; the database before it is kept in ${clip(e.after.kept, 80)}` : '; there was no database before it';
    const carried = typeof e.after.erasesCarried === 'number' ? `; ${count(e.after.erasesCarried, 'erase')} made since the backup carried over` : '';
    return `restored from ${clip(String(e.after.from ?? ''), 80)}${kept}${carried}`;
  }
  if (e.kind === 'file' && e.after) {
    const a = e.after;
    // The erases it took over are said as an erase is: the fact alone.
    const erases = Array.isArray(a.erased) && a.erased.length > 0 ? `; ${count(a.erased.length, 'erase')} made where it comes from remembered` : '';
    return `${clip(String(a.file ?? ''), 60)}: ${a.added ?? 0} added, ${a.updated ?? 0} updated, ${a.unchanged ?? 0} unchanged${erases}`;
  }
  const item = itemText(names);
  const changes = changedFields(e.before, e.after);
  const parts = changes.map((ch) => {
    const value = (v: unknown) => {
      if (v == null) return '\u2014';
      if (Array.isArray(v)) return v.length === 0 ? '\u2014' : clip(v.map(item).join(', '), 60);
      return clip(fieldValue(ch.field, v, item), SHOWN);
    };
    const field = fieldWords(ch.field);
    if (e.before === null) return `${field}: ${value(ch.after)}`;
    if (e.after === null) return `${field}: ${value(ch.before)} \u2192 \u2014`;
    // A list edited: what went in and out of it.
    if (Array.isArray(ch.before) || Array.isArray(ch.after)) {
      const list = (v: unknown) => (Array.isArray(v) ? v : []);
      return `${field}: ${listChange(list(ch.before), list(ch.after), item)}`;
    }
    // A text edited: where it changed, not two texts cut at the same place.
    if (typeof ch.before === 'string' && typeof ch.after === 'string' && !looksLikeId(ch.before) && !looksLikeId(ch.after)) {
      return `${field}: ${textChange(visible(fieldValue(ch.field, ch.before, item)), visible(fieldValue(ch.field, ch.after, item)))}`;
    }
    return `${field}: ${value(ch.before)} \u2192 ${value(ch.after)}`;
  });
  return clip(parts.join('; '), 200);
}
