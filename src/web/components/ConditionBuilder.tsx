import { Button, Checkbox, InputNumber, Select, Space, Typography } from 'antd';
import { ApartmentOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Condition, ConditionGroup, FieldCondition, RelatedCondition } from '../../shared/contracts/conditions.ts';
import { MAX_DEPTH } from '../../shared/contracts/conditions.ts';
import { OPS_BY_TYPE } from '../../shared/condition-ops.ts';
import { useMeta, useObject } from '../api/objects.ts';
import type { FieldMeta } from '../api/types.ts';
import { fieldLabel, objectLabel } from '../fields/labels.ts';
import { FilterValueInput } from '../fields/FilterValueInput.tsx';
import { fromUiOp, opLabel, toUiOp, type UiOp } from '../features/records/filters.ts';
import { RelativeDateInput } from './RelativeDateInput.tsx';

// The condition builder (issue 12, piece 8): edits one tree of shared/contracts/conditions.ts.
// Groups match all or any of their conditions (optionally negated) and nest; a leaf is a field
// condition (operators by type from shared/condition-ops.ts, the server's own list) or a related
// condition over an object linking here (the descriptor's related lists name those links).

interface Props {
  object: string;
  value: ConditionGroup;
  onChange: (v: ConditionGroup) => void;
}

const uiOps = (f: FieldMeta): UiOp[] => OPS_BY_TYPE[f.type].flatMap((o): UiOp[] => (o === 'empty' ? ['empty', 'notEmpty'] : [o]));

function FieldRow({ object, fields, value, onChange }: { object: string; fields: FieldMeta[]; value: FieldCondition; onChange: (c: FieldCondition) => void }) {
  const { t } = useTranslation();
  const field = fields.find((f) => f.key === value.field);
  const op = toUiOp(value);
  const setOp = (o: UiOp) => onChange({ ...value, ...fromUiOp(o, o === 'empty' || o === 'notEmpty' ? '' : value.op === 'empty' ? '' : value.value) });
  const dated = field && (field.type === 'date' || field.type === 'datetime') && op !== 'between';
  return (
    <Space wrap size={6} className="gx-cond-row" data-testid="condition-row">
      <Select
        style={{ width: 170 }}
        value={value.field || undefined}
        placeholder={t('filter.pickField')}
        showSearch={{ optionFilterProp: 'label' }}
        options={fields.filter((f) => f.filterable).map((f) => ({ value: f.key, label: fieldLabel(t, object, f) }))}
        onChange={(k: string) => {
          const f = fields.find((x) => x.key === k)!;
          onChange({ kind: 'field', field: k, ...fromUiOp(uiOps(f)[0]!, f.type === 'boolean' ? 'true' : '') });
        }}
        aria-label={t('filter.field')}
        data-testid="condition-field"
      />
      {field ? (
        <Select style={{ width: 140 }} value={op} onChange={setOp} options={uiOps(field).map((o) => ({ value: o, label: opLabel(t, field, o) }))} aria-label={t('filter.operator')} data-testid="condition-op" />
      ) : null}
      {field && op !== 'empty' && op !== 'notEmpty' ? (
        <div style={{ minWidth: 200 }} data-testid="condition-value">
          {dated ? (
            <RelativeDateInput object={object} field={field} op={op} value={value.value} onChange={(v) => onChange({ ...value, value: v })} />
          ) : (
            <FilterValueInput object={object} field={field} op={op} value={value.value} onChange={(v) => onChange({ ...value, value: v })} />
          )}
        </div>
      ) : null}
    </Space>
  );
}

function RelatedRow({ object, value, onChange, depth }: { object: string; value: RelatedCondition; onChange: (c: RelatedCondition) => void; depth: number }) {
  const { t } = useTranslation();
  const links = useObject(object)?.related ?? [];
  const meta = useMeta(value.object, Boolean(value.object));
  const numeric = (meta.data?.fields ?? []).filter((f) => f.type === 'number' || f.type === 'money');
  const quantifier = value.quantifier ?? 'exists';
  const aggregate = quantifier === 'count' || quantifier === 'sum';
  return (
    <div className="gx-cond-related" data-testid="condition-related">
      <Space wrap size={6}>
        <Select
          style={{ width: 130 }}
          value={quantifier}
          onChange={(q: NonNullable<RelatedCondition['quantifier']>) => {
            const { field: _f, op: _o, value: _v, ...rest } = value;
            onChange(q === 'count' || q === 'sum' ? { ...rest, quantifier: q, op: 'gt', value: '0', ...(q === 'sum' ? { field: numeric[0]?.key } : {}) } : { ...rest, quantifier: q });
          }}
          options={(['exists', 'none', 'count', 'sum'] as const).map((q) => ({ value: q, label: t(`conditions.quantifier.${q}`) }))}
          aria-label={t('conditions.quantifierLabel')}
        />
        <Select
          style={{ width: 220 }}
          value={value.object ? `${value.object}:${value.via}` : undefined}
          placeholder={t('conditions.pickRelated')}
          options={links.map((l) => ({ value: `${l.object}:${l.field}`, label: `${objectLabel(t, l.object, true)} (${fieldLabel(t, l.object, l.field)})` }))}
          onChange={(k: string) => {
            const [o, via] = k.split(':') as [string, string];
            onChange({ kind: 'related', object: o, via, where: { kind: 'group', match: 'all', conditions: [] }, quantifier: value.quantifier });
          }}
          aria-label={t('conditions.related')}
          data-testid="condition-related-object"
        />
        {quantifier === 'sum' ? (
          <Select style={{ width: 150 }} value={value.field} onChange={(f: string) => onChange({ ...value, field: f })}
            options={numeric.map((f) => ({ value: f.key, label: fieldLabel(t, value.object, f) }))} aria-label={t('filter.field')} />
        ) : null}
        {aggregate ? (
          <Space.Compact>
            <Select style={{ width: 110 }} value={value.op} onChange={(o: NonNullable<RelatedCondition['op']>) => onChange({ ...value, op: o })}
              options={(['gt', 'gte', 'eq', 'ne', 'lt', 'lte'] as const).map((o) => ({ value: o, label: t(`filter.ops.${o}`) }))} aria-label={t('filter.operator')} />
            <InputNumber style={{ width: 110 }} min={0} value={value.value === undefined ? null : Number(value.value)} onChange={(n) => onChange({ ...value, value: n === null ? '0' : String(n) })} />
          </Space.Compact>
        ) : null}
      </Space>
      {value.object && meta.data ? (
        <div className="gx-cond-nested">
          <Typography.Text type="secondary">{t('conditions.whereRelated')}</Typography.Text>
          <GroupEditor object={value.object} fields={meta.data.fields} value={value.where} onChange={(w) => onChange({ ...value, where: w })} depth={depth + 1} />
        </div>
      ) : null}
    </div>
  );
}

interface GroupProps {
  object: string;
  fields: FieldMeta[];
  value: ConditionGroup;
  onChange: (g: ConditionGroup) => void;
  depth: number;
  onRemove?: () => void;
}

function GroupEditor({ object, fields, value, onChange, depth, onRemove }: GroupProps) {
  const { t } = useTranslation();
  const hasRelated = (useObject(object)?.related.length ?? 0) > 0;
  const set = (i: number, c: Condition) => onChange({ ...value, conditions: value.conditions.map((x, j) => (j === i ? c : x)) });
  const remove = (i: number) => onChange({ ...value, conditions: value.conditions.filter((_, j) => j !== i) });
  const add = (c: Condition) => onChange({ ...value, conditions: [...value.conditions, c] });
  const nestable = depth < MAX_DEPTH;
  return (
    <div className={`gx-cond-group${depth > 1 ? ' gx-cond-group-nested' : ''}`} data-testid="condition-group">
      <Space wrap size={6}>
        <Checkbox checked={Boolean(value.negate)} onChange={(e) => onChange({ ...value, negate: e.target.checked || undefined })}>{t('conditions.not')}</Checkbox>
        <Select style={{ width: 150 }} value={value.match} onChange={(m: 'all' | 'any') => onChange({ ...value, match: m })}
          options={[{ value: 'all', label: t('conditions.matchAll') }, { value: 'any', label: t('conditions.matchAny') }]} aria-label={t('conditions.match')} data-testid="condition-match" />
        {onRemove ? <Button size="small" type="text" icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('conditions.removeGroup')} /> : null}
      </Space>
      {value.conditions.map((c, i) => (
        <div key={i} className="gx-cond-item">
          {c.kind === 'group' ? (
            <GroupEditor object={object} fields={fields} value={c} onChange={(g) => set(i, g)} depth={depth + 1} onRemove={() => remove(i)} />
          ) : (
            <Space align="start" size={4}>
              {c.kind === 'field'
                ? <FieldRow object={object} fields={fields} value={c} onChange={(x) => set(i, x)} />
                : <RelatedRow object={object} value={c} onChange={(x) => set(i, x)} depth={depth} />}
              <Button size="small" type="text" icon={<DeleteOutlined />} onClick={() => remove(i)} aria-label={t('conditions.remove')} data-testid="condition-remove" />
            </Space>
          )}
        </div>
      ))}
      <Space wrap size={4}>
        <Button size="small" icon={<PlusOutlined />} onClick={() => add({ kind: 'field', field: '', op: 'eq', value: '' })} data-testid="condition-add">{t('conditions.addCondition')}</Button>
        {nestable ? <Button size="small" icon={<PlusOutlined />} onClick={() => add({ kind: 'group', match: 'any', conditions: [] })} data-testid="condition-add-group">{t('conditions.addGroup')}</Button> : null}
        {nestable && hasRelated ? (
          <Button size="small" icon={<ApartmentOutlined />} onClick={() => add({ kind: 'related', object: '', via: '', where: { kind: 'group', match: 'all', conditions: [] } })}>{t('conditions.addRelated')}</Button>
        ) : null}
      </Space>
    </div>
  );
}

/** Edits a condition tree of `object`: `value` in, every change out through `onChange`. */
export function ConditionBuilder({ object, value, onChange }: Props) {
  const meta = useMeta(object);
  return <GroupEditor object={object} fields={meta.data?.fields ?? []} value={value} onChange={onChange} depth={1} />;
}

/** The tree without unfinished leaves (no field or related object chosen yet): what is sent to the server. */
export function completeTree(g: ConditionGroup): ConditionGroup {
  const conditions = g.conditions.flatMap((c): Condition[] => {
    if (c.kind === 'group') return [completeTree(c)];
    if (c.kind === 'related') return c.object ? [{ ...c, where: completeTree(c.where) }] : [];
    return c.field && (c.op === 'empty' || c.value !== '') ? [c] : [];
  });
  return { ...g, conditions };
}
