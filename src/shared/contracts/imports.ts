import { z } from 'zod';
import { Timestamp } from './common.ts';

const Count = z.number().int().nullable();
export const ImportJob = z.object({
  id: z.number().int(),
  object: z.string(),
  status: z.enum(['uploaded', 'queued', 'running', 'done', 'failed']),
  file_name: z.string().optional(),
  total_rows: Count,
  processed_rows: Count,
  created: Count,
  updated: Count,
  skipped: Count,
  failed: Count,
  started_at: Timestamp.nullable(),
  finished_at: Timestamp.nullable(),
  created_at: Timestamp.optional(),
  error: z.string().nullable().optional(),
  /** CSV: the encoding the file is read with (decided from all its bytes, or chosen). */
  encoding: z.string().nullable().optional(),
  /** Cells left out of imported rows (see the report's warnings). */
  warned: Count.optional(),
  headers: z.array(z.string()).optional(),
  preview: z.array(z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())])).optional(),
  suggested_mapping: z.record(z.string(), z.string().nullable()).optional(),
  mapping: z.record(z.string(), z.string().nullable()).optional(),
  duplicate_mode: z.string().optional(),
});

export const ImportValidation = z.object({
  rows_checked: z.number().int(),
  date_order: z.enum(['dmy', 'mdy']).nullable().optional(),
  /** `issues`: the field issues behind the reason, each with its stable code (the web app words them). */
  errors: z.array(z.object({ line: z.number().int(), reason: z.string(), issues: z.array(z.object({ field: z.string(), code: z.string().optional(), message: z.string() })).optional() })),
  /** Optional cells that would be left out (the row is imported without them). */
  warnings: z.array(z.object({ line: z.number().int(), field: z.string(), reason: z.string(), code: z.string().optional() })).optional(),
});
