// Splitting a full name into family and given names, for sorting and greetings. The full name
// is always kept whole as entered; this only fills family_name/given_name when they are empty.
const COMPOUND_SURNAMES = new Set([
  '欧阳', '歐陽', '司马', '司馬', '诸葛', '諸葛', '上官', '东方', '東方', '皇甫', '尉迟', '尉遲', '公孙', '公孫', '慕容', '长孙', '長孫',
  '宇文', '司徒', '司空', '夏侯', '令狐', '澹台', '澹臺', '轩辕', '軒轅', '端木', '独孤', '獨孤', '南宫', '南宮', '西门', '西門', '呼延', '钟离', '鍾離',
]);
const PARTICLES = new Set(['de', 'da', 'di', 'del', 'della', 'van', 'von', 'der', 'den', 'le', 'la', 'du', 'dos', 'bin', 'al']);
const HAN_NAME = /^\p{Script=Han}{2,5}$/u;

export function splitName(full: string): { family: string; given: string } | null {
  const name = full.trim();
  if (HAN_NAME.test(name)) {
    const chars = [...name];
    const two = chars.slice(0, 2).join('');
    const familyLen = chars.length > 2 && COMPOUND_SURNAMES.has(two) ? 2 : 1;
    return { family: chars.slice(0, familyLen).join(''), given: chars.slice(familyLen).join('') };
  }
  const parts = name.split(/\s+/);
  if (parts.length >= 2 && parts.every((p) => /^[\p{L}'.-]+$/u.test(p))) {
    // Particles stay with the family name: "Anna de Vries", "Ludwig van Beethoven".
    let cut = parts.length - 1;
    while (cut > 1 && PARTICLES.has(parts[cut - 1]!.toLowerCase())) cut--;
    return { family: parts.slice(cut).join(' '), given: parts.slice(0, cut).join(' ') };
  }
  return null;
}
