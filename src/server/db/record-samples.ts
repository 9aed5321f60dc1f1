import type { ObjectDef, Row, StandardField } from '../records/types.ts';

/**
 * Sample records generated from an object's definition, for tests that must cover every
 * registered object (the permission matrix, SQL snapshots) without knowing any of them.
 * Text-like fields carry unique markers of one fixed length, so a test can search any answer
 * for a marker and no marker is part of another.
 */

const MARKED = new Set(['text', 'longtext', 'email', 'url']);

/** The field a test hides from some roles: the object's last free-text field that is not its title. */
export function hiddenFieldOf(def: ObjectDef): StandardField | undefined {
  const free = def.fields.filter((f) => !f.system && f.key !== def.titleField && (f.type === 'longtext' || f.type === 'text'));
  return free.filter((f) => f.type === 'longtext').at(-1) ?? free.at(-1);
}

/** Objects in an order where every link field's target comes first (self-links and cycles aside). */
export function linkOrder(defs: ObjectDef[]): ObjectDef[] {
  const out: ObjectDef[] = [];
  const visit = (d: ObjectDef, path: Set<string>) => {
    if (out.includes(d) || path.has(d.name)) return;
    path.add(d.name);
    for (const f of d.fields) {
      const target = f.type === 'link' ? defs.find((x) => x.name === f.link) : undefined;
      if (target) visit(target, path);
    }
    out.push(d);
  };
  for (const d of defs) visit(d, new Set());
  return out;
}

export interface SampleOptions {
  /** Record number: makes every marker of this record unique (0 … 9999). */
  n: number;
  /** The record a link field points at (undefined: left empty unless required, which throws). */
  link: (target: string, field: string) => number | undefined;
  /** Owner (the object's ownerField). */
  ownerId?: number;
}

export interface Sample {
  values: Row;
  /** field → the text that shows the value in an answer. */
  markers: Record<string, string>;
}

/** `MXR` + record number + `F` + field index: 10 characters, none a part of another. */
export function marker(n: number, fieldIndex: number): string {
  return `MXR${String(n).padStart(4, '0')}F${String(fieldIndex).padStart(2, '0')}`;
}

/** Values for creating a record of `def` through the API: every marked field, required ones, links, the owner. */
export function sampleRecord(def: ObjectDef, o: SampleOptions): Sample {
  const values: Row = {};
  const markers: Record<string, string> = {};
  def.fields.forEach((f, i) => {
    if (f.system) return;
    if (f.key === def.ownerField) {
      if (o.ownerId !== undefined) values[f.key] = o.ownerId;
      return;
    }
    // A currency field holds an ISO code, not a marker: left empty (the organisation currency),
    // or the organisation's default when the object requires one (a price book).
    if (f.key === def.currencyField) {
      if (f.required) values[f.key] = 'CNY';
      return;
    }
    // A field whose form is checked takes its declared example (unmarked: no leak check on it).
    if (f.sample !== undefined) {
      values[f.key] = f.sample;
      return;
    }
    const m = marker(o.n, i);
    if (MARKED.has(f.type)) {
      const v = f.type === 'email' ? `${m.toLowerCase()}@example.com` : f.type === 'url' ? `https://example.com/${m}` : m;
      values[f.key] = v;
      markers[f.key] = v;
      return;
    }
    if (f.type === 'link') {
      const id = o.link(f.link!, f.key);
      if (id !== undefined) values[f.key] = id;
      else if (f.required) throw new Error(`sampleRecord: ${def.name}.${f.key} needs a ${f.link} record`);
      return;
    }
    if (f.type === 'select' && f.options?.length) values[f.key] = f.options[0]!.value;
    else if (f.required) values[f.key] = requiredValue(f);
  });
  return { values, markers };
}

function requiredValue(f: StandardField): unknown {
  switch (f.type) {
    case 'number':
    case 'money':
      return 1;
    case 'boolean':
      return true;
    case 'date':
      return '2024-05-01';
    case 'datetime':
      return '2024-05-01T08:00:00.000Z';
    case 'phone':
      return '+8613800138000';
    case 'multiselect':
      return f.options?.length ? [f.options[0]!.value] : [];
    case 'tags':
      return ['sample'];
    default:
      throw new Error(`sampleRecord: no sample for a required ${f.type} field (${f.key})`);
  }
}
