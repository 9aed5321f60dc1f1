import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import {
  ApiOutlined, AuditOutlined, HomeOutlined, BranchesOutlined, CalendarOutlined, CloudUploadOutlined, FormOutlined, HistoryOutlined, InboxOutlined, MailOutlined, SafetyOutlined, SettingOutlined, TeamOutlined, ToolOutlined, UserOutlined,
} from '@ant-design/icons';
import type { Me } from '../api/types.ts';
import { MENU_GROUPS, type ObjectDescriptor } from '../../shared/objects.ts';
import { objectLabel } from '../fields/labels.ts';
import { ObjectIcon } from './objectIcons.tsx';
import { modulePages } from '../extensions/registry.ts';

type Item = Required<MenuProps>['items'][number];

/** The objects of one menu group, in their declared order. */
function inGroup(objects: ObjectDescriptor[], group: string): ObjectDescriptor[] {
  return objects.filter((o) => o.menu?.group === group).sort((a, b) => a.menu!.order - b.menu!.order || a.name.localeCompare(b.name));
}

/** The objects with a menu entry, in menu order (the first is the home page). */
export function menuObjects(objects: ObjectDescriptor[]): ObjectDescriptor[] {
  return MENU_GROUPS.flatMap((group) => inGroup(objects, group));
}

/** Every object, those of the menu first in menu order (settings pages list objects so). */
export function inMenuOrder(objects: ObjectDescriptor[]): ObjectDescriptor[] {
  return [...menuObjects(objects), ...objects.filter((o) => !o.menu)];
}

/** The record objects' entries, grouped and ordered as their descriptors say. */
function objectGroups(t: TFunction, objects: ObjectDescriptor[]): Item[] {
  return MENU_GROUPS.flatMap((group): Item[] => {
    const entries = inGroup(objects, group);
    if (!entries.length) return [];
    return [{
      type: 'group',
      key: `g-${group}`,
      label: t(`menu.${group}`),
      children: [
        ...entries.map((o) => ({ key: `/${o.name}`, icon: <ObjectIcon name={o.menu!.icon} />, label: objectLabel(t, o.name, true) })),
        ...pageEntries(t, group, false),
      ],
    }];
  });
}

/** Module pages (extensions/registry.ts) with a menu entry in `group`. */
function pageEntries(t: TFunction, group: string, admin: boolean): Item[] {
  return modulePages().filter((p) => p.menu?.group === group && (admin || !p.menu.admin))
    .map((p) => ({ key: `/${p.path}`, icon: p.menu!.icon, label: p.menu!.label(t) }));
}

/** The left menu: record objects from their descriptors, then the settings pages the user may use. */
export function menuItems(t: TFunction, me: Me | null | undefined, objects: ObjectDescriptor[]): Item[] {
  const admin = Boolean(me?.permissions?.can?.admin);
  const canImport = Boolean(me?.permissions?.can?.import) || admin;
  // Home first: everyone lands there after signing in.
  const items: Item[] = [{ key: '/', icon: <HomeOutlined />, label: t('menu.home') }, ...objectGroups(t, objects)];
  const settings: Item[] = [];
  if (admin) {
    settings.push(
      { key: '/settings/users', icon: <UserOutlined />, label: t('menu.users') },
      { key: '/settings/teams', icon: <TeamOutlined />, label: t('menu.teams') },
      { key: '/settings/assignment', icon: <BranchesOutlined />, label: t('menu.assignmentRules') },
      { key: '/settings/roles', icon: <SafetyOutlined />, label: t('menu.roles') },
      { key: '/settings/custom-fields', icon: <ToolOutlined />, label: t('menu.customFields') },
      { key: '/settings/organization', icon: <SettingOutlined />, label: t('menu.organization') },
      { key: '/settings/calendars', icon: <CalendarOutlined />, label: t('menu.calendars') },
      { key: '/settings/mail', icon: <MailOutlined />, label: t('menu.mail') },
      { key: '/settings/inbox', icon: <InboxOutlined />, label: t('menu.inbox') },
      { key: '/settings/web-forms', icon: <FormOutlined />, label: t('menu.webForms') },
    );
  }
  settings.push(...pageEntries(t, 'settings', admin));
  settings.push({ key: '/settings/api-keys', icon: <ApiOutlined />, label: t('menu.apiKeys') });
  if (admin) settings.push({ key: '/settings/audit-log', icon: <AuditOutlined />, label: t('menu.auditLog') });
  if (canImport) settings.push({ key: '/imports', icon: <CloudUploadOutlined />, label: t('menu.imports') });
  settings.push({ key: '/settings/login-history', icon: <HistoryOutlined />, label: t('menu.loginHistory') });
  items.push({ type: 'group', key: 'g-settings', label: t('menu.settings'), children: settings });
  return items;
}

/** The menu key for a path: the longest item key it starts with. */
export function selectedKey(pathname: string, items: Item[]): string {
  const keys = items.flatMap((i) => (i && 'children' in i && i.children ? i.children : [i])).map((i) => String(i?.key ?? ''));
  return keys.filter((k) => pathname === k || pathname.startsWith(`${k}/`)).sort((a, b) => b.length - a.length)[0] ?? '';
}
