// caselog timeline WHO
import type { Context } from '../context';
import { print, printJson } from '../context';
import { groupHappenings } from '../domain/timeline';
import { eventJson } from '../render/json';
import { style } from '../render/style';
import { renderTimeline } from '../render/timeline';
import { resolveWho } from './who';

export async function timeline(ctx: Context, whoText: string) {
  const store = await ctx.openStore({ create: false });
  const who = await resolveWho(ctx, store, whoText, { writing: false });
  const events = who.kind === 'case' ? await store.caseTimeline(who.case.id) : await store.personTimeline(who.person.id);
  const happenings = groupHappenings(events);
  if (ctx.json) {
    const variesWith = new Map<string, string[]>();
    for (const h of happenings) if (h.reportsVary) for (const e of h.events) variesWith.set(e.id, h.events.filter((o) => o !== e).map((o) => o.id));
    printJson(ctx, {
      ...(who.kind === 'case' ? { case: { id: who.case.id, ref: who.case.ref } } : { person: { id: who.person.id, name: who.person.name } }),
      events: events.map((e) => eventJson(e, { reportsVaryWith: variesWith.get(e.id) ?? [] })),
    });
    return;
  }
  const title = who.kind === 'case'
    ? `${who.case.ref} — ${who.case.title}${who.case.people.length ? ` (${who.case.people.map((p) => p.name).join(', ')})` : ''}${who.case.closed ? ' [closed]' : ''}`
    : `${who.person.name}${otherNames(who.person.names.map((n) => n.name), who.person.name)} — ${who.person.status}${who.person.cases.length ? ` · ${who.person.cases.map((c) => c.ref).join(', ')}` : ''}`;
  print(ctx, renderTimeline(title, happenings, style(ctx.color), who.kind === 'case'));
}

function otherNames(names: string[], primary: string): string {
  const others = names.filter((n) => n !== primary);
  return others.length > 0 ? ` (also ${others.join(', ')})` : '';
}
