import { useState } from 'react';
import { App, InputNumber, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';

interface Answer { data: { at: string; date: string } }

/**
 * "In N working days" beside a due field: asks the server (default business calendar: holidays,
 * make-up days, working hours) for the instant N working days from now and hands it to the field.
 */
export function WorkingDaysInput({ onPick, disabled }: { onPick: (iso: string) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [days, setDays] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  async function apply() {
    if (days === null || busy) return;
    setBusy(true);
    try {
      const r = await api.post<Answer>('/calendars/default/add', { from: new Date().toISOString(), days });
      onPick(r.data.at);
    } catch (e) {
      message.error(errorText(t, e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Tooltip title={t('calendars.dueInHelp')}>
      <InputNumber
        aria-label={t('calendars.dueInHelp')}
        data-testid="due-in-working-days"
        min={0}
        max={365}
        precision={0}
        value={days}
        disabled={disabled || busy}
        onChange={(v) => setDays(typeof v === 'number' ? v : null)}
        onBlur={apply}
        onPressEnter={(e) => {
          e.preventDefault();
          void apply();
        }}
        prefix={t('calendars.dueIn') || undefined}
        suffix={t('calendars.workingDays')}
        style={{ width: 190, maxWidth: '100%' }}
      />
    </Tooltip>
  );
}
