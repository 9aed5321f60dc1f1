// Node socket errors and pg messages that mean "no connection to the server", not a bad query.
const NET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
const NET_MESSAGES = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable)/;

/**
 * True when an error means the database server cannot be reached right now (restarting,
 * stopped, a dropped connection): SQLSTATE class 08 (connection exception), 57P01-03
 * (shut down by an administrator, crashed, starting up), 53300 (too many connections), or a
 * socket error. The HTTP layer answers these 503 instead of 500; the pool reconnects by itself.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown[] } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (NET_CODES.has(code) || code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03' || code === '53300') return true;
    if (typeof e.message === 'string' && NET_MESSAGES.test(e.message)) return true;
    // Node's happy-eyeballs connect reports an AggregateError of per-address failures.
    if (Array.isArray(e.errors) && e.errors.some((x) => isDatabaseUnavailable(x))) return true;
  }
  return false;
}
