import { z } from 'zod';

// Quotes v2 (issue 13): the organisation's quote settings, the actions' bodies and answers, and
// the public accept link's. Server routes validate with these; the web app's types are their infers.

const percent = z.number().min(0).max(100);

/** Approval thresholds and the PDF template (settings row `quotes.settings`). */
export const QuoteSettings = z.object({
  /** Any line's discount or the overall discount above this (percent) needs approval; null: never. */
  max_discount_percent: percent.nullable(),
  /** A margin below this (percent of the net, from the products' cost prices) needs approval; null: never. */
  min_margin_percent: z.number().min(-1000).max(100).nullable(),
  /** Printed at the top of the quote's PDF, after the parties (may be empty). */
  pdf_header: z.string().max(2000),
  /** Printed at the end of the quote's PDF (terms, bank details). */
  pdf_footer: z.string().max(4000),
  /** Custom fields of quotes printed as facts under the header, in this order. */
  print_fields: z.array(z.string().max(64)).max(30),
  /** Days the customer's accept link stays valid after sending. */
  link_days: z.number().int().min(1).max(365),
});
export type QuoteSettings = z.infer<typeof QuoteSettings>;
export const QuoteSettingsPatch = QuoteSettings.partial().strict();
export const QuoteSettingsAnswer = z.object({ data: QuoteSettings });

/** Why a quote needs approval (empty: it does not). */
export const ApprovalReason = z.object({
  code: z.enum(['discount', 'margin']),
  /** The value found (a percent, as text) and the limit. */
  value: z.string(),
  limit: z.string(),
  /** A line's position, for a line's discount. */
  position: z.number().int().optional(),
});
export type ApprovalReason = z.infer<typeof ApprovalReason>;

export const VersionBody = z.object({ version: z.number().int().optional() }).strict();
export const CommentBody = z.object({ version: z.number().int().optional(), comment: z.string().trim().max(2000).optional() }).strict();
export const SendBody = z.object({
  version: z.number().int().optional(),
  /** E-mail the PDF and the accept link to the quote's contact when mail is configured. */
  email: z.boolean().optional(),
  locale: z.enum(['en', 'zh-CN', 'zh-TW']).optional(),
}).strict();
export const ReasonBody = z.object({ version: z.number().int().optional(), reason: z.string().trim().max(2000).optional() }).strict();
export const AcceptBody = z.object({ version: z.number().int().optional(), name: z.string().trim().min(1).max(200) }).strict();

export const ApprovalStep = z.object({
  step: z.string(),
  actor_id: z.number().nullable(),
  actor_name: z.string().nullable(),
  comment: z.string().nullable(),
  reasons: z.array(ApprovalReason).nullable(),
  created_at: z.string(),
});
export const ApprovalAnswer = z.object({
  data: z.object({
    required: z.boolean(),
    reasons: z.array(ApprovalReason),
    /** The caller may approve or reject it (an administrator, or the manager of the owner's team). */
    can_approve: z.boolean(),
    history: z.array(ApprovalStep),
  }),
});

export const QuoteVersion = z.object({
  id: z.number(),
  number: z.string(),
  version_no: z.number(),
  status: z.string(),
  sent_at: z.string().nullable(),
  created_at: z.string(),
});
export const VersionsAnswer = z.object({ data: z.array(QuoteVersion) });

/** What the public link shows: the summary of the quote as sent. */
export const PublicQuote = z.object({
  number: z.string(),
  subject: z.string(),
  status: z.string(),
  currency: z.string(),
  gross_total: z.string(),
  valid_until: z.string().nullable(),
  seller: z.string(),
  sent_pdf_hash: z.string(),
  accepted_by_name: z.string().nullable(),
  accepted_at: z.string().nullable(),
});
export const PublicQuoteAnswer = z.object({ data: PublicQuote });
export const PublicAcceptBody = z.object({ name: z.string().trim().min(1).max(200) });
export const PublicRejectBody = z.object({ reason: z.string().trim().max(2000).optional() });
