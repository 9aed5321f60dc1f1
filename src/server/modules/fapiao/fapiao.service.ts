import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { requireDo, type Actor } from '../../core/access.ts';
import { diff, writeAudit } from '../../core/audit.ts';
import { deliverSoon, writeEvents } from '../../core/events.ts';
import { AppError, invalid, notFound } from '../../http/errors.ts';
import { getObject } from '../../records/registry.ts';
import { getRecord, loadVisible } from '../../records/service.ts';
import { searchColumns } from '../../records/search-sql.ts';
import { parseMoney, type Money } from '../../../shared/money.ts';
import type { Row, Tx } from '../../records/types.ts';
import { checkSpecialBuyer, checkTaxIds, fapiaoOnTimeline, isPaper, notEditable } from './fapiao.object.ts';
import { fapiaoProvider, type IssueInput } from './fapiao.providers.ts';
import { fapiaoLines, numberTaken, redTotal, setFapiao } from './fapiao.repo.ts';

// The actions of a fapiao: request (draft → requested), issue through a provider, void (paper
// ones only; a digital fapiao is reversed by a red one). Each runs in one transaction with the
// fapiao locked; a refusal throws before anything is written.

const def = () => getObject('fapiao');
const m = (v: unknown): Money => parseMoney(v ?? 0)!;

/** Writes a fapiao's change with its audit row, event and timeline entry. */
export async function recordChange(trx: Tx, actorId: number | null, existing: Row, set: Row, action: string): Promise<Row> {
  let row = await setFapiao(trx, existing.id, set);
  // The number is searched: the search document follows it (no related values on fapiao).
  if ('number' in set) row = await setFapiao(trx, row.id, searchColumns(def(), row, {}));
  const changes = diff(existing, set);
  await writeAudit(trx, { actorId, action, object: 'fapiao', recordId: row.id, changes });
  await writeEvents(trx, [{ type: 'updated', object: 'fapiao', id: row.id, actorId, changes }]);
  await fapiaoOnTimeline(trx, row, actorId);
  return row;
}

/** What a fapiao must have before it is requested or issued. */
async function checkComplete(trx: Tx, row: Row): Promise<void> {
  if (!(await fapiaoLines(trx, row.id)).length || m(row.amount_total).isZero()) throw invalid([{ field: 'lines', message: 'A fapiao needs lines', code: 'no_lines' }]);
  if (!String(row.buyer_name ?? '').trim()) throw invalid([{ field: 'buyer_name', message: 'A fapiao names its buyer', code: 'required' }]);
  checkTaxIds(row);
  checkSpecialBuyer(row);
}

async function act(db: Kysely<DB>, actor: Actor, id: number, run: (trx: Tx, row: Row) => Promise<void>) {
  requireDo(actor, def(), 'update');
  await db.transaction().execute(async (trx) => run(trx, await loadVisible(trx, def(), actor, id, true)));
  deliverSoon();
  return getRecord(db, def(), actor, id);
}

/** POST /fapiao/{id}/request: the draft goes to whoever issues fapiao. */
export function requestFapiao(db: Kysely<DB>, actor: Actor, id: number) {
  return act(db, actor, id, async (trx, row) => {
    if (row.status !== 'draft') throw notEditable(row.status);
    await checkComplete(trx, row);
    await recordChange(trx, actor.id, row, { status: 'requested' }, 'request');
  });
}

/** Sets a blue fapiao's reversed amount and red state from its issued red fapiao. */
export async function refreshReversed(trx: Tx, actorId: number | null, blueId: number): Promise<void> {
  const blue = (await sql<Row>`SELECT * FROM fapiao WHERE id = ${blueId} FOR UPDATE`.execute(trx)).rows[0]!;
  const reversed = m(await redTotal(trx, blueId, ['issued'])).negated();
  const state = reversed.isZero() ? null : reversed.gte(m(blue.amount_total)) ? 'reversed' : 'partly';
  await recordChange(trx, actorId, blue, { amount_reversed: reversed.toString(), red_state: state }, 'red_reversal');
}

/** POST /fapiao/{id}/issue: the provider issues it (manual: the number typed in); it is read-only after. */
export function issueFapiao(db: Kysely<DB>, actor: Actor, id: number, body: IssueInput & { provider?: string }) {
  return act(db, actor, id, async (trx, row) => {
    if (!['draft', 'requested'].includes(row.status)) throw notEditable(row.status);
    const provider = fapiaoProvider(body.provider ?? 'manual');
    if (!provider) throw notFound('fapiao provider');
    await checkComplete(trx, row);
    const result = await provider.issue(row, body);
    if (await numberTaken(trx, row.id, result.number, result.code)) {
      throw new AppError('conflict', 'Another fapiao has this number', { reason: 'fapiao_number_taken', number: result.number });
    }
    await recordChange(trx, actor.id, row, { status: 'issued', number: result.number, code: result.code, issue_date: result.issue_date, provider: provider.key }, 'issue');
    if (row.colour === 'red') await refreshReversed(trx, actor.id, Number(row.reverses_id));
  });
}

/** POST /fapiao/{id}/void: an issued paper fapiao (one without red fapiao), or a draft or requested one. */
export function voidFapiao(db: Kysely<DB>, actor: Actor, id: number, body: { reason: string }) {
  return act(db, actor, id, async (trx, row) => {
    if (row.status === 'voided' || (row.status === 'issued' && !isPaper(row.kind))) throw notEditable(row.status);
    if (row.colour === 'blue' && !m(await redTotal(trx, row.id, ['draft', 'requested', 'issued'])).isZero()) {
      throw new AppError('conflict', 'A fapiao with red fapiao cannot be voided', { reason: 'fapiao_reversed' });
    }
    await recordChange(trx, actor.id, row, { status: 'voided', void_reason: body.reason.trim() }, 'void');
    if (row.colour === 'red' && row.status === 'issued') await refreshReversed(trx, actor.id, Number(row.reverses_id));
  });
}
