// The country code a phone input shows in front of a number. It comes from the number itself
// ('+852 …'), else from the organisation's default region (settings `phone_region`): never
// from the UI language — a 繁體中文 user editing a mainland number stored as '13800138000'
// must not save it as '+886 13800138000'.

/** Calling codes the picker offers, with the region each one stands for. */
export const CALLING_CODES: Record<string, string> = {
  CN: '+86', HK: '+852', MO: '+853', TW: '+886', US: '+1', GB: '+44', AU: '+61', SG: '+65',
  MY: '+60', JP: '+81', KR: '+82', DE: '+49', FR: '+33', AE: '+971',
};
export const CODES = [...new Set(Object.values(CALLING_CODES))];

/**
 * [code, rest]: the code written in the number when the picker knows it; '' with the whole
 * number when it is written internationally with another code; else the region's code
 * ('' when the picker has none for that region, so the number is saved as typed and the
 * server reads it in the organisation's region, as it reads every number without a code).
 */
export function splitPhone(value: string | null | undefined, region: string | null | undefined): [string, string] {
  const v = (value ?? '').trim();
  const m = /^(\+\d{1,4})[\s-]*(.*)$/.exec(v);
  if (m && CODES.includes(m[1]!)) return [m[1]!, m[2]!];
  if (v.startsWith('+') || v.startsWith('00')) return ['', v];
  return [CALLING_CODES[(region ?? '').toUpperCase()] ?? '', v];
}

/** The value to save: the number with its code in front (unless it carries its own or none is chosen). */
export function joinPhone(code: string, number: string): string | null {
  const clean = number.trim();
  if (!clean) return null;
  return clean.startsWith('+') || !code ? clean : `${code} ${clean}`;
}
