import { defineModule } from '../../core/modules.ts';
import { registerLineRoutes } from './line-items.routes.ts';

// Line items (issue 12 piece 2): GET/PUT /{object}/{id}/lines for every object declaring
// `lines` (records/types.ts LineItemsDef). The rules live in records/line-items.ts, so orders
// and invoices reuse them; this module only offers the routes.
export default defineModule({
  name: 'line-items',
  dir: import.meta.dirname,
  objectRoutes: (app, def) => {
    if (def.lines) registerLineRoutes(app, def);
  },
});
