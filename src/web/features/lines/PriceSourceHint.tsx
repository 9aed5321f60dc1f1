import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LinePriceSourceOut } from '../../../shared/contracts/line-items.ts';

/**
 * Where a saved line's unit price came from, under its price: "价目表：2026 渠道价 · ≥100 件",
 * "目录价" or "手工价". A book the reader may not read comes without its name (the server leaves
 * it out). Shown for the saved line only: an edited price is saved before it has a source.
 */
export function PriceSourceHint({ source, unit, testId }: { source: LinePriceSourceOut | null | undefined; unit: string; testId: string }) {
  const { t } = useTranslation();
  if (!source) return null;
  let text = t(`priceSource.${source.kind === 'price_book' ? (source.price_book ? 'book' : 'bookHidden') : source.kind}`, { name: source.price_book?.name ?? '' });
  if (source.kind === 'price_book' && source.min_quantity) text += ` · ${t('priceSource.tier', { min: source.min_quantity, unit }).trim()}`;
  return <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} data-testid={testId}>{text}</Typography.Text>;
}
