// The sources a guided event cites: picked among those stored, the last recorded first, by typing
// part of a title, reference, publisher or date; Enter alone cites none. Only stored sources are
// offered: a new one is recorded on its own (caselog add source), with its reference and date.
import { formatDate } from '../domain/dates';
import type { SourceRecord } from '../domain/model';
import { asTyped } from '../domain/text';
import type { Choice, Prompter } from '../prompter';

/** The choice that ends the question: no source, or no more of them. */
const NONE = '';

/** The ids of the sources picked, in the order picked; none when nothing is stored. */
export async function askSources(ask: Prompter, stored: SourceRecord[]): Promise<string[]> {
  const picked: string[] = [];
  for (;;) {
    const left = stored.filter((s) => !picked.includes(s.id));
    if (left.length === 0) return picked;
    const first = picked.length === 0;
    const question = first ? 'Source? (type to search; Enter: none)' : 'Another source? (type to search; Enter: no more)';
    const id = await ask.search<string>(question, (typed) => matching(left, typed, first ? 'none' : 'no more'));
    if (id === NONE) return picked;
    picked.push(id);
  }
}

/** Before anything is typed Enter takes "none"; once something is, the first source it fits. */
function matching(sources: SourceRecord[], typed: string, none: string): Array<Choice<string>> {
  const words = plain(typed);
  const found = sources.map((s) => ({ name: sourceLabel(s), value: s.id })).filter((c) => plain(c.name).includes(words));
  const nothing = { name: none, value: NONE };
  return words ? [...found, nothing] : [nothing, ...found];
}

/** "EUR 57/12/98 - EXTRA 77/98 ... (Amnesty International, 15 October 1998)": what tells sources apart. */
function sourceLabel(s: SourceRecord): string {
  const about = [s.publisher, s.date && formatDate(s.date)].filter(Boolean).join(', ');
  return `${s.ref ? `${s.ref} \u2014 ` : ''}${s.title}${about ? ` (${about})` : ''}`;
}

const plain = (text: string) => asTyped(text).toLowerCase();
