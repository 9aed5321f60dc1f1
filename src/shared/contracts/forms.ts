import { z } from 'zod';

// Web forms (modules/public): what administrators define and what the public API answers.

/** `company`: not a contact field; the account found (or created) by this name. */
export const COMPANY_FIELD = 'company';

export const FormField = z.object({ field: z.string().trim().min(1).max(100), required: z.boolean().default(false) }).strict();
const Messages = z.object({ en: z.string().max(500), 'zh-CN': z.string().max(500), 'zh-TW': z.string().max(500) }).partial().strict();

export const FormInput = z
  .object({
    name: z.string().trim().min(1).max(200),
    fields: z.array(FormField).min(1).max(50),
    /** Owns the follow-up task and the records the form creates. */
    assignee_id: z.number().int().positive(),
    create_task: z.boolean().default(true),
    success_message: Messages.default({}),
    /** Origins (scheme://host[:port]) allowed to submit from a browser; empty: the public allow-list. */
    allowed_origins: z.array(z.string().max(300)).max(50).default([]),
    active: z.boolean().default(true),
  })
  .strict();

export const WebForm = z.object({
  id: z.number(),
  key: z.string(),
  name: z.string(),
  fields: z.array(z.object({ field: z.string(), required: z.boolean() })),
  assignee_id: z.number(),
  create_task: z.boolean(),
  success_message: z.record(z.string(), z.string()),
  allowed_origins: z.array(z.string()),
  active: z.boolean(),
  submissions: z.number().optional(),
  /** The page anyone can fill in, and the snippet to paste into another site (needs the public address). */
  hosted_url: z.string().nullable(),
  snippet: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});
export const WebFormAnswer = z.object({ data: WebForm });
export const WebFormsAnswer = z.object({ data: z.array(WebForm) });

export const Submission = z.object({
  id: z.number(),
  outcome: z.enum(['created', 'matched']),
  contact_id: z.number().nullable(),
  account_id: z.number().nullable(),
  task_id: z.number().nullable(),
  payload: z.record(z.string(), z.unknown()),
  ip_hash: z.string().nullable(),
  user_agent: z.string().nullable(),
  origin: z.string().nullable(),
  created_at: z.string(),
});
export const SubmissionsAnswer = z.object({ data: z.array(Submission), next_cursor: z.string().nullable() });

/** A field as the public form renders it: labels already in the asked locale. */
export const PublicFormField = z.object({
  key: z.string(),
  type: z.string(),
  label: z.string(),
  required: z.boolean(),
  max: z.number().optional(),
  options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
});
export const PublicFormAnswer = z.object({
  data: z.object({
    key: z.string(),
    name: z.string(),
    locale: z.string(),
    fields: z.array(PublicFormField),
    /** Render hidden; a filled one marks a bot. */
    honeypot: z.string(),
    submit_label: z.string(),
  }),
});
export const PublicSubmitAnswer = z.object({ data: z.object({ message: z.string() }) });

export const PublicSettingsView = z.object({ base_url: z.string(), allowed_origins: z.array(z.string()) });
export const PublicSettingsAnswer = z.object({ data: PublicSettingsView });
