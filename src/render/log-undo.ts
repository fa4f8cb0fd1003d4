// An undo's own line in the change log, said as the rest of the log and as undo said it: whose change,
// which command, when (the reader's local time with its offset), and what it put back or removed.
// Its batch number is how undo finds it, and appears nowhere else the log's reader sees.
import { changeTimeAndZone } from './change-time';
import { clip } from './log-values';
import { record } from './log-record';
import { count } from './style';
import type { UndidChanges, UndidRecord } from '../store/log-undone';

/** `undone`: the undo's logged note of the change it reversed; `undid`: what that change did, when the log still holds it. */
export function undoSaid(undone: Record<string, unknown>, undid: UndidChanges | undefined): string {
  const text = (v: unknown) => (typeof v === 'string' ? clip(v, 60) : undefined);
  const whose = text(undone.user) !== undefined ? `${text(undone.user)}'s ` : '';
  const command = text(undone.command) ?? text(undone.action);
  const file = undid?.file !== undefined ? ` (${clip(undid.file, 60)})` : '';
  const when = typeof undone.at === 'string' ? ` of ${changeTimeAndZone(undone.at)}` : '';
  const head = `undid ${whose}${command !== undefined ? `"${command}"` : 'a change'}${file}${when}`;
  if (!undid) return head;
  const phrase = (n: number, first: UndidRecord | undefined, verb: string, tail = '') => (n === 0 || !first ? ''
    : `${verb} ${record(first)}${n > 1 ? ` and ${count(n - 1, 'other record')}` : ''}${tail}`);
  const what = [
    phrase(undid.putBack, undid.firstPutBack && { ...undid.firstPutBack, after: null }, 'put back', ' as before'),
    phrase(undid.removed, undid.firstRemoved && { ...undid.firstRemoved, before: null }, 'removed'),
  ].filter(Boolean).join('; ');
  return `${head}: ${what || 'it had changed nothing'}`;
}
