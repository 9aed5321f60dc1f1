import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { invalid } from '../http/errors.ts';

import { PASSWORD_CODES, PASSWORD_MAX, PASSWORD_MESSAGES, PASSWORD_MIN } from '../../shared/password-policy.ts';

export { PASSWORD_CODES, PASSWORD_MAX, PASSWORD_MESSAGES, PASSWORD_MIN };

/**
 * What a new password must be (user create, password change and reset, first-run setup, CLI,
 * GUANXI_ADMIN_PASSWORD): at least PASSWORD_MIN characters (the constants are shared with the
 * web app in src/shared/password-policy.ts), not one of the passwords found most often in leaks
 * (common-passwords.txt, compared case-insensitively), and not the account's e-mail address.
 */
const codeOf = (message: string) =>
  PASSWORD_CODES[(Object.keys(PASSWORD_MESSAGES) as (keyof typeof PASSWORD_MESSAGES)[]).find((k) => PASSWORD_MESSAGES[k] === message) ?? 'short'];

let common: Set<string> | null = null;
function commonPasswords(): Set<string> {
  if (!common) {
    const text = fs.readFileSync(path.join(import.meta.dirname, 'common-passwords.txt'), 'utf8');
    common = new Set(text.split('\n').filter((l) => l && !l.startsWith('#')));
  }
  return common;
}

/** Why this password may not be used, or null when it may. */
export function passwordProblem(password: string, email?: string | null): string | null {
  if ([...password].length < PASSWORD_MIN) return PASSWORD_MESSAGES.short;
  const lower = password.trim().toLowerCase();
  if (commonPasswords().has(lower)) return PASSWORD_MESSAGES.common;
  if (email && lower === email.trim().toLowerCase()) return PASSWORD_MESSAGES.email;
  return null;
}

/** Throws validation_failed on the `password` field when the policy refuses it. */
export function assertPasswordPolicy(password: string, email?: string | null): void {
  const problem = passwordProblem(password, email);
  if (problem) throw invalid([{ field: 'password', message: problem, code: codeOf(problem) }], `The password is too weak: ${problem.toLowerCase()}`);
}

/** The password field of request contracts (the e-mail rule is checked where the e-mail is known). */
export const NewPassword = z
  .string()
  .max(PASSWORD_MAX)
  .superRefine((v, ctx) => {
    const problem = passwordProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, params: { code: codeOf(problem) } });
  });
