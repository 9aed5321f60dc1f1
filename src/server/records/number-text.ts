/**
 * A typed or exported number as the digits it means, or null when its separators are ambiguous
 * (the cell is then reported, never guessed). Files come with "1,280,000.00" (thousands commas),
 * "12800,00" or "1.280.000,00" (decimal comma: semicolon-separated Excel exports in much of the
 * world), "12 800,00", "¥12,800" and "NT$ 3,500". Stripping every comma, as before, read
 * "12800,00" as 1,280,000.00: a silent hundredfold.
 */
const CURRENCY = /[\s¥$€£￥]|NT\$|US\$|RMB|CNY/gi;

export function plainNumber(text: string): string | null {
  const s = text.replace(CURRENCY, '');
  if (/^[-+]?\d*(\.\d+)?$/.test(s)) return s;
  // 1,280,000 or 1,280,000.50: commas group thousands.
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) return s.replace(/,/g, '');
  // 1.280.000,50 or 1.280.000: dots group thousands, the comma is the decimal point.
  if (/^[-+]?\d{1,3}(\.\d{3})+,\d+$/.test(s) || /^[-+]?\d{1,3}(\.\d{3}){2,}$/.test(s)) return s.replace(/\./g, '').replace(',', '.');
  // 12800,00 or 0,5: one comma followed by other than three digits is the decimal point
  // ("1280,000" could be either, and is refused).
  if (/^[-+]?\d+,(\d{1,2}|\d{4,})$/.test(s)) return s.replace(',', '.');
  return null;
}
