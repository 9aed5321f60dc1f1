import { createElement } from 'react';
import { api } from '../../api/client.ts';
import { registerErrorMessages, registerRecordExtension } from '../../extensions/registry.ts';
import { registerLinePricing } from '../../features/lines/pricing.ts';
import type { ResolveAnswer } from '../../../shared/contracts/price-books.ts';
import { EntriesTab } from './EntriesTab.tsx';
import { AudienceTab } from './AudienceTab.tsx';
import { RelationsTab } from './RelationsTab.tsx';

// Price books on the web: a book's entries and audience as tabs of its record page, a product's
// relations as a tab of the product page, and the line editor priced by POST /pricing/resolve
// for the document being edited (its account, currency and date, as the server fills them),
// with a bundle's components following it.
registerLinePricing(async ({ object, id, productId, quantity }) => {
  const r = await api.post<ResolveAnswer>('/pricing/resolve', { document: { object, id }, lines: [{ product_id: productId, quantity }], expand_bundles: true });
  return r.data.lines;
});

registerRecordExtension('price_books', {
  tabs: [
    { key: 'entries', label: (t) => t('priceBooks.entries'), View: (p) => createElement(EntriesTab, p) },
    { key: 'audience', label: (t) => t('priceBooks.audience'), View: (p) => createElement(AudienceTab, p) },
  ],
});

registerRecordExtension('products', {
  tabs: [{ key: 'relations', label: (t) => t('priceBooks.relations'), View: (p) => createElement(RelationsTab, p) }],
});
registerErrorMessages('priceBooks.errors');
