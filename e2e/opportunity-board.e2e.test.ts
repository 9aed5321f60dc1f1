import { describe, expect, it } from 'vitest';
import { adminSession, api, apiLogin, openBrowser, useSession } from './helpers.ts';

// The opportunities kanban (modules/opportunities web part over features/board/BoardView): a card
// dragged with the keyboard from one stage to the next in zh-CN; the server has the new stage and
// both columns' count, total and weighted total change on the page.
describe('the opportunities board', () => {
  it('moves a card between stages and updates the column totals', async () => {
    const stamp = Date.now();
    const admin = await adminSession();
    const stage = (name: string, probability: number) => ({ name, category: 'open', probability, forecast_category: 'pipeline' });
    const pipeline = (await api<{ data: { id: number; stages: { id: number }[] } }>(admin, 'POST', '/pipelines', {
      name: `看板 ${stamp}`, stages: [stage('初步接触', 10), stage('方案报价', 50), { ...stage('赢单', 100), category: 'won', forecast_category: 'closed' }],
    })).data;
    const [first, second] = pipeline.stages.map((s) => s.id) as [number, number];
    const email = `opp-board-${stamp}@e2e.guanxi`;
    await api(admin, 'POST', '/users', { email, name: '商机用户', password: 'password-1234', role: 'sales', locale: 'zh-CN' });
    const user = await apiLogin(email, 'password-1234');
    const make = async (name: string, amount: string) =>
      (await api<{ data: { id: number } }>(user, 'POST', '/opportunities', { name, amount, pipeline_id: pipeline.id, stage_id: first })).data.id;
    const moved = await make(`移动 ${stamp}`, '1000');
    await make(`留下 ${stamp}`, '200');
    const b = await openBrowser({ width: 1280, height: 900 });
    try {
      await useSession(b, user, 'zh-CN');
      const { page } = b;
      await page.goto(`/opportunities?pipeline=${pipeline.id}`);
      const card = page.getByTestId(`board-card-${moved}`);
      await card.waitFor();
      await page.waitForLoadState('networkidle');
      const sum = (id: number) => page.getByTestId(`board-sum-${id}`);
      const count = (id: number) => page.getByTestId(`board-count-${id}`);
      await expect.poll(() => sum(first).textContent()).toContain('1,200');
      expect(await page.getByTestId(`board-weighted-${first}`).textContent()).toContain('120');
      expect(await count(second).textContent()).toBe('0');
      // dnd-kit's keyboard sensor hears the arrow a timer turn and two frames after the pick-up.
      const sensorListens = () => page.evaluate(() => new Promise((r) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(r)), 0)));
      await page.getByTestId(`board-card-handle-${moved}`).focus();
      await page.keyboard.press('Space');
      await sensorListens();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => page.locator('[id^="DndLiveRegion"]').textContent()).toContain('方案报价');
      await page.keyboard.press('Space');
      await page.getByTestId(`board-column-${second}`).getByTestId(`board-card-${moved}`).waitFor();
      // The totals are the database's again, after the move: 200 left behind, 1000 at 50 % in the next stage.
      await expect.poll(() => sum(second).textContent()).toContain('1,000');
      await expect.poll(() => page.getByTestId(`board-weighted-${second}`).textContent()).toContain('500');
      await expect.poll(() => sum(first).textContent()).toContain('200');
      expect(await count(second).textContent()).toBe('1');
      const after = (await api<{ data: { stage_id: number; probability: number } }>(user, 'GET', `/opportunities/${moved}`)).data;
      expect(after).toMatchObject({ stage_id: second, probability: 50 });
      await page.screenshot({ path: '/tmp/gx-opportunity-board-zh-CN.png' });
      // Its page's header says the new stage and the amount as money, not the stored "1000.00".
      await page.goto(`/opportunities/${moved}`);
      await expect.poll(() => page.locator('.ant-typography-secondary', { hasText: '方案报价' }).first().textContent()).toBe('方案报价 · ¥1,000');
    } finally {
      await b.close();
    }
  });
});
