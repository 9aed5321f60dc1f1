import { defineModule } from '../../core/modules.ts';
import { activitiesObject } from './activities.object.ts';
import { noFollowUpWidget, teamActivityWidget } from './activities.widgets.ts';
import routes from './activities.routes.ts';

export default defineModule({
  name: 'activities', dir: import.meta.dirname, objects: [activitiesObject], routes, widgets: [teamActivityWidget, noFollowUpWidget],
});
