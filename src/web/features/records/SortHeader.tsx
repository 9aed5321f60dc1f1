import { CaretDownOutlined, CaretUpOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/**
 * A sortable column's header: a real button (Tab, Enter and Space, named "Sort by Name") instead
 * of Ant Design's focusable <th>, which only took Enter and told nothing of the order. The <th>
 * carries aria-sort (sortAria) for the column the list is sorted by.
 */
export function SortHeader({ label, order, onSort }: { label: string; order: 'ascending' | 'descending' | null; onSort: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="gx-sort-button" onClick={onSort} data-testid="sort-header"
      title={t(order === 'ascending' ? 'links.sortDescending' : 'links.sortAscending', { field: label })}>
      <span className="gx-sort-label">{label}</span>
      <span className="gx-sort-icons" aria-hidden="true">
        <CaretUpOutlined className={order === 'ascending' ? 'is-on' : undefined} />
        <CaretDownOutlined className={order === 'descending' ? 'is-on' : undefined} />
      </span>
    </button>
  );
}

/** The order a column shows, from the list's sort ("name" / "-name"). */
export function sortOrderOf(sortKey: string, key: string): 'ascending' | 'descending' | null {
  return sortKey === key ? 'ascending' : sortKey === `-${key}` ? 'descending' : null;
}

/** The sort after pressing a column's header: ascending first, then it flips. */
export function nextSort(sortKey: string, key: string): string {
  return sortKey === key ? `-${key}` : key;
}
