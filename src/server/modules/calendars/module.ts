import { defineModule } from '../../core/modules.ts';
import routes from './calendars.routes.ts';
import { ensureDefaultCalendar } from './calendars.service.ts';

// Business calendars: working ranges, holidays and 调休 make-up days; the default one is created
// (and seeded with China's holidays) at the first start.
export default defineModule({ name: 'calendars', dir: import.meta.dirname, routes, bootstrap: ensureDefaultCalendar });
