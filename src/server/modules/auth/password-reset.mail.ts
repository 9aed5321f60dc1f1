// The e-mail with a password reset link, a template kind of the mail module (admins edit and
// preview it on the Mail page like the others). Always transactional: never suppressed.
import { registerTemplateKind } from '../mail/mail.defaults.ts';

export const PASSWORD_RESET_TEMPLATE = 'password_reset';

registerTemplateKind(PASSWORD_RESET_TEMPLATE, {
  class: 'transactional',
  sample: { user: { name: 'Li Wei' }, link: 'https://crm.example.com/reset-password?token=sample', minutes: 30 },
  defaults: {
    en: {
      subject: 'Reset your Guanxi password',
      html: '<p>Hello {{ user.name }},</p>\n<p>Someone (we hope you) asked to reset your password. Open this link within {{ minutes }} minutes to choose a new one:</p>\n<p><a href="{{ link }}">{{ link }}</a></p>\n<p>If you did not ask, ignore this message: your password stays as it is.</p>',
    },
    'zh-CN': {
      subject: '重置您的关系 CRM 密码',
      html: '<p>{{ user.name }}，您好：</p>\n<p>有人（希望是您本人）申请重置您的密码。请在 {{ minutes }} 分钟内打开以下链接设置新密码：</p>\n<p><a href="{{ link }}">{{ link }}</a></p>\n<p>如果不是您本人操作，请忽略本邮件，您的密码不会改变。</p>',
    },
    'zh-TW': {
      subject: '重設您的關係 CRM 密碼',
      html: '<p>{{ user.name }}，您好：</p>\n<p>有人（希望是您本人）申請重設您的密碼。請在 {{ minutes }} 分鐘內開啟以下連結設定新密碼：</p>\n<p><a href="{{ link }}">{{ link }}</a></p>\n<p>如果不是您本人操作，請忽略此郵件，您的密碼不會改變。</p>',
    },
  },
});
