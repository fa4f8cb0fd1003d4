// Migration 6: an authority's answer to an appeal is part of the appeal, not news of the person.
// Answers were recorded as whole-case statements, so a token acknowledgement made the people of a
// case unheard of for twenty years "2 days ago" in at-risk and sank them down the list. They are
// now appeal events (as "no reply" always was), which latest news leaves out; the people of their
// cases are returned, for their latest news to be worked out again once the schema is the newest (the
// code that does it follows the newest schema). Only statements: the type an earlier caselog gave an
// answer, and not one the user chose for it since (an answer retyped as a release stays a release).
import type { DB } from '../open';

export function appealAnswers(db: DB): string[] {
  const answers = `SELECT event_id FROM appeal_records WHERE kind = 'response'`;
  const people = db.prepare(`
    SELECT ep.person_id AS id FROM event_people ep WHERE ep.event_id IN (${answers})
    UNION SELECT cp.person_id FROM events e JOIN case_people cp ON cp.case_id = e.case_id WHERE e.id IN (${answers})`)
    .pluck().all() as string[];
  db.prepare(`UPDATE events SET type = 'appeal' WHERE type = 'statement' AND id IN (${answers})`).run();
  return people;
}
