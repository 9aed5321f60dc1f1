// The one way the web app talks to the server: cookies for the session, the CSRF header
// on unsafe methods, and every error body turned into an ApiError the UI can map to fields.

import { canonicalApiPath } from '../../shared/resource-path.ts';
import type { z } from 'zod';
import type { FieldIssue as FieldIssueContract } from '../../shared/contracts/common.ts';

/** One bad field of a 400; every one carries a stable `code` (api/errors.ts translates it). */
export type FieldIssue = z.infer<typeof FieldIssueContract>;

export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: FieldIssue[];
  readonly raw: unknown;
  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.raw = details;
    this.details = Array.isArray(details)
      ? details.filter((d): d is FieldIssue => typeof d === 'object' && d !== null && 'field' in d && 'message' in d)
      : [];
  }
}

export const API_BASE = '/api/v1';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

type UnauthenticatedHandler = () => void;
let onUnauthenticated: UnauthenticatedHandler = () => {
  if (!location.pathname.startsWith('/login')) {
    const next = location.pathname + location.search;
    location.assign(`/login?next=${encodeURIComponent(next)}`);
  }
};
/** The app replaces the hard redirect with a router navigation once it is mounted. */
export function setUnauthenticatedHandler(fn: UnauthenticatedHandler): void {
  onUnauthenticated = fn;
}

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue | QueryValue[]>;

export function buildQuery(query?: Query): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    // Arrays repeat the key (several filters on one field); comma lists are joined by the caller.
    if (Array.isArray(v)) for (const x of v) { if (x !== undefined && x !== null) params.append(k, String(x)); }
    else params.append(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** Every call goes to the canonical path: `/${object}` of `price_books` is `/price-books` (shared/resource-path.ts). */
export function apiUrl(path: string, query?: Query): string {
  return `${API_BASE}${canonicalApiPath(path)}${buildQuery(query)}`;
}

export interface RequestOptions {
  method?: string;
  query?: Query;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Do not redirect to the login page on 401 (the login page itself, the "who am I" probe). */
  allow401?: boolean;
}

export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = (opts.method ?? 'GET').toUpperCase();
  const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) body = opts.body;
  else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (UNSAFE.has(method)) {
    const csrf = readCookie('gx_csrf');
    if (csrf) headers['x-csrf-token'] = csrf;
  }
  let res: Response;
  try {
    res = await fetch(apiUrl(path, opts.query), { method, headers, body, credentials: 'include', signal: opts.signal });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'network', (e as Error).message || 'Network error');
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let json: unknown = undefined;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  if (!res.ok) {
    const err = (json as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
    const apiError = new ApiError(res.status, err?.code ?? `http_${res.status}`, err?.message ?? res.statusText, err?.details);
    if (res.status === 401 && !opts.allow401) onUnauthenticated();
    throw apiError;
  }
  return json as T;
}

export const api = {
  get: <T>(path: string, query?: Query, opts: RequestOptions = {}) => request<T>(path, { ...opts, query }),
  post: <T>(path: string, body?: unknown, opts: RequestOptions = {}) => request<T>(path, { ...opts, method: 'POST', body }),
  patch: <T>(path: string, body?: unknown, opts: RequestOptions = {}) => request<T>(path, { ...opts, method: 'PATCH', body }),
  put: <T>(path: string, body?: unknown, opts: RequestOptions = {}) => request<T>(path, { ...opts, method: 'PUT', body }),
  del: <T = void>(path: string, opts: RequestOptions = {}) => request<T>(path, { ...opts, method: 'DELETE' }),
};

/** Starts a file download from an API URL (export, error report) using the session cookie. */
export function download(path: string, query?: Query): void {
  const a = document.createElement('a');
  a.href = apiUrl(path, query);
  a.rel = 'noopener';
  a.download = '';
  document.body.appendChild(a);
  a.click();
  a.remove();
}
