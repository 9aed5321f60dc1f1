import type { WidgetDef } from '../../core/widgets.ts';
import type { WidgetItem } from '../../../shared/contracts/home.ts';
import { canDo, canReadField } from '../../core/access.ts';
import { clause, recordItems } from '../../core/widget-items.ts';
import { findObject, objectNames } from '../../records/registry.ts';
import type { ObjectDef } from '../../records/types.ts';

const PER_OBJECT = 5;
const LIMIT = 10;

/**
 * The objects whose records are "assigned" to someone: an owner, a creation time and a menu entry
 * outside the work group (tasks and activities have widgets of their own). Accounts, contacts and
 * quotes today; a pipeline's or cases' objects join by declaring the same, with no edit here.
 */
function ownedObjects(): ObjectDef[] {
  return objectNames().map((n) => findObject(n)!).filter((d) =>
    d.ownerField && d.ui?.menu && d.ui.menu.group !== 'work' && d.fields.some((f) => f.key === 'created_at'));
}

/** Records owned by me and created in the last 7 days, newest first, across the owned objects I may list. */
export const assignedWidget: WidgetDef = {
  key: 'home.assigned',
  labels: { en: 'Assigned to me lately', 'zh-CN': '最近分配给我的', 'zh-TW': '最近分配給我的' },
  audience: 'everyone',
  size: 'small',
  order: 40,
  load: async (db, actor) => {
    const items: WidgetItem[] = [];
    for (const def of ownedObjects()) {
      const owner = def.ownerField!;
      if (!canDo(actor, def, 'list') || !canReadField(actor, def.name, owner) || !canReadField(actor, def.name, 'created_at')) continue;
      items.push(...await recordItems(db, def, actor, {
        filters: [clause(owner, 'eq', 'me'), clause('created_at', 'gte', 'today-7d')], sort: '-created_at', limit: PER_OBJECT,
      }, 'created_at'));
    }
    items.sort((a, b) => String(b.at ?? '').localeCompare(String(a.at ?? '')));
    return { kind: 'list', items: items.slice(0, LIMIT) };
  },
};
