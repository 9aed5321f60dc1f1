import { LineChartOutlined } from '@ant-design/icons';
import { registerPage } from '../../extensions/registry.ts';
import { ForecastPage } from './ForecastPage.tsx';

// The forecasts module's web part: the Forecast page in the sales menu.
registerPage({ path: 'reports/forecast', element: <ForecastPage />, menu: { group: 'sales', icon: <LineChartOutlined />, label: (t) => t('forecasts.title') } });
