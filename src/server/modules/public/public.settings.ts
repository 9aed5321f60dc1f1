// Settings of the public endpoints (settings row `public.endpoints`): the address the world
// reaches this server at (absolute links in e-mail: unsubscribe, tracking pixel, hosted forms)
// and the origins whose pages may call the public API from a browser (CORS). Administrators edit
// them on the Web forms page; `*` allows any origin only when an administrator put it there.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import type { Tx } from '../../records/types.ts';
import { writeAudit } from '../../core/audit.ts';
import { readPublicRow, writePublicRow } from './public.repo.ts';

/** An origin as browsers send it: scheme://host[:port], no path, lower case. */
export const Origin = z
  .string()
  .trim()
  .max(300)
  .transform((v, ctx) => {
    if (v === '*') return v;
    try {
      const u = new URL(v);
      if ((u.protocol === 'http:' || u.protocol === 'https:') && (u.pathname === '/' || u.pathname === '') && !u.search && !u.hash && !u.username) return u.origin;
    } catch {
      /* refused below */
    }
    ctx.addIssue({ code: 'custom', message: 'An origin is scheme://host[:port] (https://www.example.com) or *', params: { code: 'invalid_origin' } });
    return z.NEVER;
  });

const BaseUrl = z
  .string()
  .trim()
  .max(300)
  .transform((v, ctx) => {
    if (v === '') return v;
    try {
      const u = new URL(v);
      if ((u.protocol === 'http:' || u.protocol === 'https:') && !u.search && !u.hash && !u.username) return u.href.replace(/\/+$/, '');
    } catch {
      /* refused below */
    }
    ctx.addIssue({ code: 'custom', message: 'The public address is an http(s) URL (https://crm.example.com)', params: { code: 'invalid_url' } });
    return z.NEVER;
  });

export const PublicSettingsPatch = z.object({ base_url: BaseUrl, allowed_origins: z.array(Origin).max(100) }).partial().strict();
export interface PublicSettings {
  base_url: string;
  allowed_origins: string[];
}
const DEFAULTS: PublicSettings = { base_url: '', allowed_origins: [] };

// Read on every public request (CORS): cached per database handle for a few seconds.
const CACHE_MS = 5_000;
const cache = new WeakMap<object, { at: number; value: PublicSettings }>();

export async function getPublicSettings(db: Kysely<DB> | Tx): Promise<PublicSettings> {
  const hit = cache.get(db);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.value;
  const row = (await readPublicRow(db)) as Partial<PublicSettings> | null;
  const value = { ...DEFAULTS, ...(row ?? {}) };
  cache.set(db, { at: Date.now(), value });
  return value;
}

export async function updatePublicSettings(db: Kysely<DB>, actorId: number, patch: z.infer<typeof PublicSettingsPatch>): Promise<PublicSettings> {
  const before = await getPublicSettings(db);
  const next = { ...before, ...patch, allowed_origins: [...new Set(patch.allowed_origins ?? before.allowed_origins)] };
  await db.transaction().execute(async (trx) => {
    await writePublicRow(trx, next, actorId);
    await writeAudit(trx, { actorId, action: 'update', object: 'settings', recordId: null, changes: { 'public.endpoints': [before, next] } });
  });
  cache.delete(db);
  return next;
}
