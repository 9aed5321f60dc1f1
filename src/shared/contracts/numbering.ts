import { z } from 'zod';

/** A document number type as administrators see it (GET /settings/numbering). */
export const NumberSequence = z.object({
  type: z.string(),
  pattern: z.string(),
  gap_free: z.boolean(),
  /** The number the next document of the type would get now. */
  next: z.string(),
});
export type NumberSequence = z.infer<typeof NumberSequence>;
export const NumberSequencesAnswer = z.object({ data: z.array(NumberSequence) });
export const NumberSequenceAnswer = z.object({ data: NumberSequence });
/** The pattern's rules are checked by the service (core/numbering-pattern.ts), each with its own code. */
export const NumberPatternPatch = z.object({ pattern: z.string().max(200) }).strict();
export const NumberTypeParams = z.object({ type: z.string().max(100) });
