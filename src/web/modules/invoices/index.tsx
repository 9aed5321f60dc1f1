import { BarChartOutlined } from '@ant-design/icons';
import { registerPage, registerRecordExtension } from '../../extensions/registry.ts';
import { AgeingPage } from './AgeingPage.tsx';
import { InvoiceActions } from './InvoiceActions.tsx';
import { BrokenPromisePanel, CollectionTab, PaymentsTab } from './InvoiceTabs.tsx';
import { invoiceFromSource } from './InvoiceFromSource.tsx';

// The invoices module's web part: actions and tabs on the invoice page, the ageing report.
registerRecordExtension('invoices', {
  Actions: InvoiceActions,
  Panels: BrokenPromisePanel,
  tabs: [
    { key: 'payments', label: (t) => t('invoices.paymentsTab'), View: PaymentsTab },
    { key: 'collection', label: (t) => t('invoices.collectionTab'), View: CollectionTab },
  ],
});

registerPage({ path: 'reports/ageing', element: <AgeingPage />, menu: { group: 'sales', icon: <BarChartOutlined />, label: (t) => t('invoices.ageing.title') } });

// Documents invoices are made from: delivered orders, active contracts' instalments.
registerRecordExtension('orders', { Actions: invoiceFromSource(['confirmed', 'partially_fulfilled', 'fulfilled']) });
registerRecordExtension('contracts', { Actions: invoiceFromSource(['active']) });
