import { useMemo, useState } from 'react';
import { Button, Checkbox, Divider, Input, Popover, Segmented, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, SettingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { FieldMeta } from '../../api/types.ts';
import { fieldLabel } from '../../fields/labels.ts';
import { usePopoverFocus } from '../../lib/popoverFocus.ts';

interface Props {
  object: string;
  fields: FieldMeta[];
  columns: string[];
  titleField: string;
  onChange: (cols: string[]) => void;
  density: 'small' | 'middle' | 'large';
  onDensity: (d: 'small' | 'middle' | 'large') => void;
  compact?: boolean;
}

/** Which columns show, in which order, and how tall rows are. The title column always stays first. */
export function ColumnChooser({ object, fields, columns, titleField, onChange, density, onDensity, compact }: Props) {
  const { t } = useTranslation();
  const [find, setFind] = useState('');
  const shown = useMemo(() => columns.filter((c) => fields.some((f) => f.key === c)), [columns, fields]);
  const hidden = fields.filter((f) => !shown.includes(f.key));
  const match = (f: FieldMeta) => !find || fieldLabel(t, object, f).toLowerCase().includes(find.toLowerCase());
  const move = (key: string, by: number) => {
    const i = shown.indexOf(key);
    const j = i + by;
    if (j < 1 || j >= shown.length) return;
    const next = [...shown];
    [next[i], next[j]] = [next[j]!, next[i]!];
    onChange(next);
  };
  const [open, setOpen] = useState(false);
  const focus = usePopoverFocus(open, () => setOpen(false));
  const content = (
    <div style={{ width: 310, maxWidth: 'calc(100vw - 40px)' }} data-testid="column-chooser" ref={focus.ref} onKeyDown={focus.onKeyDown}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('list.density')}</Typography.Text>
      <Segmented
        block
        size="small"
        value={density}
        onChange={(v) => onDensity(v as 'small' | 'middle' | 'large')}
        options={(['small', 'middle', 'large'] as const).map((d) => ({ value: d, label: t(`list.densityOptions.${d}`) }))}
        style={{ margin: '4px 0 8px' }}
      />
      <Input size="small" allowClear placeholder={t('common.search')} value={find} onChange={(e) => setFind(e.target.value)} />
      <div style={{ maxHeight: 360, overflowY: 'auto', marginTop: 8 }}>
        {shown.map((k) => {
          const f = fields.find((x) => x.key === k)!;
          if (!match(f)) return null;
          const locked = k === titleField;
          return (
            <div key={k} className="gx-col-row">
              <Checkbox checked disabled={locked} onChange={() => onChange(shown.filter((c) => c !== k))}>{fieldLabel(t, object, f)}</Checkbox>
              {!locked ? (
                <span>
                  <Button type="text" size="small" icon={<ArrowUpOutlined />} onClick={() => move(k, -1)} aria-label={t('list.moveUp')} />
                  <Button type="text" size="small" icon={<ArrowDownOutlined />} onClick={() => move(k, 1)} aria-label={t('list.moveDown')} />
                </span>
              ) : null}
            </div>
          );
        })}
        <Divider style={{ margin: '6px 0' }} />
        {hidden.filter(match).map((f) => (
          <div key={f.key} className="gx-col-row">
            <Checkbox checked={false} onChange={() => onChange([...shown, f.key])}>{fieldLabel(t, object, f)}</Checkbox>
          </div>
        ))}
      </div>
    </div>
  );
  return (
    <Popover content={content} trigger="click" placement="bottomRight" title={t('list.chooseColumns')} open={open} onOpenChange={setOpen}>
      <Button icon={<SettingOutlined />} data-testid="columns-button">{compact ? null : t('list.columns')}</Button>
    </Popover>
  );
}
