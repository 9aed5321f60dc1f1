import { defineModule } from '../../core/modules.ts';
import { tasksObject } from './tasks.object.ts';
import { tasksDueWidget, tasksRemindersWidget } from './tasks.widgets.ts';
import routes from './tasks.routes.ts';

export default defineModule({ name: 'tasks', dir: import.meta.dirname, objects: [tasksObject], routes, widgets: [tasksDueWidget, tasksRemindersWidget] });
