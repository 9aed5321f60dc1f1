import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../../db/test-helpers.ts';
import { useSink } from './mail.test-support.ts';
import { deliverMail } from './mail.deliver.ts';
import { queueMail } from './mail.service.ts';

const t = useTestApp();
const sink = useSink(t, { rate_per_minute: 3 });

describe('mail throttling', () => {
  it('sends at most the configured number per minute; the rest wait queued', async () => {
    await t.database.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 5; i++) await queueMail(trx, { to: `n${i}@guanxi.test`, template: 'smtp_test', locale: 'en', vars: { organization: { name: 'T' } } });
    });
    expect(await deliverMail(t.database.db)).toBe(3);
    expect(await deliverMail(t.database.db)).toBe(0);
    expect(sink.received.map((m) => m.to[0])).toEqual(['n0@guanxi.test', 'n1@guanxi.test', 'n2@guanxi.test']);
    // A minute later the allowance is back.
    await sql`UPDATE mail_outbox SET sent_at = sent_at - interval '61 seconds'`.execute(t.database.db);
    expect(await deliverMail(t.database.db)).toBe(2);
    expect(sink.received).toHaveLength(5);
  });
});
