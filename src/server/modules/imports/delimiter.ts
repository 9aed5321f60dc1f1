/** Delimiters a CSV may use: Excel writes `;` where the decimal mark is a comma, tab for "Unicode text". */
export const DELIMITERS = [',', ';', '\t', '|'] as const;
const SAMPLE_RECORDS = 20;

/**
 * Counts each candidate delimiter outside quotes on each of the first records of `text` (a
 * quoted cell may hold delimiters and line breaks). The delimiter is the candidate found on
 * the header whose count repeats on the most records (then the larger count, then the order
 * above); a file where none appears is one column, read with `,`.
 * `complete`: the text is the whole file (otherwise its last, possibly cut, record is ignored).
 */
export function sniffDelimiter(text: string, complete: boolean): string {
  const records: Map<string, number>[] = [];
  let counts = new Map<string, number>();
  let quoted = false;
  let any = false;
  for (let i = 0; i < text.length && records.length < SAMPLE_RECORDS; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (any) records.push(counts);
      counts = new Map();
      any = false;
    } else {
      if (!quoted && (DELIMITERS as readonly string[]).includes(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
      if (ch.trim()) any = true;
    }
  }
  if (complete && any && records.length < SAMPLE_RECORDS) records.push(counts);
  if (!records.length) return ',';
  const header = records[0]!;
  let best = ',';
  let bestScore = [0, 0];
  for (const d of DELIMITERS) {
    const n = header.get(d) ?? 0;
    if (!n) continue;
    const agree = records.filter((r) => (r.get(d) ?? 0) === n).length;
    if (agree > bestScore[0]! || (agree === bestScore[0] && n > bestScore[1]!)) {
      best = d;
      bestScore = [agree, n];
    }
  }
  return best;
}
