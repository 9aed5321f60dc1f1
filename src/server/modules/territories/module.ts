import { defineModule } from '../../core/modules.ts';
import routes from './territories.routes.ts';
import { territoriesObject } from './territories.object.ts';
import { territoryExtension } from './territories.engine.ts';
import { registerTerritoryVisibility } from './territories.visibility.ts';
import { REALIGN_JOB, runRealign } from './territories.realign.ts';
import { territoriesDemo } from './demo.ts';
import { accountFieldLabels, accountSectionLabel } from './territories.labels.ts';

// Sales territories: a tree of territories (a record object, admin-written), rules assigning
// accounts (territory_id, recomputed on every account write and by POST /territories/realign),
// and visibility: a territory's managers see its accounts and those below it. The accounts
// module never names territories: the fields come through `extends`, the visibility through
// core/access.ts registerVisibilityExtension.
registerTerritoryVisibility();

export default defineModule({
  name: 'territories',
  dir: import.meta.dirname,
  objects: [territoriesObject],
  routes,
  writeExtension: territoryExtension,
  demo: territoriesDemo,
  jobs: (app) => app.jobs.register(REALIGN_JOB, (payload, ctx) => runRealign(app.db, payload, ctx)),
  extends: [{
    object: 'accounts',
    fields: [
      // Written by the rules (and an administrator's PUT /accounts/{id}/territory), never by clients.
      { key: 'territory_id', type: 'link', link: 'territories', system: true },
      { key: 'territory_locked', type: 'boolean', system: true },
    ],
    labels: accountFieldLabels,
    section: 'territory',
    sectionLabel: accountSectionLabel,
    listColumns: ['territory_id'],
  }],
});
