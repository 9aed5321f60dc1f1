import { FileTextOutlined } from '@ant-design/icons';
import { registerErrorMessages, registerPage, registerRecordExtension } from '../../extensions/registry.ts';
import { QuoteActions } from './QuoteActions.tsx';
import { QuotePanels } from './QuotePanels.tsx';
import { QuoteSettingsPage } from './QuoteSettingsPage.tsx';

// Quotes v2 on the web: the status actions and the versions/approval panels on a quote's page,
// and Settings → Quotes for administrators (server: modules/quotes).
registerRecordExtension('quotes', { Actions: QuoteActions, Panels: QuotePanels });
registerPage({
  path: 'settings/quotes',
  element: <QuoteSettingsPage />,
  menu: { group: 'settings', icon: <FileTextOutlined />, label: (t) => t('quotes.settings.menu'), admin: true },
});
registerErrorMessages('quotes.errors');
