import { useState } from 'react';
import { App, Form, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldMeta } from '../../api/types.ts';
import { ApiError } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';
import { FieldInput } from '../../fields/FieldInput.tsx';
import { fieldLabel } from '../../fields/labels.ts';
import { changedCount, runBulk, scopeCount, type BulkResult, type BulkScope } from './bulk-scope.ts';

// Field types a bulk update offers: one value that makes sense for many records at once.
const BULK_TYPES = new Set(['text', 'select', 'multiselect', 'user', 'link', 'number', 'money', 'date', 'boolean', 'tags']);

interface Props {
  object: string;
  fields: FieldMeta[];
  scope: BulkScope;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}

/** The failures a bulk action reported, one line per record (the first ones). */
export function showFailures(t: ReturnType<typeof useTranslation>['t'], modal: ReturnType<typeof App.useApp>['modal'], r: BulkResult) {
  if (!r.failed) return;
  modal.warning({
    title: t('faster.bulk.failed', { count: r.failed }),
    content: (
      <ul className="gx-bulk-failures" data-testid="bulk-failures">
        {r.errors.slice(0, 20).map((e) => <li key={e.id}>#{e.id}: {errorText(t, new ApiError(400, e.code, e.message, e.details))}</li>)}
      </ul>
    ),
  });
}

/** Set one field on the selection or on all matching: owner, a status, a custom field, or add tags. */
export function BulkUpdateModal({ object, fields, scope, open, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [key, setKey] = useState<string | undefined>();
  const [value, setValue] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const editable = fields.filter((f) => !f.readonly && BULK_TYPES.has(f.type));
  const field = editable.find((f) => f.key === key);
  const count = scopeCount(scope);
  const empty = value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length);

  const apply = async () => {
    if (!field) return;
    setBusy(true);
    try {
      const action = field.type === 'tags' ? { action: 'add_tags', tags: value } : { action: 'update', values: { [field.key]: empty ? null : value } };
      const r = await runBulk(object, scope, action);
      if (r.done) message.success(t('faster.bulk.updated', { count: r.done }));
      showFailures(t, modal, r);
      onClose();
      onDone();
    } catch (e) {
      const now = changedCount(e);
      message.error(now !== null ? t('faster.bulk.countChanged', { count: now }) : errorText(t, e));
    } finally {
      setBusy(false);
    }
  };
  // The count is confirmed before anything is written (the server checks it again).
  const confirm = () => modal.confirm({
    title: t('faster.bulk.confirmTitle', { count }),
    content: field ? t('faster.bulk.confirmText', { field: fieldLabel(t, object, field), count }) : null,
    okText: t('faster.bulk.apply', { count }),
    onOk: apply,
  });

  return (
    <Modal open={open} title={t('faster.bulk.title')} onCancel={onClose} destroyOnHidden
      okText={t('faster.bulk.next')} okButtonProps={{ disabled: !field || (field.type === 'tags' && empty), loading: busy }} onOk={confirm}>
      <Typography.Paragraph data-testid="bulk-scope">{t('faster.bulk.scope', { count })}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('faster.bulk.field')} htmlFor="bulk-field">
          <Select id="bulk-field" showSearch optionFilterProp="label" value={key} onChange={(k) => { setKey(k); setValue(null); }}
            options={editable.map((f) => ({ value: f.key, label: f.type === 'tags' ? t('faster.bulk.addTags', { field: fieldLabel(t, object, f) }) : fieldLabel(t, object, f) }))} />
        </Form.Item>
        {field ? (
          <Form.Item label={t('faster.bulk.value')} htmlFor="bulk-value" extra={field.type === 'tags' ? t('faster.bulk.tagsHelp') : t('faster.bulk.emptyClears')}>
            {field.type === 'tags'
              ? <Select id="bulk-value" mode="tags" value={(value as string[] | null) ?? []} onChange={setValue} open={false} />
              : <FieldInput object={object} field={field} value={value} onChange={setValue} id="bulk-value" />}
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
