// Helpers of the inbox tests: a real SMTP client (nodemailer) and a raw SMTP conversation over
// loopback, and the row counts that prove a refused message stored nothing.
import net from 'node:net';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { sql } from 'kysely';
import type { TestApp } from '../../db/test-helpers.ts';
import { inboundSmtpPort } from './module.ts';

export function port(t: TestApp): number {
  const p = inboundSmtpPort(t.app);
  if (!p) throw new Error('the inbound SMTP listener is not running');
  return p;
}

export type SendResult = { ok: true; response: string } | { ok: false; code: number | undefined; response: string };

/** Sends with nodemailer: `raw` bytes as they are, or a message it composes. */
export async function send(t: TestApp, mail: { from?: string; to?: string | string[]; envelope?: { from: string; to: string[] }; raw?: Buffer | string; [k: string]: unknown }): Promise<SendResult> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: port(t), secure: false, ignoreTLS: true, connectionTimeout: 5000 });
  try {
    const info = await transport.sendMail(mail.raw ? { envelope: mail.envelope, raw: mail.raw } : (mail as SendMailOptions));
    return { ok: true, response: info.response };
  } catch (e) {
    const err = e as { responseCode?: number; response?: string; message: string };
    return { ok: false, code: err.responseCode, response: err.response ?? err.message };
  } finally {
    transport.close();
  }
}

/** Speaks SMTP line by line; answers the last reply line of the greeting and of each command. */
export async function talk(t: TestApp, commands: string[]): Promise<string[]> {
  const socket = net.connect(port(t), '127.0.0.1');
  socket.setEncoding('utf8');
  const replies: string[] = [];
  let buffer = '';
  let waiting: (() => void) | null = null;
  socket.on('data', (d: string) => {
    buffer += d;
    for (let i = buffer.indexOf('\r\n'); i >= 0; i = buffer.indexOf('\r\n')) {
      const line = buffer.slice(0, i);
      buffer = buffer.slice(i + 2);
      if (/^\d{3} /.test(line)) {
        replies.push(line);
        waiting?.();
      }
    }
  });
  const next = (n: number) => new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no SMTP reply (got ${JSON.stringify(replies)})`)), 5000);
    const check = () => {
      if (replies.length >= n) {
        clearTimeout(timer);
        waiting = null;
        resolve();
      }
    };
    waiting = check;
    check();
  });
  await next(1);
  for (const [i, c] of commands.entries()) {
    socket.write(`${c}\r\n`);
    await next(i + 2);
  }
  socket.end();
  return replies;
}

export async function counts(t: TestApp): Promise<Record<string, number>> {
  const tables = ['mail_messages', 'mail_threads', 'mail_message_files', 'mail_message_contacts', 'files', 'file_chunks', 'timeline_events'];
  const out: Record<string, number> = {};
  for (const table of tables) {
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(t.database.db);
    out[table] = Number(rows[0]!.n);
  }
  return out;
}

export async function messageByMessageId(t: TestApp, messageId: string): Promise<{ id: number; thread_id: number; contact_id: number | null } | undefined> {
  const { rows } = await sql<{ id: number; thread_id: number; contact_id: number | null }>`SELECT id, thread_id, contact_id FROM mail_messages WHERE message_id = ${messageId}`.execute(t.database.db);
  const r = rows[0];
  return r && { id: Number(r.id), thread_id: Number(r.thread_id), contact_id: r.contact_id == null ? null : Number(r.contact_id) };
}

/** A plain raw message (CRLF line ends) with the given headers and body. */
export function rawMail(headers: Record<string, string>, body = 'Hello'): string {
  return `${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n${body}\r\n`;
}
