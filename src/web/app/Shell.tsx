import { Suspense, useState } from 'react';
import { Avatar, Button, Card, Drawer, Dropdown, Layout, Menu, Modal, Skeleton, Space, Typography } from 'antd';
import {
  LogoutOutlined, MenuFoldOutlined, SettingOutlined, MenuOutlined, MenuUnfoldOutlined, PlusOutlined, SearchOutlined, UserOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { api } from '../api/client.ts';
import { useMe, useSettings } from '../api/hooks.ts';
import { useObjects } from '../api/objects.ts';
import { objectLabel } from '../fields/labels.ts';
import { useIsPhone } from '../lib/useIsPhone.ts';
import { RecordFormDrawer } from '../features/records/RecordFormDrawer.tsx';
import { GlobalSearch } from './GlobalSearch.tsx';
import { ShortcutsHelp } from './ShortcutsHelp.tsx';
import { roleLabel } from '../fields/roleLabel.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { Logo } from './Logo.tsx';
import { menuItems, selectedKey } from './nav.tsx';
import { TasksDue } from './TasksDue.tsx';
import { NotificationBell } from '../features/notifications/NotificationBell.tsx';

const COLLAPSED_KEY = 'gx_menu_collapsed';

export function Shell() {
  const { t } = useTranslation();
  const me = useMe().data;
  const orgName = useSettings().data?.organization_name;
  const qc = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const isPhone = useIsPhone();
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(COLLAPSED_KEY) === '1');
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [searchOpen, setSearchOpen] = useState(false);
  const [creating, setCreating] = useState<string | null>(null);

  const objectsQuery = useObjects();
  const objects = objectsQuery.data ?? [];
  const items = menuItems(t, me, objects);
  const selected = selectedKey(location.pathname, items);
  const go = ({ key }: { key: string }) => {
    setDrawerOpen(false);
    navigate(key);
  };
  const toggle = () => {
    setCollapsed((c) => {
      localStorage.setItem(COLLAPSED_KEY, c ? '0' : '1');
      return !c;
    });
  };
  const logout = async () => {
    await api.post('/auth/logout').catch(() => undefined);
    qc.clear();
    qc.setQueryData(['me'], null);
    navigate('/login', { replace: true });
  };

  // The menu is the page's navigation landmark, named so screen readers can jump to it.
  const menu = <nav aria-label={t('a11y.mainNav')}><Menu mode="inline" items={items} selectedKeys={[selected]} onClick={go} style={{ borderInlineEnd: 0 }} /></nav>;
  // "New" offers every object in the menu the user may create.
  const creatable = objects.filter((o) => o.menu && o.can.create);
  const creatingDescriptor = objects.find((o) => o.name === creating);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="gx-skip-link" href="#main">{t('a11y.skipToContent')}</a>
      {isPhone ? (
        <Drawer open={drawerOpen} onClose={() => setDrawerOpen(false)} placement="left" size={272} styles={{ body: { padding: 0 } }}
          title={<Space><Logo size={24} /><span>{t('a11y.brand')}</span></Space>}>
          {menu}
        </Drawer>
      ) : (
        <Layout.Sider
          collapsible
          collapsed={collapsed}
          trigger={null}
          width={224}
          collapsedWidth={64}
          theme="light"
          className="gx-sider"
        >
          <Link className="gx-brand" to="/" title={t('a11y.home')}>
            <Logo size={28} />
            {!collapsed ? (
              <span className="gx-brand-name">
                Guanxi <span className="gx-brand-cn">{t('a11y.brand').replace(/^Guanxi\s*/, '')}</span>
                {orgName ? <span className="gx-brand-org">{orgName}</span> : null}
              </span>
            ) : null}
          </Link>
          <div className="gx-sider-menu">{menu}</div>
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header className="gx-header">
          {isPhone ? (
            <Button type="text" icon={<MenuOutlined />} onClick={() => setDrawerOpen(true)} aria-label={t('menu.openMenu')} />
          ) : (
            <Button type="text" icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />} onClick={toggle}
              aria-label={collapsed ? t('menu.expand') : t('menu.collapse')} />
          )}
          {isPhone ? (
            <>
              <span style={{ flex: 1 }} />
              <Button type="text" icon={<SearchOutlined />} onClick={() => setSearchOpen(true)} aria-label={t('common.search')} />
            </>
          ) : (
            <div className="gx-header-search">
              <GlobalSearch />
            </div>
          )}
          <Space size={isPhone ? 0 : 4} className="gx-header-actions">
            {creatable.length ? (
              <Dropdown
                trigger={['click']}
                menu={{
                  items: creatable.map((o) => ({ key: o.name, label: objectLabel(t, o.name) })),
                  onClick: ({ key }) => setCreating(key),
                }}
              >
                <Button type="primary" icon={<PlusOutlined />} data-testid="new-menu">{isPhone ? null : t('topbar.new')}</Button>
              </Dropdown>
            ) : null}
            <NotificationBell />
            <TasksDue />
            <LanguageSwitch compact={isPhone} />
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  { key: 'who', disabled: true, label: (
                    <div>
                      <div><b>{me?.name}</b></div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{me?.email}</Typography.Text>
                      <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('topbar.role', { role: roleLabel(t, me?.role) })}</Typography.Text></div>
                    </div>
                  ) },
                  { type: 'divider' },
                  { key: 'my-settings', icon: <SettingOutlined />, label: t('mySettings.title') },
                  { key: 'logout', icon: <LogoutOutlined />, label: t('topbar.logout') },
                ],
                onClick: ({ key }) => {
                  if (key === 'logout') void logout();
                  if (key === 'my-settings') navigate('/me/settings');
                },
              }}
            >
              <Button type="text" className="gx-user-btn" data-testid="user-menu" title={t('topbar.signedInAs', { name: me?.name })}>
                <Avatar size="small" aria-hidden style={{ background: '#1f5fd1' }} icon={me?.name ? undefined : <UserOutlined />}>
                  {me?.name?.slice(0, 1).toUpperCase()}
                </Avatar>
                {!isPhone ? <span className="gx-user-name">{me?.name}</span> : null}
              </Button>
            </Dropdown>
          </Space>
        </Layout.Header>
        <Layout.Content className="gx-content" id="main" tabIndex={-1}>
          {/* Pages wait for the descriptors: routes, columns and the objects' labels come with them. */}
          {objectsQuery.isLoading ? (
            <Card variant="borderless"><Skeleton active paragraph={{ rows: 8 }} /></Card>
          ) : (
            <Suspense fallback={<Card variant="borderless"><Skeleton active paragraph={{ rows: 8 }} /></Card>}>
              <Outlet />
            </Suspense>
          )}
        </Layout.Content>
      </Layout>
      <Modal open={searchOpen} onCancel={() => setSearchOpen(false)} footer={null} title={t('common.search')} destroyOnHidden
        style={{ top: 12 }} width="calc(100vw - 24px)">
        <GlobalSearch autoFocus onDone={() => setSearchOpen(false)} />
      </Modal>
      <ShortcutsHelp />
      {creating ? <RecordFormDrawer
        object={creating}
        open
        onClose={() => setCreating(null)}
        onSaved={(rec, created) => {
          if (created && creatingDescriptor?.record_page) navigate(`/${creatingDescriptor.name}/${rec.id}`);
        }}
      /> : null}
    </Layout>
  );
}
