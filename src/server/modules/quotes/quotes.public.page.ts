// The customer's page of a sent quote (/q/{token}): the summary, the PDF as sent, and two plain
// HTML forms (no script: the content security policy allows none inline) posting to the public
// API, which answers a page again when the browser asks for HTML.
import type { Locale } from '../../../shared/fields.ts';
import { escapeHtml, publicPage } from '../public/public.platform.ts';

type Summary = { number: string; subject: string; status: string; currency: string; gross_total: string; valid_until: string | null; seller: string; sent_pdf_hash: string; accepted_by_name: string | null; accepted_at: string | null };

export const PAGE_TEXT: Record<Locale, Record<string, string>> = {
  en: {
    title: 'Quote', from: 'From', subject: 'Subject', total: 'Total', validUntil: 'Valid until', pdf: 'View the quote (PDF)', fingerprint: 'Document fingerprint (SHA-256)',
    acceptHeading: 'Accept this quote', name: 'Your full name', accept: 'Accept', rejectHeading: 'Decline', reason: 'Reason (optional)', reject: 'Decline the quote',
    accepted: 'Accepted by {name} on {at}. Thank you.', rejected: 'This quote was declined.', notFound: 'This link is not valid.',
    link_expired: 'This link has expired. Please ask us for a new one.', expired: 'This quote has expired.', withdrawn: 'This quote was withdrawn.',
    superseded: 'This quote was replaced by a newer version. Please use the latest link you received.', already_decided: 'This quote has already been answered.',
    nameRequired: 'Please type your name to accept.', error: 'Something went wrong. Please try again.',
  },
  'zh-CN': {
    title: '报价单', from: '报价方', subject: '主题', total: '价税合计', validUntil: '有效期至', pdf: '查看报价单 (PDF)', fingerprint: '文件指纹 (SHA-256)',
    acceptHeading: '接受此报价', name: '您的姓名', accept: '接受', rejectHeading: '拒绝', reason: '原因（可选）', reject: '拒绝此报价',
    accepted: '已由 {name} 于 {at} 接受，谢谢。', rejected: '此报价已被拒绝。', notFound: '此链接无效。',
    link_expired: '此链接已过期，请联系我们获取新链接。', expired: '此报价已过期。', withdrawn: '此报价已撤回。',
    superseded: '此报价已被新版本取代，请使用您收到的最新链接。', already_decided: '此报价已答复。',
    nameRequired: '请输入您的姓名以接受报价。', error: '出错了，请重试。',
  },
  'zh-TW': {
    title: '報價單', from: '報價方', subject: '主旨', total: '含稅合計', validUntil: '有效期至', pdf: '查看報價單 (PDF)', fingerprint: '文件指紋 (SHA-256)',
    acceptHeading: '接受此報價', name: '您的姓名', accept: '接受', rejectHeading: '拒絕', reason: '原因（選填）', reject: '拒絕此報價',
    accepted: '已由 {name} 於 {at} 接受，謝謝。', rejected: '此報價已被拒絕。', notFound: '此連結無效。',
    link_expired: '此連結已過期，請聯絡我們取得新連結。', expired: '此報價已過期。', withdrawn: '此報價已撤回。',
    superseded: '此報價已被新版本取代，請使用您收到的最新連結。', already_decided: '此報價已答覆。',
    nameRequired: '請輸入您的姓名以接受報價。', error: '發生錯誤，請重試。',
  },
};

const row = (label: string, value: string) => `<tr><th style="text-align:left;padding:4px 12px 4px 0;color:#666;font-weight:normal">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`;

/** The quote's page; `api` is the public API path of this token, `notice` a message above the forms. */
export function quotePage(locale: Locale, q: Summary, api: string, notice?: string): string {
  const t = PAGE_TEXT[locale];
  const lang = `?locale=${encodeURIComponent(locale)}`;
  const open = q.status === 'sent';
  const decided = q.status === 'accepted'
    ? `<p data-testid="quote-decided" style="padding:12px;background:#f6ffed;border:1px solid #b7eb8f">${escapeHtml(t.accepted!.replace('{name}', q.accepted_by_name ?? '').replace('{at}', (q.accepted_at ?? '').slice(0, 16).replace('T', ' ')))}</p>`
    : q.status === 'rejected' ? `<p data-testid="quote-decided">${escapeHtml(t.rejected!)}</p>` : '';
  const forms = open ? `<h2 style="font-size:1.1rem">${escapeHtml(t.acceptHeading!)}</h2>
<form method="post" action="${escapeHtml(api)}/accept${lang}"><label>${escapeHtml(t.name!)}<br><input name="name" required maxlength="200" autocomplete="name" style="font:inherit;padding:4px;width:100%;max-width:320px"></label>
<p><button type="submit" style="font:inherit;padding:6px 16px">${escapeHtml(t.accept!)}</button></p></form>
<h2 style="font-size:1.1rem">${escapeHtml(t.rejectHeading!)}</h2>
<form method="post" action="${escapeHtml(api)}/reject${lang}"><label>${escapeHtml(t.reason!)}<br><textarea name="reason" maxlength="2000" rows="3" style="font:inherit;width:100%;max-width:480px"></textarea></label>
<p><button type="submit" style="font:inherit;padding:6px 16px">${escapeHtml(t.reject!)}</button></p></form>` : '';
  return publicPage(locale, `${t.title} ${q.number}`, `<h1 style="font-size:1.4rem">${escapeHtml(t.title!)} ${escapeHtml(q.number)}</h1>
${notice ? `<p role="alert" style="color:#cf1322">${escapeHtml(notice)}</p>` : ''}
<table>${q.seller ? row(t.from!, q.seller) : ''}${row(t.subject!, q.subject)}${row(t.total!, `${q.currency} ${q.gross_total}`)}${q.valid_until ? row(t.validUntil!, q.valid_until) : ''}</table>
<p><a href="${escapeHtml(api)}/pdf">${escapeHtml(t.pdf!)}</a></p>
<p style="font-size:12px;color:#666">${escapeHtml(t.fingerprint!)}: <code style="word-break:break-all">${escapeHtml(q.sent_pdf_hash)}</code></p>
${decided}${forms}`);
}

export function messagePage(locale: Locale, key: string): string {
  const t = PAGE_TEXT[locale];
  return publicPage(locale, t.title!, `<h1 style="font-size:1.4rem">${escapeHtml(t.title!)}</h1><p data-testid="quote-message">${escapeHtml(t[key] ?? t.error!)}</p>`);
}
