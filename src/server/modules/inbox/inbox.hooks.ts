// Where other modules (service: tickets, marketing: leads) plug into received mail.
import type { Tx } from '../../records/types.ts';

/** A stored incoming message, as subscribers see it. */
export interface InboundMail {
  id: number;
  threadId: number;
  /** True when the message started its thread. */
  newThread: boolean;
  /** The first of its recipients that is a mailbox (purpose tells support from leads mail). */
  mailbox: { id: number; address: string; purpose: 'support' | 'leads' | 'general' } | null;
  from: { address: string; name: string | null };
  subject: string;
  text: string;
  /** Contacts whose e-mail is the sender's (empty: an unmatched message). */
  contactIds: number[];
  accountId: number | null;
  attachments: { fileId: number; name: string; contentType: string; size: number }[];
}

export type InboundMailHandler = (trx: Tx, mail: InboundMail) => Promise<void>;

const handlers: InboundMailHandler[] = [];

/**
 * Runs `handler` for every newly stored incoming message (not for a duplicate), inside the
 * transaction that stores it: what it writes (a ticket, a lead) commits with the message or not
 * at all. A handler that throws makes the SMTP server answer 451, so the sender tries again
 * later; handlers must therefore be safe to run for the same mail after such a retry.
 * Register at module load (top level of a module.ts). Answers a function that unregisters it.
 */
export function onInboundMail(handler: InboundMailHandler): () => void {
  handlers.push(handler);
  return () => {
    const i = handlers.indexOf(handler);
    if (i >= 0) handlers.splice(i, 1);
  };
}

export async function runInboundHandlers(trx: Tx, mail: InboundMail): Promise<void> {
  for (const h of [...handlers]) await h(trx, mail);
}
