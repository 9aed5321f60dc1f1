import { defineModule } from '../../core/modules.ts';
import { stageFields } from '../../records/stages.ts';
import { registerBoardRoutes, registerStageHistoryRoute } from './stages.routes.ts';

// Stages and kanban boards for every object declaring them (records/stages.ts, records/board.ts):
// GET /{object}/{id}/stage-history for objects with a stage field; GET /{object}/board,
// GET /{object}/board/cards and POST /{object}/{id}/move for objects declaring `board`.
export default defineModule({
  name: 'stages',
  dir: import.meta.dirname,
  objectRoutes: (app, def) => {
    if (stageFields(def).length) registerStageHistoryRoute(app, def);
    if (def.board && !def.board.dataColumns) registerBoardRoutes(app, def);
  },
});
