import { useState } from 'react';
import { App, Button, Card, Col, Empty, Form, Input, Modal, Row, Select, Space, Switch, Table, Tabs, Tag } from 'antd';
import { DeleteOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { keys } from '../../api/keys.ts';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.ts';
import { errorText, localizeMessage } from '../../api/errors.ts';
import type { CustomField, Page } from '../../api/types.ts';
import { objectLabel } from '../../fields/labels.ts';
import { useObjects } from '../../api/objects.ts';
import { inMenuOrder } from '../../app/nav.tsx';
import { currentLocale } from '../../i18n/index.ts';
import { CUSTOM_FIELD_TYPES, SEARCHABLE_FIELD_TYPES } from '../../../shared/fields.ts';
import { AdminPage } from './common.tsx';
import { RowOpen } from '../../components/RowOpen.tsx';


interface OptionRow {
  value: string;
  en?: string;
  zhCN?: string;
  zhTW?: string;
}
interface Values {
  key?: string;
  type: string;
  labelEn: string;
  labelZhCN?: string;
  labelZhTW?: string;
  required?: boolean;
  searchable?: boolean;
  link?: string;
  options?: OptionRow[];
}

function toBody(v: Values, creating: boolean, object: string) {
  const labels: Record<string, string> = { en: v.labelEn };
  if (v.labelZhCN) labels['zh-CN'] = v.labelZhCN;
  if (v.labelZhTW) labels['zh-TW'] = v.labelZhTW;
  const options = v.type === 'select' || v.type === 'multiselect'
    ? (v.options ?? []).filter((o) => o.value?.trim()).map((o) => {
      const l: Record<string, string> = {};
      if (o.en) l.en = o.en;
      if (o.zhCN) l['zh-CN'] = o.zhCN;
      if (o.zhTW) l['zh-TW'] = o.zhTW;
      return { value: o.value.trim(), label: o.en || o.value.trim(), labels: l };
    })
    : undefined;
  return {
    ...(creating ? { object, key: v.key, type: v.type, ...(v.type === 'link' ? { link: v.link } : {}) } : {}),
    label: v.labelEn,
    labels,
    required: Boolean(v.required),
    ...(SEARCHABLE_FIELD_TYPES.includes(v.type as never) ? { searchable: Boolean(v.searchable) } : {}),
    ...(options ? { options } : {}),
  };
}

/** Admins add fields to any object; they appear in lists, filters, forms, records and imports. */
export function CustomFieldsPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const descriptors = inMenuOrder(useObjects().data ?? []);
  const [chosen, setObject] = useState<string | null>(null);
  // The Shell renders pages once the descriptors are in: the first object is known here.
  const object = chosen ?? descriptors[0]?.name ?? '';
  // The searchable switch only for objects in search (the server refuses it elsewhere).
  const searched = Boolean(descriptors.find((d) => d.name === object)?.features.search);
  const [editing, setEditing] = useState<CustomField | 'new' | null>(null);
  const [form] = Form.useForm<Values>();
  const type = Form.useWatch('type', form);
  const list = useQuery({ queryKey: ['custom-fields', object], enabled: Boolean(object), queryFn: async () => (await api.get<Page<CustomField>>('/custom-fields', { object })).data });

  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['custom-fields', object] });
    void qc.invalidateQueries({ queryKey: keys.meta(object) });
  };
  const save = useMutation({
    mutationFn: async (v: Values) =>
      editing === 'new' ? api.post('/custom-fields', toBody(v, true, object)) : api.patch(`/custom-fields/${(editing as CustomField).id}`, toBody(v, false, object)),
    onSuccess: () => {
      message.success(editing === 'new' ? t('admin.customFields.created') : t('admin.customFields.updated'));
      setEditing(null);
      refresh();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.details.length) {
        form.setFields(e.details.map((d) => ({ name: (d.field === 'label' ? 'labelEn' : d.field) as keyof Values, errors: [localizeMessage(t, d.message, d.code)] })));
      }
      message.error(errorText(t, e));
    },
  });
  const remove = useMutation({
    mutationFn: (f: CustomField) => api.del(`/custom-fields/${f.id}`),
    onSuccess: () => {
      message.success(t('admin.customFields.deleted'));
      refresh();
    },
    onError: (e) => message.error(errorText(t, e)),
  });

  const open = (f: CustomField | 'new') => {
    form.resetFields();
    if (f === 'new') form.setFieldsValue({ type: 'text', required: false, options: [] });
    else {
      form.setFieldsValue({
        key: f.key,
        type: f.type,
        labelEn: f.labels?.en || f.label,
        labelZhCN: f.labels?.['zh-CN'],
        labelZhTW: f.labels?.['zh-TW'],
        required: f.required,
        searchable: Boolean(f.searchable),
        link: f.link ?? undefined,
        options: (f.options ?? []).map((o) => ({ value: o.value, en: o.labels?.en ?? o.label, zhCN: o.labels?.['zh-CN'], zhTW: o.labels?.['zh-TW'] })),
      });
    }
    setEditing(f);
  };
  const label = (f: CustomField) => f.labels?.[currentLocale()] || f.label;

  return (
    <AdminPage title={t('admin.customFields.title')} actions={<Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} data-testid="new-custom-field">{t('admin.customFields.new')}</Button>}>
      <Tabs activeKey={object} onChange={setObject} items={descriptors.map((d) => ({ key: d.name, label: objectLabel(t, d.name, true) }))} />
      <Card variant="borderless" styles={{ body: { padding: 0 } }}>
        <Table<CustomField>
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('admin.customFields.empty', { objects: objectLabel(t, object, true).toLowerCase() })} /> }}
          onRow={(f) => ({ onClick: (e) => { if (!(e.target as HTMLElement).closest('button')) open(f); }, className: 'gx-row' })}
          columns={[
            { key: 'label', title: t('admin.customFields.label'), render: (_, f) => <RowOpen onOpen={() => open(f)}>{label(f)}</RowOpen>, width: 200 },
            { key: 'key', title: t('admin.customFields.key'), dataIndex: 'key', width: 180, render: (k: string) => <code>{k}</code> },
            { key: 'type', title: t('admin.customFields.type'), width: 140, render: (_, f) => t(`fieldTypes.${f.type}`, { defaultValue: f.type }) },
            { key: 'options', title: t('admin.customFields.options'), render: (_, f) => (f.options ?? []).slice(0, 6).map((o) => <Tag key={o.value}>{o.labels?.[currentLocale()] || o.label || o.value}</Tag>) },
            { key: 'required', title: t('admin.customFields.required'), width: 90, render: (_, f) => (f.required ? t('common.yes') : t('common.no')) },
            {
              key: 'actions', width: 60, render: (_, f) => (
                <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')}
                  onClick={() => modal.confirm({
                    title: t('admin.customFields.confirmDelete', { label: label(f) }),
                    content: t('admin.customFields.confirmDeleteText'),
                    okButtonProps: { danger: true },
                    okText: t('common.delete'),
                    onOk: () => remove.mutateAsync(f),
                  })} />
              ),
            },
          ]}
        />
      </Card>
      <Modal open={editing !== null} title={editing === 'new' ? t('admin.customFields.new') : t('admin.customFields.edit')} onCancel={() => setEditing(null)}
        onOk={() => form.submit()} confirmLoading={save.isPending} okText={t('common.save')} width={680} forceRender>
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} name="custom-field">
          <Row gutter={12}>
            <Col xs={24} sm={12}>
              <Form.Item name="key" label={t('admin.customFields.key')} extra={editing === 'new' ? t('admin.customFields.keyHelp') : undefined}
                rules={[{ required: true, pattern: /^(cf_)?[a-z][a-z0-9_]{0,40}$/, message: t('admin.customFields.keyInvalid') }]}>
                <Input disabled={editing !== 'new'} placeholder="vip_level" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="type" label={t('admin.customFields.type')} rules={[{ required: true }]}>
                <Select disabled={editing !== 'new'} options={CUSTOM_FIELD_TYPES.map((x) => ({ value: x, label: t(`fieldTypes.${x}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item name="labelEn" label={t('admin.customFields.labelEn')} rules={[{ required: true, whitespace: true, message: t('form.required', { field: t('admin.customFields.labelEn') }) }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item name="labelZhCN" label={t('admin.customFields.labelZhCN')}><Input lang="zh-CN" /></Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item name="labelZhTW" label={t('admin.customFields.labelZhTW')}><Input lang="zh-TW" /></Form.Item>
            </Col>
            {type === 'link' ? (
              <Col xs={24} sm={12}>
                <Form.Item name="link" label={t('admin.customFields.link')} rules={[{ required: true }]}>
                  <Select disabled={editing !== 'new'} options={descriptors.map((d) => ({ value: d.name, label: objectLabel(t, d.name, true) }))} />
                </Form.Item>
              </Col>
            ) : null}
            <Col xs={24} sm={12}>
              <Form.Item name="required" label={t('admin.customFields.required')} valuePropName="checked"><Switch /></Form.Item>
            </Col>
            {searched && SEARCHABLE_FIELD_TYPES.includes(type as never) ? (
              <Col xs={24} sm={12}>
                <Form.Item name="searchable" label={t('admin.customFields.searchable')} extra={t('admin.customFields.searchableHelp')} valuePropName="checked"><Switch /></Form.Item>
              </Col>
            ) : null}
          </Row>
          {type === 'select' || type === 'multiselect' ? (
            <Form.List name="options" rules={[{ validator: async (_r, v) => ((v ?? []).length ? undefined : Promise.reject(new Error(t('admin.customFields.optionsRequired')))) }]}>
              {(items, { add, remove: rm }, { errors }) => (
                <div>
                  <div style={{ marginBottom: 8, fontWeight: 500 }}>{t('admin.customFields.options')}</div>
                  {items.map((item) => (
                    <Space key={item.key} align="baseline" wrap style={{ display: 'flex', marginBottom: 4 }}>
                      <Form.Item name={[item.name, 'value']} rules={[{ required: true, message: t('common.required') }]} style={{ marginBottom: 4 }}>
                        <Input placeholder={t('admin.customFields.optionValue')} style={{ width: 130 }} />
                      </Form.Item>
                      <Form.Item name={[item.name, 'en']} style={{ marginBottom: 4 }}><Input placeholder="English" style={{ width: 130 }} /></Form.Item>
                      <Form.Item name={[item.name, 'zhCN']} style={{ marginBottom: 4 }}><Input placeholder="简体中文" style={{ width: 110 }} /></Form.Item>
                      <Form.Item name={[item.name, 'zhTW']} style={{ marginBottom: 4 }}><Input placeholder="繁體中文" style={{ width: 110 }} /></Form.Item>
                      <Button type="text" size="small" icon={<MinusCircleOutlined />} onClick={() => rm(item.name)} aria-label={t('common.remove')} />
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ value: '' })}>{t('admin.customFields.addOption')}</Button>
                  <Form.ErrorList errors={errors} />
                </div>
              )}
            </Form.List>
          ) : null}
        </Form>
      </Modal>
    </AdminPage>
  );
}
