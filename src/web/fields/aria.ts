/**
 * What Ant Design's Form.Item gives its control so a screen reader ties an error or hint to it
 * (aria-describedby = the ids of the help/extra text, aria-invalid while an error shows). Our own
 * inputs (FieldInput, PhoneInput, RecordSelect) take these and pass them to the real input, or
 * the tie is lost.
 */
export interface FieldAria {
  'aria-describedby'?: string;
  'aria-invalid'?: boolean | 'true' | 'false';
  'aria-required'?: boolean | 'true' | 'false';
}

/** The FieldAria members of a props object (undefined ones left out). */
export function fieldAria(p: FieldAria): FieldAria {
  const out: FieldAria = {};
  if (p['aria-describedby'] !== undefined) out['aria-describedby'] = p['aria-describedby'];
  if (p['aria-invalid'] !== undefined) out['aria-invalid'] = p['aria-invalid'];
  if (p['aria-required'] !== undefined) out['aria-required'] = p['aria-required'];
  return out;
}
