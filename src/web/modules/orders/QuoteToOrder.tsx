import { App, Button } from 'antd';
import { ShoppingCartOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import { orderError } from './orderErrors.ts';
import type { RecordExtensionProps } from '../../extensions/registry.ts';

/** On an accepted quote: make its order (POST /orders/from-quote/{id}) and open it. */
export function QuoteToOrder({ id, record }: RecordExtensionProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  if (record.status !== 'accepted') return null;
  const make = async () => {
    try {
      const r = await api.post<{ data: { id: number } }>(`/orders/from-quote/${id}`);
      navigate(`/orders/${r.data.id}`);
    } catch (e) {
      message.error(orderError(t, e));
    }
  };
  return <Button icon={<ShoppingCartOutlined />} onClick={() => void make()} data-testid="quote-to-order">{t('orders.fromQuote')}</Button>;
}
