// What --join-cases says of a case open on one side and closed on the other: the case here keeps its
// own state (src/store/import-joined.ts), and the file's deadlines not done on it leave due, or come
// into it years overdue. Said as close says it ("1 open deadline leaves due"), with the deadlines and
// the command that gives the case the other side's state.
import { firstDay, formatDate, onDate, opensAfterClosing } from '../domain/dates';
import { daysLeft, whenInWords } from '../domain/due';
import { shortId } from '../domain/ids';
import type { Day } from '../domain/types';
import { readDateField } from '../exchange/format';
import { count } from '../render/style';
import type { JoinedApart } from '../store/import-joined';
import type { ImportCounts } from '../store/import-report';
import type { SqliteStore } from '../store/sqlite-store';
import { shellWord } from './hints';

/** How many of a case's deadlines a note names; the count says how many in all. */
const NAMED = 5;

export function joinedApartNotes(store: SqliteStore, counts: ImportCounts, today: Day, dryRun: boolean): string[] {
  const notes = (counts.joinedApart ?? []).map((apart) => note(store, apart, today, dryRun));
  const more = (counts.joinedApartCount ?? 0) - notes.length;
  return more > 0 ? [...notes, `note: and ${count(more, 'more joined case')} open on one side and closed on the other; each keeps its state here`] : notes;
}

function note(store: SqliteStore, apart: JoinedApart, today: Day, dryRun: boolean): string {
  const here = store.read.caseById(apart.caseId)!;
  const ref = shellWord(here.ref);
  const after = dryRun ? 'after the import, ' : '';
  const n = apart.deadlineCount;
  const listed = deadlinesInWords(store, apart, today);
  if (apart.closedHere) {
    const since = `since ${formatDate(here.closed!)}${here.closeReason ? `: ${here.closeReason}` : ''}`;
    const leave = n === 0
      ? `what the file puts on it ${dryRun ? 'would be' : 'is'} out of due and at-risk`
      : `the file's ${count(n, 'open deadline')} on it ${dryRun ? 'would not be' : n === 1 ? 'is not' : 'are not'} in due: ${listed}`;
    return `note: ${here.ref} is closed here (${since}) and open in the file; it ${dryRun ? 'would stay' : 'stays'} closed, so ${leave}. ` +
      `If the case is open again, ${after}caselog reopen ${ref}`;
  }
  // Closed in the file: its close date is what makes it so.
  const closed = readDateField(apart.fileClosed, 'closed');
  const reason = apart.fileCloseReason ? `: ${apart.fileCloseReason}` : '';
  // The file's close date, unless the case here opened after it (close would refuse it): then today's.
  const date = here.opened && opensAfterClosing(here.opened, closed) ? '' : ` --date ${apart.fileClosed!.date}`;
  const close = `caselog close ${ref}${date}${apart.fileCloseReason ? ` --reason ${shellWord(apart.fileCloseReason)}` : ''}`;
  const come = n === 0 ? '' : `, so the file's ${count(n, 'deadline')} on it never marked done ${dryRun ? 'would be' : n === 1 ? 'is' : 'are'} in due: ${listed}`;
  const done = n === 0 ? 'If' : `If ${n === 1 ? 'it is' : 'they are'} done, ${after}caselog done ${n === 1 ? shortId(apart.deadlines[0]!) : 'ID for each'}; if`;
  return `note: ${here.ref} is closed in the file (${onDate(closed)}${reason}) and open here; it ${dryRun ? 'would stay' : 'stays'} open ` +
    `(the file's close date and reason are not taken)${come}. ${done} the case is closed, ${after}${close}`;
}

/** "call the family — 28 November 2026 (in 4 days) [d-3czmy4qe]; ...", as due writes them. */
function deadlinesInWords(store: SqliteStore, apart: JoinedApart, today: Day): string {
  const named = apart.deadlines.slice(0, NAMED).map((id) => {
    const d = store.read.deadlineById(id)!;
    return `${d.note} \u2014 ${formatDate(d.date)} (${whenInWords(daysLeft(firstDay(d.date), today))}) [${shortId(d.id)}]`;
  });
  const more = apart.deadlineCount - named.length;
  return `${named.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
}
