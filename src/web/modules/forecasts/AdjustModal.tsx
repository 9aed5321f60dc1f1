import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';

export interface AdjustTarget { period: string; user_id?: number; team_id?: number; name: string }

/** A manager's override of a rep's or team's commit / best case, with the note the audit log keeps. */
export function AdjustModal({ target, onClose }: { target: AdjustTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ category: 'commit' | 'best_case'; amount: number; note: string }>();
  const save = useMutation({
    mutationFn: async (v: { category: string; amount: number; note: string }) =>
      api.post('/forecasts/adjustments', { period: target!.period, user_id: target!.user_id, team_id: target!.team_id, ...v }),
    onSuccess: async () => { await qc.invalidateQueries({ queryKey: ['forecast'] }); form.resetFields(); onClose(); },
    onError: (e) => void message.error(errorText(t, e)),
  });
  return (
    <Modal open={!!target} title={t('forecasts.adjustTitle', { name: target?.name ?? '' })} okText={t('forecasts.save')} cancelText={t('forecasts.cancel')}
      confirmLoading={save.isPending} onCancel={onClose} onOk={() => void form.validateFields().then((v) => save.mutate(v))} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ category: 'commit' }}>
        <Form.Item name="category" label={t('forecasts.category')}>
          <Select options={[{ value: 'commit', label: t('forecasts.commit') }, { value: 'best_case', label: t('forecasts.best_case') }]} />
        </Form.Item>
        <Form.Item name="amount" label={t('forecasts.amount')} rules={[{ required: true }]}><InputNumber min={0} style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="note" label={t('forecasts.note')} rules={[{ required: true, whitespace: true }]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
      </Form>
    </Modal>
  );
}
