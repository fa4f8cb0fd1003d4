// Migration 5: indexes for the everyday reading queries at tens of thousands of people.
// at-risk looks up each person's next open deadline on their cases: with the index on all of a
// case's deadlines (mostly done, years of them) it reads every one to test done_on; this one holds
// only the open ones, in due order.
export const readingIndexes = `
  CREATE INDEX deadlines_open_case ON deadlines(case_id, due, id) WHERE done_on IS NULL;
`;
