// Outbox event throughput: N contact updates through the record service (each writes its row,
// audit and one outbox event in one transaction), then the delivery pass of jobs/outbox.ts
// hands every event to a subscriber. Events/s over both phases, against the least the database
// must do for the same events: per write one UPDATE and one outbox INSERT in a transaction,
// then the same claim and mark-delivered statements, run on the driver directly.
import type { Bench } from '../lib/setup.ts';
import type { Figure } from '../lib/report.ts';
import { seconds } from '../lib/measure.ts';
import { getObject } from '../../src/server/records/registry.ts';
import { updateRecord } from '../../src/server/records/service.ts';
import { onRecordEvent } from '../../src/server/core/events.ts';
import { deliverOutbox } from '../../src/server/jobs/outbox.ts';

const WRITES = 1000;
const quiet = { error: () => {} };

/** The claim statement of deliverOutbox, for the raw baseline (kept textually the same). */
const CLAIM = `UPDATE event_outbox SET attempts = attempts + 1, locked_until = now() + make_interval(secs => 60)
  WHERE id IN (SELECT id FROM event_outbox WHERE delivered_at IS NULL AND gave_up_at IS NULL AND next_attempt_at <= now()
    AND (locked_until IS NULL OR locked_until < now()) ORDER BY id LIMIT 100 FOR UPDATE SKIP LOCKED)
  RETURNING id, events, attempts`;

export async function outboxFigures(b: Bench): Promise<Figure[]> {
  // Events the import and earlier figures left pending are not ours to count.
  await deliverOutbox(b.db, quiet);
  const ids = (await b.raw.query(`SELECT id FROM contacts ORDER BY id LIMIT ${WRITES}`)).map((r) => Number(r.id));
  const def = getObject('contacts');
  let received = 0;
  const unsubscribe = onRecordEvent((e) => {
    if (e.object === 'contacts' && e.type === 'updated') received++;
  });
  let writeS: number, deliverS: number;
  try {
    const w0 = performance.now();
    for (const [i, id] of ids.entries()) await updateRecord(b.db, def, b.actor, id, { title: `outbox ${i}` });
    writeS = seconds(w0);
    const d0 = performance.now();
    while (await deliverOutbox(b.db, quiet));
    deliverS = seconds(d0);
  } finally {
    unsubscribe();
  }
  const error = received === ids.length && ids.length === WRITES ? undefined : `${ids.length} writes, subscriber got ${received} events`;

  const r0 = performance.now();
  for (const [i, id] of ids.entries()) {
    await b.raw.query('BEGIN');
    await b.raw.query('UPDATE contacts SET title = $1, updated_at = now() WHERE id = $2', [`raw ${i}`, id]);
    await b.raw.query('INSERT INTO event_outbox (events) VALUES ($1::jsonb)', [JSON.stringify([{ type: 'updated', object: 'contacts', id, actorId: b.actor.id }])]);
    await b.raw.query('COMMIT');
  }
  const rawWriteS = seconds(r0);
  const rd0 = performance.now();
  let rawReceived = 0;
  for (;;) {
    const rows = await b.raw.query(CLAIM);
    if (!rows.length) break;
    for (const row of rows) rawReceived += (typeof row.events === 'string' ? JSON.parse(row.events) : row.events).length;
    await b.raw.query('UPDATE event_outbox SET delivered_at = now(), locked_until = NULL, last_error = NULL WHERE id = ANY($1::bigint[])', [rows.map((r) => r.id)]);
  }
  const rawDeliverS = seconds(rd0);
  return [{
    id: 'outbox_events_per_s', unit: 'rows/s', label: `outbox events: ${WRITES} contact updates written and delivered to a subscriber`,
    product: Math.round(received / (writeS + deliverS)), raw: Math.round(rawReceived / (rawWriteS + rawDeliverS)),
    ...(error ? { error } : {}),
    detail: {
      writes: ids.length, events: received, write_per_s: Math.round(ids.length / writeS), deliver_per_s: Math.round(received / deliverS),
      raw_write_per_s: Math.round(ids.length / rawWriteS), raw_deliver_per_s: Math.round(rawReceived / rawDeliverS),
    },
  }];
}
