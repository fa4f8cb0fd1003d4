// A list field that an edit changed, said as what was added, removed or changed in it ("targets:
// added XIAO Yang"), not as two long lists cut short: clipped, a plan's requests read the same before
// and after, and the new one never showed.
type Obj = Record<string, unknown>;

/** How the log writes one item of a list: a name, a request's words, a date. */
export type ItemText = (v: unknown) => string;

/** The same item before and after: a stored name or a target by its id, a request by its words. */
function keyOf(v: unknown): string {
  if (v && typeof v === 'object') {
    const o = v as Obj;
    if (typeof o.id === 'string') return o.id;
    if (typeof o.text === 'string') return `text:${o.text}`;
  }
  return JSON.stringify(v);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function listChange(before: unknown[], after: unknown[], item: ItemText): string {
  const was = new Map(before.map((v) => [keyOf(v), v]));
  const now = new Set(after.map(keyOf));
  const added = after.filter((v) => !was.has(keyOf(v)));
  const removed = before.filter((v) => !now.has(keyOf(v)));
  const changed = after.filter((v) => was.has(keyOf(v)) && !same(was.get(keyOf(v)), v));
  const parts = [
    added.length > 0 ? `added ${added.map(item).join(', ')}` : '',
    removed.length > 0 ? `removed ${removed.map(item).join(', ')}` : '',
    ...changedItems(changed.map((v) => ({ before: was.get(keyOf(v)), after: v })), item),
  ].filter(Boolean);
  return parts.length > 0 ? parts.join('; ') : `reordered: ${after.map(item).join(', ')}`;
}

/**
 * Items kept but changed inside (a request now asked of one more target): grouped by what changed,
 * so that a target added to five requests is said once.
 */
function changedItems(pairs: Array<{ before: unknown; after: unknown }>, item: ItemText): string[] {
  const groups = new Map<string, string[]>();
  for (const { before, after } of pairs) {
    const how = insideChange(before, after, item);
    const label = how.renamed ? `${item(before)} \u2192 ${item(after)}` : item(after);
    groups.set(how.text, [...(groups.get(how.text) ?? []), label]);
  }
  return [...groups].map(([how, labels]) => `changed ${labels.length <= 2 ? labels.join(', ') : labels.length}${how ? ` (${how})` : ''}`);
}

/** What differs inside one item: its own list fields as added/removed, others as before -> after. */
function insideChange(before: unknown, after: unknown, item: ItemText): { text: string; renamed: boolean } {
  if (!before || !after || typeof before !== 'object' || typeof after !== 'object') return { text: '', renamed: true };
  const b = before as Obj;
  const a = after as Obj;
  let renamed = false;
  const parts: string[] = [];
  for (const field of [...new Set([...Object.keys(b), ...Object.keys(a)])]) {
    if (field === 'id' || same(b[field], a[field])) continue;
    if (field === 'name' || field === 'text') {
      renamed = true;
    } else if (Array.isArray(b[field]) || Array.isArray(a[field])) {
      const list = (v: unknown) => (Array.isArray(v) ? v : []);
      parts.push(`${field}: ${listChange(list(b[field]), list(a[field]), item)}`);
    } else {
      parts.push(`${field}: ${b[field] == null ? '\u2014' : item(b[field])} \u2192 ${a[field] == null ? '\u2014' : item(a[field])}`);
    }
  }
  return { text: parts.join(', '), renamed };
}
