import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import dayjs from 'dayjs';
import { api } from '../../api/client.ts';
import type { RecordExtensionProps } from '../../extensions/registry.ts';
import { useActionRunner } from '../../features/records/useActionRunner.tsx';
import { fapiaoError } from './errors.ts';

/** "Issue": the manual provider takes the number (and code for paper) and date; the files go to its attachments. */
function IssueDialog({ record, reload }: RecordExtensionProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const paper = String(record.kind).startsWith('paper_');
  const submit = async () => {
    // A refused field shows its message on the form; nothing is sent (and no unhandled rejection).
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await api.post(`/fapiao/${record.id}/issue`, { provider: 'manual', number: v.number.trim(), ...(paper ? { code: v.code.trim() } : {}), issue_date: v.issue_date.format('YYYY-MM-DD') });
      message.success(t('fapiao.issued'));
      setOpen(false);
      reload();
    } catch (e) {
      message.error(fapiaoError(t, e));
    }
  };
  return (
    <>
      <Button type="primary" onClick={() => { form.setFieldsValue({ issue_date: dayjs() }); setOpen(true); }}>{t('fapiao.issue')}</Button>
      <Modal open={open} title={t('fapiao.issue')} onOk={submit} onCancel={() => setOpen(false)} okText={t('fapiao.issue')} destroyOnHidden forceRender>
        <Form form={form} layout="vertical">
          <Form.Item name="number" label={t('fapiao.number')} extra={paper ? t('fapiao.paperNumberHint') : t('fapiao.digitalNumberHint')} rules={[{ required: true, pattern: paper ? /^\d{8}$/ : /^\d{20}$/, message: paper ? t('fapiao.paperNumberHint') : t('fapiao.digitalNumberHint') }]}>
            <Input inputMode="numeric" maxLength={20} />
          </Form.Item>
          {paper ? <Form.Item name="code" label={t('fapiao.code')} rules={[{ required: true, pattern: /^(\d{10}|\d{12})$/, message: t('fapiao.codeHint') }]}><Input inputMode="numeric" maxLength={12} /></Form.Item> : null}
          <Form.Item name="issue_date" label={t('fapiao.issueDate')} rules={[{ required: true }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
          <Typography.Text type="secondary">{t('fapiao.filesHint')}</Typography.Text>
        </Form>
      </Modal>
    </>
  );
}

/** Request, issue, red (the whole rest of an issued blue fapiao) and void, as the fapiao's status allows. */
export function FapiaoActions(props: RecordExtensionProps) {
  const { record, canEdit, reload } = props;
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { run, ask } = useActionRunner(reload, fapiaoError);
  if (!canEdit) return null;
  const status = String(record.status);
  const red = () => ask(t('fapiao.red'), async (n) => {
    const r = await api.post<{ data: { id: number } }>(`/fapiao/${record.id}/red`, { red_confirmation_number: n });
    navigate(`/fapiao/${r.data.id}`);
  }, { placeholder: t('fapiao.redConfirmation') });
  const paper = String(record.kind).startsWith('paper_');
  return (
    <Space wrap>
      {status === 'draft' ? <Button onClick={() => run(() => api.post(`/fapiao/${record.id}/request`), 'fapiao.requestedDone')}>{t('fapiao.submit')}</Button> : null}
      {status === 'draft' || status === 'requested' ? <IssueDialog {...props} /> : null}
      {status === 'issued' && record.colour === 'blue' && record.red_state !== 'reversed' ? <Button danger onClick={red}>{t('fapiao.red')}</Button> : null}
      {status !== 'voided' && (status !== 'issued' || paper) ? (
        <Button danger onClick={() => ask(t('fapiao.void'), (reason) => run(() => api.post(`/fapiao/${record.id}/void`, { reason }), 'fapiao.voided'), { placeholder: t('fapiao.voidReason'), danger: true })}>{t('fapiao.void')}</Button>
      ) : null}
    </Space>
  );
}
