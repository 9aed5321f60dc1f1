import { Empty, List, Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { WidgetItem } from '../../../shared/contracts/home.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { objectLabel } from '../../fields/labels.ts';
import type { WidgetRendererProps } from './registry.tsx';

const TAG_COLOR: Record<string, string> = { overdue: 'red', today: 'orange' };

/** One record row: its title linking to the record, the object's name when rows mix objects, a tag and a time. */
export function WidgetRow({ item, showObject }: { item: WidgetItem; showObject: boolean }) {
  const { t } = useTranslation();
  return (
    <List.Item className="gx-widget-row">
      <Link to={`/${item.object}/${item.id}`} className="gx-widget-title">{item.title ?? `#${item.id}`}</Link>
      <span className="gx-widget-meta">
        {showObject && <Tag>{objectLabel(t, item.object, false)}</Tag>}
        {item.tag && <Tag color={TAG_COLOR[item.tag]}>{t(`home.tags.${item.tag}`, { defaultValue: item.tag })}</Tag>}
        {item.at && <Typography.Text type="secondary">{formatDateTime(item.at)}</Typography.Text>}
      </span>
    </List.Item>
  );
}

/** Records as rows, each linking to its record. */
export function ListWidget({ data }: WidgetRendererProps) {
  const { t } = useTranslation();
  if (data.kind !== 'list') return null;
  if (!data.items.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.empty')} />;
  const mixed = new Set(data.items.map((i) => i.object)).size > 1;
  return <List size="small" dataSource={data.items} renderItem={(item) => <WidgetRow item={item} showObject={mixed} />} />;
}

/** Numbers per label, as bars relative to the largest. */
export function CountsWidget({ data }: WidgetRendererProps) {
  const { t } = useTranslation();
  if (data.kind !== 'counts') return null;
  if (!data.rows.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.empty')} />;
  const max = Math.max(...data.rows.map((r) => r.value), 1);
  return (
    <List size="small" dataSource={data.rows} renderItem={(r) => (
      <List.Item className="gx-widget-row">
        <span className="gx-widget-title">{r.label}</span>
        <Progress percent={(r.value / max) * 100} format={() => String(r.value)} size="small" style={{ maxWidth: 200 }} aria-label={`${r.label}: ${r.value}`} />
      </List.Item>
    )} />
  );
}
