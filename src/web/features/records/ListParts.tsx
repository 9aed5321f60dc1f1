import { useMemo } from 'react';
import { Button, Empty, Select, Space, Typography } from 'antd';
import type { TableProps } from 'antd';
import { LeftOutlined, PlusOutlined, RightOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApiRecord, FieldMeta } from '../../api/types.ts';
import { FieldValue } from '../../fields/FieldValue.tsx';
import { gridEditable, ListInlineCell } from './ListInlineCell.tsx';
import { fieldLabel, objectLabel } from '../../fields/labels.ts';
import { useObject } from '../../api/objects.ts';
import { formatCount } from '../../i18n/format.ts';
import { nextSort, SortHeader, sortOrderOf } from './SortHeader.tsx';

const WIDTH: Partial<Record<FieldMeta['type'], number>> = {
  email: 200, phone: 150, url: 200, number: 110, money: 140, date: 130, datetime: 170, boolean: 90, select: 130,
  multiselect: 200, tags: 200, link: 180, user: 140, longtext: 260,
};

interface ColumnsArgs {
  object: string;
  fields: FieldMeta[];
  shownKeys: string[];
  titleField: string;
  sortKey: string;
  isPhone: boolean;
  /** Objects without a record page open their edit drawer from the title. */
  onOpen: (id: number) => void;
  /** The caller may update these records: other cells edit in place (ListInlineCell). */
  canEdit?: boolean;
  /** Sorts the list by a column ("name" / "-name"), from its header button. */
  onSort?: (sort: string) => void;
}

/**
 * Scrolls the list sideways to a column the user just added from the chooser: new columns go
 * last, often past the right edge, and a user who added one and saw nothing change added it twice.
 */
export function revealAddedColumn(before: string[], after: string[]): void {
  const added = after.find((k) => !before.includes(k));
  if (!added) return;
  // After React rendered the new header cell.
  window.setTimeout(() => document.querySelector(`th[data-col="${CSS.escape(added)}"]`)?.scrollIntoView({ inline: 'nearest', block: 'nearest', behavior: 'smooth' }), 50);
}

/** Table columns for the chosen fields; fields the role may not read never become columns. */
export function useListColumns({ object, fields, shownKeys, titleField, sortKey, isPhone, onOpen, canEdit, onSort }: ColumnsArgs): TableProps<ApiRecord>['columns'] {
  const { t } = useTranslation();
  const recordPage = Boolean(useObject(object)?.record_page);
  return useMemo(() => {
    const shown = shownKeys.filter((c) => fields.some((f) => f.key === c));
    // The title column always comes first (and stays put when scrolling sideways).
    const ti = shown.indexOf(titleField);
    if (ti > 0) shown.splice(ti, 1);
    if (ti !== 0 && fields.some((f) => f.key === titleField)) shown.unshift(titleField);
    return shown.map((key) => {
      const f = fields.find((x) => x.key === key)!;
      const isTitle = key === titleField;
      return {
        key,
        dataIndex: key,
        title: f.sortable && onSort
          ? <SortHeader label={fieldLabel(t, object, f)} order={sortOrderOf(sortKey, key)} onSort={() => onSort(nextSort(sortKey, key))} />
          : fieldLabel(t, object, f),
        fixed: isTitle ? ('left' as const) : undefined,
        onHeaderCell: () => ({ 'data-col': key, 'aria-sort': f.sortable ? (sortOrderOf(sortKey, key) ?? undefined) : undefined }) as React.HTMLAttributes<HTMLElement>,
        width: isTitle ? (isPhone ? 150 : 220) : (WIDTH[f.type] ?? 160),
        ellipsis: true,
        render: (_: unknown, rec: ApiRecord) => {
          if (!isTitle && canEdit && !isPhone && gridEditable(f)) return <ListInlineCell object={object} field={f} record={rec} />;
          if (!isTitle) return <FieldValue object={object} field={f} record={rec} compact />;
          const text = String(rec[key] ?? `#${rec.id}`);
          return recordPage ? (
            <Link to={`/${object}/${rec.id}`} className="gx-title-link">{text}</Link>
          ) : (
            <button type="button" onClick={(e) => { e.stopPropagation(); onOpen(rec.id); }} className="gx-text-button gx-title-link" data-testid="row-open">{text}</button>
          );
        },
      };
    });
  }, [shownKeys, fields, titleField, sortKey, t, object, isPhone, onOpen, recordPage, canEdit, onSort]);
}

interface EmptyProps {
  object: string;
  filtered: boolean;
  canImport: boolean;
  canWrite: boolean;
  onClear: () => void;
  onImport: () => void;
  onCreate: () => void;
}

/** An empty list says what to do next: clear the filters, import, or create the first record. */
export function ListEmpty({ object, filtered, canImport, canWrite, onClear, onImport, onCreate }: EmptyProps) {
  const { t } = useTranslation();
  const objects = objectLabel(t, object, true).toLowerCase();
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <div>
          <Typography.Text strong>{filtered ? t('list.emptyFiltered', { objects }) : t('list.emptyTitle', { objects })}</Typography.Text>
          <div><Typography.Text type="secondary">{filtered ? t('list.emptyHintFiltered') : canImport ? t('list.emptyHintImport') : t('list.emptyHintCreate')}</Typography.Text></div>
        </div>
      }
    >
      {filtered ? (
        <Button onClick={onClear}>{t('filter.clear')}</Button>
      ) : (
        <Space wrap style={{ justifyContent: 'center' }}>
          {canImport ? <Button icon={<UploadOutlined />} onClick={onImport}>{t('list.importObjects', { objects })}</Button> : null}
          {canWrite ? <Button type="primary" icon={<PlusOutlined />} onClick={onCreate}>{t('list.createFirst', { object: objectLabel(t, object).toLowerCase() })}</Button> : null}
        </Space>
      )}
    </Empty>
  );
}

interface PagerProps {
  from: number;
  to: number;
  empty: boolean;
  pageSize: number;
  onPageSize: (n: number) => void;
  canPrev: boolean;
  canNext: boolean;
  onPrev: () => void;
  onNext: () => void;
  compact?: boolean;
}

/** Keyset paging: previous/next along the cursors, and the page size. */
export function Pager({ from, to, empty, pageSize, onPageSize, canPrev, canNext, onPrev, onNext, compact }: PagerProps) {
  const { t } = useTranslation();
  return (
    <div className="gx-pager">
      <Typography.Text type="secondary">{empty ? '' : t('list.range', { from: formatCount(from), to: formatCount(to) })}</Typography.Text>
      <span style={{ flex: 1 }} />
      <Select
        size="small"
        value={pageSize}
        onChange={onPageSize}
        options={[25, 50, 100, 200].map((n) => ({ value: n, label: t('common.perPage', { count: n }) }))}
        aria-label={t('list.pageSize')}
        style={{ width: 110 }}
      />
      <Button size="small" icon={<LeftOutlined />} disabled={!canPrev} onClick={onPrev} data-testid="prev-page">{compact ? null : t('common.previous')}</Button>
      <Button size="small" disabled={!canNext} onClick={onNext} data-testid="next-page">
        {compact ? null : t('common.next')} <RightOutlined />
      </Button>
    </div>
  );
}
