import { defineModule } from '../../core/modules.ts';

// The 360° view is served per object (timeline.routes.ts, mounted by the contacts and
// accounts modules); the module has no routes of its own yet.
export default defineModule({ name: 'timeline', dir: import.meta.dirname });
