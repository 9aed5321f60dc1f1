import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSession, api, apiLogin, openBrowser, useSession, type Browser, type Session } from './helpers.ts';

interface Rule { id: number; name: string }

describe('assignment rules page', () => {
  let admin: Session;
  let b: Browser;
  const made: number[] = [];

  beforeAll(async () => {
    admin = await adminSession();
    // An administrator whose saved language is zh-CN: the page in Chinese.
    const email = `assign-${Date.now()}@e2e.guanxi`;
    await api(admin, 'POST', '/users', { email, name: '分配管理员', password: 'password-1234', role: 'admin', locale: 'zh-CN' });
    b = await openBrowser();
    await useSession(b, await apiLogin(email, 'password-1234'), 'zh-CN');
  });
  afterAll(async () => {
    for (const id of made) await api(admin, 'DELETE', `/assignment-rules/${id}`).catch(() => undefined);
    await b.close();
  });

  it('lists the rules of an object in Chinese and reorders them with the arrows', async () => {
    const team = await api<{ data: { id: number } }>(admin, 'POST', '/teams', { name: `分配团队 ${Date.now()}` });
    const all = { kind: 'group', match: 'all', conditions: [] };
    for (const name of ['银行客户', '其他客户']) {
      const r = await api<{ data: Rule }>(admin, 'POST', '/assignment-rules', { object: 'accounts', name, condition: all, strategy: 'round_robin', team_id: team.data.id });
      made.push(r.data.id);
    }
    const { page } = b;
    await page.goto('/settings/assignment');
    await page.getByRole('cell', { name: '银行客户' }).waitFor();
    await page.screenshot({ path: '/tmp/assignment-zh-CN.png', fullPage: true });
    await page.getByText('团队轮流分配').first().waitFor();
    await page.getByRole('button', { name: '下移' }).first().click();
    await expect.poll(async () => (await api<{ data: Rule[] }>(admin, 'GET', '/assignment-rules?object=accounts')).data.map((r) => r.name)).toEqual(['其他客户', '银行客户']);
  });
});
