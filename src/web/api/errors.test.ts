import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import i18n from 'i18next';
import en from '../i18n/en.ts';
import zhCN from '../i18n/zh-CN.ts';
import { ApiError } from './client.ts';
import { errorText, localizeMessage, versionConflict } from './errors.ts';

await i18n.init({ lng: 'zh-CN', resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } } });
const t = i18n.t.bind(i18n) as TFunction;

describe('server errors in the user language', () => {
  it('translates a field error by its stable code, whatever the server wording', () => {
    expect(localizeMessage(t, 'Some new wording', 'invalid_email')).toBe(zhCN.serverErrors.email);
    expect(localizeMessage(t, 'Whatever', 'required')).toBe(zhCN.serverErrors.required);
  });
  it('falls back to the words, then to the message itself', () => {
    expect(localizeMessage(t, 'This field is required')).toBe(zhCN.serverErrors.required);
    expect(localizeMessage(t, 'Cannot sort by foo', 'unknown_code')).toBe('Cannot sort by foo');
  });
  it('lists each bad field of a validation error', () => {
    const e = new ApiError(400, 'validation_failed', 'Invalid', [{ field: 'email', message: 'x', code: 'invalid_email' }]);
    expect(errorText(t, e)).toBe(`${zhCN.serverErrors.validation_failed} email: ${zhCN.serverErrors.email}`);
  });
  it('translates the password policy, the last-administrator refusal and a database outage', async () => {
    const { PASSWORD_MESSAGES } = await import('../../server/core/password-policy.ts');
    expect(localizeMessage(t, PASSWORD_MESSAGES.short, 'too_small')).toBe(zhCN.serverErrors.minPassword);
    expect(localizeMessage(t, PASSWORD_MESSAGES.common, 'weak_password')).toBe(zhCN.serverErrors.commonPassword);
    expect(localizeMessage(t, PASSWORD_MESSAGES.email, 'weak_password')).toBe(zhCN.serverErrors.passwordIsEmail);
    const lastAdmin = new ApiError(409, 'conflict', 'This would leave no active administrator: make another user an administrator first', []);
    expect(errorText(t, lastAdmin)).toBe(`${zhCN.serverErrors.conflict} ${zhCN.serverErrors.lastAdmin}`);
    expect(errorText(t, new ApiError(503, 'unavailable', 'The database is not reachable right now; try again shortly', []))).toBe(zhCN.serverErrors.unavailable);
  });
});

describe('version conflicts', () => {
  it('reads the current record and who changed it from a 409', () => {
    const current = { id: 7, version: 3, name: 'X' };
    const e = new ApiError(409, 'conflict', 'changed', { reason: 'version_mismatch', expected: 2, current, changed_by: { id: 1, name: 'Li' }, changed_at: '2026-01-01T00:00:00Z' });
    expect(versionConflict(e)).toEqual({ current, changedBy: 'Li', changedAt: '2026-01-01T00:00:00Z' });
    expect(versionConflict(new ApiError(409, 'conflict', 'unique', { constraint: 'x' }))).toBeNull();
    expect(versionConflict(new Error('x'))).toBeNull();
  });
});
