import { useState } from 'react';
import { App, Button, Checkbox, Dropdown, Form, Input, Modal, Space, Tabs, Tag } from 'antd';
import { DownOutlined, SaveOutlined, ShareAltOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SavedView } from '../../api/types.ts';

export interface ViewTab {
  key: string;
  name: string;
  view?: SavedView;
}

interface Props {
  tabs: ViewTab[];
  active: string;
  onActive: (key: string) => void;
  dirty: boolean;
  onSaveNew: (name: string, shared: boolean) => Promise<void>;
  onSaveChanges: () => Promise<void>;
  onDiscard: () => void;
  onRename: (view: SavedView, name: string, shared: boolean) => Promise<void>;
  onDelete: (view: SavedView) => Promise<void>;
}

/** Saved views as tabs, with save/rename/share/delete. */
export function ViewTabs({ tabs, active, onActive, dirty, onSaveNew, onSaveChanges, onDiscard, onRename, onDelete }: Props) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [naming, setNaming] = useState<{ mode: 'new' | 'rename'; view?: SavedView } | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ name: string; shared: boolean }>();
  const activeTab = tabs.find((x) => x.key === active);
  const mineActive = activeTab?.view?.mine !== false && Boolean(activeTab?.view);

  const submitName = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      if (naming?.mode === 'rename' && naming.view) await onRename(naming.view, v.name, v.shared);
      else await onSaveNew(v.name, v.shared);
      setNaming(null);
    } finally {
      setBusy(false);
    }
  };

  // The active view's own menu (rename, delete): a real button beside the tabs, not an icon inside
  // one (an icon is not focusable, and a button inside a tab would nest interactive controls).
  const viewMenu = activeTab?.view && mineActive ? (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'rename', label: t('views.rename') },
          { key: 'delete', danger: true, label: t('views.delete') },
        ],
        onClick: ({ key }) => {
          const view = activeTab.view!;
          if (key === 'rename') {
            form.setFieldsValue({ name: view.name, shared: Boolean(view.shared) });
            setNaming({ mode: 'rename', view });
          } else {
            modal.confirm({
              title: t('views.confirmDelete', { name: view.name }),
              okButtonProps: { danger: true },
              okText: t('common.delete'),
              onOk: () => onDelete(view),
            });
          }
        },
      }}
    >
      <Button size="small" icon={<DownOutlined />} aria-label={t('links.viewMenu', { name: activeTab.name })} data-testid="view-menu" />
    </Dropdown>
  ) : null;

  const items = tabs.map((tab) => ({
    key: tab.key,
    label: (
      <span data-testid={`view-tab-${tab.key}`}>
        {tab.view?.shared ? <ShareAltOutlined style={{ marginInlineEnd: 4 }} /> : null}
        {tab.name}
        {tab.key === active && dirty ? <Tag color="orange" style={{ marginInlineStart: 6, marginInlineEnd: 0 }}>{t('views.modified')}</Tag> : null}
      </span>
    ),
  }));

  return (
    <>
      <Tabs
        className="gx-view-tabs"
        activeKey={active}
        onChange={onActive}
        items={items}
        tabBarExtraContent={
          <Space size={4}>
            {viewMenu}
            {dirty ? <Button size="small" type="link" onClick={onDiscard}>{t('views.discard')}</Button> : null}
            {dirty && mineActive ? (
              <Button size="small" icon={<SaveOutlined />} onClick={() => void onSaveChanges()}>{t('views.saveChanges')}</Button>
            ) : null}
            <Button
              size="small"
              type={dirty ? 'primary' : 'default'}
              icon={<SaveOutlined />}
              onClick={() => {
                form.setFieldsValue({ name: '', shared: false });
                setNaming({ mode: 'new' });
              }}
              data-testid="save-view"
            >
              {t('views.saveAs')}
            </Button>
          </Space>
        }
      />
      <Modal
        open={naming !== null}
        title={naming?.mode === 'rename' ? t('views.rename') : t('views.saveAs')}
        onCancel={() => setNaming(null)}
        onOk={() => void submitName()}
        confirmLoading={busy}
        okText={t('common.save')}
        forceRender
      >
        <Form form={form} layout="vertical">
          <Form.Item name="name" label={t('views.name')} rules={[{ required: true, whitespace: true, message: t('form.required', { field: t('views.name') }) }]}>
            <Input autoFocus maxLength={100} onPressEnter={() => void submitName()} />
          </Form.Item>
          <Form.Item name="shared" valuePropName="checked">
            <Checkbox>{t('views.shared')}</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
