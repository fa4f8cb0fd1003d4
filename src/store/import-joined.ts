// --join-cases where the two sides disagree on whether the case is open. The case here keeps its own
// state, as it keeps its own title and summary: reopening a case closed here, or closing one still
// worked on here, is a decision about this database that a colleague's file should not take. What
// that means is kept for the import's notes: the file's deadlines not done on it leave `due` (closed
// here) or come into it (closed in the file, whose close date and reason are not taken).
import type { DateField } from '../exchange/format';
import { LISTED, type ImportCounts } from './import-report';
import type { Row } from './rows';

/** A joined case open on one side and closed on the other, and the file's deadlines on it not done. */
export interface JoinedApart {
  /** The case here. */
  caseId: string;
  /** Closed here and open in the file; else closed in the file (as it says) and open here. */
  closedHere: boolean;
  fileClosed: DateField | null;
  fileCloseReason: string | null;
  /** The first few of them, and how many in all. */
  deadlines: string[];
  deadlineCount: number;
}

type Obj = Record<string, unknown>;

/** Fills counts.joinedApart (the first few cases; joinedApartCount: how many) as the import reads the file. */
export function joinedApartWatch(counts: ImportCounts) {
  const byFileCase = new Map<string, JoinedApart>();
  return {
    /** A case of the file joined to the one here (`here`: its id and closed date). */
    joined(incoming: Obj, here: Row): void {
      if ((here.closed == null) === (incoming.closed == null)) return;
      counts.joinedApartCount = (counts.joinedApartCount ?? 0) + 1;
      if ((counts.joinedApart ??= []).length >= LISTED) return;
      const apart: JoinedApart = {
        caseId: here.id as string, closedHere: here.closed != null, fileClosed: (incoming.closed as DateField | null) ?? null,
        fileCloseReason: (incoming.closeReason as string | null) ?? null, deadlines: [], deadlineCount: 0,
      };
      counts.joinedApart.push(apart);
      byFileCase.set(incoming.id as string, apart);
    },
    /** A deadline of the file, on the file's case `fileCase`. */
    deadline(fileCase: unknown, incoming: Obj): void {
      const apart = typeof fileCase === 'string' ? byFileCase.get(fileCase) : undefined;
      if (!apart || incoming.doneOn != null) return;
      if (++apart.deadlineCount <= LISTED) apart.deadlines.push(incoming.id as string);
    },
  };
}
