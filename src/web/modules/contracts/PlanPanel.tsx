import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Input, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.ts';
import { errorText, localizeMessage } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import type { RecordExtensionProps } from '../../extensions/registry.ts';
import type { GeneratePlanBody, PlanAnswer } from '../../../shared/contracts/receivable-plans.ts';
import { formatMoney, Money } from '../../../shared/money.ts';
import { GeneratePlan } from './GeneratePlan.tsx';
import { emptyRow, fromStored, issueAt, liveTotals, toInput, type PlanRow } from './planRows.ts';

// The plan's own issue codes (the shared ones, such as too_many_decimals, api/errors.ts translates).
const OWN_ISSUES = new Set(['invalid_amount', 'unknown_instalment']);
const STATUS_COLOR: Record<string, string> = { planned: 'default', partially_paid: 'processing', paid: 'success', overdue: 'error' };

/** The receivable plan (回款计划) of a contract: instalments edited in place, generated from the value, with totals. */
export function PlanPanel({ id, canEdit }: RecordExtensionProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const key = [...keys.records('contracts'), 'plan', id];
  const q = useQuery({ queryKey: key, queryFn: ({ signal }) => api.get<PlanAnswer>(`/contracts/${id}/plan`, undefined, { signal }).then((r) => r.data) });
  const [rows, setRows] = useState<PlanRow[]>([]);
  const [dirty, setDirty] = useState(false);
  const [issues, setIssues] = useState<Map<string, string>>(new Map());
  const plan = q.data;
  useEffect(() => {
    if (plan && !dirty) setRows(plan.instalments.map(fromStored));
  }, [plan, dirty]);
  const live = useMemo(() => liveTotals(rows, plan?.value ?? null), [rows, plan]);
  const editable = canEdit && Boolean(plan?.money_visible);
  const money = (v: Money | string) => (plan ? formatMoney(typeof v === 'string' ? v : v.toFixed(8), plan.currency, i18n.language) : '');

  const saved = (r: PlanAnswer, note: string) => {
    setIssues(new Map());
    setDirty(false);
    qc.setQueryData(key, r.data);
    void qc.invalidateQueries({ queryKey: keys.timeline() });
    message.success(note);
  };
  const failed = (e: unknown) => {
    const found = new Map<string, string>();
    if (e instanceof ApiError) for (const d of e.details) {
      const at = issueAt(d.field);
      if (at) found.set(`${at.row}.${at.column}`, OWN_ISSUES.has(d.code) ? t(`contracts.issues.${d.code}`) : localizeMessage(t, d.message, d.code));
    }
    setIssues(found);
    const code = e instanceof ApiError ? e.code : '';
    message.error(['plan_exceeds_value', 'instalment_has_payments', 'end_before_start'].includes(code) ? t(`contracts.errors.${code}`) : errorText(t, e));
  };
  const save = useMutation({ mutationFn: () => api.put<PlanAnswer>(`/contracts/${id}/plan`, { instalments: toInput(rows) }), onSuccess: (r) => saved(r, t('contracts.plan.saved')), onError: failed });
  const generate = useMutation({ mutationFn: (body: GeneratePlanBody) => api.post<PlanAnswer>(`/contracts/${id}/plan/generate`, body), onSuccess: (r) => saved(r, t('contracts.plan.generated')), onError: failed });

  if (q.isError) return <Card size="small" title={t('contracts.plan.title')}><Typography.Text type="danger">{errorText(t, q.error)}</Typography.Text></Card>;
  if (!plan) return <Card size="small" title={t('contracts.plan.title')}><Skeleton active paragraph={{ rows: 2 }} /></Card>;

  const set = (i: number, patch: Partial<PlanRow>) => {
    setRows(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
    setDirty(true);
    setIssues((m) => new Map([...m].filter(([k]) => !k.startsWith(`${i}.`))));
  };
  const cell = (col: 'due_date' | 'amount' | 'note', width: number) => (_: unknown, r: PlanRow, i: number) => {
    const err = issues.get(`${i}.${col}`);
    const input = (
      <Input size="small" type={col === 'due_date' ? 'date' : 'text'} value={r[col]} disabled={!editable || (col === 'amount' && r.invoiced)}
        status={err ? 'error' : undefined} style={{ width, textAlign: col === 'amount' ? 'right' : undefined }} inputMode={col === 'amount' ? 'decimal' : undefined}
        aria-label={t(`contracts.plan.${col}`)} data-testid={`plan-${i}-${col}`} onChange={(e) => set(i, { [col]: e.target.value })} />
    );
    return err ? <Tooltip title={err} open>{input}</Tooltip> : input;
  };
  const paid = (r: PlanRow) => new Money(r.paid || 0);
  const columns = [
    { key: 'sequence', title: '#', width: 40, render: (_: unknown, _r: PlanRow, i: number) => i + 1 },
    { key: 'due_date', title: t('contracts.plan.due_date'), width: 150, render: cell('due_date', 140) },
    ...(plan.money_visible ? [
      { key: 'amount', title: t('contracts.plan.amount'), width: 140, render: cell('amount', 130) },
      { key: 'paid', title: t('contracts.plan.paid'), width: 120, align: 'right' as const, render: (_: unknown, r: PlanRow) => money(paid(r)) },
    ] : []),
    { key: 'status', title: t('contracts.plan.status'), width: 110, render: (_: unknown, r: PlanRow) => (r.status ? <Tag color={STATUS_COLOR[r.status]}>{t(`contracts.plan.statuses.${r.status}`)}</Tag> : <Tag>{t('contracts.plan.new')}</Tag>) },
    { key: 'note', title: t('contracts.plan.note'), render: cell('note', 200) },
    ...(editable ? [{ key: 'remove', width: 48, render: (_: unknown, r: PlanRow, i: number) => (
      <Button type="text" size="small" danger icon={<DeleteOutlined />} disabled={paid(r).gt(0) || r.invoiced} aria-label={t('contracts.plan.remove')}
        onClick={() => { setRows(rows.filter((_, k) => k !== i)); setDirty(true); }} />
    ) }] : []),
  ];
  const stat = (label: string, v: Money, testid: string, type?: 'danger') => (
    <div className="gx-line-total"><span>{label}</span><Typography.Text strong type={type} data-testid={testid}>{money(v)}</Typography.Text></div>
  );

  return (
    <Card size="small" title={t('contracts.plan.title')} data-testid="plan-panel" style={{ marginBottom: 16 }}
      extra={editable ? <GeneratePlan loading={generate.isPending} onGenerate={(b) => generate.mutate(b)} /> : null}>
      {!plan.money_visible ? <Typography.Text type="secondary">{t('contracts.plan.moneyHidden')}</Typography.Text> : null}
      {plan.money_visible && live.over ? <Alert type="error" showIcon style={{ marginBottom: 8 }} message={t('contracts.errors.plan_exceeds_value')} /> : null}
      <Table<PlanRow> size="small" rowKey="key" pagination={false} dataSource={rows} columns={columns} scroll={{ x: true }} locale={{ emptyText: t('contracts.plan.empty') }} />
      {editable ? (
        <Space style={{ marginTop: 8 }} wrap>
          <Button icon={<PlusOutlined />} data-testid="plan-add" onClick={() => { setRows([...rows, emptyRow()]); setDirty(true); }}>{t('contracts.plan.add')}</Button>
          <Button type="primary" icon={<SaveOutlined />} disabled={!dirty} loading={save.isPending} data-testid="plan-save" onClick={() => save.mutate()}>{t('contracts.plan.save')}</Button>
          {dirty ? <Button onClick={() => { setDirty(false); setIssues(new Map()); }}>{t('contracts.plan.reset')}</Button> : null}
          {dirty ? <Typography.Text type="warning">{t('contracts.plan.unsaved')}</Typography.Text> : null}
        </Space>
      ) : null}
      {plan.money_visible ? (
        <div className="gx-line-totals" data-testid="plan-totals">
          {stat(t('contracts.plan.value'), live.value, 'plan-value')}
          {stat(t('contracts.plan.planned'), live.planned, 'plan-planned', live.over ? 'danger' : undefined)}
          {stat(t('contracts.plan.paid'), live.paid, 'plan-paid')}
          {stat(t('contracts.plan.open'), live.open, 'plan-open')}
          {stat(t('contracts.plan.unplanned'), live.unplanned, 'plan-unplanned', live.over ? 'danger' : undefined)}
        </div>
      ) : null}
    </Card>
  );
}
