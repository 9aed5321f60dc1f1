import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../../db/test-helpers.ts';
import { factories } from '../../db/factories.ts';
import { useSink, userWithLocale } from './mail.test-support.ts';
import { deliverMail } from './mail.deliver.ts';
import { queueDueReminders } from './mail.reminders.ts';
import { queueMail } from './mail.service.ts';

const t = useTestApp();
const sink = useSink(t);
const url = '/mail/templates/task_reminder/en';

describe('mail templates', () => {
  it('lists the shipped defaults per key and locale with their variables', async () => {
    const r = await t.api(t.adminToken, 'GET', '/mail/templates');
    const reminders = r.body.data.filter((x: any) => x.key === 'task_reminder');
    expect(reminders.map((x: any) => x.locale)).toEqual(['en', 'zh-CN', 'zh-TW']);
    expect(reminders[0]).toMatchObject({ customised: false, subject: 'Reminder: {{ task.title }}' });
    expect(reminders[0].variables).toContain('task.title');
    const sales = await t.userToken('sales');
    expect((await t.api(sales.token, 'GET', '/mail/templates')).status).toBe(403);
  });

  it('refuses unknown variables (also inside a condition) and bad syntax, when saved or previewed, saving nothing', async () => {
    const unknown = { subject: 'Hi {{ task.title }}', html: '{% if task.secret %}<p>{{ user.password }}</p>{% endif %}' };
    for (const [method, path] of [['PUT', url], ['POST', `${url}/preview`]] as const) {
      const r = await t.api(t.adminToken, method, path, unknown);
      expect(r.status).toBe(400);
      expect(r.body.error.details).toEqual([
        { field: 'html', code: 'unknown_template_variable', message: 'Unknown template variable: task.secret' },
        { field: 'html', code: 'unknown_template_variable', message: 'Unknown template variable: user.password' },
      ]);
    }
    const syntax = await t.api(t.adminToken, 'PUT', url, { subject: '{{ task.title', html: '<p></p>' });
    expect(syntax.status).toBe(400);
    expect(syntax.body.error.details[0]).toMatchObject({ field: 'subject', code: 'template_syntax_error' });
    const filter = await t.api(t.adminToken, 'PUT', url, { subject: '{{ task.title | shout }}', html: '<p></p>' });
    expect(filter.status).toBe(400);
    expect((await t.api(t.adminToken, 'GET', '/mail/templates')).body.data.find((x: any) => x.key === 'task_reminder' && x.locale === 'en').customised).toBe(false);
    expect((await t.api(t.adminToken, 'PUT', '/mail/templates/no_such/en', unknown)).status).toBe(404);
    expect((await t.api(t.adminToken, 'PUT', '/mail/templates/task_reminder/fr', unknown)).status).toBe(404);
  });

  it('previews with sample values, escaped in HTML, text derived when missing', async () => {
    const r = await t.api(t.adminToken, 'POST', `${url}/preview`, {
      subject: 'Due {{ task.title }}', html: '<p>{{ task.title }}{% if task.priority == "high" %} <b>urgent</b>{% endif %}</p>',
    });
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual({
      subject: 'Due Call back about the tea order',
      html: '<p>Call back about the tea order <b>urgent</b></p>',
      text: 'Call back about the tea order urgent',
    });
  });

  it('a saved template is what the next reminder uses; deleting it brings the default back', async () => {
    const saved = await t.api(t.adminToken, 'PUT', url, {
      subject: '[CRM] {{ task.title }}', html: '<p>{{ task.title }}</p>', text: 'Task: {{ task.title }}{% if task.due_at %} (due){% endif %}',
    });
    expect(saved.status).toBe(200);
    expect(saved.body.data.customised).toBe(true);
    const owner = await userWithLocale(t, 'en', 'custom@guanxi.test');
    await factories(t).task({ title: 'Tom & <Jerry>', owner_id: owner, reminder_at: new Date(Date.now() - 1000).toISOString() });
    await queueDueReminders(t.database.db);
    await deliverMail(t.database.db, { error: () => {} });
    const m = sink.received.find((x) => x.to[0] === 'custom@guanxi.test')!;
    expect(m.subject).toBe('[CRM] Tom & <Jerry>');
    expect(m.html).toBe('<p>Tom &amp; &lt;Jerry&gt;</p>');
    expect(m.text).toBe('Task: Tom & <Jerry>');
    const reset = await t.api(t.adminToken, 'DELETE', url);
    expect(reset.body.data).toMatchObject({ customised: false, subject: 'Reminder: {{ task.title }}' });
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM mail_templates`.execute(t.database.db);
    expect(rows[0]!.n).toBe(0);
  });

  it('a stored template that fails with real values falls back to the default instead of blocking', async () => {
    // Written past the checks (as an older version of the rules might have let it in).
    await sql`INSERT INTO mail_templates (key, locale, subject, html) VALUES ('task_reminder', 'zh-TW', '{{ gone.away }}', '<p></p>')`.execute(t.database.db);
    const vars = { user: { name: 'A' }, task: { title: '續約', description: '', due_at: null, priority: 'normal' }, organization: { name: '' } };
    const r = await t.database.db.transaction().execute((trx) => queueMail(trx, { to: 'tw@guanxi.test', template: 'task_reminder', locale: 'zh-TW', vars }));
    const { rows } = await sql<any>`SELECT subject FROM mail_outbox WHERE id = ${r.id}`.execute(t.database.db);
    expect(rows[0].subject).toBe('任務提醒：續約');
  });
});
