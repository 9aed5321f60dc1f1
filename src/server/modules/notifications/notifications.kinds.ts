// What each kind says: the bell's line in the reader's language, and the e-mail template of the
// kind (registered with the mail module, so admins edit and preview it on the Mail page like
// any other template). Reminders keep the mail module's own `task_reminder` template.
import type { NotificationKind } from '../../../shared/contracts/notifications.ts';
import { registerTemplateKind, type TemplateKind } from '../mail/mail.defaults.ts';
import type { Locale } from '../mail/mail.types.ts';

interface Words {
  /** The record's kind in the reader's language ("task", "任务"). */
  object: string;
  /** Who did it; empty when nobody did (the system). */
  actor: string;
  /** A kind's detail (an escalation's reason), may be empty. */
  detail: string;
}

const SOMEONE: Record<Locale, string> = { en: 'Someone', 'zh-CN': '有人', 'zh-TW': '有人' };

const LINES: Record<Locale, Record<NotificationKind, (w: Words) => string>> = {
  en: {
    assigned: (w) => `${w.actor} assigned this ${w.object.toLowerCase()} to you`,
    mentioned: (w) => `${w.actor} mentioned you in this ${w.object.toLowerCase()}`,
    reminder: (w) => `Reminder for this ${w.object.toLowerCase()}`,
    escalation: (w) => `This ${w.object.toLowerCase()} was escalated${w.detail ? `: ${w.detail}` : ''}`,
    approval_requested: (w) => `${w.actor} asks you to approve this ${w.object.toLowerCase()}${w.detail ? `: ${w.detail}` : ''}`,
    approved: (w) => `${w.actor} approved this ${w.object.toLowerCase()}${w.detail ? `: ${w.detail}` : ''}`,
    approval_rejected: (w) => `${w.actor} did not approve this ${w.object.toLowerCase()}${w.detail ? `: ${w.detail}` : ''}`,
    customer_accepted: (w) => `The customer accepted this ${w.object.toLowerCase()}${w.detail ? `: ${w.detail}` : ''}`,
    customer_rejected: (w) => `The customer rejected this ${w.object.toLowerCase()}${w.detail ? `: ${w.detail}` : ''}`,
    expired: (w) => `This ${w.object.toLowerCase()} has passed its validity date`,
  },
  'zh-CN': {
    assigned: (w) => `${w.actor} 将此${w.object}分配给了您`,
    mentioned: (w) => `${w.actor} 在此${w.object}中提到了您`,
    reminder: (w) => `${w.object}提醒`,
    escalation: (w) => `此${w.object}已升级${w.detail ? `：${w.detail}` : ''}`,
    approval_requested: (w) => `${w.actor} 请您审批此${w.object}${w.detail ? `：${w.detail}` : ''}`,
    approved: (w) => `${w.actor} 批准了此${w.object}${w.detail ? `：${w.detail}` : ''}`,
    approval_rejected: (w) => `${w.actor} 驳回了此${w.object}${w.detail ? `：${w.detail}` : ''}`,
    customer_accepted: (w) => `客户接受了此${w.object}${w.detail ? `：${w.detail}` : ''}`,
    customer_rejected: (w) => `客户拒绝了此${w.object}${w.detail ? `：${w.detail}` : ''}`,
    expired: (w) => `此${w.object}已过有效期`,
  },
  'zh-TW': {
    assigned: (w) => `${w.actor} 將此${w.object}指派給您`,
    mentioned: (w) => `${w.actor} 在此${w.object}中提到了您`,
    reminder: (w) => `${w.object}提醒`,
    escalation: (w) => `此${w.object}已升級${w.detail ? `：${w.detail}` : ''}`,
    approval_requested: (w) => `${w.actor} 請您核准此${w.object}${w.detail ? `：${w.detail}` : ''}`,
    approved: (w) => `${w.actor} 核准了此${w.object}${w.detail ? `：${w.detail}` : ''}`,
    approval_rejected: (w) => `${w.actor} 駁回了此${w.object}${w.detail ? `：${w.detail}` : ''}`,
    customer_accepted: (w) => `客戶接受了此${w.object}${w.detail ? `：${w.detail}` : ''}`,
    customer_rejected: (w) => `客戶拒絕了此${w.object}${w.detail ? `：${w.detail}` : ''}`,
    expired: (w) => `此${w.object}已過有效期`,
  },
};

/** The bell's line for a notification, in the reader's language (the record's title is shown apart). */
export function notificationLine(kind: NotificationKind, locale: Locale, w: { object: string; actor: string | null; detail?: string }): string {
  return LINES[locale][kind]({ object: w.object, actor: w.actor || SOMEONE[locale], detail: w.detail ?? '' });
}

/** The template key of a kind's e-mail. */
export const mailTemplateOf = (kind: NotificationKind) => `notification_${kind}`;

const sample = {
  user: { name: 'Li Wei' },
  actor: { name: 'Wang Fang' },
  record: { kind: 'Task', title: 'Call back about the tea order' },
  detail: 'Ask @Li Wei about the spring harvest',
  organization: { name: 'Guanxi' },
};

const html = (greeting: string, line: string) =>
  `<p>${greeting}</p>\n<p>${line}</p>\n{% if record.title %}<p><strong>{{ record.title }}</strong></p>{% endif %}\n{% if detail %}<p>{{ detail }}</p>{% endif %}`;

const GREETING: Record<Locale, string> = { en: 'Hello {{ user.name }},', 'zh-CN': '{{ user.name }}，您好：', 'zh-TW': '{{ user.name }}，您好：' };
/** A kind whose mail is a subject and one line (approvals, customers' answers). */
const simple = (t: Record<Locale, [string, string]>): TemplateKind => ({
  sample,
  defaults: Object.fromEntries(Object.entries(t).map(([l, [subject, line]]) => [l, { subject, html: html(GREETING[l as Locale], line) }])) as TemplateKind['defaults'],
});

const TEMPLATES: Record<Exclude<NotificationKind, 'reminder'>, TemplateKind> = {
  assigned: {
    sample,
    defaults: {
      en: { subject: '{{ actor.name }} assigned you: {{ record.title }}', html: html('Hello {{ user.name }},', '{{ actor.name }} assigned this {{ record.kind | downcase }} to you.') },
      'zh-CN': { subject: '{{ actor.name }} 分配给您：{{ record.title }}', html: html('{{ user.name }}，您好：', '{{ actor.name }} 将此{{ record.kind }}分配给了您。') },
      'zh-TW': { subject: '{{ actor.name }} 指派給您：{{ record.title }}', html: html('{{ user.name }}，您好：', '{{ actor.name }} 將此{{ record.kind }}指派給您。') },
    },
  },
  mentioned: {
    sample,
    defaults: {
      en: { subject: '{{ actor.name }} mentioned you: {{ record.title }}', html: html('Hello {{ user.name }},', '{{ actor.name }} mentioned you in this {{ record.kind | downcase }}.') },
      'zh-CN': { subject: '{{ actor.name }} 提到了您：{{ record.title }}', html: html('{{ user.name }}，您好：', '{{ actor.name }} 在此{{ record.kind }}中提到了您。') },
      'zh-TW': { subject: '{{ actor.name }} 提到了您：{{ record.title }}', html: html('{{ user.name }}，您好：', '{{ actor.name }} 在此{{ record.kind }}中提到了您。') },
    },
  },
  escalation: {
    sample,
    defaults: {
      en: { subject: 'Escalated: {{ record.title }}', html: html('Hello {{ user.name }},', 'This {{ record.kind | downcase }} was escalated.') },
      'zh-CN': { subject: '已升级：{{ record.title }}', html: html('{{ user.name }}，您好：', '此{{ record.kind }}已升级。') },
      'zh-TW': { subject: '已升級：{{ record.title }}', html: html('{{ user.name }}，您好：', '此{{ record.kind }}已升級。') },
    },
  },
  approval_requested: simple({
    en: ['Approval requested: {{ record.title }}', '{{ actor.name }} asks you to approve this {{ record.kind | downcase }}.'],
    'zh-CN': ['请审批：{{ record.title }}', '{{ actor.name }} 请您审批此{{ record.kind }}。'],
    'zh-TW': ['請核准：{{ record.title }}', '{{ actor.name }} 請您核准此{{ record.kind }}。'],
  }),
  approved: simple({
    en: ['Approved: {{ record.title }}', '{{ actor.name }} approved this {{ record.kind | downcase }}.'],
    'zh-CN': ['已批准：{{ record.title }}', '{{ actor.name }} 批准了此{{ record.kind }}。'],
    'zh-TW': ['已核准：{{ record.title }}', '{{ actor.name }} 核准了此{{ record.kind }}。'],
  }),
  approval_rejected: simple({
    en: ['Not approved: {{ record.title }}', '{{ actor.name }} did not approve this {{ record.kind | downcase }}.'],
    'zh-CN': ['未获批准：{{ record.title }}', '{{ actor.name }} 驳回了此{{ record.kind }}。'],
    'zh-TW': ['未獲核准：{{ record.title }}', '{{ actor.name }} 駁回了此{{ record.kind }}。'],
  }),
  customer_accepted: simple({
    en: ['Accepted by the customer: {{ record.title }}', 'The customer accepted this {{ record.kind | downcase }}.'],
    'zh-CN': ['客户已接受：{{ record.title }}', '客户接受了此{{ record.kind }}。'],
    'zh-TW': ['客戶已接受：{{ record.title }}', '客戶接受了此{{ record.kind }}。'],
  }),
  customer_rejected: simple({
    en: ['Rejected by the customer: {{ record.title }}', 'The customer rejected this {{ record.kind | downcase }}.'],
    'zh-CN': ['客户已拒绝：{{ record.title }}', '客户拒绝了此{{ record.kind }}。'],
    'zh-TW': ['客戶已拒絕：{{ record.title }}', '客戶拒絕了此{{ record.kind }}。'],
  }),
  expired: simple({
    en: ['Expired: {{ record.title }}', 'This {{ record.kind | downcase }} has passed its validity date.'],
    'zh-CN': ['已过期：{{ record.title }}', '此{{ record.kind }}已过有效期。'],
    'zh-TW': ['已過期：{{ record.title }}', '此{{ record.kind }}已過有效期。'],
  }),
};

for (const [kind, t] of Object.entries(TEMPLATES)) registerTemplateKind(mailTemplateOf(kind as NotificationKind), t);
