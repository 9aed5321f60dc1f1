import { useState } from 'react';
import { App, Button, Popover, Space } from 'antd';
import { CheckOutlined, CloseOutlined, EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ApiRecord, FieldMeta } from '../../api/types.ts';
import { useSaveRecord } from '../../api/records.ts';
import { errorText } from '../../api/errors.ts';
import { FieldInput } from '../../fields/FieldInput.tsx';
import { FieldValue } from '../../fields/FieldValue.tsx';
import { fieldLabel } from '../../fields/labels.ts';
import { isSaveEnter } from '../../lib/keys.ts';

// One-value types that edit well in a small popover over the grid.
const GRID_TYPES = new Set(['text', 'email', 'url', 'phone', 'select', 'user', 'link', 'number', 'money', 'date', 'boolean']);

export function gridEditable(f: FieldMeta): boolean {
  return !f.readonly && GRID_TYPES.has(f.type);
}

/**
 * A list cell that edits in place through its pencil button (shown on hover and keyboard focus);
 * Enter saves (one PATCH of that field, validated and audited like any update), Escape cancels.
 */
export function ListInlineCell({ object, field, record }: { object: string; field: FieldMeta; record: ApiRecord }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSaveRecord(object);
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState<unknown>(null);
  const start = () => { setValue(record[field.key] ?? null); setOpen(true); };
  const submit = () => {
    const v = typeof value === 'string' && value.trim() === '' ? null : value;
    save.mutate({ id: record.id, body: { [field.key]: v } }, {
      onSuccess: () => { setOpen(false); message.success(t('record.saved')); },
      onError: (e) => message.error(errorText(t, e)),
    });
  };
  const editor = (
    <div onKeyDown={(e) => { if (isSaveEnter(e)) { e.preventDefault(); submit(); } else if (e.key === 'Escape') { e.stopPropagation(); setOpen(false); } }}
      style={{ width: 260 }} onClick={(e) => e.stopPropagation()}>
      <FieldInput object={object} field={field} record={record} value={value} onChange={setValue} autoFocus />
      <Space size={4} style={{ marginTop: 8, display: 'flex', justifyContent: 'flex-end' }}>
        <Button size="small" icon={<CloseOutlined />} onClick={() => setOpen(false)} aria-label={t('common.cancel')} />
        <Button size="small" type="primary" icon={<CheckOutlined />} loading={save.isPending} onClick={submit} aria-label={t('common.save')} />
      </Space>
    </div>
  );
  return (
    <Popover open={open} onOpenChange={(o) => { if (!o) setOpen(false); }} trigger={[]} content={editor} destroyOnHidden
      title={fieldLabel(t, object, field)}>
      <div className="gx-grid-cell">
        <span className="gx-grid-value"><FieldValue object={object} field={field} record={record} compact /></span>
        {/* A button, so a click on the row still opens the record and the keyboard reaches it. */}
        <Button size="small" type="text" className="gx-grid-edit" icon={<EditOutlined />} data-testid={`cell-edit-${field.key}`}
          aria-label={t('faster.grid.edit', { field: fieldLabel(t, object, field) })} onClick={(e) => { e.stopPropagation(); start(); }} />
      </div>
    </Popover>
  );
}
