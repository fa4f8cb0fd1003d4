// A source of a file under an id new here may be a document stored here under another: two
// colleagues each ingested the same text (its fingerprint, `hash`, is the same), and a source holds
// one document. The file's source is taken as the one here, which keeps its own title and details,
// and the file's events cite that one: a second copy of the text is never stored.
import { canonical } from '../exchange/canonical';
import { RecordError } from '../exchange/format';
import type { Row } from './rows';

type Obj = Record<string, unknown>;
interface Stmt { get(...params: unknown[]): unknown }

/** A file's source taken as one stored here (ids). */
export interface SameDocument { file: string; here: string }

/**
 * The source stored here holding the document of the file's source, under another id; undefined when
 * none does. A source the database knows by its own id that would take another's document is refused:
 * the two databases disagree on which source holds it.
 */
export function storedDocument(sql: (text: string) => Stmt, incoming: Obj, known: boolean): SameDocument | undefined {
  if (typeof incoming.hash !== 'string') return undefined;
  const here = sql('SELECT id FROM sources WHERE hash = ? AND id <> ?').get(incoming.hash, incoming.id) as Row | undefined;
  if (!here) return undefined;
  if (known) throw new RecordError(`its document (the same text) is source ${here.id as string} here: a source holds one document, and two cannot hold the same`);
  return { file: incoming.id as string, here: here.id as string };
}

/** An event of the file citing its sources as they are stored here. */
export function citingStored(incoming: Obj, same: Map<string, string>): Obj {
  const sources = incoming.sources as string[];
  if (!sources.some((s) => same.has(s))) return incoming;
  return canonical('events', { ...incoming, sources: [...new Set(sources.map((s) => same.get(s) ?? s))] });
}
