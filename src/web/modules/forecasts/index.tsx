import { AimOutlined, LineChartOutlined } from '@ant-design/icons';
import { registerPage } from '../../extensions/registry.ts';
import { ForecastPage } from './ForecastPage.tsx';
import { QuotasPage } from './QuotasPage.tsx';

// The forecasts module's web part: the Forecast page in the sales menu, the quotas in settings.
registerPage({ path: 'reports/forecast', element: <ForecastPage />, menu: { group: 'sales', icon: <LineChartOutlined />, label: (t) => t('forecasts.title') } });
registerPage({ path: 'settings/quotas', element: <QuotasPage />, menu: { group: 'settings', icon: <AimOutlined />, label: (t) => t('forecasts.quotas'), admin: true } });
