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
  it('shows the server words for an unknown code, and never reads the words to guess one', () => {
    expect(localizeMessage(t, 'Cannot sort by foo', 'unknown_code')).toBe('Cannot sort by foo');
    expect(localizeMessage(t, 'This field is required')).toBe('This field is required');
    expect(localizeMessage(t, 'This field is required', 'not_sortable')).toBe('This field is required');
  });
  it('lists each bad field of a validation error', () => {
    const e = new ApiError(400, 'validation_failed', 'Invalid', [{ field: 'email', message: 'x', code: 'invalid_email' }]);
    expect(errorText(t, e)).toBe(`${zhCN.serverErrors.validation_failed} email: ${zhCN.serverErrors.email}`);
  });
  it('translates the password policy, the last-administrator refusal and a database outage by code', async () => {
    const { PASSWORD_CODES, PASSWORD_MESSAGES } = await import('../../shared/password-policy.ts');
    expect(localizeMessage(t, PASSWORD_MESSAGES.short, PASSWORD_CODES.short)).toBe(zhCN.serverErrors.minPassword);
    expect(localizeMessage(t, PASSWORD_MESSAGES.common, PASSWORD_CODES.common)).toBe(zhCN.serverErrors.commonPassword);
    expect(localizeMessage(t, PASSWORD_MESSAGES.email, PASSWORD_CODES.email)).toBe(zhCN.serverErrors.passwordIsEmail);
    expect(localizeMessage(t, 'Wrong password', 'wrong_password')).toBe(zhCN.serverErrors.wrongPassword);
    expect(localizeMessage(t, 'Link it', 'link_required')).toBe(zhCN.serverErrors.linkActivity);
    const lastAdmin = new ApiError(409, 'conflict', 'Any wording', { reason: 'last_admin' });
    expect(errorText(t, lastAdmin)).toBe(`${zhCN.serverErrors.conflict} ${zhCN.serverErrors.lastAdmin}`);
    // Without a reason code the server's words are shown as they are.
    const unknown = new ApiError(409, 'conflict', 'This would leave no active administrator', []);
    expect(errorText(t, unknown)).toBe(`${zhCN.serverErrors.conflict} This would leave no active administrator`);
    expect(errorText(t, new ApiError(503, 'unavailable', 'The database is not reachable right now; try again shortly', []))).toBe(zhCN.serverErrors.unavailable);
  });
  it('translates the codes forms meet, and every locale has every server error text', async () => {
    const zhTW = (await import('../i18n/zh-TW.ts')).default;
    for (const code of ['required', 'too_small', 'invalid_type', 'password_too_short', 'wrong_password', 'already_used']) {
      expect(localizeMessage(t, 'fallback', code)).not.toBe('fallback');
    }
    expect(Object.keys(zhTW.serverErrors)).toEqual(expect.arrayContaining(Object.keys(en.serverErrors)));
    expect(Object.keys(zhCN.serverErrors)).toEqual(expect.arrayContaining(Object.keys(en.serverErrors)));
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

describe("a module's own error codes", () => {
  it('read in the user language on generic pages once the module registers where its words are', async () => {
    const { registerErrorMessages } = await import('../extensions/registry.ts');
    const e = new ApiError(422, 'end_before_start', 'The contract cannot end before it starts', [{ field: 'end_date', message: 'Before the start date', code: 'end_before_start' }]);
    expect(localizeMessage(t, 'Before the start date', 'end_before_start')).toBe('Before the start date');
    registerErrorMessages('contracts.errors');
    expect(localizeMessage(t, 'Before the start date', 'end_before_start')).toBe(zhCN.contracts.errors.end_before_start);
    expect(errorText(t, e)).toContain(zhCN.contracts.errors.end_before_start);
    expect(errorText(t, e)).not.toContain('cannot end');
  });
});

describe('a refusal by role', () => {
  it('says what may not be done and where, in the user language and without the server English', () => {
    // Object labels arrive with the descriptors (api/objects.ts adds them to the bundles).
    i18n.addResourceBundle('zh-CN', 'translation', { objects: { accounts: { one: '客户公司', other: '客户公司' } } }, true, false);
    const e = new ApiError(403, 'forbidden', 'Your role may not delete accounts', { reason: 'not_allowed', action: 'delete', object: 'accounts' } as never);
    const text = errorText(t, e);
    expect(text).toContain(zhCN.admin.roles.actions.delete);
    expect(text).toContain('客户公司');
    expect(text).not.toMatch(/[A-Za-z]/);
    const capability = new ApiError(403, 'forbidden', 'Your role may not export', { reason: 'not_allowed', action: 'export' } as never);
    expect(errorText(t, capability)).toContain(zhCN.admin.roles.can.export);
    expect(errorText(t, new ApiError(403, 'forbidden', 'Only a manager may release holds'))).toBe(zhCN.serverErrors.forbidden);
  });
});
