import { useEffect, useRef, useState } from 'react';
import { isSaveEnter } from '../../lib/keys.ts';
import { App, Button, Space, Switch, Typography } from 'antd';
import { CheckOutlined, CloseOutlined, EditOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useObject } from '../../api/objects.ts';
import { useSaveRecord } from '../../api/records.ts';
import { errorText, localizeMessage } from '../../api/errors.ts';
import type { ApiRecord, FieldMeta } from '../../api/types.ts';
import { FieldInput } from '../../fields/FieldInput.tsx';
import { FieldValue, isBlank } from '../../fields/FieldValue.tsx';
import { fieldLabel, sectionLabel } from '../../fields/labels.ts';
import { groupFields } from '../../fields/layout.ts';
import { currentLocale } from '../../i18n/index.ts';
import { SYSTEM_KEYS } from './formValues.ts';

/** The field just saved from the keyboard: the saved record re-renders its fields, and this one takes focus back. */
let refocusAfterSave: string | null = null;

interface FieldProps {
  object: string;
  field: FieldMeta;
  record: ApiRecord;
  canEdit: boolean;
}

/** One value on the record page; click to edit it in place. */
function InlineField({ object, field, record, canEdit }: FieldProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const saveRecord = useSaveRecord(object);
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState<unknown>(record[field.key]);
  const [error, setError] = useState<string | null>(null);
  const editable = canEdit && !field.readonly && !SYSTEM_KEYS.has(field.key);
  // Keyboard users get focus back on the value they edited once the editor closes.
  const editRef = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  const focusKey = `${object}:${record.id}:${field.key}`;
  useEffect(() => {
    if (refocusAfterSave === focusKey) {
      refocusAfterSave = null;
      editRef.current?.focus();
    }
  }, [focusKey]);
  useEffect(() => {
    if (wasEditing.current && !editing) editRef.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  const save = useMutation({
    mutationFn: async () => {
      const v = typeof value === 'string' && value.trim() === '' ? null : value;
      return saveRecord.mutateAsync({ id: record.id, body: { [field.key]: v } });
    },
    onSuccess: () => {
      refocusAfterSave = focusKey;
      setEditing(false);
      setError(null);
      message.success(t('record.saved'));
    },
    onError: (e) => {
      const d = e instanceof ApiError ? e.details.find((x) => x.field === field.key) : undefined;
      setError(d ? localizeMessage(t, d.message, d.code) : errorText(t, e));
    },
  });

  const start = () => {
    if (!editable) return;
    setValue(record[field.key]);
    setError(null);
    setEditing(true);
  };

  return (
    <div className={`gx-field ${field.type === 'longtext' ? 'gx-field-wide' : ''}`} data-field={field.key}>
      <div className="gx-field-label">{fieldLabel(t, object, field)}</div>
      {editing ? (
        <div className="gx-field-edit" onKeyDown={(e) => {
          // Enter saves, Escape leaves the value as it was (lib/keys.ts: not while composing Chinese).
          if (isSaveEnter(e)) { e.preventDefault(); save.mutate(); } else if (e.key === 'Escape') { e.stopPropagation(); setEditing(false); }
        }}>
          <div style={{ flex: 1, minWidth: 0 }}>
            <FieldInput object={object} field={field} record={record} value={value} onChange={setValue} autoFocus />
          </div>
          <Space size={4}>
            <Button size="small" type="primary" icon={<CheckOutlined />} loading={save.isPending} onClick={() => save.mutate()} aria-label={t('common.save')} />
            <Button size="small" icon={<CloseOutlined />} onClick={() => setEditing(false)} aria-label={t('common.cancel')} />
          </Space>
          {error ? <div className="gx-field-error" role="alert">{error}</div> : null}
        </div>
      ) : (
        <div
          className={`gx-field-value ${editable ? 'gx-editable' : ''}`}
          data-click-area={editable ? 'field-edit' : undefined}
          onClick={(e) => {
            if ((e.target as HTMLElement).closest('a')) return;
            start();
          }}
          data-testid={`field-value-${field.key}`}
          title={editable ? t('record.inlineEditHint') : undefined}
        >
          {isBlank(record[field.key]) ? <span className="gx-empty-value">{t('record.noValue')}</span> : <FieldValue object={object} field={field} record={record} />}
          {/* The keyboard way in: a real button (Enter/Space), named after the field, beside any
              links the value holds (a button around them would nest interactive controls). */}
          {editable ? (
            <button type="button" ref={editRef} className="gx-text-button gx-edit-button" aria-label={t('a11y.editField', { field: fieldLabel(t, object, field) })}
              data-testid={`field-edit-${field.key}`} onClick={(e) => { e.stopPropagation(); start(); }}>
              <EditOutlined className="gx-edit-icon" />
            </button>
          ) : null}
        </div>
      )}
    </div>
  );
}

/** The record's fields in sections. Only keys the server returned are shown (hidden fields are absent). */
export function DetailsCard({ object, record, fields, canEdit }: { object: string; record: ApiRecord; fields: FieldMeta[]; canEdit: boolean }) {
  const { t } = useTranslation();
  const [showEmpty, setShowEmpty] = useState(false);
  const present = fields.filter((f) => f.key in record);
  const visible = showEmpty ? present : present.filter((f) => !isBlank(record[f.key]) || f.required);
  const sections = groupFields(useObject(object), currentLocale(), visible);
  return (
    <div data-testid="record-details">
      <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 4 }}>
        <Space size={6}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('form.showMore')}</Typography.Text>
          <Switch size="small" checked={showEmpty} onChange={setShowEmpty} aria-label={t('form.showMore')} />
        </Space>
      </div>
      {sections.map((s) => (
        <section key={s.key} className="gx-section">
          <Typography.Title level={5} className="gx-section-title">{sectionLabel(t, object, s.key)}</Typography.Title>
          <div className="gx-fields">
            {s.fields.map((f) => (
              <InlineField key={`${f.key}-${String(record.updated_at ?? '')}`} object={object} field={f} record={record} canEdit={canEdit} />
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
