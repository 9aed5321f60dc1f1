import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, InputNumber, Segmented, Space } from 'antd';
import { CarOutlined, FileTextOutlined, MailOutlined, MessageOutlined, PhoneOutlined, TeamOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useSaveRecord } from '../../api/records.ts';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { errorText, localizeMessage } from '../../api/errors.ts';
import { MentionTextArea } from '../../fields/MentionTextArea.tsx';

const KINDS = [
  { value: 'call', icon: <PhoneOutlined /> },
  { value: 'visit', icon: <CarOutlined /> },
  { value: 'meeting', icon: <TeamOutlined /> },
  { value: 'note', icon: <FileTextOutlined /> },
  { value: 'email', icon: <MailOutlined /> },
  { value: 'message', icon: <MessageOutlined /> },
];
const TIMED = new Set(['call', 'visit', 'meeting']);

interface Values {
  subject?: string;
  body?: string;
  occurred_at?: Dayjs;
  duration_minutes?: number | null;
}

/** Log a call, visit, meeting, note, email or message without leaving the record. */
export function Composer({ link, onLogged, compact }: { link: Record<string, number>; onLogged?: () => void; compact?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const saveActivity = useSaveRecord('activities');
  const [kind, setKind] = useState('call');
  const [form] = Form.useForm<Values>();
  const [expanded, setExpanded] = useState(!compact);

  const save = useMutation({
    mutationFn: async (v: Values) => {
      const body = (v.body ?? '').trim();
      // A subject is required; a quick note may have only a body, whose first line then serves.
      const subject = (v.subject ?? '').trim() || body.split('\n')[0]!.slice(0, 80);
      return saveActivity.mutateAsync({ body: {
        kind,
        subject,
        body: body || null,
        occurred_at: (v.occurred_at ?? dayjs()).toISOString(),
        duration_minutes: TIMED.has(kind) ? (v.duration_minutes ?? null) : null,
        ...link,
      } });
    },
    onSuccess: () => {
      message.success(t('composer.logged'));
      form.resetFields();
      onLogged?.();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.details.length) {
        form.setFields(e.details.filter((d) => ['subject', 'body', 'occurred_at', 'duration_minutes'].includes(d.field)).map((d) => ({ name: d.field as keyof Values, errors: [localizeMessage(t, d.message, d.code)] })));
      }
      message.error(errorText(t, e));
    },
  });

  return (
    <div className="gx-composer" data-testid="composer">
      <Segmented
        block
        size="small"
        value={kind}
        onChange={(v) => {
          setKind(String(v));
          setExpanded(true);
        }}
        options={KINDS.map((k) => ({
          value: k.value,
          // Icons for all kinds, the word for the chosen one: six labels do not fit a side column.
          label: <span title={t(`timeline.kinds.${k.value}`)} aria-label={t(`timeline.kinds.${k.value}`)}>{k.icon}{kind === k.value ? <span className="gx-kind-label">{t(`timeline.kinds.${k.value}`)}</span> : null}</span>,
        }))}
        style={{ marginBottom: 10 }}
      />
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} requiredMark={false}>
        <Form.Item
          name="subject"
          style={{ marginBottom: 8 }}
          rules={[({ getFieldValue }) => ({
            validator: (_r, v) => ((v && String(v).trim()) || (getFieldValue('body') && String(getFieldValue('body')).trim()) ? Promise.resolve() : Promise.reject(new Error(t('composer.subjectRequired')))),
          })]}
        >
          <Input placeholder={t('composer.subjectPlaceholder')} aria-label={t('composer.subject')} onFocus={() => setExpanded(true)} data-testid="composer-subject" />
        </Form.Item>
        {expanded ? (
          <>
            <Form.Item name="body" style={{ marginBottom: 8 }}>
              <MentionTextArea placeholder={t('composer.bodyPlaceholder')} rows={{ minRows: 2, maxRows: 8 }} aria-label={t('composer.body')} />
            </Form.Item>
            <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
              <Space wrap>
                <Form.Item name="occurred_at" noStyle>
                  <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" size="small" placeholder={t('composer.occurredAt')} aria-label={t('composer.occurredAt')} />
                </Form.Item>
                {TIMED.has(kind) ? (
                  <Form.Item name="duration_minutes" noStyle>
                    <InputNumber size="small" min={0} max={1440} placeholder={t('composer.duration')} style={{ width: 96 }} aria-label={t('composer.duration')} />
                  </Form.Item>
                ) : null}
              </Space>
              <Button type="primary" htmlType="submit" size="small" loading={save.isPending} data-testid="composer-submit">{t('composer.submit')}</Button>
            </Space>
          </>
        ) : null}
      </Form>
    </div>
  );
}
