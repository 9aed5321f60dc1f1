import { lazy } from 'react';
import { BarChartOutlined, PercentageOutlined } from '@ant-design/icons';
import { registerPage, registerRecordExtension } from '../../extensions/registry.ts';
import { SplitsTab } from './SplitsTab.tsx';
import { StatementActions } from './StatementActions.tsx';
import { StatementLines } from './StatementLines.tsx';

// The commissions module's web part: Settings → Commission rules, Reports → Commissions (by rep),
// the statement's actions and lines, and the splits tab on opportunities. Statement lists and
// pages themselves come from the commission_statements descriptor.
const RulesPage = lazy(() => import('./RulesPage.tsx').then((m) => ({ default: m.RulesPage })));
const ReportPage = lazy(() => import('./ReportPage.tsx').then((m) => ({ default: m.ReportPage })));

registerPage({
  path: 'settings/commission-rules',
  element: <RulesPage />,
  menu: { group: 'settings', icon: <PercentageOutlined />, label: (t) => t('commissions.rulesTitle'), admin: true },
});
registerPage({
  path: 'reports/commissions',
  element: <ReportPage />,
  menu: { group: 'sales', icon: <BarChartOutlined />, label: (t) => t('commissions.reportTitle') },
});
registerRecordExtension('commission_statements', { Actions: StatementActions, Panels: StatementLines });
registerRecordExtension('opportunities', { tabs: [{ key: 'splits', label: (t) => t('commissions.splits'), View: SplitsTab }] });
