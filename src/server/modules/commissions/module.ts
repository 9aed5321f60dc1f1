import { defineModule } from '../../core/modules.ts';
import { statementsObject } from './statements.object.ts';
import { commissionsRoutes } from './commissions.routes.ts';
import { commissionsDemo } from './commissions.demo.ts';

// Commissions (issue 13): rules on booked, invoiced or collected amounts with tiers and scopes,
// opportunity splits, statements per rep and period with approval and clawbacks. It reads the
// sales modules' tables its migration requires (sources.repo.ts) and never imports them.
export default defineModule({
  name: 'commissions',
  dir: import.meta.dirname,
  objects: [statementsObject],
  routes: commissionsRoutes,
  demo: commissionsDemo,
  // Released as /commission_rules; now /commission-rules (http/legacy-paths.ts).
  legacyPaths: ['commission_rules'],
});
