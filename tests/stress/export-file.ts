// Writes a large caselog export file (the documented format import reads): one case, one source,
// some people, many events and deadlines, one record a line.
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { makeId, type RecordKind } from '../../src/domain/ids';
import { FORMAT_NAME, FORMAT_VERSION, SECTIONS } from '../../src/exchange/format';

export interface ExportShape {
  people: number;
  events: number;
  deadlines: number;
  /** Every event and deadline names the first person only (for a merge of the first into the second). */
  allToFirst?: boolean;
}

const id = (kind: RecordKind) => makeId(kind, randomBytes(10));
const RECORDED = '2020-01-01T00:00:00.000Z';
const day = (i: number) => {
  const iso = `${1990 + (i % 30)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
  return { date: iso, precision: 'day', approximate: false, dateText: iso };
};
const TYPES = ['arrest', 'detention', 'hearing', 'report', 'statement', 'appeal', 'other'];

export function writeExport(path: string, shape: ExportShape): { people: string[] } {
  const caseId = id('case');
  const sourceId = id('source');
  const people = Array.from({ length: shape.people }, () => id('person'));
  const pick = (i: number) => (shape.allToFirst ? [people[0]!] : [people[i % people.length]!]);
  const records: Record<string, () => Iterable<unknown>> = {
    cases: () => [{ id: caseId, ref: `STRESS ${caseId.slice(2, 8)}`, title: 'Stress test case', countries: ['Nowhere'], summary: null,
      opened: day(0), closed: null, closeReason: null, recorded: RECORDED }],
    sources: () => [{ id: sourceId, title: 'Stress source', publisher: 'Test', ref: `SRC ${sourceId.slice(2, 8)}`, date: day(1), url: null,
      reliability: null, hash: null, text: null, recorded: RECORDED }],
    people: () => people.map((p, i) => ({ id: p, name: `Stress Person ${toWords(i)}`, names: [{ id: id('name'), name: `Stress Person ${toWords(i)}`, note: null }],
      age: null, ageOn: null, born: null, gender: null, citizenship: null, ethnicity: null, status: null, statusOn: null,
      risks: ['torture'], cases: [caseId], recorded: RECORDED })),
    events: function* () {
      for (let i = 0; i < shape.events; i++) {
        yield { id: id('event'), case: caseId, type: TYPES[i % TYPES.length], status: null, date: day(i), summary: `stress event ${i}`,
          place: i % 3 ? null : 'Somewhere', actor: null, people: pick(i), sources: i % 5 ? [] : [sourceId], recorded: RECORDED };
      }
    },
    deadlines: function* () {
      for (let i = 0; i < shape.deadlines; i++) {
        yield { id: id('deadline'), case: caseId, date: day(i), note: `stress deadline ${i}`, warn: null, doneOn: null, people: pick(i), recorded: RECORDED };
      }
    },
  };
  const fd = openSync(path, 'w', 0o600);
  try {
    writeSync(fd, `{"format":${JSON.stringify(FORMAT_NAME)},"version":${FORMAT_VERSION},\n`);
    SECTIONS.forEach((section, s) => {
      writeSync(fd, `${JSON.stringify(section)}:[\n`);
      const lines = [...(records[section]?.() ?? [])].map((r) => JSON.stringify(r));
      if (lines.length) writeSync(fd, `${lines.join(',\n')}\n`);
      writeSync(fd, s === SECTIONS.length - 1 ? ']}\n' : '],\n');
    });
  } finally {
    closeSync(fd);
  }
  return { people };
}

/** Distinct names that the name matcher will not take for variants of each other. */
function toWords(i: number): string {
  const words = ['Amanov', 'Berikova', 'Chorshanbiev', 'Dzhumaeva', 'Esenov', 'Fayzullaeva', 'Gafurov', 'Hasanova'];
  return `${words[i % words.length]} ${words[Math.floor(i / words.length) % words.length]}${i >= 64 ? i : ''}`;
}
