import { registerRecordExtension } from '../../extensions/registry.ts';
import { FapiaoActions } from './FapiaoActions.tsx';
import { InvoiceFapiaoTab, RequestFapiao } from './InvoiceFapiao.tsx';

// Fapiao (server: modules/fapiao): actions on a fapiao's page; on an invoice's page a
// "Request fapiao" action and a tab with its fapiao and what is left without one.
registerRecordExtension('fapiao', { Actions: FapiaoActions });
registerRecordExtension('invoices', { Actions: RequestFapiao, tabs: [{ key: 'fapiao', label: (t) => t('fapiao.tab'), View: InvoiceFapiaoTab }] });
