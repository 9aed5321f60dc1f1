import { ShopOutlined } from '@ant-design/icons';
import { registerPage, registerRecordExtension } from '../../extensions/registry.ts';
import { ListPage } from '../../features/records/ListPage.tsx';
import { FapiaoActions } from './FapiaoActions.tsx';
import { InvoiceFapiaoTab, RequestFapiao } from './InvoiceFapiao.tsx';
import { fapiaoTitle } from './sellers.tsx';

// Fapiao (server: modules/fapiao): actions on a fapiao's page and its title (number, else kind
// and status); on an invoice's page a "Request fapiao" action and a tab with its fapiao and what
// is left without one; Settings → seller profiles (the generic list of fapiao_sellers).
registerRecordExtension('fapiao', { Actions: FapiaoActions, title: fapiaoTitle });
registerRecordExtension('invoices', { Actions: RequestFapiao, tabs: [{ key: 'fapiao', label: (t) => t('fapiao.tab'), View: InvoiceFapiaoTab }] });
registerPage({
  path: 'settings/fapiao-sellers',
  element: <ListPage object="fapiao_sellers" />,
  menu: { group: 'settings', icon: <ShopOutlined />, label: (t) => t('fapiao.sellers'), admin: true },
});
