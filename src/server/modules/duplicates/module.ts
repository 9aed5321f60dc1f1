import { defineModule } from '../../core/modules.ts';
import { registerDuplicateRoutes } from './duplicates.routes.ts';

// Detection, merge and undo for every object declaring duplicate keys (GET /{object}/{id}/duplicates,
// POST /{object}/duplicates/check, /{object}/merge, /{object}/merge/undo).
export default defineModule({
  name: 'duplicates',
  dir: import.meta.dirname,
  objectRoutes: (app, def) => {
    if (def.duplicates) registerDuplicateRoutes(app, def);
  },
});
