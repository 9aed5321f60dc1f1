import { defineModule } from '../../core/modules.ts';
import { contractsObject } from './contracts.object.ts';
import { runContractsDaily } from './contracts.renewal.ts';
import { contractsExpiringWidget, instalmentsDueWidget } from './contracts.widgets.ts';
import routes from './contracts.routes.ts';
import { contractsDemo } from './demo.ts';
// Registers the instalment payment target and the contracts billing source (core/billing.ts).
import './contracts.billing.ts';

// Contracts (issue 13): numbered contracts with terms, renewal and signed scans, and their
// receivable plans (回款计划): GET/PUT /contracts/{id}/plan, POST /contracts/{id}/plan/generate.
export default defineModule({
  name: 'contracts',
  dir: import.meta.dirname,
  demo: contractsDemo,
  objects: [contractsObject],
  routes,
  widgets: [contractsExpiringWidget, instalmentsDueWidget],
  jobs(app) {
    // Daily at 01:10 UTC: overdue instalments, auto-renewals, expiries, renewal tasks (contracts.renewal.ts).
    app.jobs.schedule('contracts.daily', '10 1 * * *', async () => void (await runContractsDaily(app.db)));
  },
});
