import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { can, canReadField, recordVisibility, requireDo, type Actor } from '../../core/access.ts';
import { diff, writeAudit } from '../../core/audit.ts';
import { deliverSoon, writeEvents } from '../../core/events.ts';
import { AppError, forbidden } from '../../http/errors.ts';
import { getObject } from '../../records/registry.ts';
import { getRecord, loadVisible } from '../../records/service.ts';
import type { Row, Tx } from '../../records/types.ts';
import type { StatementLine } from '../../../shared/contracts/commissions.ts';
import { periodOf } from './period.ts';
import { Money } from '../../../shared/money.ts';
import { repOf, setStatement, statementLines, statementsOfPeriod } from './statements.repo.ts';

// The statement flow draft → submitted → approved → paid. The rep (or a manager) submits; the
// manager of the rep's team or an administrator approves, sends back or marks paid, never the rep
// themselves (forbidden). A statement the caller may not see answers 404 like a missing one.

const def = () => getObject('commission_statements');
type Action = 'submit' | 'approve' | 'reject' | 'pay';
const FROM: Record<Action, string> = { submit: 'draft', approve: 'submitted', reject: 'submitted', pay: 'approved' };

/** Whether the actor may decide on the rep's statements: an administrator, or the manager of the rep's team; never the rep. */
async function requireApprover(trx: Tx, actor: Actor, st: Row): Promise<void> {
  if (Number(st.user_id) === actor.id) throw forbidden('A rep does not approve or pay their own commission statement');
  if (can(actor, 'admin')) return;
  const rep = await repOf(trx, Number(st.user_id));
  if (!rep || rep.manager_id !== actor.id) throw forbidden("Only the manager of the rep's team or an administrator decides on this statement");
}

export async function statementAction(db: Kysely<DB>, actor: Actor, id: number, action: Action): Promise<Row> {
  requireDo(actor, def(), 'read');
  await db.transaction().execute(async (trx) => {
    const st = await loadVisible(trx, def(), actor, id, true);
    if (action === 'submit') {
      if (Number(st.user_id) !== actor.id) requireDo(actor, def(), 'update');
    } else await requireApprover(trx, actor, st);
    if (st.status !== FROM[action]) {
      throw new AppError('conflict', `A ${st.status} statement cannot be ${action === 'pay' ? 'paid' : `${action}ed`}`, { reason: 'status_not_allowed', status: st.status });
    }
    const now = new Date();
    const set: Row = action === 'submit' ? { status: 'submitted', submitted_at: now }
      : action === 'approve' ? { status: 'approved', approved_by: actor.id, approved_at: now }
      : action === 'reject' ? { status: 'draft', submitted_at: null }
      : { status: 'paid', paid_at: now };
    await setStatement(trx, id, set);
    const changes = diff(st, set, ['status']);
    await writeAudit(trx, { actorId: actor.id, action, object: 'commission_statements', recordId: id, changes });
    await writeEvents(trx, [{ type: 'updated', object: 'commission_statements', id, actorId: actor.id, changes }]);
  });
  deliverSoon();
  return getRecord(db, def(), actor, id);
}

/** Amounts of statements and their lines follow the commission_total field rule. */
const amountsHidden = (actor: Actor) => !canReadField(actor, 'commission_statements', 'commission_total');

export async function linesOf(db: Kysely<DB>, actor: Actor, id: number): Promise<StatementLine[]> {
  requireDo(actor, def(), 'read');
  await loadVisible(db, def(), actor, id);
  const hide = amountsHidden(actor);
  // Amounts shown at the currency's two places (they are stored rounded so), the split without trailing zeros.
  const two = (v: string) => new Money(v).toFixed(2);
  return (await statementLines(db, id)).map(({ statement_id: _s, source_amount: _a, basis_amount, credited_amount, commission, split_percent, ...l }) => {
    const line = { ...l, split_percent: new Money(split_percent).toString() };
    return hide ? line : { ...line, basis_amount: two(basis_amount), credited_amount: two(credited_amount), commission: two(commission) };
  });
}

/** The statements of a period the caller may see, by rep (the chart of commission by rep). */
export async function byRep(db: Kysely<DB>, actor: Actor, q: { period_kind: 'month' | 'quarter'; period_date: string }) {
  requireDo(actor, def(), 'list');
  const p = periodOf(q.period_kind, q.period_date);
  const rows = await statementsOfPeriod(db, q.period_kind, p.start, recordVisibility(actor, def(), 's'));
  const hide = amountsHidden(actor);
  return rows.map(({ commission_total, ...r }) => (hide ? r : { ...r, commission_total }));
}
