import { lazy } from 'react';
import { FunnelPlotOutlined } from '@ant-design/icons';
import { registerListPage, registerPage, registerRecordExtension } from '../../extensions/registry.ts';
import { ContactRolesTab } from './ContactRolesTab.tsx';
import { CreateQuoteAction } from './CreateQuoteAction.tsx';
import { HistoryTab } from './HistoryTab.tsx';

// The opportunities module's web part: the pipeline kanban at /opportunities (the generic list
// at /opportunities/all), Settings → Pipelines, "Create quote", the contact roles and history tabs.
const OpportunityBoardPage = lazy(() => import('./OpportunityBoardPage.tsx').then((m) => ({ default: m.OpportunityBoardPage })));
const PipelinesPage = lazy(() => import('./PipelinesPage.tsx').then((m) => ({ default: m.PipelinesPage })));

registerListPage('opportunities', OpportunityBoardPage);
registerPage({
  path: 'settings/pipelines',
  element: <PipelinesPage />,
  menu: { group: 'settings', icon: <FunnelPlotOutlined />, label: (t) => t('opportunities.pipelines'), admin: true },
});
registerRecordExtension('opportunities', {
  Actions: CreateQuoteAction,
  tabs: [{ key: 'contact-roles', label: (t) => t('opportunities.contactRoles'), View: ContactRolesTab }, { key: 'history', label: (t) => t('opportunityHistory.title'), View: HistoryTab }],
});
