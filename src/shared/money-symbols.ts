/**
 * Currency symbols Intl leaves ambiguous: in 繁體中文 (zh-TW) the New Taiwan dollar is a bare "$"
 * beside "US$" and "HK$", so a Taiwanese team could not tell their own money from dollars.
 * These currencies show the same unambiguous symbol in every language.
 */
const SYMBOLS: Readonly<Record<string, string>> = { TWD: 'NT$' };

/** `f.format(value)` with the currency part replaced where SYMBOLS names one. */
export function formatWithSymbol(f: Intl.NumberFormat, value: number | string, currency: string): string {
  const symbol = SYMBOLS[currency.toUpperCase()];
  // Intl formats decimal text exactly (no float), so the value may be a string.
  const v = value as unknown as number;
  if (!symbol) return f.format(v);
  return f.formatToParts(v).map((p) => (p.type === 'currency' ? symbol : p.value)).join('');
}

/** The symbol shown for a currency in a locale (what a money input puts before the amount). */
export function symbolOf(f: Intl.NumberFormat, currency: string): string {
  return SYMBOLS[currency.toUpperCase()] ?? f.formatToParts(0).find((p) => p.type === 'currency')?.value ?? currency;
}
