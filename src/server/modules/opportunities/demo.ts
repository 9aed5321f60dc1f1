import { sql } from 'kysely';
import type { Actor } from '../../core/access.ts';
import type { DemoContext, DemoCounts } from '../../seed/context.ts';
import { day, daysBefore, happenedAt } from '../../seed/clock.ts';
import { createRecord, updateRecord } from '../../records/service.ts';
import { getObject } from '../../records/registry.ts';
import { putLines } from '../../records/line-items.ts';
import { PipelineInput } from '../../../shared/contracts/opportunities.ts';
import { createPipeline } from './pipelines.service.ts';

// The demo's quarter of deals: a new-business pipeline (the default) and a renewal pipeline with
// Chinese stage names, ~80 opportunities of the demo team over the 90 days ending at ctx.now,
// each created in its first stage with product lines (priced by the price books) and moved stage
// by stage through the record service as its owner, so the history, the timelines and the audit
// are the real ones; seed/clock.ts runs each write on the demo clock, so the append-only history
// is written with the write's day, and then dates the rest of it on that day (created, stage
// entered, closed, the timeline). Every stage has deals, some open ones sit past their stage's
// rotting days, lost ones carry their reason.

const NEW_BUSINESS = {
  name: '新客户销售', is_default: true, position: 1, stages: [
    { name: '新机会', category: 'open', probability: 10, forecast_category: 'pipeline', rotting_days: 21 },
    { name: '需求确认', category: 'open', probability: 25, forecast_category: 'pipeline', rotting_days: 21 },
    { name: '方案报价', category: 'open', probability: 50, forecast_category: 'best_case', rotting_days: 14 },
    { name: '商务谈判', category: 'open', probability: 80, forecast_category: 'commit', rotting_days: 14 },
    { name: '赢单', category: 'won', probability: 100, forecast_category: 'closed' },
    { name: '输单', category: 'lost', probability: 0, forecast_category: 'omitted' },
  ],
};
const RENEWAL = {
  name: '老客户续约', position: 2, stages: [
    { name: '续约提醒', category: 'open', probability: 40, forecast_category: 'pipeline', rotting_days: 30 },
    { name: '续约洽谈', category: 'open', probability: 70, forecast_category: 'commit', rotting_days: 21 },
    { name: '已续约', category: 'won', probability: 100, forecast_category: 'closed' },
    { name: '未续约', category: 'lost', probability: 0, forecast_category: 'omitted' },
  ],
};
export const DEMO_PIPELINES = [NEW_BUSINESS.name, RENEWAL.name];

const DEALS = ['产线扫码升级', '仓库数字化改造', '标签系统替换', 'RFID 资产盘点', '设备联网试点', '新厂区配套', '年度耗材采购', 'WMS 上线项目'];
const LOST = ['价格高于竞品', '客户选择了竞争对手', '预算取消', '项目无限期推迟'];
const COMPETITORS = ['霍尼韦尔', '斑马技术', '新大陆', '本地集成商'];
const SOURCES = ['老客户推荐', '展会', '官网询盘', '电话开发'];
const SUBSCRIPTIONS = ['SUB-WMS', 'SUB-IOT', 'SUB-SUP'];

interface Stage { id: number; category: string }

export async function opportunitiesDemo(ctx: DemoContext): Promise<DemoCounts> {
  const def = getObject('opportunities');
  const pipelines: Awaited<ReturnType<typeof createPipeline>>[] = [];
  for (const p of [NEW_BUSINESS, RENEWAL]) pipelines.push(await createPipeline(ctx.db, ctx.admin.id, PipelineInput.parse(p)));
  const products = (await sql<{ id: number; sku: string }>`SELECT id::int AS id, sku FROM products WHERE active AND sku IS NOT NULL ORDER BY id`.execute(ctx.db)).rows;
  const usdAccounts = new Set((await sql<{ id: number }>`SELECT id::int AS id FROM accounts WHERE name ~ '^[A-Za-z]'`.execute(ctx.db)).rows.map((r) => r.id));
  const team: Actor[] = [...ctx.reps, ctx.manager];
  const owners = new Map((await sql<{ id: number; owner_id: number }>`SELECT id::int AS id, owner_id::int AS owner_id FROM accounts`.execute(ctx.db)).rows.map((r) => [r.id, r.owner_id]));
  let count = 0;
  for (let i = 0; i < 80; i++) {
    const renewal = i % 5 === 4;
    const stages = pipelines[renewal ? 1 : 0]!.stages as Stage[];
    const open = stages.filter((s) => s.category === 'open');
    // Round robin over the stages first (every stage has deals), then at random.
    const target = i < stages.length * 2 ? stages[i % stages.length]! : ctx.pick(stages);
    // Each rep sells to the accounts they own; the manager takes the others' (the service colleague's).
    const accountId = ctx.pick(ctx.accountIds);
    const owner = team.find((a) => a.id === owners.get(accountId)) ?? ctx.manager;
    const createdDays = 8 + Math.floor(ctx.rand() * 80);
    const created = daysBefore(ctx.now, createdDays);
    const lines = (renewal ? products.filter((p) => SUBSCRIPTIONS.includes(p.sku)) : products).filter(() => ctx.rand() < 0.35).slice(0, 3);
    const picked = lines.length ? lines : [ctx.pick(products)];
    // The close date the rep first hoped for; a deal still open after it slips (see the moves).
    // (20–80 days after creation, so often in the future: daysBefore would clamp it to today.)
    let expected = new Date(ctx.now.getTime() - (createdDays - (20 + Math.floor(ctx.rand() * 60))) * 86_400_000);
    const opp = await happenedAt(ctx.db, created, async () => {
      const row = await createRecord(ctx.db, def, owner, {
        name: `${renewal ? '续约：' : ''}${ctx.pick(DEALS)} ${i + 1}`, account_id: accountId, owner_id: owner.id, pipeline_id: pipelines[renewal ? 1 : 0]!.id,
        stage_id: stages[0]!.id, currency: usdAccounts.has(accountId) ? 'USD' : 'CNY', source: ctx.pick(SOURCES),
        expected_close_date: day(expected), competitors: ctx.rand() < 0.5 ? ctx.pick(COMPETITORS) : null,
      });
      await putLines(ctx.db, def, owner, row.id, { version: Number(row.version), lines: picked.map((p) => ({ product_id: p.id, quantity: String(1 + Math.floor(ctx.rand() * (renewal ? 2 : 20))) })) });
      return row;
    }, (r) => [{ table: 'opportunities', id: r.id, columns: ['created_at', 'updated_at', 'stage_entered_at'] }]);
    // The stages it passes through: the open ones up to its target, then a closing one.
    const path: Stage[] = [];
    const reach = target.category === 'open' ? open.indexOf(target) : Math.floor(ctx.rand() * open.length);
    for (let k = 1; k <= reach; k++) path.push(open[k]!);
    if (target.category !== 'open') path.push(target);
    // Closed deals closed on a day anywhere in their life, so wins and losses spread over the
    // quarter; some open deals stopped moving long ago (rotting); the others moved until recently.
    const stale = target.category === 'open' && ctx.rand() < 0.3;
    const end = target.category !== 'open' ? 1 + ctx.rand() * (createdDays - 2) * 0.9 : stale ? Math.max(createdDays * 0.3, 1) : createdDays * 0.05;
    for (const [k, s] of path.entries()) {
      const at = daysBefore(ctx.now, createdDays - ((createdDays - end) * (k + 1)) / path.length);
      const closing = s.category !== 'open';
      // A move past the hoped-for close date sets a new one (the history keeps the slip).
      const slipped = !closing && expected < at;
      if (slipped) expected = new Date(at.getTime() + (14 + Math.floor(ctx.rand() * 31)) * 86_400_000);
      await happenedAt(ctx.db, at, () => updateRecord(ctx.db, def, owner, opp.id, {
        stage_id: s.id, ...(s.category === 'lost' ? { lost_reason: ctx.pick(LOST) } : {}),
        ...(closing ? { expected_close_date: day(at) } : slipped ? { expected_close_date: day(expected) } : {}),
      }), () => [{ table: 'opportunities', id: opp.id, columns: ['updated_at', 'stage_entered_at', ...(closing ? ['closed_at'] : [])] }]);
    }
    count++;
  }
  return { pipelines: 2, opportunities: count };
}
