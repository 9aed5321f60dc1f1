import { AppError, invalid } from '../../http/errors.ts';
import { orgCurrency } from '../../records/money.ts';
import { minorDigits, parseMoney } from '../../../shared/money.ts';
import type { Row, WriteContext } from '../../records/types.ts';
import { defaultPipelineId, selectPipeline, selectStages, selectStage, type StageRow } from './pipelines.repo.ts';
import { hasLines } from './opportunities.repo.ts';
import { rateOn } from '../../records/totals.ts';
import { defaultCurrencyFromAccount as defaultCurrency } from '../../records/account-currency.ts';

// An opportunity's rules, run by the record engine on every write path (API, board move, import)
// inside the write's transaction, so a refused write changes nothing:
// - its stage belongs to its pipeline; a stage's copies (name, category) and entry time follow it;
// - entering a stage needs that stage's required fields (a lost one: lost_reason too);
// - probability is the stage's unless set by hand; won → 100 and closed, lost → 0 and closed;
// - the exchange rate into the organisation currency is frozen when amount, currency or close date is written.

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** The value after the write (values over the stored row, custom values included). */
function after(values: Row, existing: Row | null, key: string): unknown {
  if (key in values) return values[key];
  if (!existing) return undefined;
  return key in existing ? existing[key] : existing.custom?.[key];
}

const stageIssue = (message: string) => invalid([{ field: 'stage_id', message, code: 'stage_not_in_pipeline' }]);

/** The pipeline and stage the record will be in; defaults on create: the default pipeline, its first stage. */
async function resolveStage(ctx: WriteContext, values: Row, existing: Row | null): Promise<StageRow> {
  let pipelineId = after(values, existing, 'pipeline_id') as number | null | undefined;
  if (pipelineId === null || pipelineId === undefined) {
    if (existing) throw invalid([{ field: 'pipeline_id', message: 'An opportunity is always in a pipeline', code: 'required' }]);
    pipelineId = await defaultPipelineId(ctx.trx);
    if (pipelineId === null) throw invalid([{ field: 'pipeline_id', message: 'There is no pipeline', code: 'required' }]);
    values.pipeline_id = pipelineId;
  }
  const pipelineChanged = !existing || Number(existing.pipeline_id) !== Number(pipelineId);
  if (pipelineChanged) {
    const p = await selectPipeline(ctx.trx, Number(pipelineId));
    if (!p || p.archived) throw invalid([{ field: 'pipeline_id', message: 'No such pipeline', code: 'invalid_pipeline' }]);
  }
  let stageId = after(values, existing, 'stage_id') as number | null | undefined;
  if ((stageId === null || stageId === undefined) && !existing) {
    const first = (await selectStages(ctx.trx, [Number(pipelineId)]))[0];
    if (!first) throw stageIssue('The pipeline has no stage');
    values.stage_id = stageId = first.id;
  }
  if (stageId === null || stageId === undefined) throw stageIssue('An opportunity is always in a stage');
  const stage = await selectStage(ctx.trx, Number(stageId));
  if (!stage || stage.pipeline_id !== Number(pipelineId)) throw stageIssue('The stage is not one of the pipeline\'s');
  return stage;
}

/** Probability, closing and the stage's copies; entering a stage checks its required fields. */
function applyStage(values: Row, existing: Row | null, stage: StageRow): void {
  const entered = !existing || Number(existing.stage_id) !== stage.id;
  if ('probability' in values) {
    values.probability_overridden = values.probability !== null;
    if (values.probability === null) values.probability = stage.probability;
    else if (!Number.isInteger(values.probability) || values.probability < 0 || values.probability > 100) {
      throw invalid([{ field: 'probability', message: 'A whole percent from 0 to 100', code: 'out_of_range' }]);
    }
  }
  if (entered) {
    Object.assign(values, { stage_name: stage.name, stage_category: stage.category, stage_entered_at: new Date() });
    if (stage.category === 'open' && !('probability' in values) && !(existing?.probability_overridden)) values.probability = stage.probability;
    if (!existing && !('probability' in values)) values.probability = stage.probability;
    values.closed_at = stage.category === 'open' ? null : new Date();
    const required = [...stage.required_fields, ...(stage.category === 'lost' ? ['lost_reason'] : [])];
    const missing = [...new Set(required)].filter((k) => isEmpty(after(values, existing, k)));
    if (missing.length) {
      throw new AppError('stage_fields_required', `Fill ${missing.join(', ')} to move to ${stage.name}`,
        missing.map((k) => ({ field: k, message: `Required to enter ${stage.name}`, code: 'required_for_stage' })));
    }
  }
  // A closed opportunity's probability is its outcome, whatever was asked.
  const category = entered ? stage.category : existing!.stage_category;
  if (category === 'won') Object.assign(values, { probability: 100, probability_overridden: false });
  if (category === 'lost') Object.assign(values, { probability: 0, probability_overridden: false });
}

const today = () => new Date().toISOString().slice(0, 10);
const dateText = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'string' && v ? v.slice(0, 10) : null);

/** Amount rules: from the lines while there are lines; the rate frozen at this write. */
async function applyMoney(ctx: WriteContext, values: Row, existing: Row | null): Promise<void> {
  const org = await orgCurrency(ctx.trx);
  if (!existing) await defaultCurrency(ctx, values, org);
  if (existing && 'amount' in values && await hasLines(ctx.trx, existing.id)) {
    throw invalid([{ field: 'amount', message: 'The amount is the total of the lines', code: 'amount_from_lines' }]);
  }
  const currency = String(after(values, existing, 'currency') || org).toUpperCase();
  const amount = after(values, existing, 'amount');
  // The amount is a line total field (records/line-items.ts), so the engine does not check its digits: here.
  if ('amount' in values && values.amount !== null) {
    const m = parseMoney(values.amount);
    if (!m || m.isNegative()) throw invalid([{ field: 'amount', message: 'A positive amount', code: 'invalid_money' }]);
    if (m.decimalPlaces() > minorDigits(currency)) throw invalid([{ field: 'amount', message: `${currency} has ${minorDigits(currency)} decimals`, code: 'too_many_decimals' }]);
  }
  if (existing && !['amount', 'currency', 'expected_close_date'].some((k) => k in values)) return;
  if (currency === org) {
    values.exchange_rate = '1';
    return;
  }
  const on = dateText(after(values, existing, 'expected_close_date')) ?? today();
  const rate = await rateOn(ctx.trx, currency, org, on);
  if (rate === null) {
    if (amount === null || amount === undefined) return;
    throw new AppError('no_exchange_rate', `No exchange rate from ${currency} into ${org} on or before ${on}`, { reason: 'no_exchange_rate', currencies: [currency], to: org, date: on });
  }
  values.exchange_rate = rate;
}

export async function opportunityBeforeWrite(ctx: WriteContext, values: Row, existing: Row | null): Promise<void> {
  const touchesStage = !existing || ['pipeline_id', 'stage_id', 'probability'].some((k) => k in values);
  if (touchesStage) applyStage(values, existing, await resolveStage(ctx, values, existing));
  await applyMoney(ctx, values, existing);
}
