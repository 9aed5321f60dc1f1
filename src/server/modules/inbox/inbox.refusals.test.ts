import { beforeAll, describe, expect, it } from 'vitest';
import net from 'node:net';
import { createTestApp, useTestApp } from '../../db/test-helpers.ts';
import { inboundSmtpPort } from './module.ts';
import { loadConfig, ConfigError } from '../../config.ts';
import { counts, messageByMessageId, rawMail, send, talk } from './inbox.test-support.ts';
import { SMTP_LIMITS } from './inbox.smtp.ts';

// Small limits so the oversized cases stay quick: 300 KB a message, 50 KB an attachment.
const t = useTestApp({ config: { smtpIn: { port: 0, host: '127.0.0.1', maxBytes: 300 * 1024 }, attachments: { maxBytes: 50 * 1024 } } });
const TO = 'leads@crm.test';
const FROM = 'sender@customer.test';
const PDF = (n: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(n, 65)]);

beforeAll(async () => {
  expect((await t.api(t.adminToken, 'POST', '/inbox/mailboxes', { address: TO, purpose: 'leads' })).status).toBe(201);
});

/** Sends, expects the given refusal code, and checks that no row and no file was written. */
async function refused(mail: Parameters<typeof send>[1], code: number): Promise<string> {
  const before = await counts(t);
  const r = await send(t, mail);
  expect(r, JSON.stringify(r)).toMatchObject({ ok: false, code });
  expect(await counts(t)).toEqual(before);
  return r.response;
}

/** The server still takes mail after a refusal. */
async function stillReceiving(id: string) {
  expect((await send(t, { from: FROM, to: TO, subject: 'still there', text: 'ok', messageId: id })).ok).toBe(true);
  expect(await messageByMessageId(t, id)).toBeDefined();
}

describe('refused mail stores nothing and the server keeps running', () => {
  it('a message over the size limit: 552', async () => {
    const response = await refused({ from: FROM, to: TO, subject: 'big', text: 'x'.repeat(400 * 1024) }, 552);
    expect(response).toMatch(/size/i);
    await stillReceiving('<after-big@customer.test>');
  });

  it('an attachment over the attachments limit refuses the whole message at DATA (552), no file kept', async () => {
    const response = await refused({ from: FROM, to: TO, subject: 'attachments', text: 'two files', attachments: [
      { filename: 'small.pdf', content: PDF(1000) }, { filename: 'large.pdf', content: PDF(80 * 1024) },
    ] }, 552);
    expect(response).toContain('large.pdf');
    await stillReceiving('<after-attachment@customer.test>');
  });

  it('an attachment of a refused type or a program: 554', async () => {
    expect(await refused({ from: FROM, to: TO, subject: 'exe', text: 'x', attachments: [{ filename: 'setup.exe', content: Buffer.from('MZ....') }] }, 554)).toContain('setup.exe');
    expect(await refused({ from: FROM, to: TO, subject: 'fake pdf', text: 'x', attachments: [{ filename: 'invoice.pdf', content: Buffer.from('MZ\x90\x00program') }] }, 554)).toMatch(/Programs/);
  });

  it('a message without a From address: 554', async () => {
    const raw = rawMail({ To: TO, Subject: 'no from', 'Message-ID': '<nofrom@customer.test>' });
    expect(await refused({ envelope: { from: FROM, to: [TO] }, raw }, 554)).toMatch(/From/);
    const bad = rawMail({ From: 'not an address', To: TO, Subject: 'bad from' });
    await refused({ envelope: { from: FROM, to: [TO] }, raw: bad }, 554);
  });

  it('a header block over 100 KB: 552', async () => {
    const raw = rawMail({ From: FROM, To: TO, Subject: 'huge', 'X-Filler': 'a'.repeat(120 * 1024) });
    expect(await refused({ envelope: { from: FROM, to: [TO] }, raw }, 552)).toMatch(/header/i);
    await stillReceiving('<after-header@customer.test>');
  });

  it('broken MIME (no closing boundary, bad base64) is kept as far as it can be read', async () => {
    const raw = rawMail({ From: FROM, To: TO, Subject: 'broken', 'Message-ID': '<broken@customer.test>', 'MIME-Version': '1.0', 'Content-Type': 'multipart/mixed; boundary="zz"' },
      '--zz\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n@@@not base64@@@\r\n--zz\r\nContent-Type: text/plain\r\n\r\nreadable part');
    expect((await send(t, { envelope: { from: FROM, to: [TO] }, raw })).ok).toBe(true);
    const m = (await messageByMessageId(t, '<broken@customer.test>'))!;
    expect((await t.api(t.adminToken, 'GET', `/inbox/messages/${m.id}`)).body.data.text).toContain('readable part');
  });

  it('answers malformed commands and addresses clearly, and refuses unknown or inactive mailboxes', async () => {
    const off = await t.api(t.adminToken, 'POST', '/inbox/mailboxes', { address: 'old@crm.test', active: false });
    const replies = await talk(t, ['EHLO client.test', 'MAIL FROM:<not an address>', `MAIL FROM:<${FROM}>`, 'RCPT TO:<broken', 'RCPT TO:<nobody@crm.test>', 'RCPT TO:<old@crm.test>', `RCPT TO:<${TO.toUpperCase()}>`, 'QUIT']);
    expect(off.status).toBe(201);
    expect(replies[0]).toMatch(/^220 /);
    expect(replies[2]).toMatch(/^5\d\d /);
    expect(replies[3]).toMatch(/^250 /);
    expect(replies[4]).toMatch(/^5\d\d /);
    expect(replies[5]).toMatch(/^550 5\.1\.1/);
    expect(replies[6]).toMatch(/^550 5\.1\.1/);
    expect(replies[7]).toMatch(/^250 /);
  });

  it('limits recipients per message', async () => {
    const boxes = Array.from({ length: SMTP_LIMITS.maxRecipients + 1 }, (_, i) => `r${i}@crm.test`);
    for (const address of boxes) expect((await t.api(t.adminToken, 'POST', '/inbox/mailboxes', { address })).status).toBe(201);
    const cmds = ['EHLO client.test', `MAIL FROM:<${FROM}>`, ...boxes.map((b) => `RCPT TO:<${b}>`), 'QUIT'];
    const replies = await talk(t, cmds);
    expect(replies.at(-3)).toMatch(/^250 /);
    expect(replies.at(-2)).toMatch(/^452 /);
  });
});

describe('settings', () => {
  it('the listener starts with the app and stops with it', async () => {
    const other = await createTestApp({ config: { smtpIn: { port: 0, host: '127.0.0.1', maxBytes: 1024 * 1024 } } });
    const p = inboundSmtpPort(other.app)!;
    expect(p).toBeGreaterThan(0);
    expect((await talk(other, ['QUIT']))[0]).toMatch(/^220 /);
    await other.close();
    expect(inboundSmtpPort(other.app)).toBeNull();
    const refused = await new Promise<string>((resolve) => net.connect(p, '127.0.0.1').on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? '')).on('connect', () => resolve('connected')));
    expect(refused).toBe('ECONNREFUSED');
    expect(inboundSmtpPort(t.app)).not.toBeNull();
  });


  it('the listener is off unless GUANXI_SMTP_IN_PORT is set; a bad port stops the start', () => {
    expect(loadConfig({}).smtpIn).toEqual({ port: null, host: '127.0.0.1', maxBytes: 25 * 1024 * 1024 });
    expect(loadConfig({ GUANXI_SMTP_IN_PORT: '2525', GUANXI_SMTP_IN_HOST: '0.0.0.0', GUANXI_SMTP_IN_MAX_MB: '10' }).smtpIn).toEqual({ port: 2525, host: '0.0.0.0', maxBytes: 10 * 1024 * 1024 });
    expect(() => loadConfig({ GUANXI_SMTP_IN_PORT: 'smtp' })).toThrow(ConfigError);
    expect(() => loadConfig({ GUANXI_SMTP_IN_PORT: '70000' })).toThrow(ConfigError);
  });

  it('mailboxes: unique addresses (any case), purposes checked, admins only', async () => {
    const dup = await t.api(t.adminToken, 'POST', '/inbox/mailboxes', { address: 'LEADS@crm.test' });
    expect(dup.status).toBe(409);
    expect((await t.api(t.adminToken, 'POST', '/inbox/mailboxes', { address: 'x@crm.test', purpose: 'spam' })).status).toBe(400);
    expect((await t.api(t.adminToken, 'POST', '/inbox/mailboxes', { address: 'not-an-address' })).status).toBe(400);
    const sales = await t.userToken('sales');
    expect((await t.api(sales.token, 'GET', '/inbox/mailboxes')).status).toBe(403);
    const list = await t.api(t.adminToken, 'GET', '/inbox/mailboxes');
    const leads = list.body.data.find((m: any) => m.address === TO);
    const patched = await t.api(t.adminToken, 'PATCH', `/inbox/mailboxes/${leads.id}`, { purpose: 'general' });
    expect(patched.body.data).toMatchObject({ address: TO, purpose: 'general', active: true });
    expect((await t.api(t.adminToken, 'PATCH', '/inbox/mailboxes/999999', { active: false })).status).toBe(404);
  });
});
