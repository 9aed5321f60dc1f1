import { z } from 'zod';
import { IsoDate } from './invoices.ts';

// Fapiao (server: modules/fapiao). Amounts travel as decimal strings; null when a field rule hides them.

const text = (max: number) => z.string().max(max).nullable().optional();
export const FAPIAO_KIND = z.enum(['digital_special', 'digital_normal', 'paper_special', 'paper_normal']);

export const FromInvoicesBody = z.object({
  invoice_ids: z.array(z.number().int().positive()).min(1).max(100),
  kind: FAPIAO_KIND.optional(),
  buyer_name: text(300), buyer_tax_id: text(40), buyer_address_phone: text(300), buyer_bank_account: text(300), remarks: text(2000),
  seller_id: z.number().int().positive().nullable().optional(),
  // Part of an invoice's open amount; an invoice not named here is taken whole (what is left of it).
  amounts: z.array(z.object({ invoice_id: z.number().int().positive(), amount: z.union([z.string().max(40), z.number()]) }).strict()).max(100).optional(),
}).strict();

export const FapiaoIssueBody = z.object({
  provider: z.string().min(1).max(60).optional(),
  number: z.string().max(40).optional(),
  code: z.string().max(40).nullable().optional(),
  issue_date: IsoDate.optional(),
}).strict();

export const RedBody = z.object({
  red_confirmation_number: z.string().max(60).optional(),
  lines: z.array(z.object({ line_id: z.number().int().positive(), quantity: z.union([z.string().max(40), z.number()]).optional() }).strict()).min(1).max(500).optional(),
  remarks: text(2000),
}).strict();

export const FapiaoVoidBody = z.object({ reason: z.string().trim().min(1).max(1000) }).strict();

export const InvoiceFapiaoAnswer = z.object({
  data: z.object({
    fapiao: z.array(z.object({
      id: z.number(), number: z.string().nullable(), kind: z.string(), colour: z.string(), status: z.string(),
      red_state: z.string().nullable(), issue_date: z.string().nullable(), amount: z.string().nullable(),
    })),
    remaining: z.string().nullable(),
  }),
});
export type InvoiceFapiaoAnswer = z.infer<typeof InvoiceFapiaoAnswer>;
