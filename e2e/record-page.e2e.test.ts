import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSession, api, apiLogin, openBrowser, useSession, type Browser, type Session } from './helpers.ts';

// Issue 14's record-page layout: labelled chips, counts on related tabs, task noise folded on the timeline.
describe('record page layout', () => {
  let admin: Session;
  const stamp = Date.now();
  let accountId = 0;
  let viewer: Session;
  const browsers: Browser[] = [];

  beforeAll(async () => {
    admin = await adminSession();
    // An administrator whose own language is 简体中文 (the profile's language wins over the browser's).
    const who = { email: `layout-${stamp}@example.cn`, password: 'password-123' };
    await api(admin, 'POST', '/users', { ...who, name: '版面管理员', role: 'admin', locale: 'zh-CN' });
    viewer = await apiLogin(who.email, who.password);
    const acc = await api<{ data: { id: number } }>(admin, 'POST', '/accounts', { name: `版面测试 ${stamp}`, type: 'prospect', lifecycle_status: 'prospect' });
    accountId = acc.data.id;
    for (const name of ['赵一', '钱二']) await api(admin, 'POST', '/contacts', { name: `${name} ${stamp}`, account_id: accountId });
    // Works mainly elsewhere, linked here too: the only one the people tab marks.
    const other = await api<{ data: { id: number } }>(admin, 'POST', '/accounts', { name: `别家公司 ${stamp}` });
    await api(admin, 'POST', '/contacts', { name: `孙三 ${stamp}`, account_id: other.data.id, accounts: [{ account_id: other.data.id, is_primary: true }, { account_id: accountId, role: '顾问' }] });
    await api(admin, 'POST', '/activities', { kind: 'visit', subject: `上门拜访 ${stamp}`, account_id: accountId, occurred_at: new Date(Date.now() - 3 * 86_400_000).toISOString() });
    for (const title of ['回访', '寄样品', '报价跟进']) await api(admin, 'POST', '/tasks', { title: `${title} ${stamp}`, account_id: accountId });
  });
  afterAll(async () => {
    for (const b of browsers) await b.close();
  });

  it('labels its chips, counts its related tabs and folds a run of tasks above the visit (zh-CN)', async () => {
    const b = await openBrowser();
    browsers.push(b);
    await useSession(b, viewer, 'zh-CN');
    await b.page.goto(`/accounts/${accountId}`);
    await b.page.getByTestId('record-title').waitFor();
    // "类型 潜在客户 · 生命周期 意向": each chip says what it is.
    const chips = b.page.locator('.gx-fact-chip');
    await expect.poll(() => chips.allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/^类型\s*潜在客户$/), expect.stringMatching(/^生命周期\s*意向$/)]));
    await b.page.getByRole('tab', { name: /联系人\s*3/ }).click();
    const people = b.page.getByTestId('related-contacts');
    await people.getByText(`孙三 ${stamp}`).waitFor();
    expect(await people.getByText('主要任职于其他公司').count()).toBe(1);
    await b.page.getByRole('tab', { name: /任务\s*3/ }).waitFor();
    // Three task events fold into one entry; the visit stays visible; opening the fold shows them.
    const timeline = b.page.getByTestId('timeline');
    await timeline.getByText(`上门拜访 ${stamp}`).waitFor();
    await timeline.getByRole('button', { name: /3 条任务动态/ }).click();
    await timeline.getByText(`寄样品 ${stamp}`).waitFor();
    expect(await timeline.getByTestId('timeline-folded').count()).toBe(0);
    expect(b.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  });
});
