import net from 'node:net';
import path from 'node:path';
import { parseSecretKey } from './core/secrets.ts';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  webDir: string;
  sessionIdleHours: number;
  sessionMaxDays: number;
  logLevel: string;
  /** `text` (default): one readable line per entry; `json`: pino's JSON lines, for log collectors. */
  logFormat: 'text' | 'json';
  pgliteSharedBuffers: string;
  /** PostgreSQL: run frequent statements as prepared statements (off behind a pooler that cannot keep them). */
  preparedStatements: boolean;
  /** PGlite: V8 settings for a smaller process (db/pglite-memory.ts). */
  pgliteLeanMemory: boolean;
  /** Fastify trustProxy: whose X-Forwarded-For / -Proto to believe (false: nobody's). */
  trustProxy: boolean | number | string[];
  /** Days kept of finished jobs, delivered events and import files (jobs/retention.ts). */
  retention: { jobsDays: number; eventsDays: number; filesDays: number };
  /** Files attached to records: the largest accepted (GUANXI_ATTACHMENT_MAX_MB, default 25 MB). */
  attachments: { maxBytes: number };
  /**
   * E-mail in (modules/inbox): the SMTP listener. port null (GUANXI_SMTP_IN_PORT unset) = off;
   * 0 = any free port (tests). GUANXI_SMTP_IN_HOST (default 127.0.0.1), GUANXI_SMTP_IN_MAX_MB (25).
   */
  smtpIn: { port: number | null; host: string; maxBytes: number };
  /** Module folders beside the built-in ones (GUANXI_MODULES: absolute paths, comma-separated). */
  modules: string[];
  /**
   * Key of signed links (core/signed-tokens.ts; GUANXI_SIGNING_SECRET, the one before a rotation
   * in GUANXI_SIGNING_SECRET_PREVIOUS). Unset: a key generated once and kept in the database.
   */
  signingSecret: string | undefined;
  signingSecretPrevious: string | undefined;
  /**
   * Key that seals stored secrets (core/secrets.ts; GUANXI_SECRET_KEY, 32 bytes base64 or hex; the
   * one before a rotation in GUANXI_SECRET_KEY_PREVIOUS). Unset: a key file beside a PGlite data
   * folder, else a key kept in the database.
   */
  secretKey: Buffer | undefined;
  secretKeyPrevious: Buffer | undefined;
}

/** A setting Guanxi cannot run with: refused at start with this message, not at every request. */
export class ConfigError extends Error {}

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new ConfigError(`${name} must be a number greater than 0 (got "${raw}")`);
  return n;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * GUANXI_LOG_LEVEL (or LOG_LEVEL, read before it existed); by default `warn` in production
 * (NODE_ENV=production: no line per request, http/request-log.ts) and `info` elsewhere.
 */
function logLevel(env: NodeJS.ProcessEnv): string {
  const name = env.GUANXI_LOG_LEVEL ? 'GUANXI_LOG_LEVEL' : 'LOG_LEVEL';
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return env.NODE_ENV === 'production' ? 'warn' : 'info';
  if (!LOG_LEVELS.includes(raw)) throw new ConfigError(`${name} must be one of ${LOG_LEVELS.join(', ')} (got "${env[name]}")`);
  return raw;
}

/** LOG_FORMAT (or GUANXI_LOG_FORMAT): `json` for machine-read logs; plain text otherwise. */
function logFormat(env: NodeJS.ProcessEnv): 'text' | 'json' {
  const name = env.GUANXI_LOG_FORMAT ? 'GUANXI_LOG_FORMAT' : 'LOG_FORMAT';
  const raw = env[name]?.trim().toLowerCase();
  if (!raw || raw === 'text') return 'text';
  if (raw === 'json') return 'json';
  throw new ConfigError(`${name} must be text or json (got "${env[name]}")`);
}

function port(env: NodeJS.ProcessEnv): number {
  const raw = env.PORT ?? '3000';
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new ConfigError(`PORT must be a port number (got "${raw}")`);
  return n;
}

/**
 * GUANXI_TRUST_PROXY: unset or `false` (default) believes no proxy header, so X-Forwarded-For
 * cannot dodge the sign-in limits; `true` believes any; a number is how many proxies stand in
 * front; otherwise a comma-separated list of proxy addresses or CIDR ranges (`loopback`,
 * `uniquelocal` and `linklocal` stand for their ranges).
 */
function trustProxy(raw: string | undefined): Config['trustProxy'] {
  const v = raw?.trim() ?? '';
  if (v === '' || v === 'false') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  const list = v.split(',').map((x) => x.trim()).filter(Boolean);
  for (const item of list) {
    const [addr, bits, extra] = item.split('/');
    const family = net.isIP(addr ?? '');
    const named = ['loopback', 'uniquelocal', 'linklocal'].includes(item);
    const bitsOk = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
    if (!named && (!family || !bitsOk || extra !== undefined)) {
      throw new ConfigError(`GUANXI_TRUST_PROXY must be true, false, a number of proxies, or addresses/CIDR ranges separated by commas (got "${item}")`);
    }
  }
  return list;
}

/** GUANXI_RETENTION_DAYS for every kind, or one kind's own GUANXI_RETENTION_{JOBS,EVENTS,FILES}_DAYS. */
function retention(env: NodeJS.ProcessEnv): Config['retention'] {
  const all = positiveNumber(env, 'GUANXI_RETENTION_DAYS', 30);
  return {
    jobsDays: positiveNumber(env, 'GUANXI_RETENTION_JOBS_DAYS', all),
    eventsDays: positiveNumber(env, 'GUANXI_RETENTION_EVENTS_DAYS', all),
    filesDays: positiveNumber(env, 'GUANXI_RETENTION_FILES_DAYS', all),
  };
}

function smtpIn(env: NodeJS.ProcessEnv): Config['smtpIn'] {
  const raw = env.GUANXI_SMTP_IN_PORT?.trim() ?? '';
  const n = Number(raw);
  if (raw !== '' && (!/^\d+$/.test(raw) || n > 65535)) throw new ConfigError(`GUANXI_SMTP_IN_PORT must be a port number (got "${raw}")`);
  return {
    port: raw === '' ? null : n,
    host: env.GUANXI_SMTP_IN_HOST?.trim() || '127.0.0.1',
    maxBytes: Math.round(positiveNumber(env, 'GUANXI_SMTP_IN_MAX_MB', 25) * 1024 * 1024),
  };
}

function moduleFolders(raw: string | undefined): string[] {
  const list = (raw ?? '').split(',').map((x) => x.trim()).filter(Boolean);
  for (const dir of list) if (!path.isAbsolute(dir)) throw new ConfigError(`GUANXI_MODULES must list absolute folder paths separated by commas (got "${dir}")`);
  return list;
}

function signingSecret(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const v = env[name]?.trim();
  if (!v) return undefined;
  // The value itself never goes into the message.
  if (v.length < 32) throw new ConfigError(`${name} must be at least 32 characters long`);
  return v;
}

function secretKey(env: NodeJS.ProcessEnv, name: string): Buffer | undefined {
  const v = env[name]?.trim();
  if (!v) return undefined;
  const key = parseSecretKey(v);
  // The value itself never goes into the message.
  if (!key) throw new ConfigError(`${name} must be 32 bytes written as base64 (44 characters) or hex (64 digits); make one with: openssl rand -base64 32`);
  return key;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: port(env),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.GUANXI_DATA_DIR ?? 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    adminEmail: env.GUANXI_ADMIN_EMAIL || undefined,
    adminPassword: env.GUANXI_ADMIN_PASSWORD || undefined,
    webDir: path.resolve(env.GUANXI_WEB_DIR ?? path.join(import.meta.dirname, '../../dist/web')),
    sessionIdleHours: positiveNumber(env, 'GUANXI_SESSION_IDLE_HOURS', 12),
    sessionMaxDays: positiveNumber(env, 'GUANXI_SESSION_MAX_DAYS', 7),
    logLevel: logLevel(env),
    logFormat: logFormat(env),
    pgliteSharedBuffers: env.GUANXI_PGLITE_SHARED_BUFFERS ?? '32MB',
    preparedStatements: env.GUANXI_PREPARED_STATEMENTS !== 'off',
    pgliteLeanMemory: env.GUANXI_PGLITE_LEAN_MEMORY !== 'off',
    trustProxy: trustProxy(env.GUANXI_TRUST_PROXY),
    retention: retention(env),
    attachments: { maxBytes: Math.round(positiveNumber(env, 'GUANXI_ATTACHMENT_MAX_MB', 25) * 1024 * 1024) },
    smtpIn: smtpIn(env),
    modules: moduleFolders(env.GUANXI_MODULES),
    signingSecret: signingSecret(env, 'GUANXI_SIGNING_SECRET'),
    signingSecretPrevious: signingSecret(env, 'GUANXI_SIGNING_SECRET_PREVIOUS'),
    secretKey: secretKey(env, 'GUANXI_SECRET_KEY'),
    secretKeyPrevious: secretKey(env, 'GUANXI_SECRET_KEY_PREVIOUS'),
  };
}
