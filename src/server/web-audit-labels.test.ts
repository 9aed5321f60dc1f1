import { describe, expect, it } from 'vitest';
import i18next, { type TFunction } from 'i18next';
import en from '../web/i18n/en.ts';
import zhCN from '../web/i18n/zh-CN.ts';
import zhTW from '../web/i18n/zh-TW.ts';
import { permissionChanges, permissionValue, settingsFieldLabel, settingsValue } from '../web/features/admin/auditSettings.ts';
import { TeamBody, UserPatch } from './modules/users/users-admin.service.ts';
import { SettingsPatch } from './modules/settings/settings.service.ts';

// The audit log of users, teams, roles and settings reads in the user's language: every key the
// server writes into those entries has a label in all three, never the raw English key.
async function tFor(lng: string): Promise<TFunction> {
  const i = i18next.createInstance();
  await i.init({ lng, resources: { en: { translation: en }, 'zh-CN': { translation: zhCN }, 'zh-TW': { translation: zhTW } }, interpolation: { escapeValue: false } });
  return i.t;
}

const AUDITED = [
  ...Object.keys(UserPatch.shape), ...Object.keys(TeamBody.shape), ...Object.keys(SettingsPatch.shape),
  'email', 'fields', 'via', 'api_keys_revoked', 'prefix', 'type', 'pattern', 'visibility', 'field_rules', 'can', 'objects',
];
const names = { users: new Map([[7, '王经理']]), teams: new Map([[3, '华东团队']]), languages: new Map([['zh-TW', '繁體中文']]) };

describe('audit labels of users, teams, roles and settings', () => {
  it('labels every audited key in Chinese, Simplified and Traditional', async () => {
    const cn = await tFor('zh-CN');
    const tw = await tFor('zh-TW');
    const en = await tFor('en');
    for (const key of AUDITED) {
      expect(settingsFieldLabel(cn, key), key).toMatch(/\p{Script=Han}/u);
      expect(settingsFieldLabel(tw, key), key).toMatch(/\p{Script=Han}/u);
      expect(settingsFieldLabel(en, key), key).not.toContain('_');
    }
    expect(settingsFieldLabel(tw, 'phone_region')).toBe('預設電話地區');
    expect(settingsFieldLabel(cn, 'team_id')).toBe('团队');
  });

  it('reads values as people say them: role names, teams, managers, languages, yes/no, changed fields', async () => {
    const tw = await tFor('zh-TW');
    expect(settingsValue(tw, 'role', 'sales', names)).toBe(zhTW.roleNames.sales);
    expect(settingsValue(tw, 'team_id', 3, names)).toBe('华东团队');
    expect(settingsValue(tw, 'manager_id', 7, names)).toBe('王经理');
    expect(settingsValue(tw, 'locale', 'zh-TW', names)).toBe('繁體中文');
    expect(settingsValue(tw, 'active', false, names)).toBe(zhTW.common.no);
    expect(settingsValue(tw, 'fields', ['name', 'password'], names)).toBe('名稱, 密碼');
    expect(settingsValue(tw, 'via', 'password_reset', names)).toBe('透過電子郵件重設密碼');
    // Nothing special: the caller shows the value as stored.
    expect(settingsValue(tw, 'currency', 'TWD', names)).toBeNull();
  });

  it('turns a role update into the permissions that changed, leaf by leaf', async () => {
    const before = { visibility: { '*': 'own' }, field_rules: { contacts: { phone: 'hidden' } }, can: { write: true } };
    const after = { visibility: { '*': 'team' }, field_rules: { contacts: { email: 'read' } }, can: { write: true, export: true } };
    expect(permissionChanges(before, after)).toEqual([
      { path: ['can', 'export'], before: null, after: true },
      { path: ['field_rules', 'contacts', 'email'], before: null, after: 'read' },
      { path: ['field_rules', 'contacts', 'phone'], before: 'hidden', after: null },
      { path: ['visibility', '*'], before: 'own', after: 'team' },
    ]);
    const cn = await tFor('zh-CN');
    expect(permissionValue(cn, 'hidden')).toBe('隐藏');
    expect(permissionValue(cn, 'team')).toBe('本团队记录');
    expect(permissionValue(cn, null)).toBe('∅');
  });
});
