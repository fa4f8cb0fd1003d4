// What the guided add was answered, as the commands with flags that record the same: said when it
// could not be written (the database stayed busy), so that the caseworker runs it later instead of
// answering every question again. A case or a person added on the way, or a tracked person given
// another name or the case, is a command of its own before the event's or deadline's, joined by &&.
import type { Context } from '../context';
import { shortId } from '../domain/ids';
import type { PersonRecord } from '../domain/model';
import type { Together } from '../store/add-together';
import type { SqliteStore } from '../store/sqlite-store';
import { deadlineCommand, shellWord } from './hints';
import { trackedLabels } from './namesakes';

export async function guidedCommand(ctx: Context, store: SqliteStore, t: Together): Promise<string> {
  const commands: string[] = [];
  let ref: string | undefined;
  if (t.case && 'open' in t.case) {
    ref = t.case.open.ref;
    commands.push(`caselog add case --ref ${shellWord(ref)} --title ${shellWord(t.case.open.title)}`);
  } else if (t.case) {
    // Deleted meanwhile: by its id, which the command then says is gone.
    ref = store.read.caseById(t.case.id)?.ref ?? shortId(t.case.id);
  }
  const caseId = t.case && 'id' in t.case ? t.case.id : undefined;
  const inCase = ref === undefined ? [] : ['--case', shellWord(ref)];
  // WHO as add event and add deadline take it: the case first, then the people.
  const who = ref === undefined ? [] : [ref];
  const tracked = t.people.flatMap((p) => ('id' in p ? [store.read.personById(p.id)].filter((r): r is PersonRecord => r !== undefined) : []));
  const label = await trackedLabels(store, tracked);
  for (const answer of t.people) {
    if ('add' in answer) {
      const p = answer.add;
      // Added though someone near was tracked (the caseworker said it was another person): --new, as the flags ask.
      commands.push(['caselog add person', shellWord(p.name), ...inCase, ...p.risks.flatMap((r) => ['--risk', r]),
        ...(p.status ? ['--status', p.status] : []), ...(p.refuseTakenName ? [] : ['--new'])].join(' '));
      who.push(p.name);
      continue;
    }
    const person = tracked.find((p) => p.id === answer.id);
    // By name, unless another tracked person has it (then by id, as the line saying what was recorded shows them).
    const named = person && label(person) === person.name ? person.name : shortId(answer.id);
    // Nobody is in a new case yet; a tracked one may have them already.
    const joins = t.case !== undefined && !(caseId !== undefined && person?.cases.some((c) => c.id === caseId));
    if (answer.otherName !== undefined || joins) {
      commands.push(['caselog add person', shellWord(answer.otherName ?? person?.name ?? named), '--alias-of', shortId(answer.id), ...inCase].join(' '));
    }
    who.push(named);
  }
  if (t.event) {
    const e = t.event;
    commands.push(['caselog add event', ...who.map(shellWord), '--date', shellWord(e.date.text), '--type', e.type, '--summary', shellWord(e.summary),
      ...(e.place ? ['--place', shellWord(e.place)] : []), ...(e.actor ? ['--actor', shellWord(e.actor)] : []),
      ...e.sourceIds.flatMap((id) => ['--source', shortId(id)])].join(' '));
  }
  if (t.deadline) {
    const d = t.deadline;
    commands.push(`${deadlineCommand(ctx, who, d.date.text, d.note)}${d.warnDays !== undefined ? ` --warn ${d.warnDays}` : ''}`);
  }
  return commands.join(' && ');
}
