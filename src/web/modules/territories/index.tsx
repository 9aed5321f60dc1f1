import { ApartmentOutlined } from '@ant-design/icons';
import { registerPage, registerRecordExtension } from '../../extensions/registry.ts';
import { TerritoryOverride } from './TerritoryOverride.tsx';
import { TerritoriesPage } from './TerritoriesPage.tsx';

// Settings → Territories (modules/territories): the tree, each territory's rule and members.
registerPage({
  path: 'settings/territories',
  element: <TerritoriesPage />,
  menu: { group: 'settings', icon: <ApartmentOutlined />, label: (t) => t('territories.title'), admin: true },
});

// An administrator's manual territory for one account, kept out of the rules until handed back.
registerRecordExtension('accounts', { Actions: TerritoryOverride });
