import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../i18n/format.ts';

interface Props {
  pageRows: number[];
  selected: number[];
  count?: { count: number; capped: boolean };
  active: boolean;
  onSelectAll: () => void;
  onClear: () => void;
}

/**
 * Once every row of the page is ticked and more records match, offers the whole query ("select
 * all N matching", as Gmail does). A count the server caps (over 1000) is not offered: the bulk
 * request confirms an exact count.
 */
export function SelectAllMatching({ pageRows, selected, count, active, onSelectAll, onClear }: Props) {
  const { t } = useTranslation();
  if (!count) return null;
  const wholePage = pageRows.length > 0 && pageRows.every((id) => selected.includes(id));
  if (active) {
    return (
      <div className="gx-select-all" role="status" data-testid="select-all-matching">
        <Typography.Text>{t('faster.bulk.allSelected', { count: count.count })}</Typography.Text>{' '}
        <Button type="link" size="small" onClick={onClear}>{t('faster.bulk.clearSelection')}</Button>
      </div>
    );
  }
  if (!wholePage || count.count <= selected.length || count.capped) return null;
  return (
    <div className="gx-select-all" data-testid="select-all-matching">
      <Typography.Text>{t('faster.bulk.pageSelected', { count: selected.length })}</Typography.Text>{' '}
      <Button type="link" size="small" onClick={onSelectAll}>{t('faster.bulk.selectAll', { count: count.count, formatted: formatCount(count.count, false) })}</Button>
    </div>
  );
}
