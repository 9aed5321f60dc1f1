import { defineModule } from '../../core/modules.ts';
import { opts } from '../../records/options.ts';
import routes from './forecasts.routes.ts';
import { SNAPSHOT_CRON, SNAPSHOT_JOB, takeSnapshot } from './forecasts.snapshots.ts';
import { forecastDemo } from './forecasts.demo.ts';

// Quotas and forecasts (issue 13): quotas per rep, team or territory and period (/quotas), the
// forecast of a period by forecast category rolled up to teams (/forecasts), managers'
// adjustments, and weekly snapshots for the week-over-week trend. Opportunities gain an optional
// forecast category overriding their stage's.
export default defineModule({
  name: 'forecasts',
  dir: import.meta.dirname,
  routes,
  jobs: (app) => app.jobs.schedule(SNAPSHOT_JOB, SNAPSHOT_CRON, async () => void (await takeSnapshot(app.db))),
  extends: [{
    object: 'opportunities',
    // The effective category is kept by triggers (migrations/003_won_date.sql): read-only, and what
    // a forecast cell's drill-down filters on.
    fields: [
      { key: 'forecast_category', type: 'select', options: opts('pipeline', 'best_case', 'commit', 'omitted') },
      { key: 'forecast_category_effective', type: 'select', system: true, options: opts('pipeline', 'best_case', 'commit', 'closed', 'omitted') },
    ],
    labels: {
      en: { forecast_category: 'Forecast category (override)', forecast_category_effective: 'Forecast category' },
      'zh-CN': { forecast_category: '预测类别（覆盖阶段）', forecast_category_effective: '预测类别' },
      'zh-TW': { forecast_category: '預測類別（覆蓋階段）', forecast_category_effective: '預測類別' },
    },
  }],
  demo: forecastDemo,
});
