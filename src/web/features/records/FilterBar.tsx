import { useEffect, useMemo, useState } from 'react';
import { Button, Input, Popover, Select, Space, Tag } from 'antd';
import { FilterOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { FieldMeta, Filter } from '../../api/types.ts';
import { fieldLabel } from '../../fields/labels.ts';
import { linkTarget } from '../../fields/layout.ts';
import { FilterValueInput } from '../../fields/FilterValueInput.tsx';
import { useRefTitle } from '../../fields/useRefTitle.ts';
import { fromUiOp, opLabel, opsFor, toUiOp, valueLabel, type UiOp } from './filters.ts';
import { usePopoverFocus } from '../../lib/popoverFocus.ts';

interface EditorProps {
  object: string;
  fields: FieldMeta[];
  initial?: Filter;
  onApply: (f: Filter) => void;
  onCancel: () => void;
}

/** Pick a field, then a condition that suits its type, then a value input that suits both. */
function FilterEditor({ object, fields, initial, onApply, onCancel }: EditorProps) {
  const { t } = useTranslation();
  const [key, setKey] = useState<string | undefined>(initial?.field);
  const field = fields.find((f) => f.key === key);
  const ops = field ? opsFor(field) : [];
  const [op, setOp] = useState<UiOp | undefined>(initial ? toUiOp(initial) : undefined);
  const [value, setValue] = useState<string>(initial && initial.op !== 'empty' ? initial.value : '');

  const pickField = (k: string) => {
    setKey(k);
    const f = fields.find((x) => x.key === k)!;
    setOp(opsFor(f)[0]);
    setValue(f.type === 'boolean' ? 'true' : '');
  };

  const needsValue = op !== 'empty' && op !== 'notEmpty';
  const ready = Boolean(field && op && (!needsValue || (value !== '' && !value.split(',').some((x, _i, all) => all.length === 2 && x === ''))));

  const apply = () => {
    if (!field || !op) return;
    const { op: apiOp, value: v } = fromUiOp(op, value);
    onApply({ field: field.key, op: apiOp, value: v });
  };

  const input = field && op && needsValue
    ? <FilterValueInput object={object} field={field} op={op} value={value} onChange={setValue} onEnter={() => ready && apply()} />
    : null;

  return (
    <div style={{ width: 300, maxWidth: 'calc(100vw - 48px)' }} data-testid="filter-editor">
      <Space orientation="vertical" style={{ width: '100%' }} size={10}>
        <Select
          style={{ width: '100%' }}
          value={key}
          onChange={pickField}
          placeholder={t('filter.pickField')}
          showSearch={{ optionFilterProp: 'label' }}
          options={fields.filter((f) => f.filterable).map((f) => ({ value: f.key, label: fieldLabel(t, object, f) }))}
          aria-label={t('filter.field')}
          data-testid="filter-field"
        />
        {field ? (
          <Select
            style={{ width: '100%' }}
            value={op}
            onChange={(o: UiOp) => {
              setOp(o);
              if ((o === 'between') !== (op === 'between') || o === 'in' || o === 'nin' || op === 'in' || op === 'nin') setValue(field.type === 'boolean' ? 'true' : '');
            }}
            options={ops.map((o) => ({ value: o, label: opLabel(t, field, o) }))}
            aria-label={t('filter.operator')}
          />
        ) : null}
        {input}
        <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
          <Button size="small" onClick={onCancel}>{t('common.cancel')}</Button>
          <Button size="small" type="primary" disabled={!ready} onClick={apply} data-testid="filter-apply">{t('common.apply')}</Button>
        </Space>
      </Space>
    </div>
  );
}

function FilterChip({ object, fields, filter, onChange, onRemove }: { object: string; fields: FieldMeta[]; filter: Filter; onChange: (f: Filter) => void; onRemove: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const field = fields.find((f) => f.key === filter.field);
  const target = field ? linkTarget(field) : null;
  const refTitle = useRefTitle(target, filter.value, Boolean(target) && filter.op !== 'empty' && filter.value !== 'me');
  const focus = usePopoverFocus(open, () => setOpen(false));
  const label = `${field ? fieldLabel(t, object, field) : filter.field} ${opLabel(t, field, toUiOp(filter))} ${valueLabel(t, object, field, filter, refTitle)}`.trim();
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomLeft"
      content={<div ref={focus.ref} onKeyDown={focus.onKeyDown}><FilterEditor object={object} fields={fields} initial={filter} onApply={(f) => { onChange(f); setOpen(false); }} onCancel={() => setOpen(false)} /></div>}
      destroyOnHidden
    >
      <Tag
        closable
        onClose={(e) => {
          e.preventDefault();
          onRemove();
        }}
        className="gx-filter-chip"
        color="blue"
      >
        {/* A button so the chip opens from the keyboard; Delete/Backspace removes the filter. */}
        <button type="button" className="gx-text-button gx-chip-button" data-testid="filter-chip"
          onKeyDown={(e) => { if (e.key === 'Delete' || e.key === 'Backspace') { e.preventDefault(); onRemove(); } }}>
          {label}
        </button>
      </Tag>
    </Popover>
  );
}

interface BarProps {
  object: string;
  fields: FieldMeta[];
  filters: Filter[];
  onFilters: (f: Filter[]) => void;
  q: string;
  onQ: (q: string) => void;
  extra?: React.ReactNode;
}

/** Quick search, the active filters as chips, and "Add filter". */
export function FilterBar({ object, fields, filters, onFilters, q, onQ, extra }: BarProps) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const addFocus = usePopoverFocus(adding, () => setAdding(false));
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  useEffect(() => {
    const h = setTimeout(() => {
      if (text !== q) onQ(text);
    }, 300);
    return () => clearTimeout(h);
  }, [text, q, onQ]);
  const filterable = useMemo(() => fields.filter((f) => f.filterable), [fields]);

  return (
    <div className="gx-filter-bar">
      <Input
        className="gx-quick-search"
        prefix={<SearchOutlined style={{ color: '#8c8c8c' }} />}
        allowClear
        placeholder={t('filter.quickSearch')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-label={t('filter.quickSearch')}
      />
      {filters.map((f, i) => (
        <FilterChip
          key={`${f.field}-${f.op}-${i}`}
          object={object}
          fields={filterable}
          filter={f}
          onChange={(nf) => onFilters(filters.map((x, j) => (j === i ? nf : x)))}
          onRemove={() => onFilters(filters.filter((_, j) => j !== i))}
        />
      ))}
      <Popover
        open={adding}
        onOpenChange={setAdding}
        trigger="click"
        placement="bottomLeft"
        destroyOnHidden
        content={<div ref={addFocus.ref} onKeyDown={addFocus.onKeyDown}><FilterEditor object={object} fields={filterable} onApply={(f) => { onFilters([...filters, f]); setAdding(false); }} onCancel={() => setAdding(false)} /></div>}
      >
        <Button icon={filters.length ? <PlusOutlined /> : <FilterOutlined />} data-testid="add-filter">{t('filter.add')}</Button>
      </Popover>
      {filters.length > 0 ? (
        <Button type="link" onClick={() => onFilters([])} style={{ paddingInline: 4 }}>{t('filter.clear')}</Button>
      ) : null}
      <span style={{ flex: 1 }} />
      {extra}
    </div>
  );
}
