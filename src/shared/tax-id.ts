// The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a
// 31-character alphabet (no I, O, S, V, Z), the last one a check character over the first 17.
// Shared so the web form and the server refuse the same codes.

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character of the first 17 characters, or null when one is outside the alphabet. */
export function creditCodeCheck(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17[i] ?? '');
    if (v < 0) return null;
    sum += v * WEIGHTS[i]!;
  }
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** Whether a code (upper-cased by the caller) is a well-formed unified social credit code. */
export function isCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  return creditCodeCheck(code.slice(0, 17)) === code[17];
}
