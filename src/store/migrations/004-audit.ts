// Migration 4: the change log is append-only. Triggers refuse UPDATE and DELETE on it, except while
// an erase has put its one row in erase_in_progress (inside its own transaction, so no other
// connection ever sees the door open).
export const audit = `
  CREATE TABLE erase_in_progress (
    one INTEGER PRIMARY KEY CHECK (one = 1)
  ) STRICT;

  CREATE TRIGGER changes_append_only_update BEFORE UPDATE ON changes
  WHEN NOT EXISTS (SELECT 1 FROM erase_in_progress)
  BEGIN
    SELECT RAISE(ABORT, 'the change log is append-only');
  END;

  CREATE TRIGGER changes_append_only_delete BEFORE DELETE ON changes
  WHEN NOT EXISTS (SELECT 1 FROM erase_in_progress)
  BEGIN
    SELECT RAISE(ABORT, 'the change log is append-only');
  END;
`;
