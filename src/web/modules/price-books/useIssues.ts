import { useState } from 'react';
import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client.ts';
import { localizeMessage } from '../../api/errors.ts';

/** A refusal's field issues by field path (`entries[2].unit_price`), to show on their cells. */
export function useIssues() {
  const [issues, setIssues] = useState<Map<string, string>>(new Map());
  const fromError = (t: TFunction, e: unknown) => {
    const m = new Map<string, string>();
    // This module's own codes first (priceBooks.errors), then the shared ones.
    if (e instanceof ApiError) for (const d of e.details) m.set(d.field, t(`priceBooks.errors.${d.code}`, { defaultValue: '' }) || localizeMessage(t, d.message, d.code));
    setIssues(m);
  };
  return { issues, clear: () => setIssues(new Map()), fromError };
}
