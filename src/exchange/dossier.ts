// A dossier on a person or a case as one Markdown document: who they are, what happened to them
// in date order with who reports it (accounts that differ shown together), what is due and what was
// done, and the sources. Pure: the command gathers the records, this lays them out.
import { dayInWords, firstDay, formatDate, formatDay } from '../domain/dates';
import { daysLeft, whenInWords } from '../domain/due';
import type { CaseRecord, DeadlineRecord, EventRecord, PersonRecord, SourceRecord } from '../domain/model';
import type { Happening } from '../domain/timeline';
import type { Day } from '../domain/types';
import { caseSection, dateInWords, md, mdUrl, personSection, words, type Label } from '../render/dossier';
import { namesakeLabels } from '../render/namesakes';
import { reliabilityInWords } from '../render/timeline';

export interface Dossier {
  subject: { kind: 'case'; case: CaseRecord } | { kind: 'person'; person: PersonRecord };
  /** The case's people, or the person alone. */
  people: PersonRecord[];
  /** The person's cases, or the case alone. */
  cases: CaseRecord[];
  happenings: Happening[];
  deadlines: DeadlineRecord[];
  /** Deadlines never marked done on closed cases: not due, yet not done either. */
  inClosedCases?: DeadlineRecord[];
  /** Deadlines marked done, on open and closed cases alike: what was met, and when. */
  done?: DeadlineRecord[];
  today: Day;
}

export function renderDossier(d: Dossier): string {
  const sources = numberSources(d.happenings);
  const titles = new Map(d.cases.map((c) => [c.id, c.title]));
  // Two people of one name (father and son in one case) are each written with their id, wherever named.
  const label = namesakeLabels([...d.people, ...d.cases.flatMap((c) => c.people), ...d.happenings.flatMap((h) => h.events.flatMap((e) => e.people)),
    ...[...d.deadlines, ...(d.inClosedCases ?? []), ...(d.done ?? [])].flatMap((x) => x.people)]);
  const title = d.subject.kind === 'case' ? `${md(d.subject.case.ref)} — ${md(d.subject.case.title)}` : md(d.subject.person.name);
  const lines = [`# Dossier: ${title}`, '', `*Prepared on ${formatDay(d.today)} with caselog.*`, ''];
  if (d.subject.kind === 'case') {
    lines.push('## Case', ...caseSection(d.subject.case, '##', label).slice(1));
    lines.push('## People', '');
    if (d.people.length === 0) lines.push('No one is recorded in this case yet.', '');
    for (const p of d.people) lines.push(...personSection(p, '###', titles, label));
  } else {
    lines.push('## About', ...personSection(d.subject.person, '##', titles, label).slice(1));
    if (d.cases.length > 0) lines.push('## Cases', '');
    for (const c of d.cases) lines.push(...caseSection(c, '###', label));
  }
  lines.push('## Timeline', '', ...timeline(d.happenings, sources, label), '');
  lines.push('## Open deadlines', '', ...openDeadlines(d, label), '');
  // Only when there are any: a court reads that a deadline was met, and on which day.
  if (d.done && d.done.length > 0) lines.push('## Done deadlines', '', ...doneDeadlines(d.done, label), '');
  lines.push('## Sources', '', ...sourceList(sources));
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

/** Sources numbered in the order the timeline first cites them. */
function numberSources(happenings: Happening[]): Map<string, { n: number; source: SourceRecord }> {
  const numbered = new Map<string, { n: number; source: SourceRecord }>();
  for (const h of happenings) {
    for (const e of h.events) for (const s of e.sources) if (!numbered.has(s.id)) numbered.set(s.id, { n: numbered.size + 1, source: s });
  }
  return numbered;
}

function timeline(happenings: Happening[], sources: Map<string, { n: number }>, label: Label): string[] {
  if (happenings.length === 0) return ['No events recorded yet.'];
  return happenings.flatMap((h) => {
    // Another source's account within 7 days that is told as a happening of its own: named here too.
    const others = h.otherAccounts.map(({ account }) => {
      const cited = account.sources.map((s) => `[${sources.get(s.id)?.n ?? '?'}]`).join(', ');
      return `  - *Reports vary:* another account dates it ${dateInWords(account.date)}${cited ? ` (source ${cited})` : ''}`;
    });
    if (!h.reportsVary) return [`- ${eventLine(h.events[0]!, sources, label)}`, ...others];
    const what = words(h.events[0]!.type);
    return [`- **Reports vary** on the ${what} — ${h.events.length} accounts:`, ...h.events.map((e) => `  - ${eventLine(e, sources, label)}`), ...others];
  });
}

function eventLine(e: EventRecord, sources: Map<string, { n: number }>, label: Label): string {
  const type = e.type === 'status' && e.status ? `status now ${words(e.status)}: ` : e.type === 'other' ? '' : `${words(e.type)}: `;
  const facts = [
    e.people.length > 0 ? e.people.map((p) => md(label(p))).join(', ') : `the whole case${e.case ? ` ${md(e.case.ref)}` : ''}`,
    ...(e.place ? [`in ${md(e.place)}`] : []),
    ...(e.actor ? [`by ${md(e.actor)}`] : []),
  ];
  const cited = e.sources.map((s) => `[${sources.get(s.id)?.n ?? '?'}]`);
  const citation = cited.length > 0 ? ` — source${cited.length > 1 ? 's' : ''} ${cited.join(', ')}` : ' — no source recorded';
  return `**${dateInWords(e.date)}** — ${type}${md(e.summary)} (${facts.join('; ')})${citation}`;
}

/** The open deadlines; then those left open on a closed case, so "None" never hides one not done. */
function openDeadlines(d: Dossier, label: Label): string[] {
  const closed = d.inClosedCases ?? [];
  if (closed.length === 0) return deadlines(d.deadlines, d.today, label);
  const open = d.deadlines.length > 0 ? deadlines(d.deadlines, d.today, label) : ['None in open cases.'];
  return [...open, '', 'Never marked done, on a closed case (due leaves them out):', '', ...deadlines(closed, d.today, label)];
}

function deadlines(list: DeadlineRecord[], today: Day, label: Label): string[] {
  if (list.length === 0) return ['None.'];
  const rows = list.map((d) => {
    const days = daysLeft(firstDay(d.date), today);
    const when = days < 0 ? `**${whenInWords(days)}**` : whenInWords(days);
    const who = d.people.map((p) => md(label(p))).join(', ');
    return `| ${formatDate(d.date)} | ${when} | ${md(d.note)} | ${d.case ? md(d.case.ref) : ''} | ${who} |`;
  });
  return ['| Due | When | What | Case | People |', '| --- | --- | --- | --- | --- |', ...rows];
}

function doneDeadlines(list: DeadlineRecord[], label: Label): string[] {
  const rows = list.map((d) => {
    const who = d.people.map((p) => md(label(p))).join(', ');
    return `| ${formatDate(d.date)} | ${d.doneOn ? dayInWords(d.doneOn) : ''} | ${md(d.note)} | ${d.case ? md(d.case.ref) : ''} | ${who} |`;
  });
  return ['| Due | Done on | What | Case | People |', '| --- | --- | --- | --- | --- |', ...rows];
}

function sourceList(sources: Map<string, { n: number; source: SourceRecord }>): string[] {
  if (sources.size === 0) return ['No sources cited.'];
  return [...sources.values()].map(({ n, source: s }) => {
    const parts = [s.publisher && md(s.publisher), s.ref && md(s.ref), `*${md(s.title)}*`, s.date && formatDate(s.date), s.url && mdUrl(s.url)]
      .filter(Boolean);
    // How far it can be trusted, for weighing the accounts that cite it (nothing when not known).
    const trust = reliabilityInWords(s.reliability);
    return `${n}. ${parts.join(', ')}${trust ? ` \u2014 reliability: ${md(trust)}` : ''}`;
  });
}
