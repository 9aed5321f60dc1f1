import type { ObjectDef, StandardField } from '../../records/types.ts';
import { AppError } from '../../http/errors.ts';
import { territoriesLabels } from './territories.labels.ts';
import { ancestorIds, depthOf, rebuildSubtree } from './territories.repo.ts';

// Territories are records (list, read, audit, export, the link field on accounts, its titles
// and pickers come from the record engine); only administrators write them (policy). The tree
// is kept in territory_closure by the hooks below; the rules (territory_rules) and members have
// their own administrators' routes, so readers of territories never see them.

const fields: StandardField[] = [
  { key: 'name', type: 'text', required: true, max: 200 },
  { key: 'code', type: 'text', max: 60 },
  // Restrict: a territory with territories under it cannot be deleted (move or delete them first).
  { key: 'parent_id', type: 'link', link: 'territories', onDelete: 'restrict' },
  { key: 'manager_id', type: 'user' },
  { key: 'priority', type: 'number' },
  { key: 'active', type: 'boolean' },
  { key: 'description', type: 'longtext' },
  { key: 'depth', type: 'number', system: true },
  { key: 'created_by', type: 'user', system: true },
  { key: 'created_at', type: 'datetime', system: true },
  { key: 'updated_at', type: 'datetime', system: true },
];

const ADMINS = ['admin'] as const;

export const territoriesObject: ObjectDef = {
  name: 'territories',
  singular: 'territory',
  fields,
  titleField: 'name',
  titleSort: 'name',
  defaultSort: 'name',
  notNull: ['name'],
  labels: territoriesLabels,
  // No import declaration: nobody imports territories (the import answers unknown_object).
  policy: { create: ADMINS, update: ADMINS, delete: ADMINS, export: ADMINS },
  tree: { parentField: 'parent_id', closure: { table: 'territory_closure', ancestor: 'ancestor_id', descendant: 'descendant_id' } },
  ui: {
    // Reached from Settings → Territories (the tree page), not the main menu.
    menu: null,
    recordPage: true,
    listColumns: ['name', 'code', 'parent_id', 'manager_id', 'priority', 'active'],
    quickCreate: ['name', 'code', 'parent_id', 'manager_id', 'priority'],
    sections: [
      { key: 'main', fields: ['name', 'code', 'parent_id', 'manager_id', 'priority', 'active', 'description'] },
      { key: 'custom', fields: [] },
      { key: 'system', fields: ['depth', 'created_by', 'created_at', 'updated_at'] },
    ],
  },
  // A territory may not sit under itself or under one of its own descendants.
  async beforeWrite(ctx, values, existing) {
    // Cleared, they fall back to their defaults (the columns are NOT NULL).
    if (values.priority === null) values.priority = 0;
    if (values.active === null) values.active = true;
    if (values.parent_id === undefined) return;
    const parent = values.parent_id as number | null;
    if (parent !== null && existing && (await ancestorIds(ctx.trx, parent)).includes(Number(existing.id))) {
      throw new AppError('tree_cycle', 'A territory cannot be placed under itself or one of its own territories', [{ field: 'parent_id', message: 'Would make a cycle', code: 'tree_cycle' }]);
    }
    values.depth = parent === null ? 0 : ((await depthOf(ctx.trx, parent)) ?? 0) + 1;
  },
  async afterWrite(ctx, row, existing) {
    if (!existing || Number(existing.parent_id ?? 0) !== Number(row.parent_id ?? 0)) await rebuildSubtree(ctx.trx, Number(row.id));
  },
};
