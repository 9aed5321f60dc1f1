import { sql } from 'kysely';
import type { Actor } from '../../core/access.ts';
import type { DemoContext, DemoCounts } from '../../seed/context.ts';
import { day, daysBefore, happenedAt } from '../../seed/clock.ts';
import { getObject } from '../../records/registry.ts';
import { putLines, getLines } from '../../records/line-items.ts';
import { updateRecord } from '../../records/service.ts';
import { quoteFromOpportunity } from '../opportunities/opportunities.service.ts';
import { answerQuote, submitQuote } from './quotes.actions.ts';
import { sendQuote } from './quotes.send.ts';
import { updateQuoteSettings } from './quotes.settings.ts';

// The demo's quotes, made from the deals by their owners (POST /opportunities/{id}/quote) and
// moved by the real actions: the won deals' quotes sent and accepted for the customer a few days
// before the deal closed, the deals in 方案报价 / 商务谈判 with a sent quote still open, and one
// quote with a 25 % discount waiting for the manager's approval (the demo organisation asks for
// approval above 20 %). seed/clock.ts dates each step on its day.

interface Deal { id: number; owner_id: number; stage_category: string; stage_name: string; closed_at: Date | null; stage_entered_at: Date }

export async function quotesDemo(ctx: DemoContext): Promise<DemoCounts> {
  const def = getObject('quotes');
  const team = new Map<number, Actor>([...ctx.reps, ctx.manager].map((a) => [a.id, a]));
  const deals = (await sql<Deal>`SELECT id::int AS id, owner_id::int AS owner_id, stage_category, stage_name, closed_at, stage_entered_at FROM opportunities
    WHERE stage_category = 'won' OR stage_name IN ('方案报价', '商务谈判', '续约洽谈') ORDER BY id`.execute(ctx.db)).rows;
  let quotes = 0;
  for (const d of deals) {
    const owner = team.get(d.owner_id);
    if (!owner) continue;
    const won = d.stage_category === 'won';
    const decided = new Date(won ? d.closed_at! : d.stage_entered_at);
    const sentAt = daysBefore(decided, won ? 4 : 0);
    const q = await happenedAt(ctx.db, daysBefore(sentAt, 1), async () => {
      const made = await quoteFromOpportunity(ctx.db, owner, d.id);
      // Valid 30 days; an accepted one at least until today, since the accept action checks validity by the real clock.
      const until = daysBefore(sentAt, -30);
      return updateRecord(ctx.db, def, owner, made.id, { valid_until: day(won && until < new Date() ? new Date() : until) });
    }, (r) => [{ table: 'quotes', id: r.id, columns: ['created_at', 'updated_at'] }]);
    await happenedAt(ctx.db, sentAt, () => sendQuote(ctx.db, owner, q.id, { locale: 'zh-CN' }), () => [{ table: 'quotes', id: q.id, columns: ['sent_at', 'updated_at'] }]);
    if (won) {
      await happenedAt(ctx.db, decided, () => answerQuote(ctx.db, owner, q.id, { name: '客户采购部' }, true),
        () => [{ table: 'quotes', id: q.id, columns: ['accepted_at', 'updated_at'] }]);
    }
    quotes++;
  }
  // One waiting for approval: the newest open deal of a rep, with a discount above the limit.
  await updateQuoteSettings(ctx.db, ctx.admin.id, { max_discount_percent: 20 });
  const open = (await sql<Deal>`SELECT id::int AS id, owner_id::int AS owner_id FROM opportunities WHERE stage_name = '需求确认' AND owner_id = ANY(${ctx.reps.map((r) => r.id)}) ORDER BY id DESC LIMIT 1`.execute(ctx.db)).rows[0];
  const rep = open && team.get(open.owner_id);
  if (open && rep) {
    await happenedAt(ctx.db, daysBefore(ctx.now, 1), async () => {
      const made = await quoteFromOpportunity(ctx.db, rep, open.id);
      const { lines } = await getLines(ctx.db, def, rep, made.id);
      await putLines(ctx.db, def, rep, made.id, { version: Number(made.version), lines: lines.map((l) => ({ product_id: l.product_id, quantity: l.quantity, unit_price: l.unit_price, tax_rate: l.tax_rate, discount_percent: '25' })) });
      const fresh = await quoteVersion(ctx, made.id);
      return submitQuote(ctx.db, rep, made.id, { version: fresh, comment: '大客户首单，申请 25% 折扣' });
    }, (r) => [{ table: 'quotes', id: Number(r.id), columns: ['created_at', 'updated_at', 'submitted_at'] }]);
    quotes++;
  }
  return { quotes };
}

async function quoteVersion(ctx: DemoContext, id: number): Promise<number> {
  return (await sql<{ v: number }>`SELECT version AS v FROM quotes WHERE id = ${id}`.execute(ctx.db)).rows[0]!.v;
}
