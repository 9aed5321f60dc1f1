// Search tokens are stored as 32-bit integers (search_tokens int4[]): a GIN index over integers
// is built and maintained about a third faster than over text, and takes less room. The hash
// is PostgreSQL's own hashtext() (Bob Jenkins' lookup3 over the UTF-8 bytes, as hash_bytes in
// src/common/hashfn.c computes it on a little-endian machine), so a migration can turn stored
// text tokens into the same numbers in SQL. Two tokens sharing a hash only make the index
// return a record the LIKE recheck then drops: a collision never changes a search's answer.

const utf8 = new TextEncoder();
const buf = new Uint8Array(1024);

const rot = (x: number, k: number) => (x << k) | (x >>> (32 - k));

/** hashtext(token) as PostgreSQL computes it for a text in a deterministic collation. */
export function tokenHash(token: string): number {
  let k: Uint8Array = buf;
  let len = 0;
  let ascii = true;
  for (let i = 0; i < token.length; i++) if (token.charCodeAt(i) > 0x7f) {
    ascii = false;
    break;
  }
  if (ascii && token.length <= buf.length) {
    for (let i = 0; i < token.length; i++) buf[i] = token.charCodeAt(i);
    len = token.length;
  } else {
    const r = utf8.encodeInto(token, buf);
    if (r.read! < token.length) k = utf8.encode(token);
    len = k === buf ? r.written! : k.length;
  }
  let a = (0x9e3779b9 + len + 3923095) | 0;
  let b = a;
  let c = a;
  let o = 0;
  let n = len;
  const word = (p: number) => k[p]! | (k[p + 1]! << 8) | (k[p + 2]! << 16) | (k[p + 3]! << 24);
  while (n >= 12) {
    a = (a + word(o)) | 0;
    b = (b + word(o + 4)) | 0;
    c = (c + word(o + 8)) | 0;
    a = (a - c) | 0; a ^= rot(c, 4); c = (c + b) | 0;
    b = (b - a) | 0; b ^= rot(a, 6); a = (a + c) | 0;
    c = (c - b) | 0; c ^= rot(b, 8); b = (b + a) | 0;
    a = (a - c) | 0; a ^= rot(c, 16); c = (c + b) | 0;
    b = (b - a) | 0; b ^= rot(a, 19); a = (a + c) | 0;
    c = (c - b) | 0; c ^= rot(b, 4); b = (b + a) | 0;
    o += 12;
    n -= 12;
  }
  /* eslint-disable no-fallthrough */
  switch (n) {
    case 11: c = (c + (k[o + 10]! << 24)) | 0;
    case 10: c = (c + (k[o + 9]! << 16)) | 0;
    case 9: c = (c + (k[o + 8]! << 8)) | 0;
    case 8: b = (b + (k[o + 7]! << 24)) | 0;
    case 7: b = (b + (k[o + 6]! << 16)) | 0;
    case 6: b = (b + (k[o + 5]! << 8)) | 0;
    case 5: b = (b + k[o + 4]!) | 0;
    case 4: a = (a + (k[o + 3]! << 24)) | 0;
    case 3: a = (a + (k[o + 2]! << 16)) | 0;
    case 2: a = (a + (k[o + 1]! << 8)) | 0;
    case 1: a = (a + k[o]!) | 0;
  }
  /* eslint-enable no-fallthrough */
  c ^= b; c = (c - rot(b, 14)) | 0;
  a ^= c; a = (a - rot(c, 11)) | 0;
  b ^= a; b = (b - rot(a, 25)) | 0;
  c ^= b; c = (c - rot(b, 16)) | 0;
  a ^= c; a = (a - rot(c, 4)) | 0;
  b ^= a; b = (b - rot(a, 14)) | 0;
  c ^= b; c = (c - rot(b, 24)) | 0;
  return c;
}

/** The distinct hashes of some tokens, as search_tokens stores them. */
export function tokenHashes(tokens: Iterable<string>): number[] {
  const out = new Set<number>();
  for (const t of tokens) out.add(tokenHash(t));
  return [...out];
}
