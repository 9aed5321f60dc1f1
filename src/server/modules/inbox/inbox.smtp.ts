// The SMTP listener (smtp-server): accepts mail for active mailboxes only (no open relay),
// bounds every connection, and answers each message with what became of it: 250 stored (or
// stored before: a retry), 552 too large, 554 refused, 451 try again later.
import type { AddressInfo } from 'node:net';
import type { Kysely } from 'kysely';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { DB } from '../../db/schema.ts';
import type { Config } from '../../config.ts';
import { activeMailboxAt, type MailboxRow } from './inbox.repo.ts';
import { parseIncoming } from './inbox.parse.ts';
import { storeIncoming } from './inbox.receive.ts';
import { SmtpRefusal } from './inbox.refusal.ts';

/** Per-server and per-connection bounds. */
export const SMTP_LIMITS = { maxClients: 20, maxRecipients: 20, messagesPerConnection: 50, socketTimeoutMs: 60_000 };

type Log = { error: (o: object, m: string) => void; info: (o: object, m: string) => void };

export interface InboundSmtp {
  port: number;
  close(): Promise<void>;
}

export interface InboundOptions {
  db: Kysely<DB>;
  host: string;
  port: number;
  maxBytes: number;
  maxAttachmentBytes: number;
  log: Log;
}

const smtpError = (code: number, message: string) => new SmtpRefusal(code, message);

/** The message's bytes; past the limit the rest is read and dropped (the client is answered 552). */
async function readAll(stream: SMTPServerDataStream, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of stream) {
    size += (c as Buffer).length;
    if (size <= maxBytes) chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function startInboundSmtp(o: InboundOptions): Promise<InboundSmtp> {
  // The mailbox each accepted recipient named, per connection (session ids are unique).
  const mailboxes = new Map<string, MailboxRow[]>();
  const counts = new Map<string, number>();
  const server = new SMTPServer({
    name: 'guanxi',
    banner: 'Guanxi mail receiver',
    secure: false,
    // No TLS certificate and no accounts here: a relay or MX in front does TLS and authentication.
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    size: o.maxBytes,
    rejectOversized: true,
    maxClients: SMTP_LIMITS.maxClients,
    maxRecipients: SMTP_LIMITS.maxRecipients,
    socketTimeout: SMTP_LIMITS.socketTimeoutMs,
    logger: false,
    onConnect(session, cb) {
      counts.set(session.id, 0);
      cb();
    },
    onClose(session) {
      mailboxes.delete(session.id);
      counts.delete(session.id);
    },
    onMailFrom(_address, session, cb) {
      const n = (counts.get(session.id) ?? 0) + 1;
      counts.set(session.id, n);
      mailboxes.set(session.id, []);
      if (n > SMTP_LIMITS.messagesPerConnection) return cb(smtpError(421, '4.7.0 Too many messages on this connection, reconnect'));
      cb();
    },
    onRcptTo(address, session, cb) {
      activeMailboxAt(o.db, address.address).then((mb) => {
        if (!mb) return cb(smtpError(550, '5.1.1 No such mailbox here'));
        mailboxes.get(session.id)?.push(mb);
        cb();
      }, (e: unknown) => {
        o.log.error({ err: e }, 'inbound mail: mailbox lookup failed');
        cb(smtpError(451, '4.3.0 Try again later'));
      });
    },
    onData(stream, session, cb) {
      handleData(o, stream, session, mailboxes.get(session.id)?.[0] ?? null).then(() => cb(), (e: unknown) => cb(e as Error));
    },
  });
  server.on('error', (e) => o.log.error({ err: e }, 'inbound mail: server error'));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(o.port, o.host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function handleData(o: InboundOptions, stream: SMTPServerDataStream, session: SMTPServerSession, mailbox: MailboxRow | null): Promise<void> {
  const raw = await readAll(stream, o.maxBytes);
  // rejectOversized answers 552 itself; nothing is parsed or stored.
  if (stream.sizeExceeded) throw smtpError(552, '5.3.4 Message too large');
  try {
    const mail = await parseIncoming(raw, o.maxAttachmentBytes);
    const r = await storeIncoming(o.db, mail, mailbox);
    o.log.info({ session: session.id, mail: r.status === 'stored' ? r.id : null, status: r.status, bytes: raw.length }, 'inbound mail');
  } catch (e) {
    if (e instanceof SmtpRefusal) throw e;
    o.log.error({ err: e, session: session.id }, 'inbound mail: storing failed');
    throw smtpError(451, '4.3.0 Could not store the message now, try again later');
  }
}
