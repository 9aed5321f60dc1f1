import type { WidgetDef } from '../../core/widgets.ts';
import type { WidgetItem } from '../../../shared/contracts/home.ts';
import { canDo } from '../../core/access.ts';
import { clause, recordItems } from '../../core/widget-items.ts';
import { findObject } from '../../records/registry.ts';
import { selectRecentRecords } from './audit.repo.ts';

const SCAN = 200;
const LIMIT = 10;

/**
 * Records I created or changed lately, from my audit entries. Each is read back through the
 * record engine as me: one I may no longer see (reassigned, deleted, my role changed) drops out.
 */
export const recentRecordsWidget: WidgetDef = {
  key: 'audit.recent',
  labels: { en: 'Recently changed by me', 'zh-CN': '我最近修改的记录', 'zh-TW': '我最近修改的記錄' },
  audience: 'everyone',
  size: 'small',
  order: 30,
  load: async (db, actor) => {
    const recent = await selectRecentRecords(db, actor.id, SCAN, LIMIT);
    const byObject = new Map<string, number[]>();
    for (const r of recent) byObject.set(r.object, [...(byObject.get(r.object) ?? []), Number(r.record_id)]);
    const found = new Map<string, WidgetItem>();
    for (const [object, ids] of byObject) {
      const def = findObject(object);
      if (!def || !canDo(actor, def, 'list')) continue;
      for (const item of await recordItems(db, def, actor, { filters: [clause('id', 'in', ids.join(','))], limit: LIMIT })) found.set(`${object}:${item.id}`, item);
    }
    const items = recent.flatMap((r) => {
      const item = found.get(`${r.object}:${r.record_id}`);
      return item ? [{ ...item, at: r.at instanceof Date ? r.at.toISOString() : String(r.at) }] : [];
    });
    return { kind: 'list', items };
  },
};
