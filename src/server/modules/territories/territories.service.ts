import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { canDo, recordVisibility, requireCan, requireDo, type Actor } from '../../core/access.ts';
import { writeAudit } from '../../core/audit.ts';
import { invalid, notFound } from '../../http/errors.ts';
import { validateCondition } from '../../records/conditions.ts';
import { getObject } from '../../records/registry.ts';
import { loadVisible, updateRecord } from '../../records/service.ts';
import type { Row } from '../../records/types.ts';
import type { TerritoryMember, TerritoryNode } from '../../../shared/contracts/territories.ts';
import { accountCounts, activeUserIds, allTerritories, membersOf, replaceMembers, ruleOf, setRule, territoryRow } from './territories.repo.ts';
import { ACCOUNTS, territoriesFor } from './territories.engine.ts';

const TERRITORIES = 'territories';

async function existing(db: Kysely<DB>, id: number): Promise<Row> {
  const row = await territoryRow(db, id);
  if (!row) throw notFound('territory');
  return row;
}

/** Accounts per territory the reader may list (its visibility on accounts), direct and with everything below. */
async function counts(db: Kysely<DB>, actor: Actor): Promise<Map<number, { direct: number; total: number }>> {
  const accounts = getObject(ACCOUNTS);
  if (!canDo(actor, accounts, 'list')) return new Map();
  const rows = await accountCounts(db, recordVisibility(actor, accounts, ACCOUNTS));
  return new Map(rows.map((r) => [r.id, { direct: r.direct, total: r.total }]));
}

/** The whole tree for the administrators' page: every territory with its rule, members and account counts. */
export async function territoryTree(db: Kysely<DB>, actor: Actor): Promise<TerritoryNode[]> {
  requireCan(actor, 'admin');
  const [rows, members, n] = [await allTerritories(db), await membersOf(db, null), await counts(db, actor)];
  return rows.map((r) => ({
    id: r.id, name: r.name, code: r.code ?? null, parent_id: r.parent_id ?? null, manager_id: r.manager_id ?? null,
    priority: r.priority, active: r.active, description: r.description ?? null, depth: r.depth, version: r.version,
    rule: r.rule ?? null,
    members: members.filter((m) => m.territory_id === r.id).map((m) => ({ user_id: m.user_id, role: m.role })),
    accounts: n.get(r.id) ?? { direct: 0, total: 0 },
  }));
}

/** Accounts per territory among those the reader may list (anyone who may list accounts and territories). */
export async function territoryReport(db: Kysely<DB>, actor: Actor) {
  requireDo(actor, getObject(TERRITORIES), 'list');
  requireDo(actor, getObject(ACCOUNTS), 'list');
  const [rows, n] = [await allTerritories(db), await counts(db, actor)];
  const data = rows.map((r) => ({ id: r.id, name: r.name, parent_id: r.parent_id ?? null, ...(n.get(r.id) ?? { direct: 0, total: 0 }) }));
  const assigned = rows.filter((r) => r.parent_id === null).reduce((s, r) => s + (n.get(r.id)?.total ?? 0), 0);
  return { data, assigned };
}

/** Sets (or clears, null) a territory's rule; checked against the administrator's own rights on accounts. */
export async function putRule(db: Kysely<DB>, actor: Actor, id: number, condition: unknown): Promise<Row> {
  requireCan(actor, 'admin');
  await existing(db, id);
  const before = await ruleOf(db, id);
  const tree = condition === null ? null : await validateCondition(db, getObject(ACCOUNTS), condition, actor);
  await db.transaction().execute(async (trx) => {
    await setRule(trx, id, tree);
    await writeAudit(trx, { actorId: actor.id, action: 'update', object: TERRITORIES, recordId: id, changes: { rule: [before, tree] } });
  });
  return { id, rule: tree };
}

/** Replaces a territory's members (active users, each once). */
export async function putMembers(db: Kysely<DB>, actor: Actor, id: number, members: TerritoryMember[]): Promise<TerritoryMember[]> {
  requireCan(actor, 'admin');
  await existing(db, id);
  const ids = members.map((m) => m.user_id);
  const active = await activeUserIds(db, ids);
  const issues = members.flatMap((m, i) => [
    ...(active.has(m.user_id) ? [] : [{ field: `members.${i}.user_id`, message: 'No such active user', code: 'invalid_link' }]),
    ...(ids.indexOf(m.user_id) !== i ? [{ field: `members.${i}.user_id`, message: 'Listed twice', code: 'duplicate' }] : []),
  ]);
  if (issues.length) throw invalid(issues);
  const before = await membersOf(db, [id]);
  await db.transaction().execute(async (trx) => {
    await replaceMembers(trx, id, members);
    await writeAudit(trx, { actorId: actor.id, action: 'update', object: TERRITORIES, recordId: id, changes: { members: [before.map((m) => ({ user_id: m.user_id, role: m.role })), members] } });
  });
  return members;
}

/**
 * An administrator's choice of an account's territory: `locked` keeps it from the rules (a
 * realign or a later write leaves it); `locked: false` hands the account back to the rules,
 * which decide at once. Written as an update of the account (version, audit, event).
 */
export async function setAccountTerritory(db: Kysely<DB>, actor: Actor, accountId: number, body: { territory_id?: number | null; locked: boolean }): Promise<Row> {
  requireCan(actor, 'admin');
  const accounts = getObject(ACCOUNTS);
  await loadVisible(db, accounts, actor, accountId);
  if (body.locked && body.territory_id === undefined) throw invalid([{ field: 'territory_id', message: 'Required when locked', code: 'required' }]);
  if (body.locked && body.territory_id !== null) await existing(db, body.territory_id!).catch(() => {
    throw invalid([{ field: 'territory_id', message: 'No such record', code: 'invalid_link' }]);
  });
  return updateRecord(db, accounts, actor, accountId, {}, {
    systemColumns: async (trx, row) => {
      const territory = body.locked ? body.territory_id! : (await territoriesFor(trx, [{ ...row, territory_locked: false }]))[0] ?? null;
      await writeAudit(trx, { actorId: actor.id, action: 'territory', object: ACCOUNTS, recordId: accountId, changes: { territory_id: [row.territory_id ?? null, territory], territory_locked: [row.territory_locked, body.locked] } });
      return { territory_id: territory, territory_locked: body.locked };
    },
  });
}
