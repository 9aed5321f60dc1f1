import { useEffect, useState } from 'react';
import { App, Button, Card, Checkbox, Drawer, Form, Input, Popconfirm, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';
import { useAllUsers, useMe } from '../../api/hooks.ts';
import { useMeta } from '../../api/objects.ts';
import type { FormSubmission, One, PublicSettings, WebForm, WebFormInput } from '../../api/types.ts';
import { fieldLabel } from '../../fields/labels.ts';
import { AdminPage, useCursorList } from './common.tsx';

const LOCALES = ['en', 'zh-CN', 'zh-TW'] as const;
/** Contact field types a public form can ask for (the server checks the same). */
const FORM_TYPES = new Set(['text', 'longtext', 'email', 'phone', 'url', 'number', 'date', 'boolean', 'select', 'multiselect', 'tags']);
const COMPANY = 'company';

/** The address the world reaches this server at, and the sites allowed to embed forms. */
function PublicSettingsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<PublicSettings>();
  const settings = useQuery({ queryKey: ['public-settings'], queryFn: async () => (await api.get<One<PublicSettings>>('/public-settings')).data });
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);
  const save = useMutation({
    mutationFn: async (v: PublicSettings) => (await api.patch<One<PublicSettings>>('/public-settings', v)).data,
    onSuccess: (data) => {
      message.success(t('common.saved'));
      qc.setQueryData(['public-settings'], data);
      void qc.invalidateQueries({ queryKey: ['web-forms'] });
    },
    onError: (e) => message.error(errorText(t, e)),
  });
  return (
    <Card variant="borderless" title={t('admin.forms.publicTitle')} style={{ maxWidth: 880, marginBottom: 16 }}>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} disabled={settings.isLoading}>
        <Form.Item name="base_url" label={t('admin.forms.baseUrl')} extra={t('admin.forms.baseUrlHelp')}>
          <Input placeholder="https://crm.example.com" style={{ maxWidth: 420 }} />
        </Form.Item>
        <Form.Item name="allowed_origins" label={t('admin.forms.origins')} extra={t('admin.forms.originsHelp')}>
          <Select mode="tags" tokenSeparators={[',', ' ']} placeholder="https://www.example.com" style={{ maxWidth: 620 }} open={false} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>{t('common.save')}</Button>
      </Form>
    </Card>
  );
}

type Editing = WebForm | 'new' | null;

function FormEditor({ editing, onClose }: { editing: Editing; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const me = useMe().data;
  const users = useAllUsers();
  const meta = useMeta('contacts', editing !== null);
  const [form] = Form.useForm<WebFormInput>();
  useEffect(() => {
    if (editing === 'new') {
      form.resetFields();
      form.setFieldsValue({ name: '', fields: [{ field: 'name', required: true }, { field: 'email', required: true }, { field: 'mobile', required: false }], assignee_id: me?.id, create_task: true, active: true, success_message: {}, allowed_origins: [] });
    } else if (editing) form.setFieldsValue(editing);
  }, [editing, form, me?.id]);
  const fieldOptions = [
    ...(meta.data?.fields ?? []).filter((f) => FORM_TYPES.has(f.type) && !f.readonly).map((f) => ({ value: f.key, label: fieldLabel(t, 'contacts', f) })),
    { value: COMPANY, label: t('admin.forms.company') },
  ];
  const save = useMutation({
    mutationFn: async (v: WebFormInput) => (editing && editing !== 'new' ? api.put<One<WebForm>>(`/web-forms/${editing.id}`, v) : api.post<One<WebForm>>('/web-forms', v)),
    onSuccess: () => {
      message.success(t('common.saved'));
      void qc.invalidateQueries({ queryKey: ['web-forms'] });
      onClose();
    },
    onError: (e) => message.error(errorText(t, e)),
  });
  return (
    <Drawer open={editing !== null} onClose={onClose} size="large" title={editing === 'new' ? t('admin.forms.new') : t('admin.forms.edit')} destroyOnHidden
      extra={<Button type="primary" onClick={() => form.submit()} loading={save.isPending}>{t('common.save')}</Button>}>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="name" label={t('admin.forms.name')} rules={[{ required: true }]}><Input maxLength={200} /></Form.Item>
        <Typography.Text strong>{t('admin.forms.fields')}</Typography.Text>
        <Typography.Paragraph type="secondary">{t('admin.forms.fieldsHelp')}</Typography.Paragraph>
        <Form.List name="fields">
          {(rows, { add, remove }) => (
            <>
              {rows.map((row) => (
                <Space key={row.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[row.name, 'field']} rules={[{ required: true }]}>
                    <Select style={{ width: 260 }} showSearch optionFilterProp="label" options={fieldOptions} aria-label={t('admin.forms.field')} />
                  </Form.Item>
                  <Form.Item name={[row.name, 'required']} valuePropName="checked"><Checkbox>{t('admin.forms.required')}</Checkbox></Form.Item>
                  <Button icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(row.name)} type="text" />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ field: undefined, required: false })} style={{ marginBottom: 16 }}>{t('admin.forms.addField')}</Button>
            </>
          )}
        </Form.List>
        <Form.Item name="assignee_id" label={t('admin.forms.assignee')} rules={[{ required: true }]} extra={t('admin.forms.assigneeHelp')}>
          <Select showSearch optionFilterProp="label" style={{ maxWidth: 320 }} options={(users.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }))} />
        </Form.Item>
        <Form.Item name="create_task" label={t('admin.forms.createTask')} valuePropName="checked"><Switch /></Form.Item>
        {LOCALES.map((l) => (
          <Form.Item key={l} name={['success_message', l]} label={t('admin.forms.successMessage', { locale: l })}><Input maxLength={500} placeholder={t('admin.forms.successDefault')} /></Form.Item>
        ))}
        <Form.Item name="allowed_origins" label={t('admin.forms.formOrigins')} extra={t('admin.forms.formOriginsHelp')}>
          <Select mode="tags" tokenSeparators={[',', ' ']} open={false} placeholder="https://www.example.com" />
        </Form.Item>
        <Form.Item name="active" label={t('admin.forms.active')} valuePropName="checked"><Switch /></Form.Item>
      </Form>
    </Drawer>
  );
}

function Submissions({ form, onClose }: { form: WebForm | null; onClose: () => void }) {
  const { t } = useTranslation();
  const list = useCursorList<FormSubmission>(['web-forms', form?.id, 'submissions'], `/web-forms/${form?.id ?? 0}/submissions`);
  return (
    <Drawer open={form !== null} onClose={onClose} size="large" title={t('admin.forms.submissionsOf', { name: form?.name ?? '' })} destroyOnHidden>
      <Table<FormSubmission> rowKey="id" size="small" loading={list.isLoading} dataSource={list.rows} pagination={false}
        columns={[
          { title: t('admin.forms.at'), dataIndex: 'created_at', render: (v: string) => new Date(v).toLocaleString() },
          { title: t('admin.forms.outcome'), dataIndex: 'outcome', render: (v: string) => <Tag color={v === 'created' ? 'green' : 'blue'}>{t(`admin.forms.outcomes.${v}`)}</Tag> },
          { title: t('admin.forms.person'), render: (_, r) => (r.contact_id ? <Link to={`/contacts/${r.contact_id}`}>{String(r.payload.name ?? '')} ({String(r.payload.email ?? '')})</Link> : String(r.payload.email ?? '')) },
          { title: t('admin.forms.values'), render: (_, r) => <Typography.Text type="secondary" style={{ fontSize: 12 }}>{Object.entries(r.payload).map(([k, v]) => `${k}: ${String(v)}`).join(' · ')}</Typography.Text> },
        ]} />
      {list.hasNextPage ? <Button onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage} style={{ marginTop: 12 }}>{t('common.loadMore')}</Button> : null}
    </Drawer>
  );
}

/** Web forms: define forms that create contacts and callback tasks, copy their snippet, read what came in. */
export function WebFormsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [editing, setEditing] = useState<Editing>(null);
  const [viewing, setViewing] = useState<WebForm | null>(null);
  const forms = useQuery({ queryKey: ['web-forms'], queryFn: async () => (await api.get<{ data: WebForm[] }>('/web-forms')).data });
  const remove = useMutation({
    mutationFn: async (id: number) => api.del(`/web-forms/${id}`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['web-forms'] }),
    onError: (e) => message.error(errorText(t, e)),
  });
  return (
    <AdminPage title={t('admin.forms.title')} actions={<Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>{t('admin.forms.new')}</Button>}>
      <PublicSettingsCard />
      <Card variant="borderless" style={{ maxWidth: 1100 }}>
        <Table<WebForm> rowKey="id" loading={forms.isLoading} dataSource={forms.data ?? []} pagination={false}
          expandable={{
            rowExpandable: () => true,
            expandedRowRender: (r) => (r.snippet ? (
              <div>
                <Typography.Paragraph>{t('admin.forms.hosted')}: <Typography.Link href={r.hosted_url!} target="_blank" copyable>{r.hosted_url}</Typography.Link></Typography.Paragraph>
                <Typography.Paragraph>{t('admin.forms.snippet')}</Typography.Paragraph>
                <Typography.Paragraph copyable={{ text: r.snippet }}><pre style={{ whiteSpace: 'pre-wrap' }} data-testid="form-snippet">{r.snippet}</pre></Typography.Paragraph>
              </div>
            ) : <Typography.Text type="warning">{t('admin.forms.needBaseUrl')}</Typography.Text>),
          }}
          columns={[
            { title: t('admin.forms.name'), dataIndex: 'name' },
            { title: t('admin.forms.active'), dataIndex: 'active', render: (v: boolean) => (v ? <Tag color="green">{t('admin.forms.on')}</Tag> : <Tag>{t('admin.forms.off')}</Tag>) },
            { title: t('admin.forms.submissions'), dataIndex: 'submissions', render: (v: number, r) => <Button type="link" onClick={() => setViewing(r)}>{v ?? 0}</Button> },
            {
              title: '', key: 'actions', render: (_, r) => (
                <Space>
                  <Button size="small" onClick={() => setEditing(r)}>{t('common.edit')}</Button>
                  <Popconfirm title={t('admin.forms.deleteConfirm')} onConfirm={() => remove.mutate(r.id)}>
                    <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                  </Popconfirm>
                </Space>
              ),
            },
          ]} />
      </Card>
      <FormEditor editing={editing} onClose={() => setEditing(null)} />
      <Submissions form={viewing} onClose={() => setViewing(null)} />
    </AdminPage>
  );
}
