import { CURRENT_USER, type ObjectDescriptor } from '../../../shared/objects.ts';
import type { FieldMeta } from '../../../shared/fields.ts';

/**
 * What a new record's form starts with: the defaults its definition declares (served in the
 * descriptor; CURRENT_USER becomes the signed-in user), then what the page knows (the contact a
 * task is for), which wins. Any object gets its defaults without the web app naming it.
 */
export function createDefaults(
  descriptor: Pick<ObjectDescriptor, 'defaults'> | undefined,
  meId: number | null | undefined,
  context: Record<string, unknown> = {},
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(descriptor?.defaults ?? {})) {
    if (value !== CURRENT_USER) out[key] = value;
    else if (meId != null) out[key] = meId;
  }
  return { ...out, ...context };
}

type LinkField = Pick<FieldMeta, 'key' | 'type' | 'link'>;

/**
 * What a record made from another record's page links to (a task or an activity from a contact):
 * its link fields pointing at that record's object get the record; those pointing where one of
 * the record's own link fields points get that value (a contact's account). Derived from the
 * fields, so any object's page works.
 */
export function linksFrom(targetFields: LinkField[], from: { object: string; id: number; fields: LinkField[]; record?: Record<string, unknown> | null }): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of targetFields) {
    if (f.type !== 'link' || !f.link) continue;
    if (f.link === from.object) {
      out[f.key] = from.id;
      continue;
    }
    const own = from.fields.find((o) => o.type === 'link' && o.link === f.link && from.record?.[o.key] != null);
    if (own) out[f.key] = Number(from.record![own.key]);
  }
  return out;
}
