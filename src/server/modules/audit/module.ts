import { defineModule } from '../../core/modules.ts';
import { recentRecordsWidget } from './audit.widgets.ts';
import routes from './audit.routes.ts';

export default defineModule({ name: 'audit', dir: import.meta.dirname, routes, widgets: [recentRecordsWidget] });
