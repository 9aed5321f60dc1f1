import { App, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { errorText } from '../../api/errors.ts';

// The shape every document's record actions share (invoices, fapiao, …): run a request, say
// it worked and reload, or show the refusal in the user's language; or first ask for a line of
// text (a reason, a confirmation number) in a confirm dialog.

export interface AskOptions { placeholder?: string; okText?: string; danger?: boolean; multiline?: boolean }

export function useActionRunner(reload: () => void, errorOf: (t: TFunction, e: unknown) => string = errorText) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  /** Runs `fn`; on success shows `done` (an i18n key) and reloads the record. */
  const run = async (fn: () => Promise<unknown>, done?: string) => {
    try {
      await fn();
      if (done) message.success(t(done));
      reload();
    } catch (e) {
      message.error(errorOf(t, e));
    }
  };
  /** Asks for a text, then hands it to `go` (errors shown the same way as `run`). */
  const ask = (title: string, go: (text: string) => Promise<unknown>, opts: AskOptions = {}) => {
    let text = '';
    const Field = opts.multiline ? Input.TextArea : Input;
    modal.confirm({
      title,
      content: <Field autoFocus maxLength={1000} placeholder={opts.placeholder} aria-label={opts.placeholder ?? title} onChange={(e) => { text = e.target.value; }} />,
      ...(opts.okText ? { okText: opts.okText } : {}),
      ...(opts.danger ? { okButtonProps: { danger: true } } : {}),
      onOk: async () => {
        try {
          await go(text);
        } catch (e) {
          message.error(errorOf(t, e));
        }
      },
    });
  };
  return { run, ask };
}
