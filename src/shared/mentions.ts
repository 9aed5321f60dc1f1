// @mentions in long text (activities' body, tasks' description). The web's Mentions input
// writes a token naming the user by id, `@[Display Name](user:12)`: a plain "@name" cannot tell
// apart two people called 王伟, a token can. The name inside is only what the text shows; the
// id decides who is mentioned. Shared by the server (who to notify) and the web (display).

/** One token; the name may not contain `]` or a line break. */
const TOKEN = /@\[([^\]\r\n]{1,100})\]\(user:([1-9]\d{0,11})\)/g;

/** The token the web inserts for a user. */
export function mentionToken(name: string, userId: number): string {
  return `@[${name.replace(/[\]\r\n]/g, ' ').trim().slice(0, 100) || String(userId)}](user:${userId})`;
}

/** The ids of the users a text mentions, each once, in order of first mention. */
export function mentionedUserIds(text: unknown): number[] {
  if (typeof text !== 'string' || !text.includes('@[')) return [];
  const ids = new Set<number>();
  for (const m of text.matchAll(TOKEN)) ids.add(Number(m[2]));
  return [...ids];
}

/** The text split into plain parts and mentions, for display (`@Name`). */
export function splitMentions(text: string): ({ text: string } | { name: string; userId: number })[] {
  const out: ({ text: string } | { name: string; userId: number })[] = [];
  let at = 0;
  for (const m of text.matchAll(TOKEN)) {
    if (m.index > at) out.push({ text: text.slice(at, m.index) });
    out.push({ name: m[1]!, userId: Number(m[2]) });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

/** The text with each token shown as `@Name` (plain-text places: e-mail, timeline excerpts). */
export function plainMentions(text: string): string {
  return splitMentions(text).map((p) => ('text' in p ? p.text : `@${p.name}`)).join('');
}
