/**
 * Escapes a string for LIKE / ILIKE with the default escape character (backslash), so a `%`
 * or `_` typed by a user matches itself. The one copy: architecture.test.ts keeps it so.
 */
export function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
