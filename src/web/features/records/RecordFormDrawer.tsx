import { useEffect, useMemo, useRef, useState } from 'react';
import { isSaveEnter } from '../../lib/keys.ts';
import { Attachments } from './Attachments.tsx';
import { Alert, App, Button, Col, Drawer, Form, Row, Skeleton, Space, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ApiError } from '../../api/client.ts';
import { errorText, localizeMessage, versionConflict, type VersionConflict } from '../../api/errors.ts';
import { useMe, useMeta } from '../../api/hooks.ts';
import type { ApiRecord, DuplicateMatch } from '../../api/types.ts';
import { useObject } from '../../api/objects.ts';
import { useRecord, useSaveRecord, useSetRecord } from '../../api/records.ts';
import { FieldFormItem } from '../../fields/FieldInput.tsx';
import { fieldLabel, objectLabel, sectionLabel } from '../../fields/labels.ts';
import { groupFields } from '../../fields/layout.ts';
import { currentLocale } from '../../i18n/index.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useIsPhone } from '../../lib/useIsPhone.ts';
import { useDebounced } from '../../lib/useDebounced.ts';
import { formFields, initialValues, payload } from './formValues.ts';
import { createDefaults } from './defaults.ts';

export interface RecordFormProps {
  object: string;
  open: boolean;
  /** Editing this record; creating when absent. */
  recordId?: number | null;
  /** What the page knows about a new record (the contact a task is for), over the declared defaults. */
  defaults?: Record<string, unknown>;
  onClose: () => void;
  onSaved?: (record: ApiRecord, created: boolean) => void;
}

const WIDE = new Set(['longtext', 'tags', 'multiselect']);

/** Create/edit form generated from the object's descriptor and fields; server errors land on their fields. */
export function RecordFormDrawer({ object, open, recordId, defaults, onClose, onSaved }: RecordFormProps) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const isPhone = useIsPhone();
  const meta = useMeta(object);
  const descriptor = useObject(object);
  const meId = useMe().data?.id;
  const saveRecord = useSaveRecord(object);
  const setRecord = useSetRecord(object);
  const editing = recordId !== null && recordId !== undefined;
  const record = useRecord(object, editing && open ? recordId : null);
  const [form] = Form.useForm();
  const [showAll, setShowAll] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  // Someone saved the record after this form read it: their version, and the edits waiting to be saved.
  const [conflict, setConflict] = useState<(VersionConflict & { values: Record<string, unknown> }) | null>(null);
  // The save button is at the bottom and these messages at the top of a long form: bring them
  // into view, or a person who edited a field far down sees nothing happen.
  const messages = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (conflict || formError) messages.current?.scrollIntoView({ block: 'start' });
  }, [conflict, formError]);

  const fields = useMemo(() => formFields(meta.data?.fields ?? [], editing ? 'edit' : 'create'), [meta.data, editing]);
  const visible = useMemo(() => {
    if (editing || showAll) return fields;
    const quick = new Set(descriptor?.quick_create ?? []);
    return fields.filter((f) => quick.has(f.key) || f.required || f.custom);
  }, [fields, editing, showAll, descriptor]);
  const sections = useMemo(() => groupFields(descriptor, currentLocale(), visible), [descriptor, visible]);
  const loading = meta.isLoading || (editing && record.isLoading);

  useEffect(() => {
    if (!open) return;
    setFormError(null);
    setConflict(null);
    setShowAll(false);
    setIdempotencyKey(crypto.randomUUID());
    form.resetFields();
  }, [open, recordId, form]);

  // The values the form opened with, once its inputs settled (a date or phone input may tidy its
  // value on mount): Escape and Cancel ask before discarding only when the values differ.
  const baseline = useRef<string | null>(null);
  useEffect(() => {
    if (!open || loading) return undefined;
    form.setFieldsValue(initialValues(fields, editing ? record.data : null, editing ? {} : createDefaults(descriptor, meId, defaults)));
    baseline.current = null;
    const timer = window.setTimeout(() => { baseline.current = JSON.stringify(form.getFieldsValue(true)); }, 300);
    return () => window.clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, loading, record.data, fields]);

  // Before creating a contact or account, look for one that exists already.
  const probeName = Form.useWatch('name', form) as string | undefined;
  const probeEmail = Form.useWatch('email', form) as string | undefined;
  const probePhone = Form.useWatch('mobile', form) as string | undefined;
  const probePhone2 = Form.useWatch('phone', form) as string | undefined;
  const probe = useDebounced(JSON.stringify({ name: probeName || null, email: probeEmail || null, phone: probePhone || probePhone2 || null }), 500);
  const dupes = useQuery({
    queryKey: ['dup-check', object, probe],
    enabled: open && !editing && Boolean(descriptor?.features.merge) && probe !== JSON.stringify({ name: null, email: null, phone: null }),
    queryFn: async () => (await api.post<{ data: DuplicateMatch[] }>(`/${object}/duplicates/check`, JSON.parse(probe))).data,
    retry: false,
    staleTime: 10_000,
  });

  const save = useMutation({
    mutationFn: async ({ values, version }: { values: Record<string, unknown>; version?: number }) => {
      const body = payload(fields, values, editing ? record.data : null);
      if (editing) {
        if (!Object.keys(body).length) return { record: record.data!, created: false, unchanged: true };
        // The version the form read: the server refuses the save (409) if someone saved since.
        const read = version ?? record.data?.version;
        const saved = await saveRecord.mutateAsync({ id: recordId, body, version: typeof read === 'number' ? read : undefined });
        return { record: saved, created: false, unchanged: false };
      }
      return { record: await saveRecord.mutateAsync({ body, idempotencyKey }), created: true, unchanged: false };
    },
    onSuccess: ({ record: saved, created, unchanged }) => {
      const name = objectLabel(t, object);
      if (unchanged) message.info(t('form.noChanges'));
      else message.success(created ? t('form.created', { object: name }) : t('form.saved', { object: name }));
      onSaved?.(saved, created);
      onClose();
    },
    onError: (e, vars) => {
      const c = versionConflict(e);
      if (c) {
        setConflict({ ...c, values: vars.values });
        return;
      }
      if (e instanceof ApiError && e.details.length) {
        const known = new Set(fields.map((f) => f.key));
        const onForm = e.details.filter((d) => known.has(d.field));
        form.setFields(onForm.map((d) => ({ name: d.field, errors: [localizeMessage(t, d.message, d.code)] })));
        const rest = e.details.filter((d) => !known.has(d.field));
        setFormError(rest.length ? rest.map((d) => `${fieldLabel(t, object, d.field)}: ${localizeMessage(t, d.message, d.code)}`).join('\n') : t('form.fixErrors'));
        if (onForm[0]) form.scrollToField(onForm[0].field, { behavior: 'smooth', block: 'center' });
      } else {
        setFormError(errorText(t, e));
      }
    },
  });

  /** Shows the record as saved by the other person; the edits in the form are dropped. */
  const reload = () => {
    if (!conflict) return;
    setRecord(conflict.current as ApiRecord);
    form.resetFields();
    form.setFieldsValue(initialValues(fields, conflict.current as ApiRecord, {}));
    setConflict(null);
  };
  /** Saves the form's edits over the other person's change, now knowing their version. */
  const overwrite = () => {
    if (!conflict) return;
    save.mutate({ values: conflict.values, version: conflict.current.version });
  };

  // Escape, the mask and Cancel ask before throwing away what was typed (nothing typed: just close).
  const close = () => {
    if (baseline.current === null || JSON.stringify(form.getFieldsValue(true)) === baseline.current) return onClose();
    modal.confirm({ title: t('faster.form.discardTitle'), content: t('faster.form.discardText'), okText: t('faster.form.discard'), cancelText: t('faster.form.keepEditing'), okButtonProps: { danger: true }, onOk: onClose });
  };

  const objName = objectLabel(t, object).toLowerCase();
  const title = editing ? t('form.editTitle', { object: objName }) : t('form.createTitle', { object: objName });
  const matches = (dupes.data ?? []).filter((d) => d.id);

  return (
    <Drawer
      open={open}
      onClose={close}
      title={title}
      size={isPhone ? '100%' : 760}
      destroyOnHidden
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} disabled={loading} onClick={() => form.submit()} data-testid="record-form-save">
            {editing ? t('common.save') : t('common.create')}
          </Button>
        </Space>
      }
    >
      {loading ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <Form
          form={form}
          layout="vertical"
          requiredMark="optional"
          onFinish={() => {
            setFormError(null);
            // The whole store, not only mounted fields: defaults (e.g. the contact a task is for) travel too.
            setConflict(null);
            save.mutate({ values: form.getFieldsValue(true) as Record<string, unknown> });
          }}
          onFinishFailed={() => setFormError(t('form.fixErrors'))}
          // Enter in a one-line field saves (the save button sits in the footer, outside the form).
          onKeyDown={(e) => { if (isSaveEnter(e)) { e.preventDefault(); form.submit(); } }}
          scrollToFirstError
          name={`form-${object}`}
        >
          <div ref={messages} />
          {conflict ? (
            <Alert
              type="warning"
              showIcon
              data-testid="record-form-conflict"
              style={{ marginBottom: 16 }}
              title={t('form.conflictTitle')}
              description={
                <Space orientation="vertical" size={8}>
                  <span>
                    {conflict.changedBy
                      ? t('form.conflictBy', { name: conflict.changedBy, when: formatDateTime(conflict.changedAt) })
                      : t('form.conflictAt', { when: formatDateTime(conflict.changedAt) })}{' '}
                    {t('form.conflictHelp')}
                  </span>
                  <Space>
                    <Button size="small" onClick={reload} data-testid="record-form-reload">{t('form.reload')}</Button>
                    <Button size="small" danger loading={save.isPending} onClick={overwrite} data-testid="record-form-overwrite">{t('form.overwrite')}</Button>
                  </Space>
                </Space>
              }
            />
          ) : null}
          {formError ? <Alert type="error" showIcon title={<span style={{ whiteSpace: 'pre-line' }}>{formError}</span>} style={{ marginBottom: 16 }} /> : null}
          {matches.length > 0 ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('duplicates.checkWarning')}
              description={
                <Space orientation="vertical" size={2}>
                  {matches.slice(0, 5).map((m) => (
                    <span key={m.id}>
                      <Link to={`/${object}/${m.id}`} onClick={onClose}>{m.name}</Link>{' '}
                      <Typography.Text type="secondary">
                        {(m.reasons ?? []).map((r) => t(`duplicates.reasons.${r}`, { defaultValue: r })).join(', ')}
                      </Typography.Text>
                    </span>
                  ))}
                </Space>
              }
            />
          ) : null}
          {sections.map((s, i) => (
            <div key={s.key}>
              <Typography.Title level={5} style={{ marginTop: i === 0 ? 0 : 8 }}>{sectionLabel(t, object, s.key)}</Typography.Title>
              <Row gutter={16}>
                {s.fields.map((f, j) => (
                  <Col key={f.key} xs={24} md={WIDE.has(f.type) ? 24 : 12}>
                    <FieldFormItem object={object} field={f} record={editing ? record.data : null} autoFocus={i === 0 && j === 0 && !isPhone} />
                  </Col>
                ))}
              </Row>
            </div>
          ))}
          {!editing && fields.length > visible.length ? (
            <Button type="link" onClick={() => setShowAll(true)} style={{ paddingInline: 0 }}>{t('form.showMore')}</Button>
          ) : null}
        </Form>
      )}
      {editing && descriptor?.features.attachments ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>{t('attachments.title')}</Typography.Title>
          <Attachments object={object} id={recordId} canEdit={Boolean(descriptor.can.update)} />
        </>
      ) : null}
    </Drawer>
  );
}
