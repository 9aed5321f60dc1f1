import { sql } from 'kysely';
import type { Actor } from '../../core/access.ts';
import type { DemoContext, DemoCounts } from '../../seed/context.ts';
import { daysBefore, happenedAt } from '../../seed/clock.ts';
import { getObject } from '../../records/registry.ts';
import { updateRecord } from '../../records/service.ts';
import { orderFromQuote } from './orders.from-quote.ts';
import { confirmOrder, fulfilOrder } from './orders.service.ts';
import { readLines } from './orders.repo.ts';

// The demo's orders: every accepted quote ordered by its owner the day after acceptance and
// confirmed (the credit check runs), most delivered in full a week later, the newest ones still
// waiting for delivery; one account is put on a hold policy with a small limit, so its order
// stops on credit hold for the manager to release.

interface Accepted { id: number; owner_id: number; account_id: number; accepted_at: Date }

export async function ordersDemo(ctx: DemoContext): Promise<DemoCounts> {
  const team = new Map<number, Actor>([...ctx.reps, ctx.manager].map((a) => [a.id, a]));
  const quotes = (await sql<Accepted>`SELECT id::int AS id, owner_id::int AS owner_id, account_id::int AS account_id, accepted_at FROM quotes
    WHERE status = 'accepted' ORDER BY accepted_at, id`.execute(ctx.db)).rows;
  let orders = 0;
  for (const q of quotes) {
    const owner = team.get(q.owner_id);
    if (!owner) continue;
    // The credit hold: before the newest order, its account gets a strict policy and a small limit.
    if (q === quotes.at(-1)) await updateRecord(ctx.db, getObject('accounts'), ctx.admin, q.account_id, { credit_policy: 'hold', credit_limit: 1000 });
    const at = daysBefore(new Date(q.accepted_at), -1);
    const placed = at > ctx.now ? ctx.now : at;
    const o = await happenedAt(ctx.db, placed, async () => {
      const made = await orderFromQuote(ctx.db, owner, q.id);
      return (await confirmOrder(ctx.db, owner, made.id)).order;
    }, (r) => [{ table: 'orders', id: Number(r.id), columns: ['created_at', 'updated_at'] }]);
    const delivered = daysBefore(placed, -7);
    if (o.status === 'confirmed' && delivered < ctx.now) {
      const lines = await readLines(ctx.db, Number(o.id));
      await happenedAt(ctx.db, delivered, () => fulfilOrder(ctx.db, owner, Number(o.id), { lines: lines.map((l) => ({ line_id: Number(l.id), quantity: String(l.quantity) })) }),
        () => [{ table: 'orders', id: Number(o.id), columns: ['updated_at'] }]);
    }
    orders++;
  }
  return { orders };
}
