import { useMemo, useRef, useState } from 'react';
import { App, Breadcrumb, Button, Card, Col, Dropdown, Modal, Row, Skeleton, Space, Tabs, Typography } from 'antd';
import {
  DeleteOutlined, EditOutlined, MailOutlined, MergeCellsOutlined, MoreOutlined, PhoneOutlined, PlusOutlined, UserOutlined, WechatOutlined, FilePdfOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, download } from '../../api/client.ts';
import { currentLocale } from '../../i18n/index.ts';
import { formatDate, formatMoney, formatNumber } from '../../i18n/format.ts';
import { errorText } from '../../api/errors.ts';
import { useMeta } from '../../api/hooks.ts';
import { useObjects } from '../../api/objects.ts';
import { useDeleteRecord, useRecord } from '../../api/records.ts';
import type { RelatedList } from '../../../shared/objects.ts';
import type { ApiRecord, FieldMeta } from '../../api/types.ts';
import { FieldValue, isBlank } from '../../fields/FieldValue.tsx';
import { fieldLabel, objectLabel, optionLabel, sectionLabel } from '../../fields/labels.ts';
import { useIsPhone } from '../../lib/useIsPhone.ts';
import { NotFound } from '../../app/NotFound.tsx';
import { Composer } from './Composer.tsx';
import { DetailsCard } from './DetailsCard.tsx';
import { Duplicates } from './Duplicates.tsx';
import { RecordFormDrawer } from './RecordFormDrawer.tsx';
import { AccountContacts, ContactAccounts, RecordTasks, RelatedRecords } from './RelatedLists.tsx';
import { Timeline } from './Timeline.tsx';
import { Attachments } from './Attachments.tsx';
import { useRelatedCounts } from './relatedCounts.tsx';
import { LineEditor } from '../lines/LineEditor.tsx';
import { linksFrom } from './defaults.ts';
import { recordExtensions, type RecordExtensionProps } from '../../extensions/registry.ts';
import { PageTitle } from '../../components/PageTitle.tsx';

const FACT_TAGS = ['type', 'tier', 'lifecycle_status'];

interface RelatedViewProps { field: string; id: number; onAdd?: () => void; onNewTask?: () => void }
// Related lists with a richer view than a list of titles, keyed by `object.field` or object
// (like app/ObjectRoutes.tsx keys module pages): roles at an account, ticking tasks done.
const RELATED_VIEWS: Record<string, (p: RelatedViewProps) => React.ReactNode> = {
  'contacts.account_id': ({ id, onAdd }) => <AccountContacts accountId={id} onAdd={onAdd} />,
  tasks: ({ field, id, onNewTask }) => <RecordTasks field={field} id={id} onNew={onNewTask} />,
};
// Tabs an object's page has besides its details and related lists: a contact's accounts come
// through its own links (several, one primary), not through a link field.
const RECORD_TABS: Record<string, { key: string; object: string; View: (p: { record: ApiRecord; canEdit: boolean }) => React.ReactNode }[]> = {
  contacts: [{ key: 'accounts', object: 'accounts', View: ({ record, canEdit }) => <ContactAccounts contact={record} canEdit={canEdit} /> }],
};

function Fact({ icon, children, label }: { icon: React.ReactNode; children: React.ReactNode; label: string }) {
  return (
    <span className="gx-fact" title={label}>
      {icon}
      <span>{children}</span>
    </span>
  );
}

/** Text of one value in the header's subtitle: a linked record's title, an option's label, else the value. */
function plainText(t: Parameters<typeof optionLabel>[0], object: string, field: FieldMeta | undefined, rec: Record<string, unknown> & { refs?: Record<string, { title?: string } | undefined> }, key: string): string | null {
  const v = rec[key];
  if (!field || isBlank(v)) return null;
  if (field.type === 'link' || field.type === 'user') return rec.refs?.[key]?.title ?? null;
  if (field.type === 'select') return optionLabel(t, object, field, v as string);
  // Amounts and dates as everywhere else (CN¥14,978.10, not "14978.10").
  if (field.type === 'money') return formatMoney(v, typeof rec.currency === 'string' ? rec.currency : undefined);
  if (field.type === 'date') return formatDate(v);
  if (field.type === 'number') return formatNumber(v);
  return String(v);
}

// The header's chips say what they are ("类型 客户 · 生命周期 意向"): two chips of one word each
// ("Prospect Prospect") told a user nothing.
/** A record of an object with a record page (contacts, accounts, any object declaring `ui.recordPage`): header with key facts and actions, details, the descriptor's related lists, timeline. */
export function RecordPage({ object }: { object: string }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const params = useParams();
  const id = Number(params.id);
  const meta = useMeta(object);
  const objects = useObjects().data ?? [];
  const descriptor = objects.find((d) => d.name === object);
  // Only objects the user may create records of are asked for (else their metadata is a 404).
  const mayCreate = (name: string) => Boolean(objects.find((d) => d.name === name)?.can.create);
  const taskMeta = useMeta('tasks', mayCreate('tasks'));
  const activityMeta = useMeta('activities', mayCreate('activities'));
  const countLabel = useRelatedCounts(object, id, Number.isInteger(id) && id > 0 && Boolean(descriptor?.related.length));
  const remove = useDeleteRecord(object);
  const record = useRecord(object, Number.isInteger(id) && id > 0 ? id : null);
  const [editing, setEditing] = useState(false);
  const [taskOpen, setTaskOpen] = useState(false);
  // The related list whose "add" form is open (a new record linked to this one).
  const [adding, setAdding] = useState<RelatedList | null>(null);
  const [activityOpen, setActivityOpen] = useState(false);
  const [merging, setMerging] = useState(false);
  const composerRef = useRef<HTMLDivElement>(null);

  const fields = meta.data?.fields ?? [];
  const byKey = useMemo(() => new Map(fields.map((f) => [f.key, f])), [fields]);
  const rec = record.data;
  const canEdit = Boolean((meta.data ?? descriptor)?.can.update);

  const del = () =>
    remove.mutateAsync(id).then(
      () => {
        message.success(t('record.deleted', { name: String(rec?.name ?? '') }));
        navigate(`/${object}`);
      },
      (e: unknown) => message.error(errorText(t, e)),
    );

  if (record.isError && record.error instanceof ApiError && (record.error.status === 404 || record.error.status === 400)) {
    return <NotFound title={t('record.notFound')} />;
  }
  if (record.isError) return <Typography.Text type="danger">{errorText(t, record.error)}</Typography.Text>;

  const loading = record.isLoading || meta.isLoading || !rec;
  const name = rec ? (recordExtensions(object).map((e) => e.title?.(t, rec)).find(Boolean) ?? String(rec[descriptor?.title_field ?? 'name'] ?? rec.name ?? `#${rec.id}`)) : '';
  const f = (k: string): FieldMeta | undefined => (rec && k in rec ? byKey.get(k) : undefined);
  const show = (k: string) => {
    const field = f(k);
    return field && rec && !isBlank(rec[k]) ? <FieldValue object={object} field={field} record={rec} /> : null;
  };
  // What a task or an activity made here links to: this record, and where its own links point.
  const from = { object, id, fields, record: rec };
  const taskLinks = linksFrom(taskMeta.data?.fields ?? [], from);
  const activityLinks = linksFrom(activityMeta.data?.fields ?? [], from);
  const canLog = canEdit && Object.keys(activityLinks).length > 0;
  const canTask = canEdit && Object.keys(taskLinks).length > 0;
  const logActivity = () => {
    if (isPhone) setActivityOpen(true);
    else {
      composerRef.current?.scrollIntoView({ behavior: 'smooth', block: 'center' });
      composerRef.current?.querySelector<HTMLInputElement>('input')?.focus();
    }
  };

  // What business modules add to this object's page (extensions/registry.ts).
  const extensions = recordExtensions(object);
  const extProps: RecordExtensionProps | null = rec ? { object, id, record: rec, canEdit, reload: () => void record.refetch() } : null;
  const extPanels = extProps ? extensions.map((x, i) => (x.Panels ? <x.Panels key={i} {...extProps} /> : null)) : null;

  const subtitle = rec ? (descriptor?.subtitle ?? []).map((k) => plainText(t, object, f(k), rec, k)).filter(Boolean).join(' · ') : '';

  const header = (
    <Card className="gx-record-head" variant="borderless">
      {loading ? (
        <Skeleton active title={{ width: 240 }} paragraph={{ rows: 2 }} />
      ) : (
        <>
          <div className="gx-record-title-row">
            <div style={{ minWidth: 0, flex: 1 }}>
              <PageTitle testId="record-title">{name}</PageTitle>
              {subtitle ? <Typography.Text type="secondary">{subtitle}</Typography.Text> : null}
            </div>
            <Space wrap className="gx-record-actions">
              {canLog ? <Button onClick={logActivity} icon={<PhoneOutlined />}>{t('record.logActivity')}</Button> : null}
              {canTask ? <Button onClick={() => setTaskOpen(true)} icon={<PlusOutlined />}>{isPhone ? null : t('record.newTask')}</Button> : null}
              {descriptor?.features.printable ? (
                // The document in the language the app shows (the server's default would be the profile's).
                <Button onClick={() => download(`/${object}/${id}/pdf`, { locale: currentLocale() })} icon={<FilePdfOutlined />} title={t('record.pdfTitle')} data-testid="record-pdf">{t('record.pdf')}</Button>
              ) : null}
              {extProps ? extensions.map((x, i) => (x.Actions ? <x.Actions key={i} {...extProps} /> : null)) : null}
              {canEdit ? <Button type="primary" onClick={() => setEditing(true)} icon={<EditOutlined />} data-testid="record-edit">{t('record.edit')}</Button> : null}
              {canEdit ? (
                <Dropdown
                  trigger={['click']}
                  menu={{
                    items: [
                      ...(descriptor?.features.merge ? [{ key: 'merge', icon: <MergeCellsOutlined />, label: t('record.merge') }, { type: 'divider' as const }] : []),
                      { key: 'delete', icon: <DeleteOutlined />, danger: true, label: t('record.delete') },
                    ],
                    onClick: ({ key }) => {
                      if (key === 'merge') setMerging(true);
                      if (key === 'delete') {
                        modal.confirm({
                          title: t('record.confirmDelete', { name }),
                          content: t('record.confirmDeleteText'),
                          okText: t('common.delete'),
                          okButtonProps: { danger: true },
                          onOk: del,
                        });
                      }
                    },
                  }}
                >
                  <Button icon={<MoreOutlined />} aria-label={t('common.more')} />
                </Dropdown>
              ) : null}
            </Space>
          </div>
          <div className="gx-facts">
            {FACT_TAGS.map((k) => (f(k) && !isBlank(rec![k]) ? <span key={k} className="gx-fact-chip"><span className="gx-fact-chip-label">{fieldLabel(t, object, f(k)!)}</span>{show(k)}</span> : null))}
            {show('owner_id') ? <Fact icon={<UserOutlined />} label={fieldLabel(t, object, 'owner_id')}>{show('owner_id')}</Fact> : null}
            {show('mobile') ? <Fact icon={<PhoneOutlined />} label={fieldLabel(t, object, 'mobile')}>{show('mobile')}</Fact> : null}
            {show('phone') ? <Fact icon={<PhoneOutlined />} label={fieldLabel(t, object, 'phone')}>{show('phone')}</Fact> : null}
            {show('email') ? <Fact icon={<MailOutlined />} label={fieldLabel(t, object, 'email')}>{show('email')}</Fact> : null}
            {show('wechat_id') ? <Fact icon={<WechatOutlined />} label={fieldLabel(t, object, 'wechat_id')}>{show('wechat_id')}</Fact> : null}
          </div>
        </>
      )}
    </Card>
  );

  // The descriptor's related lists; a few have a richer view of their own (RELATED_VIEWS).
  const relatedView = (r: RelatedList) => {
    const onAdd = canEdit && mayCreate(r.object) ? () => setAdding(r) : undefined;
    const View = RELATED_VIEWS[`${r.object}.${r.field}`] ?? RELATED_VIEWS[r.object];
    if (View) return <View field={r.field} id={id} onAdd={onAdd} onNewTask={canTask ? () => setTaskOpen(true) : undefined} />;
    return <RelatedRecords object={r.object} field={r.field} id={id} onAdd={onAdd} />;
  };
  const detailsBody = loading ? <Skeleton active paragraph={{ rows: 8 }} /> : <DetailsCard object={object} record={rec!} fields={fields} canEdit={canEdit} />;
  // Objects with lines (quotes…): the line editor spans the page under the header (a tab on phones).
  const lineEditor = descriptor?.lines ? <LineEditor object={object} id={id} canEdit={canEdit} lines={descriptor.lines} /> : null;
  const leftTabs = [
    { key: 'details', label: sectionLabel(t, object, 'details'), children: detailsBody },
    ...(RECORD_TABS[object] ?? []).map((x) => ({ key: x.key, label: objectLabel(t, x.object, true), children: loading ? null : <x.View record={rec!} canEdit={canEdit} /> })),
    ...(descriptor?.related ?? []).map((r) => ({ key: `${r.object}-${r.field}`, label: countLabel(objectLabel(t, r.object, true), r), children: loading ? null : relatedView(r) })),
    ...(extProps ? extensions.flatMap((x) => x.tabs ?? []).map((x) => ({ key: x.key, label: x.label(t), children: <x.View {...extProps} /> })) : []),
    ...(descriptor?.features.attachments ? [{ key: 'attachments', label: t('attachments.title'), children: <Attachments object={object} id={id} canEdit={canEdit} /> }] : []),
  ];

  const activity = (
    <>
      {canLog && !isPhone ? (
        <Card title={t('composer.title')} variant="borderless" className="gx-card" size="small">
          <div ref={composerRef}>
            <Composer link={activityLinks} />
          </div>
        </Card>
      ) : null}
      {/* Only objects some other object puts events on have a timeline of their own (descriptor features). */}
      {descriptor?.features.timeline ? (
        <Card title={t('timeline.title')} variant="borderless" className="gx-card" size="small">
          <Timeline object={object} id={id} />
        </Card>
      ) : null}
      {!loading && descriptor?.features.merge ? (
        <Card title={t('duplicates.title')} variant="borderless" className="gx-card" size="small">
          <Duplicates object={object} id={id} name={name} />
        </Card>
      ) : null}
    </>
  );

  return (
    <div className="gx-page">
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to={`/${object}`}>{objectLabel(t, object, true)}</Link> }, { title: name || '…' }]}
      />
      {header}
      {isPhone ? (
        <Tabs
          className="gx-record-tabs gx-wrap-tabs"
          items={[
            ...(lineEditor ? [{ key: 'lines', label: t('lines.title'), children: lineEditor }] : []),
            ...(extPanels?.some(Boolean) ? [{ key: 'panels', label: t('record.overview'), children: extPanels }] : []),
            { key: 'timeline', label: t('timeline.title'), children: activity },
            ...leftTabs.map((x) => ({ ...x, children: <Card variant="borderless" size="small">{x.children}</Card> })),
          ]}
        />
      ) : (
        <>
        {lineEditor ? (
          <Card title={t('lines.title')} variant="borderless" className="gx-card" style={{ marginTop: 16 }} data-testid="lines-card">
            {lineEditor}
          </Card>
        ) : null}
        {extPanels}
        <Row gutter={16} style={{ marginTop: 16 }}>
          <Col xs={24} lg={14} xl={15}>
            <Card variant="borderless" className="gx-card gx-tabs-card" styles={{ body: { paddingTop: 4 } }}>
              <Tabs className="gx-wrap-tabs" items={leftTabs} />
            </Card>
          </Col>
          <Col xs={24} lg={10} xl={9}>
            {activity}
          </Col>
        </Row>
        </>
      )}

      <RecordFormDrawer object={object} open={editing} recordId={id} onClose={() => setEditing(false)} />
      <RecordFormDrawer
        object="tasks"
        open={taskOpen}
        onClose={() => setTaskOpen(false)}
        defaults={taskLinks}
      />
      {adding ? <RecordFormDrawer object={adding.object} open onClose={() => setAdding(null)} defaults={{ [adding.field]: id }} /> : null}
      <Modal open={activityOpen} title={t('composer.title')} footer={null} onCancel={() => setActivityOpen(false)} destroyOnHidden>
        <Composer link={activityLinks} onLogged={() => setActivityOpen(false)} />
      </Modal>
      <Modal open={merging} title={t('record.merge')} footer={null} onCancel={() => setMerging(false)} destroyOnHidden width={560}>
        <Duplicates object={object} id={id} name={name} withPicker onMerged={() => setMerging(false)} />
      </Modal>
    </div>
  );
}
