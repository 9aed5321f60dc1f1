import { describe, expect, it } from 'vitest';
import i18next, { type TFunction } from 'i18next';
import zhCN from '../i18n/zh-CN.ts';
import zhTW from '../i18n/zh-TW.ts';
import { roleLabel } from './roleLabel.ts';

describe('role names', () => {
  it('shows a built-in role in the user\'s language until it is renamed', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { 'zh-CN': { translation: zhCN }, 'zh-TW': { translation: zhTW } }, lng: 'zh-CN' });
    const t = i18n.t.bind(i18n) as TFunction;
    expect(roleLabel(t, 'sales')).toBe('销售代表');
    expect(roleLabel(t, 'sales', 'Sales rep')).toBe('销售代表');
    expect(roleLabel(t, 'sales', '华北大客户组')).toBe('华北大客户组');
    expect(roleLabel(t, 'auditor', 'Auditor')).toBe('Auditor');
    expect(roleLabel(t, 'auditor')).toBe('auditor');
    await i18n.changeLanguage('zh-TW');
    expect(roleLabel(i18n.t.bind(i18n) as TFunction, 'manager', 'Sales manager')).toBe('業務經理');
  });
});
