// The API names a multi-word resource with hyphens (`/custom-fields`, `/price-books`), while an
// object's name (tables, audit rows, descriptors, filters) keeps its underscores (`price_books`).
// Released underscore paths still answer (server: http/legacy-paths.ts); new calls use these.

/** The URL segment of an object or resource: `price_books` → `price-books`. */
export const resourcePath = (name: string): string => name.replaceAll('_', '-');

/**
 * An API path (after `/api/v1`) with its first segment in the canonical form:
 * `/price_books/3/entries` → `/price-books/3/entries`. The web client sends every call through it,
 * so code building `/${object}/…` from an object's name reaches the canonical route.
 */
export function canonicalApiPath(path: string): string {
  return path.replace(/^\/([a-z0-9_]+)(?=[/?#]|$)/, (_m, segment: string) => `/${resourcePath(segment)}`);
}
