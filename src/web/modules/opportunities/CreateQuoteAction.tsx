import { App, Button } from 'antd';
import { FileAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorText } from '../../api/errors.ts';
import { useObject } from '../../api/objects.ts';
import type { RecordExtensionProps } from '../../extensions/registry.ts';
import { useCreateQuote } from './api.ts';

/** "Create quote" on an opportunity's page: a quote with its account, contact, currency and lines, then opened. */
export function CreateQuoteAction({ id }: RecordExtensionProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const quotes = useObject('quotes');
  const create = useCreateQuote();
  if (!quotes?.can?.create) return null;
  return (
    <Button
      icon={<FileAddOutlined />}
      loading={create.isPending}
      data-testid="opportunity-create-quote"
      onClick={() => create.mutate(id, {
        onSuccess: (q) => {
          message.success(t('opportunities.quoteCreated'));
          navigate(`/quotes/${q.id}`);
        },
        onError: (e) => message.error(errorText(t, e)),
      })}
    >
      {t('opportunities.createQuote')}
    </Button>
  );
}
