// Activities for the imported contacts (a background of history), 2,000 events on one
// contact, then the first page of that contact's 360° timeline.
import type { RepeatOptions } from '../lib/measure.ts';
import type { Bench } from '../lib/setup.ts';
import type { Figure } from '../lib/report.ts';
import { latencyFigure, mainSelect } from '../lib/figure.ts';
import { seconds } from '../lib/measure.ts';

const KINDS = `(ARRAY['call','visit','meeting','email','note','message'])`;

/** Bulk history in SQL (the read is what is measured): one activity, its timeline event and targets each. */
async function addActivities(b: Bench, contactsSql: string, perContact: number, params: unknown[]): Promise<number> {
  const rows = await b.raw.query(
    `WITH a AS (
       INSERT INTO activities (kind, subject, body, occurred_at, contact_id, account_id, owner_id, created_by)
       SELECT ${KINDS}[1 + (c.id + g) % 6], '跟进 #' || g, '电话沟通报价，客户希望下周再谈 / follow-up on the quote',
              now() - ((c.id % 997) + g * 37) * interval '1 minute', c.id, c.account_id, $1::bigint, $1::bigint
       FROM (${contactsSql}) c, generate_series(1, ${perContact}) g
       RETURNING id, kind, subject, body, occurred_at, contact_id, account_id, owner_id),
     e AS (
       INSERT INTO timeline_events (occurred_at, kind, title, body, ref_type, ref_id, actor_id)
       SELECT occurred_at, kind, subject, body, 'activity', id, owner_id FROM a
       RETURNING id, occurred_at, ref_id),
     t AS (
       INSERT INTO timeline_targets (event_id, object, record_id, field, occurred_at)
       SELECT e.id, 'contacts', a.contact_id, 'contact_id', e.occurred_at FROM e JOIN a ON a.id = e.ref_id
       UNION ALL
       SELECT e.id, 'accounts', a.account_id, 'account_id', e.occurred_at FROM e JOIN a ON a.id = e.ref_id WHERE a.account_id IS NOT NULL)
     SELECT 1 FROM e`,
    params,
  );
  return rows.length;
}

export async function prepareHistory(b: Bench): Promise<Record<string, unknown>> {
  const t0 = performance.now();
  // Every 10th contact has 3 activities; one contact (the middle one) has 2,000.
  const background = await addActivities(b, 'SELECT id, account_id FROM contacts WHERE id % 10 = 0', 3, [b.actor.id]);
  const target = (await b.raw.query(`SELECT id FROM contacts WHERE id % 10 <> 0 ORDER BY id OFFSET (SELECT count(*) / 2 FROM contacts) LIMIT 1`))[0]!.id;
  const own = await addActivities(b, 'SELECT id, account_id FROM contacts WHERE id = $2::bigint', 2000, [b.actor.id, target]);
  return { history_s: +seconds(t0).toFixed(1), background_events: background, timeline_contact: Number(target), timeline_events: own };
}

export async function timelineFigures(b: Bench, o: RepeatOptions, contactId: number): Promise<Figure[]> {
  return [
    await latencyFigure(b, o, {
      id: 'timeline_first', label: 'timeline first page (contact with 2,000 events)', url: `/contacts/${contactId}/timeline`,
      pickRaw: mainSelect('timeline_targets'),
      check: (a) => (a?.data?.length === 50 && a.next_cursor ? null : `expected 50 events, got ${a?.data?.length}`),
    }),
  ];
}
