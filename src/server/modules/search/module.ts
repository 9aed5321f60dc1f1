import { defineModule } from '../../core/modules.ts';
import routes from './search.routes.ts';
import { registerSearchJobs } from './reindex.ts';

export default defineModule({ name: 'search', dir: import.meta.dirname, routes, jobs: registerSearchJobs });
