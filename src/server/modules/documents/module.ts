import { defineModule } from '../../core/modules.ts';
import { registerPdfRoute } from './documents.routes.ts';

// Business documents: GET /{object}/{id}/pdf for every object declaring `printable`
// (records/types.ts), rendered by core/pdf. `parties.ts` helps a printable() fill in the seller
// (the organisation) and a buyer from an account the printing user may read.
export default defineModule({
  name: 'documents',
  dir: import.meta.dirname,
  objectRoutes: (app, def) => {
    if (def.printable) registerPdfRoute(app, def);
  },
});
