// From the bytes an SMTP client sent to what we store, checked before anything is written:
// header size, MIME, the From address, each attachment's type and size. Any refusal is an
// SmtpRefusal; nothing here touches the database.
import { createHash } from 'node:crypto';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { AppError } from '../../http/errors.ts';
import { checkFirstBytes, extensionForType, kindOrRefuse, SNIFF_BYTES } from '../attachments/file-kinds.ts';
import { isMailAddress } from '../mail/mail.service.ts';
import { SmtpRefusal } from './inbox.refusal.ts';
import { parseIds } from './threading.ts';

/** Postfix's default header_size_limit: a header block larger than this is refused. */
export const MAX_HEADER_BYTES = 100 * 1024;
const MAX_SUBJECT = 998;

export interface ParsedAttachment { name: string; contentType: string; content: Buffer; inline: boolean }

export interface IncomingMail {
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  subject: string;
  from: { address: string; name: string | null };
  to: string[];
  cc: string[];
  date: Date | null;
  text: string;
  html: string | null;
  attachments: ParsedAttachment[];
  size: number;
}

function headerBytes(raw: Buffer): number {
  const crlf = raw.indexOf('\r\n\r\n');
  const lf = raw.indexOf('\n\n');
  const ends = [crlf, lf].filter((i) => i >= 0);
  return ends.length ? Math.min(...ends) : raw.length;
}

const addresses = (a: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(a) ? a : a ? [a] : []).flatMap((o) => o.value).map((v) => v.address ?? '').filter(isMailAddress).slice(0, 200);

function attachmentsOf(parsed: ParsedMail, maxBytes: number): ParsedAttachment[] {
  return parsed.attachments.map((a, i) => {
    const ext = extensionForType(a.contentType ?? '');
    const name = (a.filename?.trim() || `attachment-${i + 1}${ext ? `.${ext}` : ''}`).replace(/[\r\n\0/\\]+/g, '_').slice(0, 255);
    let type: string;
    try {
      const kind = kindOrRefuse(name);
      checkFirstBytes(kind, a.content.subarray(0, SNIFF_BYTES));
      type = kind.type;
    } catch (e) {
      const why = e instanceof AppError ? e.message : 'refused';
      throw new SmtpRefusal(554, `5.7.1 Attachment "${name}" refused: ${why}`);
    }
    if (a.content.length > maxBytes) throw new SmtpRefusal(552, `5.3.4 Attachment "${name}" is larger than ${Math.floor(maxBytes / 1024)} KB`);
    return { name, contentType: type, content: a.content, inline: a.contentDisposition === 'inline' };
  });
}

/** Parses and checks a received message; `maxAttachmentBytes`: the attachments module's limit. */
export async function parseIncoming(raw: Buffer, maxAttachmentBytes: number): Promise<IncomingMail> {
  if (headerBytes(raw) > MAX_HEADER_BYTES) throw new SmtpRefusal(552, '5.3.4 Message header too large');
  let parsed: ParsedMail;
  try {
    parsed = await simpleParser(raw, { skipImageLinks: true, skipTextLinks: true, skipTextToHtml: true, maxHtmlLengthToParse: 5 * 1024 * 1024 });
  } catch {
    throw new SmtpRefusal(554, '5.6.0 Malformed message');
  }
  const sender = parsed.from?.value.find((v) => isMailAddress(v.address));
  if (!sender) throw new SmtpRefusal(554, '5.6.0 The message has no valid From address');
  const attachments = attachmentsOf(parsed, maxAttachmentBytes);
  const ownId = parseIds(parsed.messageId ?? null)[0];
  return {
    // A message without a Message-ID gets one from its bytes: the same message sent again is stored once.
    messageId: ownId ?? `<${createHash('sha256').update(raw).digest('hex')}@no-message-id.invalid>`,
    inReplyTo: parseIds(parsed.inReplyTo ?? null)[0] ?? null,
    references: parseIds(parsed.references ?? null).slice(-100),
    subject: (parsed.subject ?? '').replace(/[\r\n]+/g, ' ').slice(0, MAX_SUBJECT),
    from: { address: sender.address!.toLowerCase(), name: sender.name?.trim() || null },
    to: addresses(parsed.to),
    cc: addresses(parsed.cc),
    date: parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date : null,
    text: (parsed.text ?? '').replace(/\0/g, ''),
    html: typeof parsed.html === 'string' ? parsed.html.replace(/\0/g, '') : null,
    attachments,
    size: raw.length,
  };
}
