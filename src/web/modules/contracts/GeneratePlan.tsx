import { useState } from 'react';
import { Button, Form, Input, InputNumber, Popover } from 'antd';
import { ThunderboltOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { GeneratePlanBody } from '../../../shared/contracts/receivable-plans.ts';

/** The generator's form in a popover: how many instalments, the first due date, months between. */
export function GeneratePlan({ onGenerate, loading }: { onGenerate: (body: GeneratePlanBody) => void; loading: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<GeneratePlanBody>();
  const content = (
    <Form form={form} layout="vertical" size="small" style={{ width: 240 }} initialValues={{ count: 3, every_months: 1, first_due_date: new Date().toISOString().slice(0, 10) }}
      onFinish={(v) => { setOpen(false); onGenerate({ count: Number(v.count), every_months: Number(v.every_months), first_due_date: v.first_due_date }); }}>
      <Form.Item name="count" label={t('contracts.plan.count')} rules={[{ required: true }]}><InputNumber min={1} max={500} style={{ width: '100%' }} data-testid="plan-gen-count" /></Form.Item>
      <Form.Item name="first_due_date" label={t('contracts.plan.firstDue')} rules={[{ required: true }]}><Input type="date" data-testid="plan-gen-first" /></Form.Item>
      <Form.Item name="every_months" label={t('contracts.plan.everyMonths')} rules={[{ required: true }]}><InputNumber min={1} max={60} style={{ width: '100%' }} /></Form.Item>
      <Button type="primary" htmlType="submit" block data-testid="plan-gen-go">{t('contracts.plan.generateGo')}</Button>
    </Form>
  );
  return (
    <Popover trigger="click" open={open} onOpenChange={setOpen} content={content} title={t('contracts.plan.generateHelp')}>
      <Button icon={<ThunderboltOutlined />} loading={loading} data-testid="plan-generate">{t('contracts.plan.generate')}</Button>
    </Popover>
  );
}
