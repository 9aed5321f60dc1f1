import { normalizeText } from './normalize.ts';

// Keys that decide whether two spellings name the same company or person (import
// de-duplication, `account_name` of a contacts file). Not for display and not for search.

// Legal-form words dropped from the END of a company name (after Traditional → Simplified,
// lower case, punctuation removed), longest first so 股份有限公司 goes before 有限公司 and 公司.
// Deliberately NOT dropped: 集团 / group / holdings (a group is another legal entity than its
// operating company), 分公司 / branch (a branch is a place of its own), 中国 / china and other
// places in brackets (阿里巴巴（中国）有限公司 is not 阿里巴巴有限公司).
const HAN_SUFFIXES = ['股份有限公司', '有限责任公司', '有限公司', '股份公司', '公司'];
const LATIN_SUFFIXES = new Set([
  'ltd', 'limited', 'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'llc', 'plc',
  'gmbh', 'ag', 'sa', 'sas', 'sarl', 'srl', 'spa', 'bv', 'nv', 'pty', 'pte', 'kk', 'oy', 'ab', 'as',
]);

/** NFKC, lower case, Traditional → Simplified, Latin accents dropped; punctuation and symbols → one space. */
function words(s: string): string {
  const n = normalizeText(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
  return n.replace(/[\p{P}\p{S}\p{Z}\s]+/gu, ' ').trim();
}

/**
 * The identity of a company name: "阿里巴巴（中国）有限公司", "阿里巴巴(中国)有限公司" and
 * "阿里巴巴(中國)有限公司" give one key; so do "ACME Trading Ltd.", "Acme Trading Limited" and
 * "ACME TRADING, INC.". Suffixes are dropped repeatedly ("… Co., Ltd."), but never the whole name.
 */
export function orgNameKey(name: string): string {
  let w = words(name);
  for (;;) {
    const parts = w.split(' ');
    const last = parts.at(-1)!;
    let next = w;
    if (parts.length > 1 && LATIN_SUFFIXES.has(last)) next = parts.slice(0, -1).join(' ');
    else {
      const han = HAN_SUFFIXES.find((x) => w.endsWith(x) && w.length > x.length);
      if (han) next = w.slice(0, -han.length).trim();
    }
    if (next === w || !next) break;
    w = next;
  }
  return w.replace(/ /g, '') || normalizeText(name).trim() || name;
}

/** The identity of a person's name: Simplified = Traditional, case, accents, spaces and punctuation ignored. */
export function personNameKey(name: string): string {
  return words(name).replace(/ /g, '') || normalizeText(name).trim();
}
