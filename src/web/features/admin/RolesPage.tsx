import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, Radio, Row, Select, Skeleton, Space, Table, Tabs, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { keys } from '../../api/keys.ts';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';
import { useMeta, useRoles } from '../../api/hooks.ts';
import { useObjects } from '../../api/objects.ts';
import { inMenuOrder } from '../../app/nav.tsx';
import type { FieldMeta, Permissions, Role } from '../../api/types.ts';
import { fieldLabel, objectLabel } from '../../fields/labels.ts';
import { useIsPhone } from '../../lib/useIsPhone.ts';
import { AdminPage } from './common.tsx';
import { ObjectActionsGrid, objectRulesPatch, type ObjectRules } from './ObjectActionsGrid.tsx';
import { roleLabel } from '../../fields/roleLabel.ts';

const VIS = ['own', 'team', 'all', 'none'] as const;
const CAN = ['admin', 'write', 'import', 'export', 'delete'] as const;
type Rule = 'edit' | 'read' | 'hidden';
type Rules = Record<string, Record<string, 'hidden' | 'read'>>;

function FieldRules({ object, rules, onChange, disabled }: { object: string; rules: Record<string, 'hidden' | 'read'>; onChange: (field: string, r: Rule) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const meta = useMeta(object);
  if (meta.isLoading) return <Skeleton active />;
  // The admin sees every field; system fields are never written anyway, so only reading matters there.
  const fields = (meta.data?.fields ?? []).filter((f) => f.key !== 'name' && f.key !== 'id');
  return (
    <Table<FieldMeta>
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={fields}
      scroll={{ x: 'max-content' }}
      data-testid={`field-rules-${object}`}
      columns={[
        { key: 'field', title: t('admin.roles.field'), render: (_, f) => <span>{fieldLabel(t, object, f)} <Typography.Text type="secondary" style={{ fontSize: 12 }}>{f.key}</Typography.Text></span> },
        {
          key: 'rule',
          title: t('admin.roles.fieldRules'),
          width: 330,
          render: (_, f) => (
            <Radio.Group
              size="small"
              optionType="button"
              disabled={disabled}
              value={rules[f.key] ?? 'edit'}
              onChange={(e) => onChange(f.key, e.target.value as Rule)}
              options={(['edit', 'read', 'hidden'] as const).map((r) => ({ value: r, label: t(`admin.roles.rules.${r}`) }))}
              data-testid={`rule-${object}-${f.key}`}
            />
          ),
        },
      ]}
    />
  );
}

/** Per role: which records it sees, what it may do, and which fields are read-only or hidden. */
export function RolesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const isPhone = useIsPhone();
  const roles = useRoles();
  // Every record object the administrator may use (all of them), from the descriptors.
  const objects = inMenuOrder(useObjects().data ?? []).map((d) => d.name);
  const [key, setKey] = useState<string | null>(null);
  const role = roles.data?.find((r) => r.key === key) ?? roles.data?.[0];
  const [vis, setVis] = useState<Record<string, string>>({});
  const [can, setCan] = useState<NonNullable<Permissions['can']>>({});
  const [rules, setRules] = useState<Rules>({});
  const [objectRules, setObjectRules] = useState<ObjectRules>({});

  useEffect(() => {
    if (!role) return;
    setVis(role.visibility ?? {});
    setCan(role.can ?? {});
    setRules(role.field_rules ?? {});
    setObjectRules(role.objects ?? {});
  }, [role]);

  const dirty = useMemo(
    () => Boolean(role) && JSON.stringify([vis, can, rules, objectRules]) !== JSON.stringify([role!.visibility ?? {}, role!.can ?? {}, role!.field_rules ?? {}, role!.objects ?? {}]),
    [role, vis, can, rules, objectRules],
  );

  const save = useMutation({
    mutationFn: async (r: Role) => {
      // Rules that were removed go as null so the server drops them.
      const field_rules: Record<string, Record<string, 'hidden' | 'read' | null>> = {};
      for (const o of new Set([...Object.keys(r.field_rules ?? {}), ...Object.keys(rules)])) {
        const before = r.field_rules?.[o] ?? {};
        const after = rules[o] ?? {};
        const out: Record<string, 'hidden' | 'read' | null> = {};
        for (const f of new Set([...Object.keys(before), ...Object.keys(after)])) if (before[f] !== after[f]) out[f] = after[f] ?? null;
        if (Object.keys(out).length) field_rules[o] = out;
      }
      const visibility = Object.fromEntries(Object.entries(vis).filter(([, v]) => Boolean(v)));
      return api.patch(`/roles/${r.key}`, { visibility, can: { admin: false, write: false, import: false, export: false, delete: false, ...can }, field_rules, objects: objectRulesPatch(r.objects ?? {}, objectRules) });
    },
    onSuccess: () => {
      message.success(t('admin.roles.saved'));
      void qc.invalidateQueries({ queryKey: ['roles'] });
      void qc.invalidateQueries({ queryKey: keys.meta() });
      void qc.invalidateQueries({ queryKey: keys.objects() });
    },
    onError: (e) => message.error(errorText(t, e)),
  });

  const setRule = (object: string, field: string, r: Rule) =>
    setRules((prev) => {
      const next = { ...prev, [object]: { ...(prev[object] ?? {}) } };
      if (r === 'edit') delete next[object]![field];
      else next[object]![field] = r;
      return next;
    });

  const setAction = (object: string, action: keyof NonNullable<ObjectRules[string]>, v: boolean | undefined) =>
    setObjectRules((prev) => {
      const next = { ...prev, [object]: { ...(prev[object] ?? {}) } };
      if (v === undefined) delete next[object]![action];
      else next[object]![action] = v;
      if (!Object.keys(next[object]!).length) delete next[object];
      return next;
    });

  const locked = role?.key === 'admin';

  return (
    <AdminPage
      title={t('admin.roles.title')}
      actions={role ? (
        <Space>
          {dirty ? <Button onClick={() => { setVis(role.visibility ?? {}); setCan(role.can ?? {}); setRules(role.field_rules ?? {}); setObjectRules(role.objects ?? {}); }}>{t('common.reset')}</Button> : null}
          <Button type="primary" disabled={!dirty} loading={save.isPending} onClick={() => save.mutate(role)} data-testid="role-save">{t('common.save')}</Button>
        </Space>
      ) : null}
    >
      {roles.isLoading || !role ? (
        <Card variant="borderless"><Skeleton active /></Card>
      ) : (
        <Row gutter={16}>
          <Col xs={24} md={6}>
            {isPhone ? (
              <Select style={{ width: '100%', marginBottom: 12 }} aria-label={t('a11y.pickRole')} value={role.key} onChange={setKey} options={(roles.data ?? []).map((r) => ({ value: r.key, label: roleLabel(t, r.key, r.name) }))} />
            ) : (
              <Card variant="borderless" size="small" styles={{ body: { padding: 4 } }}>
                {(roles.data ?? []).map((r) => (
                  <div key={r.key} className={`gx-role-item ${r.key === role.key ? 'is-active' : ''}`} onClick={() => setKey(r.key)} role="button" tabIndex={0}
                    onKeyDown={(e) => e.key === 'Enter' && setKey(r.key)} data-testid={`role-${r.key}`}>
                    <div>{roleLabel(t, r.key, r.name)}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.key}</Typography.Text>
                  </div>
                ))}
              </Card>
            )}
          </Col>
          <Col xs={24} md={18}>
            <Card variant="borderless" size="small" title={t('admin.roles.visibility')} className="gx-card">
              <Row gutter={[16, 12]}>
                {['*', ...objects].map((o) => (
                  <Col xs={24} sm={12} lg={8} key={o}>
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{o === '*' ? t('admin.roles.default') : objectLabel(t, o, true)}</Typography.Text>
                    <Select
                      style={{ width: '100%' }}
                      value={vis[o] ?? (o === '*' ? 'own' : undefined)}
                      allowClear={o !== '*'}
                      aria-label={t('a11y.visibilityFor', { object: o === '*' ? t('admin.roles.default') : objectLabel(t, o, true) })}
                      placeholder={t(`admin.roles.vis.${vis['*'] ?? 'own'}`)}
                      onChange={(v: string | undefined) => setVis((p) => { const n = { ...p }; if (v) n[o] = v; else delete n[o]; return n; })}
                      options={VIS.map((v) => ({ value: v, label: t(`admin.roles.vis.${v}`) }))}
                    />
                  </Col>
                ))}
              </Row>
            </Card>
            <Card variant="borderless" size="small" title={t('admin.roles.can.title')} className="gx-card">
              <Space wrap size="large">
                {CAN.map((c) => (
                  <Checkbox key={c} checked={Boolean(can[c])} disabled={locked && c === 'admin'} onChange={(e) => setCan((p) => ({ ...p, [c]: e.target.checked }))}>
                    {t(`admin.roles.can.${c}`)}
                  </Checkbox>
                ))}
              </Space>
            </Card>
            <Card variant="borderless" size="small" title={t('admin.roles.actions.title')} className="gx-card">
              <ObjectActionsGrid objects={objects} rules={objectRules} onChange={setAction} />
            </Card>
            <Card variant="borderless" size="small" title={t('admin.roles.fieldRules')} className="gx-card">
              <Alert type="info" showIcon title={t('admin.roles.hint')} style={{ marginBottom: 12 }} />
              <Tabs
                items={objects.map((o) => ({
                  key: o,
                  label: objectLabel(t, o, true),
                  children: <FieldRules object={o} rules={rules[o] ?? {}} onChange={(f, r) => setRule(o, f, r)} />,
                }))}
              />
            </Card>
          </Col>
        </Row>
      )}
    </AdminPage>
  );
}
