import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { requireDo, type Actor } from '../../core/access.ts';
import { writeAudit } from '../../core/audit.ts';
import { AppError, invalid, type FieldIssue } from '../../http/errors.ts';
import { getObject } from '../../records/registry.ts';
import { loadVisible } from '../../records/service.ts';
import { Money, parseMoney } from '../../../shared/money.ts';
import { missingIds } from './rules.repo.ts';
import { replaceSplits, splitRows } from './splits.repo.ts';

// An opportunity's credit split between reps (percent, adding up to exactly 100: split_not_100);
// no rows means the owner is credited 100 %. Read with the opportunity, written by whoever may
// update it; a hidden opportunity answers 404 like a missing one.

const opportunities = () => getObject('opportunities');

export async function getSplits(db: Kysely<DB>, actor: Actor, id: number) {
  requireDo(actor, opportunities(), 'read');
  const opp = await loadVisible(db, opportunities(), actor, id);
  return { splits: await splitRows(db, id), owner_id: opp.owner_id === null ? null : Number(opp.owner_id) };
}

export async function putSplits(db: Kysely<DB>, actor: Actor, id: number, body: { splits: { user_id: number; percent: string | number }[] }) {
  requireDo(actor, opportunities(), 'update');
  await db.transaction().execute(async (trx) => {
    await loadVisible(trx, opportunities(), actor, id, true);
    const issues: FieldIssue[] = [];
    const seen = new Set<number>();
    const splits = body.splits.map((s, i) => {
      const pct = parseMoney(s.percent);
      if (!pct || pct.lte(0) || pct.gt(100) || pct.decimalPlaces() > 4) issues.push({ field: `splits.${i}.percent`, message: 'A split is more than 0 and at most 100 percent', code: 'invalid_percent' });
      if (seen.has(s.user_id)) issues.push({ field: `splits.${i}.user_id`, message: 'A rep appears once', code: 'duplicate_user' });
      seen.add(s.user_id);
      return { user_id: s.user_id, percent: pct ?? new Money(0) };
    });
    for (const uid of await missingIds(trx, 'users', [...seen])) issues.push({ field: 'splits', message: `No user ${uid}`, code: 'unknown_user' });
    if (issues.length) throw invalid(issues);
    const total = splits.reduce((t, s) => t.plus(s.percent), new Money(0));
    if (splits.length && !total.eq(100)) throw new AppError('split_not_100', `The splits add up to ${total.toString()} %, not 100 %`, { reason: 'split_not_100', total: total.toString() });
    const before = await splitRows(trx, id);
    await replaceSplits(trx, id, splits.map((s) => ({ user_id: s.user_id, percent: s.percent.toString() })));
    await writeAudit(trx, { actorId: actor.id, action: 'splits', object: 'opportunities', recordId: id, changes: { splits: [before, splits.map((s) => ({ user_id: s.user_id, percent: s.percent.toString() }))] } });
  });
  return getSplits(db, actor, id);
}
