import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { canReadField, recordVisibility, requireDo, type Actor } from '../../core/access.ts';
import { orgCurrency } from '../../records/money.ts';
import { getObject } from '../../records/registry.ts';
import { parsePeriod } from './forecasts.period.ts';
import { forecastSums, wonBounds, type Scope, type Sums } from './forecasts.sums.ts';
import { orgZone } from '../../core/org-time.ts';
import { latestAdjustments, type Adjusted } from './forecasts.adjust.ts';
import { quotaVisible } from './quotas.service.ts';

// GET /forecasts: the reps' rows (what the viewer may see of the opportunities), rolled up to
// their teams and a total by adding the rep rows (each opportunity is in exactly one), with quota,
// attainment (won / quota), gap (quota - won) and the managers' newest adjustments beside the reps'
// own figures. A viewer who may not read the amount gets counts and quotas, no sums.

type Figures = Omit<Sums, 'user_id'>;
const FIGS = ['pipeline', 'best_case', 'commit', 'won', 'weighted', 'open_count', 'won_count'] as const;
const ZERO: Figures = { pipeline: 0, best_case: 0, commit: 0, won: 0, weighted: 0, open_count: 0, won_count: 0 };
const round2 = (n: number) => Math.round(n * 100) / 100;

function add(a: Figures, b: Figures): Figures {
  const out = { ...a };
  for (const k of FIGS) out[k] = round2(a[k] + b[k]);
  return out;
}

function measured(f: Figures, quota: number | null, money: boolean, adjusted: Adjusted) {
  const amounts = money
    ? { ...f, attainment: quota ? round2(f.won / quota) : null, gap: quota === null ? null : round2(quota - f.won), adjusted }
    : { pipeline: null, best_case: null, commit: null, won: null, weighted: null, open_count: f.open_count, won_count: f.won_count, attainment: null, gap: null, adjusted: { commit: null, best_case: null } };
  return { ...amounts, quota };
}

export async function getForecast(db: Kysely<DB>, actor: Actor, q: { period: string } & Scope) {
  const def = getObject('opportunities');
  requireDo(actor, def, 'list');
  const period = parsePeriod(q.period);
  const money = canReadField(actor, def.name, 'amount') && canReadField(actor, def.name, 'amount_org');
  const weighted = money && canReadField(actor, def.name, 'probability');
  const scope: Scope = { user: q.user, team: q.team, territory: q.territory };
  const sums = await forecastSums(db, period, recordVisibility(actor, def, 'o'), scope);

  const quotas = (await sql<{ owner_type: string; owner_id: number; amount: number }>`SELECT q.owner_type, q.owner_id::int AS owner_id, q.amount::float8 AS amount
    FROM quotas q WHERE q.period = ${period.key} AND ${quotaVisible(actor)}`.execute(db)).rows;
  const quotaOf = (type: string, id: number | null) => quotas.find((x) => x.owner_type === type && x.owner_id === id)?.amount ?? null;

  // Reps: those with figures, and those with a visible quota in the scope (a quota and nothing sold yet).
  const ids = new Set(sums.map((s) => s.user_id));
  for (const x of quotas) if (x.owner_type === 'user' && !scope.territory && (!scope.user || scope.user === x.owner_id)) ids.add(x.owner_id);
  const users = ids.size
    ? (await sql<{ id: number; name: string; team_id: number | null; team_name: string | null; manager_id: number | null }>`SELECT u.id::int AS id, u.name, u.team_id::int AS team_id, t.name AS team_name, t.manager_id::int AS manager_id
        FROM users u LEFT JOIN teams t ON t.id = u.team_id WHERE u.id IN (${sql.join([...ids])})`.execute(db)).rows
    : [];
  const inScope = users.filter((u) => !scope.team || u.team_id === scope.team || sums.some((s) => s.user_id === u.id));
  const adj = await latestAdjustments(db, period.key, inScope.map((u) => u.id), [...new Set(inScope.map((u) => u.team_id).filter((t): t is number => t !== null))]);

  const reps = inScope.sort((a, b) => a.name.localeCompare(b.name)).map((u) => {
    const { user_id: _, ...f } = sums.find((s) => s.user_id === u.id) ?? { user_id: u.id, ...ZERO };
    return { user_id: u.id, name: u.name, team_id: u.team_id, ...measured(f, quotaOf('user', u.id), money, adj.user(u.id)) };
  });
  const teamIds = [...new Set(inScope.map((u) => u.team_id))];
  const teams = teamIds.map((tid) => {
    const members = inScope.filter((u) => u.team_id === tid);
    const f = members.reduce<Figures>((acc, u) => add(acc, sums.find((s) => s.user_id === u.id) ?? ZERO), ZERO);
    const repQuotas = members.map((u) => quotaOf('user', u.id)).filter((n): n is number => n !== null);
    const quota = (tid !== null ? quotaOf('team', tid) : null) ?? (repQuotas.length ? round2(repQuotas.reduce((a, b) => a + b, 0)) : null);
    return { team_id: tid, name: members[0]?.team_name ?? null, manager_id: members[0]?.manager_id ?? null, ...measured(f, quota, money, tid === null ? { commit: null, best_case: null } : adj.team(tid)) };
  });
  const totalFigures = sums.filter((s) => inScope.some((u) => u.id === s.user_id)).reduce<Figures>((acc, s) => add(acc, s), ZERO);
  const totalQuota = scope.territory ? quotaOf('territory', scope.territory)
    : teams.reduce<number | null>((acc, t) => (t.quota === null ? acc : round2((acc ?? 0) + t.quota)), null);
  const total = measured(totalFigures, totalQuota, money, { commit: null, best_case: null });
  if (!weighted) for (const r of [...reps, ...teams, total]) r.weighted = null;
  // The won deals' bounds as instants in the organisation's zone: the drill-down asks the list for these.
  const zone = await orgZone(db);
  const won = wonBounds(period, zone);
  return { period: period.key, start: period.start, end: period.end, time_zone: zone, won_start: won.start, won_end: won.end, currency: await orgCurrency(db), amounts_visible: money, reps, teams, total };
}
