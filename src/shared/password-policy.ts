/**
 * The password rules the web app needs too (form checks, the codes it translates). The server's
 * `core/password-policy.ts` adds the leaked-password list (a file it reads) and enforces them.
 * Length is what NIST SP 800-63B asks for; composition rules (a digit, a symbol) are not, because
 * they push people to `Password1!`.
 */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 500;

export const PASSWORD_MESSAGES = {
  short: `At least ${PASSWORD_MIN} characters`,
  common: 'Too common: this password is in lists of leaked passwords',
  email: 'Must not be the email address',
} as const;
/** The stable code of each refusal (what the web app translates). */
export const PASSWORD_CODES: Record<keyof typeof PASSWORD_MESSAGES, string> = {
  short: 'password_too_short',
  common: 'password_too_common',
  email: 'password_is_email',
};
