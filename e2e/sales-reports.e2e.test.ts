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

  it('keeps a team filter set on one tab across tabs and reloads, and the figures follow it', async () => {
    const stamp = Date.now();
    const admin = await adminSession();
    const team = await api<{ data: { id: number } }>(admin, 'POST', '/teams', { name: `华东团队 ${stamp}` });
    const member = async (name: string, teamId?: number) => {
      const email = `${name}-${stamp}@e2e.guanxi`;
      await api(admin, 'POST', '/users', { email, name: `${name} ${stamp}`, password: 'password-1234', role: 'sales', locale: 'zh-CN', ...(teamId ? { team_id: teamId } : {}) });
      return apiLogin(email, 'password-1234');
    };
    const inside = await member('team-rep', team.data.id);
    const outside = await member('other-rep');
    const pipeline = (await api<{ data: { id: number; name: string; stages: { id: number; name: string; category: string }[] } }>(admin, 'POST', '/pipelines', {
      name: `团队 ${stamp}`, stages: [
        { name: '方案', category: 'open', probability: 50, forecast_category: 'best_case' },
        { name: '赢单', category: 'won', probability: 100, forecast_category: 'closed' },
      ] })).data;
    const [open, won] = [pipeline.stages[0]!, pipeline.stages[1]!];
    const close = `${new Date().getUTCFullYear()}-06-30`;
    const make = (s: typeof inside, stageId: number) => api(s, 'POST', '/opportunities', { name: `团队单 ${stamp}`, amount: '1000', currency: 'CNY', pipeline_id: pipeline.id, stage_id: stageId, expected_close_date: close });
    for (const s of [inside, inside, outside, outside, outside]) await make(s, open.id);
    for (const s of [inside, outside, outside]) await make(s, won.id);
    const b = await openBrowser({ width: 1280, height: 900 });
    try {
      // An administrator who reads Chinese (the seeded admin's own language is English).
      const boss = `reports-admin-${stamp}@e2e.guanxi`;
      await api(admin, 'POST', '/users', { email: boss, name: `报表管理员 ${stamp}`, password: 'password-1234', role: 'admin', locale: 'zh-CN' });
      await useSession(b, await apiLogin(boss, 'password-1234'), 'zh-CN');
      const { page } = b;
      await page.goto(`/reports/sales?tab=pipeline&pipeline_id=${pipeline.id}`);
      const value = (name: string) => page.locator('.gx-chart-row', { hasText: name }).first().locator('.gx-chart-value');
      await expect.poll(() => value(open.name).textContent()).toBe('5');
      await page.locator('[aria-label="团队"]').first().click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: `华东团队 ${stamp}` }).click();
      await expect.poll(() => page.url()).toContain(`team_id=${team.data.id}`);
      await expect.poll(() => value(open.name).textContent()).toBe('2');
      // Another tab: the team is still chosen, and the won deals are the team's one.
      await page.getByRole('tab', { name: '赢单率' }).click();
      await expect.poll(() => page.url()).toContain('tab=winRate');
      expect(page.url()).toContain(`team_id=${team.data.id}`);
      const wonFigure = page.locator('.ant-statistic').filter({ has: page.locator('.ant-statistic-title', { hasText: /^赢单$/ }) }).locator('.ant-statistic-content-value');
      await expect.poll(() => wonFigure.textContent()).toBe('1');
      await page.screenshot({ path: '/tmp/gx-sales-reports-team-zh-CN.png', fullPage: true });
      // A reload keeps the filter.
      await page.reload();
      await expect.poll(() => wonFigure.textContent()).toBe('1');
      await expect.poll(() => page.locator('.ant-select', { hasText: `华东团队 ${stamp}` }).count()).toBe(1);
    } finally {
      await b.close();
    }
  });
});
