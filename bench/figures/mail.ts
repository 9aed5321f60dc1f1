// E-mail send rate: messages queued in the outbox (as task reminders are) and sent by the
// delivery pass to a local SMTP sink, against nodemailer sending the same messages straight to
// the sink (no database): the difference is what the outbox costs.
import { sql } from 'kysely';
import type { Bench } from '../lib/setup.ts';
import type { Figure } from '../lib/report.ts';
import { seconds } from '../lib/measure.ts';
import { startSmtpSink } from '../../src/server/modules/mail/mail.sink.ts';
import { updateSmtpSettings, loadSmtp } from '../../src/server/modules/mail/mail.settings.ts';
import { queueMail } from '../../src/server/modules/mail/mail.service.ts';
import { deliverMail } from '../../src/server/modules/mail/mail.deliver.ts';
import { createTransport } from '../../src/server/modules/mail/mail.transport.ts';

const MESSAGES = 1000;

export async function mailFigures(b: Bench): Promise<Figure[]> {
  const sink = await startSmtpSink();
  try {
    await updateSmtpSettings(b.db, b.actor.id, { host: '127.0.0.1', port: sink.port, security: 'none', from_address: 'bench@guanxi.test', rate_per_minute: 100_000 });
    const vars = { organization: { name: '关系 Guanxi' } };
    const q0 = performance.now();
    for (let i = 0; i < MESSAGES; i += 100) {
      await b.db.transaction().execute(async (trx) => {
        for (let j = i; j < i + 100; j++) await queueMail(trx, { to: `u${j}@bench.test`, template: 'smtp_test', locale: 'zh-CN', vars });
      });
    }
    const queueS = seconds(q0);
    const t0 = performance.now();
    let sent = 0;
    while (sent < MESSAGES) {
      const n = await deliverMail(b.db, { error: () => {} });
      if (!n) break;
      sent += n;
    }
    const sendS = seconds(t0);
    const error = sent === MESSAGES && sink.received.length === MESSAGES ? undefined : `sent ${sent}, sink got ${sink.received.length}`;
    // The same messages straight through nodemailer's pool, no database.
    const transport = createTransport(await loadSmtp(b.db), true);
    const r0 = performance.now();
    const m = sink.received[0]!;
    await Promise.all(Array.from({ length: MESSAGES }, (_, i) =>
      transport.sendMail({ from: 'bench@guanxi.test', to: `raw${i}@bench.test`, subject: m.subject, text: m.text, html: m.html })));
    const rawS = seconds(r0);
    transport.close();
    await sql`DELETE FROM mail_outbox`.execute(b.db);
    return [{
      id: 'mail_send_per_s', unit: 'rows/s', label: `e-mail sent to a local SMTP sink (${MESSAGES} messages, outbox → SMTP)`,
      product: Math.round(MESSAGES / sendS), raw: Math.round(MESSAGES / rawS), error,
      detail: { messages: MESSAGES, queue_per_s: Math.round(MESSAGES / queueS), send_s: +sendS.toFixed(2), raw_s: +rawS.toFixed(2) },
    }];
  } finally {
    await sink.close();
  }
}
