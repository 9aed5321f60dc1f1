import { defineModule } from '../../core/modules.ts';

// Detection, merge and undo are served per object (duplicates.routes.ts, mounted by each
// object's module); the module has no routes of its own yet.
export default defineModule({ name: 'duplicates', dir: import.meta.dirname });
