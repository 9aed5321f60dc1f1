import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import {
  ApiOutlined, AuditOutlined, BankOutlined, CalendarOutlined, CheckSquareOutlined, CloudUploadOutlined, ContactsOutlined,
  HistoryOutlined, SafetyOutlined, SettingOutlined, TeamOutlined, ToolOutlined, UserOutlined,
} from '@ant-design/icons';
import type { Me } from '../api/types.ts';

type Item = Required<MenuProps>['items'][number];

/** The left menu, grouped by work. Only groups with pages exist; settings only for those who may use them. */
export function menuItems(t: TFunction, me: Me | null | undefined): Item[] {
  const admin = Boolean(me?.permissions?.can?.admin);
  const canImport = Boolean(me?.permissions?.can?.import) || admin;
  const items: Item[] = [
    {
      type: 'group',
      key: 'g-customers',
      label: t('menu.customers'),
      children: [
        { key: '/accounts', icon: <BankOutlined />, label: t('menu.accounts') },
        { key: '/contacts', icon: <ContactsOutlined />, label: t('menu.contacts') },
      ],
    },
    {
      type: 'group',
      key: 'g-work',
      label: t('menu.work'),
      children: [
        { key: '/activities', icon: <CalendarOutlined />, label: t('menu.activities') },
        { key: '/tasks', icon: <CheckSquareOutlined />, label: t('menu.tasks') },
      ],
    },
  ];
  const settings: Item[] = [];
  if (admin) {
    settings.push(
      { key: '/settings/users', icon: <UserOutlined />, label: t('menu.users') },
      { key: '/settings/teams', icon: <TeamOutlined />, label: t('menu.teams') },
      { key: '/settings/roles', icon: <SafetyOutlined />, label: t('menu.roles') },
      { key: '/settings/custom-fields', icon: <ToolOutlined />, label: t('menu.customFields') },
      { key: '/settings/organization', icon: <SettingOutlined />, label: t('menu.organization') },
    );
  }
  settings.push({ key: '/settings/api-keys', icon: <ApiOutlined />, label: t('menu.apiKeys') });
  if (admin) settings.push({ key: '/settings/audit-log', icon: <AuditOutlined />, label: t('menu.auditLog') });
  if (canImport) settings.push({ key: '/imports', icon: <CloudUploadOutlined />, label: t('menu.imports') });
  settings.push({ key: '/settings/login-history', icon: <HistoryOutlined />, label: t('menu.loginHistory') });
  items.push({ type: 'group', key: 'g-settings', label: t('menu.settings'), children: settings });
  return items;
}

/** The menu key for a path: the longest item key it starts with. */
export function selectedKey(pathname: string): string {
  const keys = ['/accounts', '/contacts', '/activities', '/tasks', '/imports', '/settings/users', '/settings/teams', '/settings/roles',
    '/settings/custom-fields', '/settings/organization', '/settings/api-keys', '/settings/audit-log', '/settings/login-history'];
  return keys.filter((k) => pathname === k || pathname.startsWith(`${k}/`)).sort((a, b) => b.length - a.length)[0] ?? '';
}
