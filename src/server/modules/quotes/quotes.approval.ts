// When a quote needs approval (organisation settings, quotes.settings.ts): a line's discount or
// the overall discount above the limit, or a margin below the minimum. The margin is the net
// total (in the organisation currency) less the cost of the lines' products (catalogue cost
// prices, organisation currency) over the net total; lines without a product or without a cost
// price are left out of both sides (no cost is known).
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../core/access.ts';
import type { Row, Tx } from '../../records/types.ts';
import { selectLines } from '../../records/line-items-sql.ts';
import { orgCurrency } from '../../records/money.ts';
import { Money, parseMoney } from '../../../shared/money.ts';
import type { ApprovalReason, QuoteSettings } from '../../../shared/contracts/quotes.ts';
import { convert } from '../settings/exchange-rates.service.ts';
import { ownerTeamManager, productCosts } from './quotes.repo.ts';

const pct = (v: Money) => v.toDecimalPlaces(2).toString();

export async function approvalReasons(db: Tx, quote: Row, s: QuoteSettings): Promise<ApprovalReason[]> {
  const reasons: ApprovalReason[] = [];
  const lines = await selectLines(db, 'quote_lines', Number(quote.id));
  if (s.max_discount_percent !== null) {
    const limit = new Money(s.max_discount_percent);
    const overall = new Money(quote.discount_percent ?? 0);
    if (overall.gt(limit)) reasons.push({ code: 'discount', value: pct(overall), limit: pct(limit) });
    for (const l of lines) {
      const d = parseMoney(l.discount_percent) ?? new Money(0);
      if (d.gt(limit)) reasons.push({ code: 'discount', value: pct(d), limit: pct(limit), position: l.position });
    }
  }
  if (s.min_margin_percent !== null) {
    const costs = await productCosts(db, [...new Set(lines.map((l) => l.product_id).filter((x): x is number => x !== null).map(Number))]);
    let net = new Money(0);
    let cost = new Money(0);
    for (const l of lines) {
      const c = l.product_id !== null ? parseMoney(costs.get(Number(l.product_id))) : null;
      if (c === null) continue;
      net = net.plus(parseMoney(l.net)!);
      cost = cost.plus(c.times(parseMoney(l.quantity)!));
    }
    if (!net.isZero() || !cost.isZero()) {
      const org = await orgCurrency(db);
      const currency = String(quote.currency || org);
      const day = new Date().toISOString().slice(0, 10);
      const netOrg = currency === org ? net : (await convert(db as Kysely<DB>, net, currency, day)).amount;
      const margin = netOrg.isZero() ? new Money(-100) : netOrg.minus(cost).div(netOrg).times(100);
      const limit = new Money(s.min_margin_percent);
      if (margin.lt(limit)) reasons.push({ code: 'margin', value: pct(margin), limit: pct(limit) });
    }
  }
  return reasons;
}

/** Administrators and the manager of the quote owner's team approve; nobody approves their own quote unless an administrator. */
export async function mayApprove(db: Tx, actor: Actor, quote: Row): Promise<boolean> {
  if (actor.permissions.can?.admin) return true;
  if (Number(quote.owner_id) === actor.id) return false;
  return (await ownerTeamManager(db, quote.owner_id === null ? null : Number(quote.owner_id))) === actor.id;
}
