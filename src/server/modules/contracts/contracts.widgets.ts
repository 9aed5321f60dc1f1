import { canDo, canReadField } from '../../core/access.ts';
import type { WidgetDef } from '../../core/widgets.ts';
import { clause, recordItems } from '../../core/widget-items.ts';
import { visibleFields } from '../../records/fields.ts';
import { whereFor } from '../../records/service.ts';
import { addDays } from './contracts.dates.ts';
import { orgToday } from '../../core/org-time.ts';
import { instalmentsDue } from './contracts.repo.ts';
import { contractsObject as def } from './contracts.object.ts';

const LIMIT = 10;

/** Active contracts the viewer may see ending within 30 days, soonest first. */
export const contractsExpiringWidget: WidgetDef = {
  key: 'contracts.expiring',
  labels: { en: 'Contracts expiring in 30 days', 'zh-CN': '30 天内到期的合同', 'zh-TW': '30 天內到期的合約' },
  audience: 'everyone',
  size: 'medium',
  order: 60,
  load: async (db, actor) => ({
    kind: 'list',
    items: await recordItems(db, def, actor, {
      filters: [clause('status', 'eq', 'active'), clause('end_date', 'gte', 'today'), clause('end_date', 'lte', 'today+30d')], sort: 'end_date', limit: LIMIT,
    }, 'end_date'),
  }),
};

/**
 * Unpaid instalments due in the next seven days of contracts the viewer may see (the record
 * engine's visibility), each linking to its contract; no amounts (the card lists, it does not total).
 */
export const instalmentsDueWidget: WidgetDef = {
  key: 'contracts.instalments_due',
  labels: { en: 'Instalments due this week', 'zh-CN': '本周到期的回款', 'zh-TW': '本週到期的回款' },
  audience: 'everyone',
  size: 'medium',
  order: 61,
  load: async (db, actor) => {
    if (!canDo(actor, def, 'list')) return { kind: 'list', items: [] };
    const visible = await whereFor(db, def, await visibleFields(db, def, actor), actor, {});
    const today = await orgToday(db);
    const rows = await instalmentsDue(db, today, addDays(today, 6), visible, LIMIT);
    const showNumber = canReadField(actor, def.name, 'number');
    return {
      kind: 'list',
      items: rows.map((r) => ({ object: def.name, id: Number(r.contract_id), title: showNumber ? `${r.number} #${r.sequence}` : null, at: String(r.due_date) })),
    };
  },
};
