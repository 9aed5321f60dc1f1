export type ErrorCode =
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'idempotency_key_reused'
  | 'rate_limited'
  | 'payload_too_large'
  | 'internal'
  | 'unavailable';

export const STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  idempotency_key_reused: 422,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
};

export interface FieldIssue {
  field: string;
  /** English text for people and logs. */
  message: string;
  /** Stable code for clients to translate: required, unknown_field, system_field, invalid_email, … (web: api/errors.ts). */
  code: string;
}

/**
 * What an error adds to its message: the bad fields (each with a stable code), or facts about a
 * refusal (a conflict's `reason` code, the current record...). Clients translate by code, never by words.
 */
export type ErrorDetails = FieldIssue[] | ({ reason?: string; [key: string]: unknown } & { length?: never });

/** A domain error: services throw these; the HTTP layer maps the code to a status. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: ErrorDetails;
  constructor(code: ErrorCode, message: string, details?: ErrorDetails) {
    super(message);
    this.code = code;
    this.details = details;
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
export const forbidden = (message = 'You may not do this') => new AppError('forbidden', message);
export const invalid = (details: FieldIssue[], message = 'Some fields are not valid') =>
  new AppError('validation_failed', message, details);
