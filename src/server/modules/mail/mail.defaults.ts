// The templates shipped in code, per key and locale. An admin's edit (mail_templates) replaces
// one; deleting the edit brings the default back. `sample` is what a preview renders with and
// also declares the variables a template of this key may use (anything else is refused when the
// template is saved or previewed: unknown_template_variable).
import type { Locale, MailClass } from './mail.types.ts';

export interface TemplateText {
  subject: string;
  html: string;
  /** Plain-text part; derived from the HTML when missing. */
  text?: string | null;
}

export interface TemplateKind {
  sample: Record<string, unknown>;
  /** Unset: marketing when sent to a contact, else transactional (mail.service.ts mailClassOf). */
  class?: MailClass;
  defaults: Record<Locale, TemplateText>;
}

const taskReminderSample = {
  user: { name: 'Li Wei' },
  task: { title: 'Call back about the tea order', description: 'Ask about the spring harvest', due_at: '2026-03-01 10:00 UTC', priority: 'high' },
  organization: { name: 'Guanxi' },
};

export const TEMPLATE_KINDS: Record<string, TemplateKind> = {
  task_reminder: {
    class: 'transactional',
    sample: taskReminderSample,
    defaults: {
      en: {
        subject: 'Reminder: {{ task.title }}',
        html: '<p>Hello {{ user.name }},</p>\n<p>This is your reminder for the task <strong>{{ task.title }}</strong>.</p>\n{% if task.due_at %}<p>Due: {{ task.due_at }}</p>{% endif %}\n{% if task.description %}<p>{{ task.description }}</p>{% endif %}',
      },
      'zh-CN': {
        subject: '任务提醒：{{ task.title }}',
        html: '<p>{{ user.name }}，您好：</p>\n<p>提醒您处理任务 <strong>{{ task.title }}</strong>。</p>\n{% if task.due_at %}<p>截止时间：{{ task.due_at }}</p>{% endif %}\n{% if task.description %}<p>{{ task.description }}</p>{% endif %}',
      },
      'zh-TW': {
        subject: '任務提醒：{{ task.title }}',
        html: '<p>{{ user.name }}，您好：</p>\n<p>提醒您處理任務 <strong>{{ task.title }}</strong>。</p>\n{% if task.due_at %}<p>截止時間：{{ task.due_at }}</p>{% endif %}\n{% if task.description %}<p>{{ task.description }}</p>{% endif %}',
      },
    },
  },
  smtp_test: {
    class: 'transactional',
    sample: { organization: { name: 'Guanxi' } },
    defaults: {
      en: { subject: 'Test e-mail from {{ organization.name | default: "Guanxi" }}', html: '<p>Your SMTP settings work.</p>' },
      'zh-CN': { subject: '来自 {{ organization.name | default: "Guanxi" }} 的测试邮件', html: '<p>您的 SMTP 设置可以正常发信。</p>' },
      'zh-TW': { subject: '來自 {{ organization.name | default: "Guanxi" }} 的測試郵件', html: '<p>您的 SMTP 設定可以正常發信。</p>' },
    },
  },
};

/**
 * Another module's template kind (notifications...), registered when that module loads: it is
 * then listed, edited, previewed and rendered like the ones above. A key is registered once.
 */
export function registerTemplateKind(key: string, kind: TemplateKind): void {
  if (Object.hasOwn(TEMPLATE_KINDS, key) && TEMPLATE_KINDS[key] !== kind) throw new Error(`Mail template kind ${key} is registered twice`);
  TEMPLATE_KINDS[key] = kind;
}
