import { registerRecordExtension } from '../../extensions/registry.ts';
import { OrderActions } from './OrderActions.tsx';
import { OrderPanels } from './OrderPanels.tsx';
import { QuoteToOrder } from './QuoteToOrder.tsx';

// The orders module's web part: the order page's actions and panels, and "Create order" on an accepted quote.
registerRecordExtension('orders', { Actions: OrderActions, Panels: OrderPanels });
registerRecordExtension('quotes', { Actions: QuoteToOrder });
