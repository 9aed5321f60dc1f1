import { useState } from 'react';
import { App, Button } from 'antd';
import { FileDoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';
import type { ApiRecord, One } from '../../api/types.ts';
import type { RecordExtensionProps } from '../../extensions/registry.ts';

/**
 * "Create invoice" on a document invoices are made from (core/billing.ts billing sources): a draft
 * of everything it can still bill (POST /invoices/from/{object}/{id}); the invoice page opens.
 * `when`: the statuses in which the source has something to bill.
 */
export function invoiceFromSource(when: readonly string[]) {
  return function InvoiceFromSource({ object, record, canEdit }: RecordExtensionProps) {
    const { t } = useTranslation();
    const { message } = App.useApp();
    const navigate = useNavigate();
    const [busy, setBusy] = useState(false);
    if (!canEdit || !when.includes(String(record.status ?? ''))) return null;
    const create = async () => {
      setBusy(true);
      try {
        const r = await api.post<One<ApiRecord>>(`/invoices/from/${object}/${record.id}`, {});
        message.success(t('invoices.createdFromSource'));
        navigate(`/invoices/${r.data.id}`);
      } catch (e) {
        message.error(errorText(t, e));
      } finally {
        setBusy(false);
      }
    };
    return <Button icon={<FileDoneOutlined />} loading={busy} onClick={() => void create()} data-testid="invoice-from-source">{t('invoices.createFromSource')}</Button>;
  };
}
