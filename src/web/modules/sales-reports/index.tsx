import { LineChartOutlined } from '@ant-design/icons';
import { registerPage } from '../../extensions/registry.ts';
import { SalesReportsPage } from './SalesReportsPage.tsx';

// The sales reports module's web part: one page in the sales menu (server: modules/sales-reports).
registerPage({ path: 'reports/sales', element: <SalesReportsPage />, menu: { group: 'sales', icon: <LineChartOutlined />, label: (t) => t('salesReports.title') } });
