import { defineModule } from '../../core/modules.ts';
import routes from './timeline.routes.ts';

// The 360° view: GET /timeline/{object}/{id} for any object with a timeline; the contacts and
// accounts modules also mount it under their own paths (registerTimelineRoute).
export default defineModule({ name: 'timeline', dir: import.meta.dirname, routes });
