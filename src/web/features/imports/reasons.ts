import type { TFunction } from 'i18next';
import { localizeMessage } from '../../api/errors.ts';

// An import's rejected rows and dropped cells in the user's language: the server keeps each
// issue's stable code beside its English words (migration 026); rows reported before that, or
// refusals without field issues, are shown in the stored words.

export interface RowIssue {
  field: string;
  code?: string;
  message: string;
}

export interface RowError {
  line: number;
  reason: string;
  issues?: RowIssue[] | null;
}

export interface CellWarning {
  line: number;
  field: string;
  reason: string;
  code?: string | null;
}

/** "姓名: 此字段为必填项; 邮箱: …" from the row's issues, with the fields' labels. */
export function rowReason(t: TFunction, label: (field: string) => string, e: RowError): string {
  if (!e.issues?.length) return e.reason;
  return e.issues.map((i) => `${label(i.field)}: ${localizeMessage(t, i.message, i.code)}`).join('; ');
}

/** A dropped cell's reason in the user's language, keeping the value the server quoted at its end. */
export function warningReason(t: TFunction, w: CellWarning): string {
  if (!w.code) return w.reason;
  const localized = localizeMessage(t, w.reason, w.code);
  if (localized === w.reason) return w.reason;
  const at = w.reason.lastIndexOf(' (');
  return at > 0 && w.reason.endsWith(')') ? `${localized}${w.reason.slice(at)}` : localized;
}
