import { useState } from 'react';
import { App, Button, Form, Modal, Typography } from 'antd';
import { ApartmentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';
import { useMe } from '../../api/hooks.ts';
import { RecordSelect } from '../../fields/RecordSelect.tsx';
import type { RecordExtensionProps } from '../../extensions/registry.ts';

/**
 * An administrator's manual choice of an account's territory (PUT /accounts/{id}/territory): locked,
 * rules and realignment leave it alone until it is handed back to the rules. The server refuses
 * everyone else; the button is only shown to administrators.
 */
export function TerritoryOverride({ id, record, reload }: RecordExtensionProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe().data;
  const [open, setOpen] = useState(false);
  const [territory, setTerritory] = useState<number | null>(null);
  const [saving, setSaving] = useState(false);
  if (me?.role !== 'admin') return null;
  const locked = record.territory_locked === true;
  const current = typeof record.territory_id === 'number' ? record.territory_id : null;
  const currentTitle = record.refs?.territory_id?.title;

  const save = async (body: { territory_id?: number | null; locked: boolean }) => {
    setSaving(true);
    try {
      await api.put(`/accounts/${id}/territory`, body);
      message.success(body.locked ? t('territories.override.saved') : t('territories.override.released'));
      setOpen(false);
      reload();
    } catch (e) {
      message.error(errorText(t, e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Button icon={<ApartmentOutlined />} onClick={() => { setTerritory(current); setOpen(true); }} data-testid="territory-override">
        {t('territories.override.button')}
      </Button>
      <Modal open={open} title={t('territories.override.title')} onCancel={() => setOpen(false)} destroyOnHidden
        footer={[
          locked ? <Button key="release" loading={saving} onClick={() => void save({ locked: false })}>{t('territories.override.release')}</Button> : null,
          <Button key="cancel" onClick={() => setOpen(false)}>{t('common.cancel')}</Button>,
          <Button key="ok" type="primary" loading={saving} onClick={() => void save({ territory_id: territory, locked: true })}>{t('territories.override.lock')}</Button>,
        ]}>
        <Typography.Paragraph type="secondary">{locked ? t('territories.override.lockedHint') : t('territories.override.rulesHint')}</Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label={t('territories.override.territory')} htmlFor="territory-override-select">
            <RecordSelect id="territory-override-select" target="territories" value={territory ?? undefined}
              initialOptions={current && currentTitle ? [{ value: current, label: currentTitle }] : []}
              onChange={(v) => setTerritory(typeof v === 'number' ? v : v == null ? null : Number(v))} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
