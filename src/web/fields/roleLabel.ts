import type { TFunction } from 'i18next';

// The built-in roles' names as the server ships them (core/access.ts DEFAULT_ROLES): shown in the
// user's language until an administrator renames the role, then as named.
const SHIPPED: Record<string, string> = {
  admin: 'Administrator', manager: 'Sales manager', sales: 'Sales rep', service: 'Service agent', marketing: 'Marketing',
};

/** A role's name for people: a built-in role not renamed in the user's language; else its stored name, else its key. */
export function roleLabel(t: TFunction, key: string | null | undefined, name?: string | null): string {
  if (!key) return '';
  if (SHIPPED[key] && (!name || name === SHIPPED[key])) return t(`roleNames.${key}`);
  return name || key;
}
