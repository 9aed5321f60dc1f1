import { ApartmentOutlined } from '@ant-design/icons';
import { registerPage } from '../../extensions/registry.ts';
import { TerritoriesPage } from './TerritoriesPage.tsx';

// Settings → Territories (modules/territories): the tree, each territory's rule and members.
registerPage({
  path: 'settings/territories',
  element: <TerritoriesPage />,
  menu: { group: 'settings', icon: <ApartmentOutlined />, label: (t) => t('territories.title'), admin: true },
});
