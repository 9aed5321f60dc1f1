import { defineModule } from '../../core/modules.ts';
import { assignedWidget } from './home.widgets.ts';
import routes from './home.routes.ts';

/** The home page: `GET /home` runs the widgets every module declares (core/widgets.ts). */
export default defineModule({ name: 'home', dir: import.meta.dirname, routes, widgets: [assignedWidget] });
