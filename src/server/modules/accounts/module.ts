import { defineModule } from '../../core/modules.ts';
import { accountsObject } from './accounts.object.ts';
import routes from './accounts.routes.ts';
import { fillAccountNameKeys } from './name-keys.ts';

export default defineModule({
  name: 'accounts',
  dir: import.meta.dirname,
  objects: [accountsObject],
  routes,
  // Accounts written before migration 009 (or restored from an older backup) get their name key.
  bootstrap: async (db) => void (await fillAccountNameKeys(db)),
});
