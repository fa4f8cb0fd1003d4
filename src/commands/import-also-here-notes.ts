// What an import says of the records of the file it took as ones already here under other ids
// (src/store/import-also-here.ts): a source of the same reference, an appeal target of the same name
// and title, a deadline said twice; and of a source of another document under a reference here.
import { dayInWords, formatDate } from '../domain/dates';
import { shortId } from '../domain/ids';
import { readDateField } from '../exchange/format';
import type { AlsoHere, ImportCounts } from '../store/import-report';
import { count } from '../render/style';
import { shellWord } from './hints';
import { inSentence } from '../domain/text';

const FIELD_WORDS: Record<string, string> = {
  title: 'title', publisher: 'publisher', ref: 'reference as written', date: 'date', url: 'URL', reliability: 'reliability',
  name: 'name as written', address: 'address', fax: 'fax', email: 'email', salutation: 'salutation', language: 'language', country: 'country',
  warn: 'advance warning',
};
const KIND_WORDS: Record<AlsoHere['kind'], [string, string]> = {
  source: ['source', 'sources'], document: ['source', 'sources'], alike: ['source', 'sources'], target: ['appeal target', 'appeal targets'], deadline: ['deadline', 'deadlines'],
};
const KIND_TAIL: Record<AlsoHere['kind'], string> = {
  source: 'of the file taken as the source here of the same reference', document: 'of the file holding another document under a reference here',
  alike: 'of the file without a reference that look like a source here',
  target: 'of the file taken as the target here of the same name and title', deadline: 'of the file taken as the same deadline here',
};

/** "its fax and email (the file's differ)": what the one here keeps of its own. */
function keeps(fields: string[]): string {
  const words = fields.filter((f) => f !== 'doneOn').map((f) => FIELD_WORDS[f] ?? f);
  if (words.length === 0) return '';
  return `, which keeps its own ${inSentence(words)} (the file's ${words.length === 1 ? 'differs' : 'differ'})`;
}

function noteOf(m: AlsoHere, dryRun: boolean): string {
  const here = shortId(m.here);
  const taken = dryRun ? 'it would be taken as that one' : 'taken as that one';
  switch (m.kind) {
    case 'source':
      return `note: source ${shortId(m.file)} of the file, ${m.called}, is source ${here} here (the same reference${m.fields.includes('publisher') ? '' : ' and publisher'}): ${taken}${keeps(m.fields)}` +
        `${m.changed === 'text' ? `, and ${dryRun ? 'would be' : 'is'} given the file's text of the document (it had none)` : ''}; the file's events cite it`;
    case 'document':
      return `note: source ${shortId(m.file)} of the file holds another document (another text) under the reference ${m.called} of source ${here} here: ` +
        `${dryRun ? 'it would be added beside it' : 'added beside it'}, as ingest keeps two documents; --source ${shellWord(m.called)} then fits both, so cite each by its id`;
    case 'alike':
      return `note: source ${shortId(m.file)} of the file, ${JSON.stringify(m.called)}, looks like source ${here} here ` +
        `(${m.fields.includes('url') ? 'the same URL' : 'the same title, publisher and date'}), but the file's has no reference to match it by: ` +
        `${dryRun ? 'it would be added beside it' : 'added beside it'}; if they are one source, cite ${here} from now on (no command merges two sources)`;
    case 'target':
      return `note: appeal target ${shortId(m.file)} of the file, ${m.called}, is target ${here} here (the same name and title): ${taken}${keeps(m.fields)}; ` +
        'the file\'s appeal plans and letters name it';
    case 'deadline': {
      const what = `${formatDate(readDateField(m.date, 'date'))}: ${m.called}`;
      const done = m.changed === 'done'
        ? `; done there on ${dayInWords(m.doneOn!)}, so ${dryRun ? 'it would be marked' : 'marked'} done here too (caselog reopen ${here} if it is not)`
        : m.fields.includes('doneOn') && m.doneOn === null ? '; it stays done here, though open in the file' : '';
      return `note: deadline ${shortId(m.file)} of the file (${what}) is deadline ${here} here (the same case, date, note and people): ${taken}${keeps(m.fields)}, not added again${done}`;
    }
  }
}

/** The records of the file taken as ones here, a note each for the first few of each kind, and how many more. */
export function alsoHereNotes(counts: ImportCounts, dryRun: boolean): string[] {
  const listed = counts.alsoHere ?? [];
  const notes = listed.map((m) => noteOf(m, dryRun));
  for (const [kind, all] of Object.entries(counts.alsoHereCount ?? {}) as Array<[AlsoHere['kind'], number]>) {
    const more = all - listed.filter((m) => m.kind === kind).length;
    if (more > 0) notes.push(`note: and ${count(more, `more ${KIND_WORDS[kind][0]}`, `more ${KIND_WORDS[kind][1]}`)} ${KIND_TAIL[kind]}`);
  }
  return notes;
}
