import { describe, expect, it } from 'vitest';
import i18next, { type TFunction } from 'i18next';
import zhCN from '../../i18n/zh-CN.ts';
import { rowReason, warningReason } from './reasons.ts';

describe('import reasons in the user\'s language', async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { 'zh-CN': { translation: zhCN } }, lng: 'zh-CN' });
  const t = i18n.t.bind(i18n) as TFunction;
  const label = (k: string) => ({ name: '姓名', email: '邮箱' })[k] ?? k;

  it('words a rejected row by its issues\' codes, with field labels', () => {
    const row = { line: 4, reason: 'name: This field is required; email: Not a valid email address', issues: [
      { field: 'name', code: 'required', message: 'This field is required' },
      { field: 'email', code: 'invalid_email', message: 'Not a valid email address' },
    ] };
    expect(rowReason(t, label, row)).toBe(`姓名: ${t('serverErrors.required')}; 邮箱: ${t('serverErrors.email')}`);
    expect(rowReason(t, label, row)).not.toContain('required');
    // Older rows (no issues) and unknown codes keep the server's words.
    expect(rowReason(t, label, { line: 5, reason: 'The matching record was deleted' })).toBe('The matching record was deleted');
    expect(rowReason(t, label, { line: 6, reason: 'x', issues: [{ field: 'name', code: 'brand_new_code', message: 'Something new' }] })).toBe('姓名: Something new');
  });

  it('keeps the value a dropped cell had', () => {
    expect(warningReason(t, { line: 3, field: 'email', reason: 'Not a valid email address (not-an-email)', code: 'invalid_email' }))
      .toBe(`${t('serverErrors.email')} (not-an-email)`);
    expect(warningReason(t, { line: 3, field: 'email', reason: 'Odd (x)', code: null })).toBe('Odd (x)');
  });
});
