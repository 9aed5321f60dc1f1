import { Form, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { ApiRecord } from '../../api/types.ts';

// Seller profiles (server: fapiao-sellers.object.ts): the picker of the "Request fapiao" dialog
// and the record page's title of a fapiao.

type Seller = { id: number; name: string; tax_id: string; is_default: boolean; active: boolean };

export function useSellers(enabled = true) {
  return useQuery({
    queryKey: ['fapiao-sellers'], enabled,
    queryFn: async () => (await api.get<{ data: Seller[] }>('/fapiao-sellers?limit=100&filter[active][eq]=true')).data,
  });
}

/** The default profile's id (the one a new fapiao is prefilled from), if any. */
export const defaultSeller = (sellers: Seller[] | undefined) => sellers?.find((s) => s.is_default)?.id;

/** Which legal entity issues the fapiao (only shown when there is more than one to choose). */
export function SellerField({ sellers }: { sellers: Seller[] | undefined }) {
  const { t } = useTranslation();
  if (!sellers || sellers.length < 2) return null;
  return (
    <Form.Item name="seller_id" label={t('fapiao.seller')} extra={t('fapiao.sellerHint')}>
      <Select options={sellers.map((s) => ({ value: s.id, label: `${s.name} · ${s.tax_id}` }))} />
    </Form.Item>
  );
}

/** A fapiao says what it is: its number once issued, else kind, colour, status and id ("数电专票（红字）· 草稿 #12"). */
export function fapiaoTitle(t: TFunction, r: ApiRecord): string {
  if (r.number) return String(r.number);
  return t('fapiao.titleDraft', { kind: t(`fapiao.kinds.${r.kind}`), colour: t(`fapiao.colours.${r.colour}`), status: t(`fapiao.statuses.${r.status}`), id: r.id });
}
