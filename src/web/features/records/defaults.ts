import { CURRENT_USER, type ObjectDescriptor } from '../../../shared/objects.ts';

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
