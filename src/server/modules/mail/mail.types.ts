export const LOCALES = ['en', 'zh-CN', 'zh-TW'] as const;
export type Locale = (typeof LOCALES)[number];

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
