import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Input, Skeleton, Space, Table, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.ts';
import { errorText, localizeMessage } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import type { ApiRecord } from '../../api/types.ts';
import type { LinesAnswer } from '../../../shared/contracts/line-items.ts';
import type { ObjectDescriptor } from '../../../shared/objects.ts';
import { RecordSelect } from '../../fields/RecordSelect.tsx';
import { defaultCurrency } from '../../i18n/format.ts';
import { formatMoney } from '../../../shared/money.ts';
import { emptyRow, fromStored, issueAt, liveTotals, productRow, toInput, type EditRow } from './lineRows.ts';
import { linePricing } from './pricing.ts';
import { PriceSourceHint } from './PriceSourceHint.tsx';

type Lines = LinesAnswer['data'];
type Col = keyof Omit<EditRow, 'key' | 'product_id' | 'price_source'>;

/**
 * The one-screen line editor of any object whose descriptor has `lines` (quotes; later orders
 * and invoices): a product picker filling the row, live totals from the shared computation,
 * add/remove/reorder, and one PUT with the version read; the server's refusals on their cells.
 */
export function LineEditor({ object, id, canEdit, lines }: { object: string; id: number; canEdit: boolean; lines: NonNullable<ObjectDescriptor['lines']> }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const key = keys.lines(object, id);
  const q = useQuery({ queryKey: key, queryFn: ({ signal }) => api.get<LinesAnswer>(`/${object}/${id}/lines`, undefined, { signal }).then((r) => r.data) });
  const [rows, setRows] = useState<EditRow[]>([]);
  const [dirty, setDirty] = useState(false);
  const [issues, setIssues] = useState<Map<string, string>>(new Map());
  const [conflict, setConflict] = useState(false);
  const server = q.data;
  // The stored lines replace the rows unless the user has edits on screen.
  useEffect(() => {
    if (server && !dirty) setRows(server.lines.map(fromStored));
  }, [server, dirty]);

  // A locked document (sent quote, confirmed order, issued invoice or fapiao) is shown read-only
  // with the reason the server would give a save, instead of an editor it would refuse.
  const locked = server?.locked ?? null;
  const editable = canEdit && lines.money_visible && !locked;
  const live = useMemo(() => (server ? liveTotals(rows, server) : null), [rows, server]);
  // A document shows every amount with the currency's digits (¥19.80, not ¥19.8).
  const money = (v: { toFixed: (d: number) => string } | undefined) => (server && v !== undefined ? formatMoney(v.toFixed(8), server.currency, i18n.language) : '');

  const change = (next: EditRow[]) => {
    setRows(next);
    setDirty(true);
  };
  const set = (i: number, patch: Partial<EditRow>) => {
    // The saved source no longer says where an edited price comes from.
    const stale = 'unit_price' in patch || 'quantity' in patch || 'product_id' in patch;
    change(rows.map((r, k) => (k === i ? { ...r, ...patch, ...(stale ? { price_source: null } : {}) } : r)));
    setIssues((m) => new Map([...m].filter(([k]) => !k.startsWith(`${i}.`))));
  };
  const move = (i: number, d: number) => {
    const next = rows.slice();
    [next[i], next[i + d]] = [next[i + d]!, next[i]!];
    change(next);
  };
  const pick = async (i: number, productId: number | null) => {
    if (!productId || !lines.product_object) return set(i, { product_id: null });
    const load = async (pid: number) => (await api.get<{ data: ApiRecord }>(`/${lines.product_object}/${pid}`)).data;
    const p = await load(productId);
    // A registered pricer (price books) answers what the server would fill; else catalogue
    // prices, which are in the organisation currency, are copied only into a document in it.
    const priced = await linePricing()?.({ object, id, productId, quantity: rows[i]?.quantity.trim() || '1' }).catch(() => null);
    const price = priced ? (priced[0]?.unit_price ?? '') : server?.currency === defaultCurrency() && p.list_price ? String(p.list_price) : '';
    const components = await Promise.all((priced ?? []).slice(1).map(async (c) => ({ ...emptyRow(), ...productRow(await load(c.product_id)), quantity: c.quantity, unit_price: c.unit_price ?? '' })));
    const row = { ...rows[i]!, ...productRow(p), unit_price: price, price_source: null };
    change([...rows.slice(0, i), row, ...components, ...rows.slice(i + 1)]);
    setIssues((m) => new Map([...m].filter(([k]) => !k.startsWith(`${i}.`))));
  };

  const save = useMutation({
    mutationFn: () => api.put<LinesAnswer>(`/${object}/${id}/lines`, { version: server!.version, lines: toInput(rows) }),
    onSuccess: (r: LinesAnswer) => {
      setIssues(new Map());
      setDirty(false);
      setConflict(false);
      qc.setQueryData(key, r.data);
      void qc.invalidateQueries({ queryKey: keys.record(object, id) });
      void qc.invalidateQueries({ queryKey: keys.timeline() });
      message.success(t('lines.saved'));
    },
    onError: (e: unknown) => {
      if (e instanceof ApiError && e.status === 409) return setConflict(true);
      const found = new Map<string, string>();
      if (e instanceof ApiError) for (const d of e.details) {
        const at = issueAt(d.field);
        if (at) found.set(`${at.row}.${at.column}`, localizeMessage(t, d.message, d.code));
      }
      setIssues(found);
      message.error(errorText(t, e));
    },
  });

  if (q.isLoading || !server || !live) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (q.isError) return <Typography.Text type="danger">{errorText(t, q.error)}</Typography.Text>;

  const cell = (col: Col, width?: number, align?: 'right') => (_: unknown, r: EditRow, i: number) => {
    if (!editable) return <span data-testid={`line-${i}-${col}`} style={{ display: 'inline-block', minWidth: width, textAlign: align }}>{r[col]}</span>;
    const err = issues.get(`${i}.${col}`) ?? (col === 'description' ? issues.get(`${i}.product_id`) : undefined);
    const input = (
      <Input
        size="small" value={r[col]} status={err ? 'error' : undefined} style={{ width, textAlign: align }}
        inputMode={col === 'description' || col === 'unit' ? undefined : 'decimal'} aria-label={t(`lines.${LABEL[col]}`)}
        data-testid={`line-${i}-${col}`} onChange={(e) => set(i, { [col]: e.target.value })}
      />
    );
    return err ? <Tooltip title={err} open>{input}</Tooltip> : input;
  };
  const amount = (k: 'net' | 'tax' | 'gross') => (_: unknown, _r: EditRow, i: number) => <span data-testid={`line-${i}-${k}`}>{money(live.lines[i]?.[k])}</span>;
  const columns = [
    ...(lines.product_object && editable ? [{ key: 'product', title: t('lines.product'), width: 180, render: (_: unknown, r: EditRow, i: number) => (
      <RecordSelect target={lines.product_object!} value={r.product_id} onChange={(v) => void pick(i, v ?? null)} placeholder={t('lines.pickProduct')} style={{ width: 170 }} id={`line-${i}-product`} ariaLabel={t('lines.product')} />
    ) }] : []),
    { key: 'description', title: t('lines.description'), render: cell('description', 220) },
    { key: 'quantity', title: t('lines.quantity'), width: 80, render: cell('quantity', 70, 'right') },
    { key: 'unit', title: t('lines.unit'), width: 70, render: cell('unit', 60) },
    ...(lines.money_visible ? [
      { key: 'unit_price', title: t('lines.unitPrice'), width: 110, render: (v: unknown, r: EditRow, i: number) => (
        <>{cell('unit_price', 100, 'right')(v, r, i)}<PriceSourceHint source={r.price_source} unit={r.unit} testId={`line-${i}-price-source`} /></>
      ) },
      { key: 'discount', title: t('lines.discount'), width: 80, render: cell('discount_percent', 70, 'right') },
    ] : []),
    { key: 'tax_rate', title: t('lines.taxRate'), width: 80, render: cell('tax_rate', 70, 'right') },
    ...(lines.money_visible ? [
      { key: 'net', title: t('lines.net'), width: 110, align: 'right' as const, render: amount('net') },
      { key: 'gross', title: t('lines.gross'), width: 110, align: 'right' as const, render: amount('gross') },
    ] : []),
    ...(editable ? [{ key: 'actions', width: 100, render: (_: unknown, _r: EditRow, i: number) => (
      <Space size={0}>
        <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={i === 0} aria-label={t('lines.moveUp')} onClick={() => move(i, -1)} />
        <Button type="text" size="small" icon={<ArrowDownOutlined />} disabled={i === rows.length - 1} aria-label={t('lines.moveDown')} onClick={() => move(i, 1)} />
        <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('lines.remove')} data-testid={`line-${i}-remove`} onClick={() => change(rows.filter((_, k) => k !== i))} />
      </Space>
    ) }] : []),
  ];

  return (
    <div data-testid="line-editor">
      {conflict ? <Alert type="warning" showIcon style={{ marginBottom: 8 }} message={t('lines.conflict')} action={<Button size="small" onClick={() => { setDirty(false); setConflict(false); void q.refetch(); }}>{t('lines.reload')}</Button>} /> : null}
      {locked && canEdit ? <Alert type="info" showIcon style={{ marginBottom: 8 }} data-testid="lines-locked" title={t(`lineLock.${locked.reason}`, { defaultValue: t('lineLock.other') })} /> : null}
      {!lines.money_visible ? <Typography.Text type="secondary">{t('lines.moneyHidden')}</Typography.Text> : null}
      <Table<EditRow> size="small" rowKey="key" pagination={false} dataSource={rows} columns={columns} scroll={{ x: true }} locale={{ emptyText: t('lines.empty') }} />
      {editable ? (
        <Space style={{ marginTop: 8 }} wrap>
          <Button icon={<PlusOutlined />} onClick={() => change([...rows, emptyRow()])} data-testid="line-add">{t('lines.add')}</Button>
          <Button type="primary" icon={<SaveOutlined />} disabled={!dirty} loading={save.isPending} onClick={() => save.mutate()} data-testid="lines-save">{t('lines.save')}</Button>
          {dirty ? <Button onClick={() => { setDirty(false); setIssues(new Map()); }}>{t('lines.reset')}</Button> : null}
          {dirty ? <Typography.Text type="warning">{t('lines.unsaved')}</Typography.Text> : null}
        </Space>
      ) : null}
      {lines.money_visible ? <Totals live={live.totals} money={money} server={server} /> : null}
    </div>
  );
}

const LABEL: Record<Col, string> = { sku: 'product', description: 'description', quantity: 'quantity', unit: 'unit', unit_price: 'unitPrice', discount_percent: 'discount', tax_rate: 'taxRate' };

function Totals({ live, money, server }: { live: ReturnType<typeof liveTotals>['totals']; money: (v: { toFixed: (d: number) => string }) => string; server: Lines }) {
  const { t } = useTranslation();
  const row = (label: string, v: { toFixed: (d: number) => string }, testid: string, strong = false) => (
    <div className="gx-line-total"><span>{label}</span><Typography.Text strong={strong} data-testid={testid}>{money(v)}</Typography.Text></div>
  );
  const notes = [
    server.prices_include_tax ? t('lines.priceIncludesTax') : null,
    server.overall_discount_percent !== '0' ? t('lines.overallDiscount', { percent: server.overall_discount_percent }) : null,
    server.rounding_mode === 'total' ? t('lines.roundingTotal') : null,
  ].filter(Boolean);
  return (
    <div className="gx-line-totals" data-testid="line-totals">
      {notes.length ? <Typography.Text type="secondary">{notes.join(' · ')}</Typography.Text> : null}
      {row(t('lines.totalNet'), live.net, 'total-net')}
      {live.discount.isZero() ? null : row(t('lines.totalDiscount'), live.discount, 'total-discount')}
      {row(t('lines.totalTax'), live.tax, 'total-tax')}
      {row(t('lines.totalGross'), live.gross, 'total-gross', true)}
    </div>
  );
}
