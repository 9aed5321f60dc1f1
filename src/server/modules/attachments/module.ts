import { defineModule } from '../../core/modules.ts';
import { ANY_OBJECT } from '../../records/references.ts';
import { onRecordsDeleted } from '../../records/delete-rules.ts';
import { registerFileUse } from '../../jobs/retention.ts';
import routes, { registerAttachmentRoutes } from './attachments.routes.ts';
import { deleteAttachmentsOf } from './attachments.repo.ts';

// A deleted record takes its attachments; their files then go by retention, which never
// removes a file an attachment still uses.
onRecordsDeleted(async (trx, def, ids) => {
  if (def.attachments) await deleteAttachmentsOf(trx, def.name, ids);
});
registerFileUse('attachments');

// Files on records: GET/POST /{object}/{id}/attachments for every object declaring
// `attachments: true`, GET /attachments/{id}/download, DELETE /attachments/{id}.
export default defineModule({
  name: 'attachments',
  dir: import.meta.dirname,
  routes,
  objectRoutes: (app, def) => {
    if (def.attachments) registerAttachmentRoutes(app, def);
  },
  // A merge moves the duplicates' attachments to the surviving record.
  references: [{ object: ANY_OBJECT, ref: { table: 'attachments', column: 'record_id', objectColumn: 'object' } }],
});
