import { defineModule } from '../../core/modules.ts';
import { salesReportsRoutes } from './reports.routes.ts';

// Sales reports (issue 13): pipeline by stage, funnel conversion, win rate and sales cycle,
// booked revenue by period, rep, product and region, activity per rep; each one statement over
// the caller's visible records, with the records behind a figure the list cannot filter for.
// No tables of its own: migrations/ only adds the indexes the reports filter by.
export default defineModule({
  name: 'sales-reports',
  dir: import.meta.dirname,
  routes: salesReportsRoutes,
});
