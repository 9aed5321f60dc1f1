import { describe, expect, it } from 'vitest';
import { adminSession, api, apiLogin, openBrowser, useSession } from './helpers.ts';

// The sales reports page (modules/sales-reports web part) in zh-CN: a rep's pipeline by stage,
// a stage's bar clicked, the opportunities list showing exactly the deals the bar counted.
describe('the sales reports page', () => {
  it('drills down from a stage bar to exactly its opportunities', async () => {
    const stamp = Date.now();
    const admin = await adminSession();
    const email = `sales-reports-${stamp}@e2e.guanxi`;
    await api(admin, 'POST', '/users', { email, name: '报表用户', password: 'password-1234', role: 'sales', locale: 'zh-CN' });
    const user = await apiLogin(email, 'password-1234');
    const pipelines = (await api<{ data: { id: number; is_default: boolean; stages: { id: number; name: string }[] }[] }>(user, 'GET', '/pipelines')).data;
    const stages = pipelines.find((p) => p.is_default)!.stages;
    const [first, proposal] = [stages[0]!, stages[2]!];
    const close = `${new Date().getUTCFullYear()}-06-30`;
    const make = async (name: string, stageId: number) =>
      api(user, 'POST', '/opportunities', { name: `${name} ${stamp}`, amount: '1000', currency: 'CNY', stage_id: stageId, expected_close_date: close });
    for (const n of ['甲', '乙', '丙']) await make(`报价 ${n}`, proposal.id);
    await make('初步', first.id);
    const b = await openBrowser({ width: 1280, height: 900 });
    try {
      await useSession(b, user, 'zh-CN');
      const { page } = b;
      await page.goto('/reports/sales');
      await page.getByText('销售报表').first().waitFor();
      const bar = page.locator('a.gx-chart-link', { hasText: proposal.name });
      await bar.waitFor();
      await expect.poll(() => bar.textContent()).toContain('3');
      await page.screenshot({ path: '/tmp/gx-sales-reports-zh-CN.png', fullPage: true });
      await bar.click();
      await page.waitForURL(/\/opportunities\/all\?/);
      const rows = page.locator('.ant-table-tbody tr.ant-table-row');
      await expect.poll(() => rows.count()).toBe(3);
      for (const n of ['甲', '乙', '丙']) expect(await page.getByText(`报价 ${n} ${stamp}`).count()).toBe(1);
      expect(await page.getByText(`初步 ${stamp}`).count()).toBe(0);
    } finally {
      await b.close();
    }
  });
});
