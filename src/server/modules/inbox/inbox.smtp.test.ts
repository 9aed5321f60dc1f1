import { describe, expect, it, beforeAll } from 'vitest';
import { useTestApp } from '../../db/test-helpers.ts';
import { factories } from '../../db/factories.ts';
import { insertOutbox } from '../mail/mail.repo.ts';
import { onInboundMail, type InboundMail } from './inbox.hooks.ts';
import { counts, messageByMessageId, rawMail, send } from './inbox.test-support.ts';

const t = useTestApp({ config: { smtpIn: { port: 0, host: '127.0.0.1', maxBytes: 300 * 1024 } } });
const f = factories(t);
const SUPPORT = 'support@crm.test';
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 7)]);

const seen: InboundMail[] = [];
onInboundMail(async (_trx, m) => {
  seen.push(m);
  if (m.subject === 'handler fails') throw new Error('subscriber down');
});

let contact: { id: number };
let account: { id: number };
beforeAll(async () => {
  const mb = await t.api(t.adminToken, 'POST', '/inbox/mailboxes', { address: 'Support@CRM.test', purpose: 'support' });
  expect(mb.status, JSON.stringify(mb.body)).toBe(201);
  account = await f.account({ name: '华为客户' });
  contact = await f.contact({ name: 'Wang Wei', email: 'Wang.Wei@Customer.test', account_id: account.id });
});

const timeline = async (object: string, id: number) => (await t.api(t.adminToken, 'GET', `/timeline/${object}/${id}?kind=email_received`)).body.data as any[];

describe('e-mail in over SMTP', () => {
  it('puts a known contact\'s mail on its and its account\'s timelines, with the attachment', async () => {
    const r = await send(t, {
      from: '"Wang Wei" <wang.wei@customer.test>', to: SUPPORT, subject: 'Quote request', messageId: '<q1@customer.test>',
      text: 'Please send a quote for 3 units.', html: '<p>Please send a quote <script>alert(1)</script></p>',
      attachments: [{ filename: 'spec.pdf', content: PDF }],
    });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const m = await messageByMessageId(t, '<q1@customer.test>');
    expect(m?.contact_id).toBe(contact.id);
    expect((await timeline('contacts', contact.id)).map((e) => e.title)).toContain('Quote request');
    const onAccount = await timeline('accounts', account.id);
    expect(onAccount[0]).toMatchObject({ title: 'Quote request', kind: 'email_received', ref_type: 'mail_message', ref_id: m!.id });
    expect(onAccount[0].body).toContain('3 units');

    const got = await t.api(t.adminToken, 'GET', `/inbox/messages/${m!.id}`);
    expect(got.status).toBe(200);
    expect(got.body.data).toMatchObject({ subject: 'Quote request', from_address: 'wang.wei@customer.test', from_name: 'Wang Wei', has_html: true, contact_ids: [contact.id], to: [SUPPORT] });
    expect(got.body.data).not.toHaveProperty('html');
    expect(got.body.data.attachments).toMatchObject([{ name: 'spec.pdf', content_type: 'application/pdf', size: PDF.length }]);
    const dl = await t.app.inject({ method: 'GET', url: `/api/v1/inbox/messages/${m!.id}/files/${got.body.data.attachments[0].id}`, headers: { authorization: `Bearer ${t.adminToken}` } });
    expect(dl.statusCode).toBe(200);
    expect(Buffer.compare(dl.rawPayload, PDF)).toBe(0);
    expect(seen.at(-1)).toMatchObject({ id: m!.id, newThread: true, contactIds: [contact.id], mailbox: { address: SUPPORT, purpose: 'support' } });
  });

  it('refuses recipients that are not mailboxes at RCPT TO (no open relay), and stores nothing', async () => {
    const before = await counts(t);
    const r = await send(t, { from: 'wang.wei@customer.test', to: 'someone@elsewhere.test', subject: 'relay me', text: 'x' });
    expect(r).toMatchObject({ ok: false, code: 550 });
    expect(await counts(t)).toEqual(before);
  });

  it('keeps an unknown sender\'s mail in the unmatched list, for administrators only', async () => {
    const r = await send(t, { from: 'stranger@nowhere.test', to: SUPPORT, subject: 'Who are you', text: 'hi', messageId: '<u1@nowhere.test>' });
    expect(r.ok).toBe(true);
    const m = await messageByMessageId(t, '<u1@nowhere.test>');
    expect(m?.contact_id).toBeNull();
    const list = await t.api(t.adminToken, 'GET', '/inbox/messages?unmatched=true');
    expect(list.body.data.map((x: any) => x.id)).toContain(m!.id);
    expect(list.body.data.every((x: any) => x.contact_id === null)).toBe(true);
    const sales = await t.userToken('sales');
    expect((await t.api(sales.token, 'GET', '/inbox/messages?unmatched=true')).status).toBe(403);
    const hidden = await t.api(sales.token, 'GET', `/inbox/messages/${m!.id}`);
    const missing = await t.api(sales.token, 'GET', '/inbox/messages/999999999');
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual(missing.body);
  });

  it('shows a contact\'s mail to whoever may read the contact, and to nobody else', async () => {
    const owner = await t.userToken('sales');
    const other = await t.userToken('sales');
    const c = await f.as(owner.token).contact({ name: 'Li Na', email: 'li.na@client.test' });
    expect((await send(t, { from: 'li.na@client.test', to: SUPPORT, subject: 'Private', text: 'secret', messageId: '<p1@client.test>' })).ok).toBe(true);
    const m = (await messageByMessageId(t, '<p1@client.test>'))!;
    const mine = await t.api(owner.token, 'GET', `/inbox/messages/${m.id}`);
    expect(mine.status).toBe(200);
    expect(mine.body.data).toMatchObject({ text: expect.stringContaining('secret'), contact_ids: [c.id] });
    expect((await t.api(other.token, 'GET', `/inbox/messages/${m.id}`)).status).toBe(404);
    expect((await t.api(owner.token, 'GET', `/timeline/contacts/${c.id}`)).body.data[0]).toMatchObject({ kind: 'email_received', title: 'Private' });
  });

  it('shows the mail to a reader of the account through its timeline, without naming a contact they may not see', async () => {
    const rep = await t.userToken('sales');
    const acc = await f.as(rep.token).account({ name: 'Rep Account' });
    const hiddenContact = await f.contact({ name: 'Admin Contact', email: 'boss@rep-account.test', account_id: acc.id });
    expect((await send(t, { from: 'boss@rep-account.test', to: SUPPORT, subject: 'Via account', text: 'x', messageId: '<va@rep-account.test>' })).ok).toBe(true);
    const m = (await messageByMessageId(t, '<va@rep-account.test>'))!;
    expect(m.contact_id).toBe(hiddenContact.id);
    expect((await t.api(rep.token, 'GET', `/timeline/accounts/${acc.id}`)).body.data[0]).toMatchObject({ kind: 'email_received', ref_id: m.id });
    const got = await t.api(rep.token, 'GET', `/inbox/messages/${m.id}`);
    expect(got.status).toBe(200);
    expect(got.body.data).toMatchObject({ contact_id: null, contact_ids: [], account_id: acc.id });
  });

  it('attaches a message to every contact sharing the sender\'s address', async () => {
    const a = await f.contact({ name: 'Shared A', email: 'shared@family.test' });
    const b = await f.contact({ name: 'Shared B', email: 'SHARED@family.test' });
    expect((await send(t, { from: 'shared@family.test', to: SUPPORT, subject: 'For both', text: 'x', messageId: '<s1@family.test>' })).ok).toBe(true);
    const m = (await messageByMessageId(t, '<s1@family.test>'))!;
    expect(m.contact_id).toBe(a.id);
    expect((await t.api(t.adminToken, 'GET', `/inbox/messages/${m.id}`)).body.data.contact_ids).toEqual([a.id, b.id]);
    expect((await timeline('contacts', b.id)).map((e) => e.title)).toContain('For both');
  });

  it('a merge of contacts moves their mail to the surviving contact', async () => {
    const keep = await f.contact({ name: 'Zhao Lei', email: 'zhao@merge.test' });
    const dup = await f.contact({ name: 'Zhao Lei', email: 'lei@merge.test' });
    expect((await send(t, { from: 'lei@merge.test', to: SUPPORT, subject: 'Merged', text: 'x', messageId: '<m1@merge.test>' })).ok).toBe(true);
    const merged = await t.api(t.adminToken, 'POST', '/contacts/merge', { primary_id: keep.id, duplicate_ids: [dup.id] });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    const m = (await messageByMessageId(t, '<m1@merge.test>'))!;
    expect((await t.api(t.adminToken, 'GET', `/inbox/messages/${m.id}`)).body.data).toMatchObject({ contact_id: keep.id, contact_ids: [keep.id] });
    expect((await timeline('contacts', keep.id)).map((e) => e.title)).toContain('Merged');
  });

  it('stores a message sent again with the same Message-ID once', async () => {
    const mail = { from: 'wang.wei@customer.test', to: SUPPORT, subject: 'Twice', text: 'x', messageId: '<twice@customer.test>' };
    expect((await send(t, mail)).ok).toBe(true);
    const before = await counts(t);
    expect((await send(t, mail)).ok).toBe(true);
    expect(await counts(t)).toEqual(before);
  });

  it('a subscriber that fails makes the sender retry later (451), and nothing is stored', async () => {
    const before = await counts(t);
    const r = await send(t, { from: 'wang.wei@customer.test', to: SUPPORT, subject: 'handler fails', text: 'x' });
    expect(r).toMatchObject({ ok: false, code: 451 });
    expect(await counts(t)).toEqual(before);
  });

  it('decodes a GB2312 subject, a GBK sender name and an 8-bit GB2312 body', async () => {
    // 你好 报价 in GB2312, 王伟 in GBK; the body is 8-bit GB2312 (谢谢).
    const subject = `=?GB2312?B?${Buffer.from('c4e3bac320b1a8bcdb', 'hex').toString('base64')}?=`;
    const name = `=?GBK?B?${Buffer.from('cdf5ceb0', 'hex').toString('base64')}?=`;
    const head = rawMail({ From: `${name} <wang.wei@customer.test>`, To: SUPPORT, Subject: subject, 'Message-ID': '<gb@customer.test>', 'MIME-Version': '1.0', 'Content-Type': 'text/plain; charset=gb2312', 'Content-Transfer-Encoding': '8bit' }, '');
    const raw = Buffer.concat([Buffer.from(head.slice(0, -2)), Buffer.from('d0bbd0bb0d0a', 'hex')]);
    expect((await send(t, { envelope: { from: 'wang.wei@customer.test', to: [SUPPORT] }, raw })).ok).toBe(true);
    const m = (await messageByMessageId(t, '<gb@customer.test>'))!;
    const got = (await t.api(t.adminToken, 'GET', `/inbox/messages/${m.id}`)).body.data;
    expect(got).toMatchObject({ subject: '你好 报价', from_name: '王伟', contact_id: contact.id });
    expect(got.text.trim()).toBe('谢谢');
  });
});

describe('threading', () => {
  const thread = async (id: string) => (await messageByMessageId(t, id))!.thread_id;

  it('joins replies by In-Reply-To, and by References when In-Reply-To is unknown', async () => {
    await send(t, { from: 'wang.wei@customer.test', to: SUPPORT, subject: 'Delivery', text: '1', messageId: '<d1@customer.test>' });
    await send(t, { from: 'wang.wei@customer.test', to: SUPPORT, subject: 'Re: Delivery', text: '2', messageId: '<d2@customer.test>', inReplyTo: '<d1@customer.test>' });
    await send(t, { from: 'wang.wei@customer.test', to: SUPPORT, subject: '回复：Delivery', text: '3', messageId: '<d3@customer.test>', inReplyTo: '<not-ours@x.test>', references: ['<d1@customer.test>', '<not-ours@x.test>'] });
    const first = await thread('<d1@customer.test>');
    expect(await thread('<d2@customer.test>')).toBe(first);
    expect(await thread('<d3@customer.test>')).toBe(first);
  });

  it('links replies to a mail the outbox sent into one thread', async () => {
    await insertOutbox(t.database.db, {
      message_id: '<sent-1@guanxi.test>', to_address: 'wang.wei@customer.test', to_name: null, subject: 'Your quote', text_body: 'attached',
      html_body: null, template_key: null, locale: 'en', contact_id: contact.id, user_id: null, status: 'skipped', last_error: 'test', mail_class: 'transactional',
    });
    await send(t, { from: 'wang.wei@customer.test', to: SUPPORT, subject: 'Re: Your quote', text: 'thanks', messageId: '<r1@customer.test>', inReplyTo: '<sent-1@guanxi.test>' });
    await send(t, { from: 'wang.wei@customer.test', to: SUPPORT, subject: 'Re: Your quote', text: 'and', messageId: '<r2@customer.test>', references: ['<sent-1@guanxi.test>'] });
    expect(await thread('<r2@customer.test>')).toBe(await thread('<r1@customer.test>'));
  });

  it('follows a subject token from a participant only, and never threads by subject alone', async () => {
    await send(t, { from: 'wang.wei@customer.test', to: SUPPORT, subject: 'Invoice', text: '1', messageId: '<i1@customer.test>' });
    const id = await thread('<i1@customer.test>');
    await send(t, { from: 'Wang.Wei@customer.test', to: SUPPORT, subject: `Re: Invoice [#T-${id}]`, text: '2', messageId: '<i2@customer.test>' });
    await send(t, { from: 'stranger@nowhere.test', to: SUPPORT, subject: `Re: Invoice [#T-${id}]`, text: '3', messageId: '<i3@nowhere.test>' });
    await send(t, { from: 'wang.wei@customer.test', to: SUPPORT, subject: 'Re: Invoice', text: '4', messageId: '<i4@customer.test>' });
    expect(await thread('<i2@customer.test>')).toBe(id);
    expect(await thread('<i3@nowhere.test>')).not.toBe(id);
    expect(await thread('<i4@customer.test>')).not.toBe(id);
    const got = (await t.api(t.adminToken, 'GET', `/inbox/messages/${(await messageByMessageId(t, '<i1@customer.test>'))!.id}`)).body.data;
    expect(got.thread_token).toBe(`[#T-${id}]`);
  });
});
