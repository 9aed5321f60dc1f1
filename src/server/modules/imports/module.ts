import { defineModule } from '../../core/modules.ts';
import routes, { registerImportJobs } from './imports.routes.ts';

export default defineModule({ name: 'imports', dir: import.meta.dirname, routes, jobs: registerImportJobs });
