import { defineModule } from '../../core/modules.ts';
import routes, { registerAssignRoute } from './assignment.routes.ts';
import { assignmentExtension } from './assignment.engine.ts';

// Assignment rules for every object declaring `assignment` (records/types.ts AssignmentDef):
// a new record naming no owner gets one from the first matching rule, in its write's
// transaction, on every create path (records/hooks.ts write extension); POST /{object}/assign
// re-applies the rules to stored records; /assignment-rules is the administrators' API.
export default defineModule({
  name: 'assignment',
  dir: import.meta.dirname,
  routes,
  objectRoutes: (app, def) => {
    if (def.assignment && def.ownerField) registerAssignRoute(app, def);
  },
  writeExtension: assignmentExtension,
});
