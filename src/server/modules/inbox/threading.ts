// Which conversation an incoming message belongs to. Pure: the caller looks up the ids and the
// subject token's thread first (inbox.receive.ts), so the order of the rules is tested alone.
//
// The order (module-research §2.4 trap 1): (1) a Message-ID we know — In-Reply-To first, then
// References from the newest — whether it was received here or sent by the mail module's
// outbox; (2) a `[#T-<thread id>]` token in the subject, only when the sender already took part
// in that thread (a token copied into someone else's mail must not merge them); (3) a new thread.
// The subject alone never threads: "Re: Hello" from two customers are two conversations.

/** What a known Message-ID points at: a thread already, or a sent message no thread has yet. */
export type KnownId = { threadId: number } | { outboxMessageId: string };

export interface ThreadInput {
  inReplyTo: string | null;
  references: string[];
  subject: string;
  fromAddress: string;
}

export interface ThreadLookup {
  /** Known Message-IDs among `candidateIds(input)`. */
  known: Map<string, KnownId>;
  /** The thread named by the subject's token, with the addresses that took part in it. */
  tokenThread?: { id: number; participants: string[] } | null;
}

export type ThreadMatch =
  | { by: 'message_id'; threadId: number }
  | { by: 'outbox'; outboxMessageId: string }
  | { by: 'subject_token'; threadId: number }
  | { by: 'new' };

const ID = /<[^<>\s]+>/g;

/** Message-IDs as written in a header (one or several, with or without angle brackets). */
export function parseIds(v: string | string[] | null | undefined): string[] {
  const parts = Array.isArray(v) ? v : v ? [v] : [];
  return parts.flatMap((p) => {
    const found = p.match(ID);
    if (found) return found;
    const bare = p.trim();
    return bare && !/\s/.test(bare) ? [`<${bare}>`] : [];
  });
}

/** The ids to look up, most telling first: In-Reply-To, then References newest to oldest. */
export function candidateIds(input: Pick<ThreadInput, 'inReplyTo' | 'references'>): string[] {
  const ordered = [...parseIds(input.inReplyTo), ...[...input.references].reverse()];
  return [...new Set(ordered)].slice(0, 100);
}

const TOKEN = /\[#T-(\d{1,15})\]/i;

/** The thread id in a subject's `[#T-123]` token. */
export function subjectToken(subject: string): number | null {
  const m = TOKEN.exec(subject);
  const n = m ? Number(m[1]) : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** The token Guanxi puts in the subject of a reply in thread `id`. */
export const threadToken = (id: number) => `[#T-${id}]`;

// Re:, Fwd:, 回复：, 答复：, 转发：, AW:, SV:, WG: … with an ASCII or full-width colon, repeated.
const PREFIX = /^\s*(?:(?:re|fwd?|aw|sv|wg|vs|antw)(?:\[\d+\])?|回复|答复|回覆|轉寄|转发|轉發)\s*[:：]\s*/i;

/** The subject without reply/forward prefixes and thread tokens, for display grouping only. */
export function normalizeSubject(subject: string): string {
  let s = subject.replace(TOKEN, ' ');
  for (let prev = ''; prev !== s;) {
    prev = s;
    s = s.replace(PREFIX, '');
  }
  return s.replace(/\s+/g, ' ').trim();
}

export function matchThread(input: ThreadInput, lookup: ThreadLookup): ThreadMatch {
  for (const id of candidateIds(input)) {
    const hit = lookup.known.get(id);
    if (!hit) continue;
    return 'threadId' in hit ? { by: 'message_id', threadId: hit.threadId } : { by: 'outbox', outboxMessageId: hit.outboxMessageId };
  }
  const token = subjectToken(input.subject);
  const t = lookup.tokenThread;
  const sender = input.fromAddress.toLowerCase();
  if (token !== null && t && t.id === token && t.participants.some((p) => p.toLowerCase() === sender)) {
    return { by: 'subject_token', threadId: t.id };
  }
  return { by: 'new' };
}
