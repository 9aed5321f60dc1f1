import { defineModule } from '../../core/modules.ts';
import { hasTimeline } from '../../records/registry.ts';
import routes, { registerTimelineRoute } from './timeline.routes.ts';

// The 360° view: GET /timeline/{object}/{id}, and GET /{object}/{id}/timeline for every object
// whose records have a timeline (some object's `timeline.targets` links to it).
export default defineModule({
  name: 'timeline',
  dir: import.meta.dirname,
  routes,
  objectRoutes: (app, def) => {
    if (hasTimeline(def.name)) registerTimelineRoute(app, def);
  },
});
