import { defineModule } from '../../core/modules.ts';
import { opts } from '../../records/options.ts';
import type { ObjectDef } from '../../records/types.ts';

// The stages test module: a pipeline whose stage field has transitions, entry requirements and a
// board totalled by amount. Loaded only by its tests (useTestApp({ modules: [this folder] })).
export const dealsObject: ObjectDef = {
  name: 'deals',
  singular: 'deal',
  titleField: 'name',
  ownerField: 'owner_id',
  fields: [
    { key: 'name', type: 'text', required: true, max: 200 },
    {
      key: 'stage', type: 'select', options: opts('lead', 'qualified', 'won', 'lost'),
      stages: {
        transitions: { lead: ['qualified', 'lost'], qualified: ['lead', 'won', 'lost'], lost: ['lead'] },
        requiredOnEnter: { won: ['amount', 'close_date'], lost: ['lost_reason'] },
      },
    },
    { key: 'amount', type: 'money' },
    { key: 'close_date', type: 'date' },
    { key: 'lost_reason', type: 'text', max: 500 },
    { key: 'owner_id', type: 'user' },
    { key: 'created_at', type: 'datetime', system: true },
    { key: 'updated_at', type: 'datetime', system: true },
  ],
  notNull: ['name', 'stage'],
  board: { field: 'stage', positionColumn: 'board_position' },
  // Importable, matched by name: imports create and update through the same stage rules.
  import: { synonyms: {}, identity: [{ tag: 'n', label: 'name', column: 'name', of: (v) => (typeof v.name === 'string' && v.name.trim() ? v.name.trim() : null) }] },
};

export default defineModule({ name: 'deals', dir: import.meta.dirname, objects: [dealsObject] });
