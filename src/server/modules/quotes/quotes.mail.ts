// The e-mail a sent quote's contact gets (template `quote_sent`, editable on the Mail page):
// the link to view, accept or reject it. Transactional: the customer asked for this quote.
import { registerTemplateKind } from '../mail/mail.defaults.ts';

const sample = {
  contact: { name: 'Wang Fang' },
  quote: { number: 'Q-2026-00012', subject: 'Scanners for the Shanghai office', total: 'CNY 67.77' },
  link: 'https://crm.example.com/q/…',
  sender: { name: 'Li Wei' },
};

const html = (hello: string, line: string, button: string, bye: string) =>
  `<p>${hello}</p>\n<p>${line}</p>\n<p><a href="{{ link }}">${button}</a></p>\n<p>${bye}</p>`;

registerTemplateKind('quote_sent', {
  class: 'transactional',
  sample,
  defaults: {
    en: {
      subject: 'Quote {{ quote.number }}: {{ quote.subject }}',
      html: html('Dear {{ contact.name }},', 'Please find our quote {{ quote.number }} ({{ quote.total }}) at the link below, where you can also accept or decline it.', 'View the quote', '{{ sender.name }}'),
    },
    'zh-CN': {
      subject: '报价单 {{ quote.number }}：{{ quote.subject }}',
      html: html('{{ contact.name }}，您好：', '我们的报价单 {{ quote.number }}（{{ quote.total }}）请见以下链接，您也可以在该页面接受或拒绝。', '查看报价单', '{{ sender.name }}'),
    },
    'zh-TW': {
      subject: '報價單 {{ quote.number }}：{{ quote.subject }}',
      html: html('{{ contact.name }}，您好：', '我們的報價單 {{ quote.number }}（{{ quote.total }}）請見以下連結，您也可以在該頁面接受或拒絕。', '查看報價單', '{{ sender.name }}'),
    },
  },
});
