import type { FastifyReply } from 'fastify';

// How long browsers keep the web app's files. Vite names every built asset after its content
// (assets/index-DRNXEncd.js), so those never change under their name: cached for a year without
// asking again. Everything else (index.html, which names the current assets) is revalidated on
// each load, so a new version shows at the next page load.
const HASHED = /\/assets\/[^/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

export function webCacheHeaders(reply: FastifyReply, file: string): void {
  const name = file.replace(/\.(br|gz)$/, '').replaceAll('\\', '/');
  reply.header('cache-control', HASHED.test(name) ? 'public, max-age=31536000, immutable' : 'no-cache');
}
