import { defineModule } from '../../core/modules.ts';
import routes from './settings.routes.ts';
import { loadPhoneRegion } from './settings.service.ts';

// The organisation's phone region is read once per start (imports and phone keys use it).
export default defineModule({ name: 'settings', dir: import.meta.dirname, routes, bootstrap: loadPhoneRegion });
