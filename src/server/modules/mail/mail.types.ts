export const LOCALES = ['en', 'zh-CN', 'zh-TW'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * transactional: what a user of the CRM needs to do their work (task reminders, the SMTP test),
 * never suppressed; marketing: anything to a contact — carries List-Unsubscribe (RFC 8058) and
 * a footer link, and is skipped for an address on mail_suppressions.
 */
export const MAIL_CLASSES = ['transactional', 'marketing'] as const;
export type MailClass = (typeof MAIL_CLASSES)[number];

export function asLocale(v: unknown): Locale {
  return (LOCALES as readonly unknown[]).includes(v) ? (v as Locale) : 'en';
}

/** SMTP settings as stored (settings key `mail.smtp`); the password never leaves the server. */
export interface SmtpSettings {
  host: string;
  port: number;
  /** none: plain (test sinks, local relays); starttls: upgrade required; tls: TLS from the first byte (465). */
  security: 'none' | 'starttls' | 'tls';
  user: string;
  password: string;
  from_address: string;
  from_name: string;
  /** At most this many messages leave per minute (all processes together, approximately). */
  rate_per_minute: number;
}

export const DEFAULT_SMTP: SmtpSettings = {
  host: '', port: 587, security: 'starttls', user: '', password: '', from_address: '', from_name: '', rate_per_minute: 60,
};
