// A record as the change log's lines name it: its kind, short id and name.
import { shortId } from '../domain/ids';
import type { ChangeEntry } from '../store/trust-audit';
import { clip } from './log-values';

const SINGULAR: Record<string, string> = {
  cases: 'case', people: 'person', events: 'event', deadlines: 'deadline', sources: 'source', file: 'file',
  targets: 'target', plans: 'plan',
};

/** A record as the head of its entries names it: its kind, short id and name ("person p-a5qq2d4s "Hemit Memet""). */
export function record(e: Pick<ChangeEntry, 'kind' | 'recordId' | 'before' | 'after'>): string {
  if (e.kind === 'file') return 'file';
  if (e.kind === 'batch') return '';
  const kind = SINGULAR[e.kind ?? ''] ?? e.kind ?? '';
  const id = e.recordId ? shortId(e.recordId) : '';
  const r = e.after ?? e.before;
  const label = r ? (r.name ?? r.ref ?? r.title ?? r.note ?? r.summary) : undefined;
  return [kind, id, typeof label === 'string' ? `"${clip(label, 40)}"` : ''].filter(Boolean).join(' ');
}
