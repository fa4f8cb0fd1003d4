// caselog timeline WHO
import { namesakeLabels } from '../render/namesakes';
import type { Context } from '../context';
import { printJson, printWrapped } from '../context';
import { dayIso } from '../domain/dates';
import { groupHappenings, reportsVaryWith } from '../domain/timeline';
import { appealJson } from '../render/appeals';
import { eventJson } from '../render/json';
import { style } from '../render/style';
import { renderTimeline } from '../render/timeline';
import { appealsOfEvents } from '../store/appeals-read';
import { resolveWho } from './who';

export async function timeline(ctx: Context, whoText: string) {
  const store = await ctx.openStore({ create: false });
  const who = await resolveWho(ctx, store, whoText, { writing: false });
  const events = who.kind === 'case' ? await store.caseTimeline(who.case.id) : await store.personTimeline(who.person.id);
  const happenings = groupHappenings(events);
  if (ctx.json) {
    const variesWith = reportsVaryWith(happenings);
    // A letter sent or an answer (an appeal or a statement event): to whom and how, as `appeal sent/response --json` give it.
    const appeals = await appealsOfEvents(store, events.map((e) => e.id));
    printJson(ctx, {
      ...(who.kind === 'case' ? { case: { id: who.case.id, ref: who.case.ref } } : { person: { id: who.person.id, name: who.person.name }, matched: who.matched ?? null }),
      events: events.map((e) => {
        const appeal = appeals.get(e.id);
        return eventJson(e, { reportsVaryWith: variesWith.get(e.id) ?? [], ...(appeal ? { appeal: appealJson(appeal) } : {}) });
      }),
    });
    return;
  }
  // Two of the case's people of one name (father and son) are told apart by their ids, in the title and in each event.
  const listed = [...(who.kind === 'case' ? who.case.people : [who.person]), ...events.flatMap((e) => e.people)];
  const label = namesakeLabels(listed, store.read.namesHeldByOthers(listed.map((p) => p.id)));
  const title = who.kind === 'case'
    ? `${who.case.ref} — ${who.case.title}${who.case.people.length ? ` (${who.case.people.map(label).join(', ')})` : ''}${who.case.closed ? ' [closed]' : ''}`
    : `${label(who.person)}${otherNames(who.person.names.map((n) => n.name), who.person.name)} — ${who.person.status}${who.person.cases.length ? ` · ${who.person.cases.map((c) => c.ref).join(', ')}` : ''}`;
  printWrapped(ctx, renderTimeline(title, happenings, style(ctx.color), who.kind === 'case', label, dayIso(ctx.today)));
}

function otherNames(names: string[], primary: string): string {
  const others = names.filter((n) => n !== primary);
  return others.length > 0 ? ` (also ${others.join(', ')})` : '';
}
