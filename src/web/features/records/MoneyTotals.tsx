import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRecordTotals } from '../../api/records.ts';
import { ApiError } from '../../api/client.ts';
import { fieldLabel } from '../../fields/labels.ts';
import { formatMoney } from '../../i18n/format.ts';
import type { FieldMeta } from '../../api/types.ts';

type Params = Record<string, string | number | undefined>;

/** One money column's total for the list's filters, summed and converted by the server. */
function Total({ object, field, params }: { object: string; field: FieldMeta; params: Params }) {
  const { t } = useTranslation();
  const totals = useRecordTotals(object, field.key, params);
  const label = fieldLabel(t, object, field);
  // A label that already says "total" (价税合计, "Grand total") is not prefixed with it again.
  const word = t('common.total').toLowerCase();
  const key = label.toLowerCase().includes(word) ? 'list.totalNamed' : 'list.total';
  if (totals.error instanceof ApiError && totals.error.code === 'no_exchange_rate') {
    const currencies = (totals.error.raw as { currencies?: string[] } | undefined)?.currencies ?? [];
    return <Typography.Text type="warning">{t('list.totalNoRate', { field: label, currencies: currencies.join(', ') })}</Typography.Text>;
  }
  if (!totals.data) return null;
  return (
    <Typography.Text strong data-testid={`total-${field.key}`}>
      {t(key, { field: label, amount: formatMoney(totals.data.total, totals.data.currency) })}
    </Typography.Text>
  );
}

/** The list footer: the total of each money column shown. */
export function MoneyTotals({ object, fields, columns, params }: { object: string; fields: FieldMeta[]; columns: string[]; params: Params }) {
  const money = fields.filter((f) => f.type === 'money' && columns.includes(f.key));
  if (!money.length) return null;
  return (
    <Space wrap size="large" style={{ padding: '8px 0' }}>
      {money.map((f) => <Total key={f.key} object={object} field={f} params={params} />)}
    </Space>
  );
}
