import { App, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useMe } from '../../api/hooks.ts';
import type { RecordExtensionProps } from '../../extensions/registry.ts';
import { commissionError } from './api.ts';

/**
 * Generate (drafts), submit, approve / send back and mark paid, as the statement's status allows.
 * The server decides who may (the team's manager or an administrator approves, never the rep);
 * a button it would refuse is still hidden from the rep on their own statement.
 */
export function StatementActions({ record, canEdit, reload }: RecordExtensionProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe().data;
  const own = me?.id === record.user_id;
  const status = String(record.status);
  const run = async (path: string, done: string) => {
    try {
      await api.post(`/commission-statements/${record.id}/${path}`);
      message.success(t(done));
      reload();
    } catch (e) {
      message.error(commissionError(t, e));
    }
  };
  return (
    <Space wrap>
      {status === 'draft' && canEdit ? <Button onClick={() => run('generate', 'commissions.generated')}>{t('commissions.generate')}</Button> : null}
      {status === 'draft' && (own || canEdit) ? <Button type="primary" onClick={() => run('submit', 'commissions.submitted')}>{t('commissions.submit')}</Button> : null}
      {status === 'submitted' && !own ? <Button type="primary" onClick={() => run('approve', 'commissions.approved')}>{t('commissions.approve')}</Button> : null}
      {status === 'submitted' && !own ? <Button onClick={() => run('reject', 'commissions.rejected')}>{t('commissions.reject')}</Button> : null}
      {status === 'approved' && !own ? <Button type="primary" onClick={() => run('pay', 'commissions.paid')}>{t('commissions.markPaid')}</Button> : null}
    </Space>
  );
}
