import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { WidgetDef } from '../../core/widgets.ts';
import type { WidgetItem } from '../../../shared/contracts/home.ts';
import { canReadField, requireDo, type Actor } from '../../core/access.ts';
import { forbidden } from '../../http/errors.ts';
import { clause, recordCount, recordItems } from '../../core/widget-items.ts';
import { visibleFields } from '../../records/fields.ts';
import { whereFor } from '../../records/service.ts';
import { findObject } from '../../records/registry.ts';
import { activitiesObject } from './activities.object.ts';
import { countByOwner } from './activities.repo.ts';

const MAX_REPS = 50;
const PER_OBJECT = 5;
const QUIET_DAYS = 30;

/** Monday 00:00 UTC of this week, ISO (the week the manager's team is measured over). */
export function weekStart(now = new Date()): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString();
}

/** Activities this week per owner, among the activities the manager may see (the team's, by visibility). */
export const teamActivityWidget: WidgetDef = {
  key: 'activities.team_week',
  labels: { en: 'Team activity this week', 'zh-CN': '团队本周活动', 'zh-TW': '團隊本週活動' },
  audience: 'managers',
  size: 'medium',
  order: 100,
  load: async (db, actor) => {
    requireDo(actor, activitiesObject, 'list');
    // Counting by owner tells who did what: a role that may not read the owner gets nothing.
    if (!canReadField(actor, 'activities', 'owner_id')) throw forbidden('Your role may not read the owners of activities');
    const fields = await visibleFields(db, activitiesObject, actor);
    const where = await whereFor(db, activitiesObject, fields, actor, { filters: [clause('occurred_at', 'gte', weekStart())] });
    const rows = await countByOwner(db, where, MAX_REPS);
    return { kind: 'counts', rows: rows.map((r) => ({ label: r.name ?? '—', value: r.n, user_id: r.owner_id })) };
  },
};

/** Records of this object with no activity (that the viewer may see) in the last 30 days, least recently changed first. */
async function quiet(db: Kysely<DB>, actor: Actor, object: string, via: string): Promise<{ items: WidgetItem[]; count: number }> {
  const def = findObject(object);
  if (!def) return { items: [], count: 0 };
  const where = {
    kind: 'group', match: 'all', conditions: [{
      kind: 'related', object: 'activities', via, quantifier: 'none',
      where: { kind: 'group', match: 'all', conditions: [{ kind: 'field', field: 'occurred_at', op: 'gte', value: `today-${QUIET_DAYS}d` }] },
    }],
  };
  const [items, count] = await Promise.all([
    recordItems(db, def, actor, { where, sort: 'updated_at', limit: PER_OBJECT }, 'updated_at'),
    recordCount(db, def, actor, [], where),
  ]);
  return { items, count };
}

/** The team's accounts and contacts nobody followed up in 30 days (top few each, with capped counts). */
export const noFollowUpWidget: WidgetDef = {
  key: 'activities.no_follow_up',
  labels: { en: 'No follow-up in 30 days', 'zh-CN': '30 天未跟进', 'zh-TW': '30 天未跟進' },
  audience: 'managers',
  size: 'medium',
  order: 110,
  load: async (db, actor) => {
    const [accounts, contacts] = await Promise.all([quiet(db, actor, 'accounts', 'account_id'), quiet(db, actor, 'contacts', 'contact_id')]);
    return { kind: 'list', items: [...accounts.items, ...contacts.items], counts: { accounts: accounts.count, contacts: contacts.count } };
  },
};
