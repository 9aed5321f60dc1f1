/**
 * `Content-Disposition: attachment` for a download (RFC 6266): an ASCII fallback for old clients
 * (anything else, quotes and backslashes become `_`) and the real name in UTF-8 as RFC 5987
 * `filename*`, so Chinese file names survive.
 */
export function attachmentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
