// One SMTP transport per delivery pass, from the stored settings (they may change between passes).
import nodemailer from 'nodemailer';
import type { SmtpSettings } from './mail.types.ts';

export function createTransport(s: SmtpSettings, pool: boolean) {
  return nodemailer.createTransport({
    host: s.host,
    port: s.port,
    secure: s.security === 'tls',
    requireTLS: s.security === 'starttls',
    ignoreTLS: s.security === 'none',
    auth: s.user ? { user: s.user, pass: s.password } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    ...(pool ? { pool: true, maxConnections: 2 } : {}),
  });
}

export interface SmtpFailure {
  code: string;
  message: string;
  response_code: number | null;
}

/** What an SMTP error tells an admin, without anything secret (the password never appears in it). */
export function smtpFailure(e: unknown, s: SmtpSettings): SmtpFailure {
  const err = e as { code?: string; message?: string; responseCode?: number };
  let message = String(err?.message ?? e).slice(0, 1000);
  if (s.password) message = message.split(s.password).join('***');
  return { code: err?.code ?? 'smtp_error', message, response_code: typeof err?.responseCode === 'number' ? err.responseCode : null };
}

export function configured(s: SmtpSettings): boolean {
  return s.host !== '' && s.from_address !== '';
}
