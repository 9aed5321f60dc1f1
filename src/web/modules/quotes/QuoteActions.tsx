import { useState } from 'react';
import { App, Button, Dropdown, Input, Modal, Space } from 'antd';
import { CheckOutlined, DownOutlined, CloseOutlined, CopyOutlined, FilePdfOutlined, SendOutlined, SolutionOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { download } from '../../api/client.ts';
import { currentLocale } from '../../i18n/index.ts';
import type { RecordExtensionProps } from '../../extensions/registry.ts';
import { quoteApi, quoteError, quoteKeys } from './api.ts';

/** What a prompt asks for before an action: a comment, a reason or the accepting name. */
type Ask = { action: string; field: 'comment' | 'reason' | 'name'; required: boolean; title: string } | null;

/** The quote's buttons by status (server: quotes.status.ts): submit, approve, send, record the answer, revise. */
export function QuoteActions({ id, record, canEdit, reload }: RecordExtensionProps) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const status = String(record.status ?? '');
  const approval = useQuery({ queryKey: quoteKeys.approval(id), queryFn: () => quoteApi.approval(id), enabled: status === 'pending_approval' });
  const [ask, setAsk] = useState<Ask>(null);
  const [text, setText] = useState('');
  const run = useMutation({
    mutationFn: ({ action, body }: { action: string; body?: Record<string, unknown> }) => quoteApi.action(id, action, { version: record.version, ...body }),
    onSuccess: (r, { action }) => {
      message.success(t(`quotes.done.${action}`));
      setAsk(null);
      setText('');
      void qc.invalidateQueries({ queryKey: ['quotes', id] });
      if (action === 'revise') navigate(`/quotes/${r.data.id}`);
      else reload();
    },
    onError: (e) => message.error(quoteError(t, e)),
  });
  if (!canEdit) return null;
  const act = (action: string, body?: Record<string, unknown>) => run.mutate({ action, body });
  const prompt = (action: string, field: 'comment' | 'reason' | 'name', required: boolean) => setAsk({ action, field, required, title: t(`quotes.actions.${action}`) });
  const copyLink = async () => {
    const link = await quoteApi.link(id);
    const url = link.url.startsWith('/') ? `${window.location.origin}${link.url}` : link.url;
    await navigator.clipboard?.writeText(url).catch(() => undefined);
    modal.info({ title: t('quotes.link.title'), content: <Input readOnly value={url} data-testid="quote-public-link" onFocus={(e) => e.target.select()} />, width: 560 });
  };
  const busy = run.isPending;
  const buttons = [];
  if (status === 'draft' || status === 'approval_rejected') {
    buttons.push(<Button key="submit" icon={<SolutionOutlined />} loading={busy} onClick={() => act('submit')} data-testid="quote-submit">{t('quotes.actions.submit')}</Button>);
  }
  if (status === 'pending_approval' && approval.data?.can_approve) {
    buttons.push(<Button key="approve" type="primary" icon={<CheckOutlined />} onClick={() => prompt('approve', 'comment', false)} data-testid="quote-approve">{t('quotes.actions.approve')}</Button>);
    buttons.push(<Button key="reject-approval" danger icon={<CloseOutlined />} onClick={() => prompt('reject-approval', 'comment', true)}>{t('quotes.actions.reject-approval')}</Button>);
  }
  if (status === 'draft' || status === 'approved') {
    buttons.push(
      <Space.Compact key="send">
        <Button type="primary" icon={<SendOutlined />} loading={busy} onClick={() => act('send', { locale: currentLocale() })} data-testid="quote-send">{t('quotes.actions.send')}</Button>
        <Dropdown trigger={['click']} menu={{ items: [{ key: 'mail', label: t('quotes.actions.sendMail') }], onClick: () => act('send', { locale: currentLocale(), email: true }) }}>
          <Button type="primary" icon={<DownOutlined />} aria-label={t('quotes.actions.sendMail')} />
        </Dropdown>
      </Space.Compact>,
    );
  }
  if (status === 'sent') {
    buttons.push(<Button key="link" icon={<CopyOutlined />} onClick={() => void copyLink().catch((e) => message.error(quoteError(t, e)))} data-testid="quote-link">{t('quotes.actions.link')}</Button>);
    buttons.push(<Button key="accept" onClick={() => prompt('accept', 'name', true)}>{t('quotes.actions.accept')}</Button>);
    buttons.push(<Button key="reject" onClick={() => prompt('reject', 'reason', false)}>{t('quotes.actions.reject')}</Button>);
  }
  if (record.sent_at) {
    buttons.push(<Button key="sent-pdf" icon={<FilePdfOutlined />} onClick={() => download(`/quotes/${id}/sent-pdf`)}>{t('quotes.actions.sentPdf')}</Button>);
  }
  if (['sent', 'rejected', 'expired'].includes(status)) {
    buttons.push(<Button key="revise" loading={busy} onClick={() => act('revise')} data-testid="quote-revise">{t('quotes.actions.revise')}</Button>);
  }
  return (
    <>
      <Space wrap>{buttons}</Space>
      <Modal open={ask !== null} title={ask?.title} okText={ask?.title} confirmLoading={busy} onCancel={() => setAsk(null)}
        okButtonProps={{ disabled: Boolean(ask?.required && !text.trim()) }}
        onOk={() => ask && act(ask.action, text.trim() ? { [ask.field]: text.trim() } : {})}>
        <Input.TextArea rows={3} value={text} maxLength={2000} onChange={(e) => setText(e.target.value)} placeholder={ask ? t(`quotes.fields.${ask.field}`) : ''} />
      </Modal>
    </>
  );
}
