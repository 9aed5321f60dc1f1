import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSession, api, apiLogin, openBrowser, useSession, type Browser, type Session } from './helpers.ts';

// The tasks board (features/board): with the keyboard only (dnd-kit's keyboard sensor, the moves
// announced in the user's language), and on a phone through a card's move menu; the server has
// the new status and order, and a move the transitions refuse is shown and leaves the card in place.
describe('the tasks board', () => {
  let admin: Session;
  let b: Browser;
  const stamp = Date.now();
  let phoneTask: number;

  const status = async (id: number) => (await api<{ data: { status: string } }>(admin, 'GET', `/tasks/${id}`)).data.status;
  const waitForStatus = async (id: number, want: string) => {
    for (let i = 0; i < 50 && (await status(id)) !== want; i++) await new Promise((r) => setTimeout(r, 200));
    return status(id);
  };

  beforeAll(async () => {
    admin = await adminSession();
    phoneTask = (await api<{ data: { id: number } }>(admin, 'POST', '/tasks', { title: `Board phone ${stamp}`, status: 'open' })).data.id;
  });
  afterAll(async () => b?.close());

  it('moves a card to another column with the keyboard only, announced in Chinese', async () => {
    // A user whose saved language is zh-CN, owning the two cards it moves.
    const email = `board-zh-${stamp}@e2e.guanxi`;
    await api(admin, 'POST', '/users', { email, name: '看板用户', password: 'password-1234', role: 'sales', locale: 'zh-CN' });
    const user = await apiLogin(email, 'password-1234');
    const make = async (title: string) => (await api<{ data: { id: number } }>(user, 'POST', '/tasks', { title, status: 'open' })).data.id;
    const [first, second] = [await make(`键盘一 ${stamp}`), await make(`键盘二 ${stamp}`)];
    const kb = await openBrowser({ width: 1280, height: 900 });
    try {
      await useSession(kb, user, 'zh-CN');
      const { page } = kb;
      await page.goto('/tasks/all?layout=board');
      const card = (id: number) => page.getByTestId(`board-card-${id}`);
      await card(second).waitFor();
      // Every column's cards and the counts loaded: a drag is not cut short by a late re-render.
      await page.waitForLoadState('networkidle');
      const live = page.locator('[id^="DndLiveRegion"]');
      // dnd-kit's keyboard sensor listens for the arrows from a timer set when the card is picked
      // up, and finds where an arrow leads from the drop areas it measures in the frames after:
      // a timer turn and two frames later the next key is heard (a person never types faster).
      const sensorListens = () => page.evaluate(() => new Promise((r) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(r)), 0)));
      // The first card to the next column (Done).
      // The card's handle is its keyboard drag button (the card holds the title link and the menu).
      const handle = page.getByTestId(`board-card-handle-${first}`);
      await handle.focus();
      expect(await handle.getAttribute('tabindex')).toBe('0');
      await page.keyboard.press('Space');
      await expect.poll(() => live.textContent()).toContain(`“键盘一 ${stamp}”位于“进行中”上方`);
      await sensorListens();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => live.textContent()).toContain(`“键盘一 ${stamp}”位于“已完成”上方`);
      await page.keyboard.press('Space');
      expect(await waitForStatus(first, 'done')).toBe('done');
      await page.getByTestId('board-column-done').getByTestId(`board-card-${first}`).waitFor();
      await page.screenshot({ path: '/tmp/gx-board-keyboard-zh-CN.png' });
      // The same board at phone width, a card's move menu open (looked at by eye, not asserted).
      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByTestId(`board-card-menu-${second}`).click();
      await page.getByRole('menuitem', { name: '移到“已完成”' }).waitFor();
      await page.screenshot({ path: '/tmp/gx-board-phone-zh-CN.png' });
      await page.keyboard.press('Escape');
    } finally {
      await kb.close();
    }
  });

  it('moves a card from its menu on a phone', async () => {
    b = await openBrowser({ width: 390, height: 844 });
    await useSession(b, admin);
    const { page } = b;
    await page.goto('/tasks/all?layout=board');
    await page.getByTestId(`board-card-menu-${phoneTask}`).click();
    await page.getByRole('menuitem', { name: 'Move to Cancelled' }).click();
    expect(await waitForStatus(phoneTask, 'cancelled')).toBe('cancelled');
    await page.getByTestId('board-column-cancelled').getByTestId(`board-card-${phoneTask}`).waitFor();
    // Cancelled cannot go to Done: the refusal is shown and the card stays where it is.
    await page.getByTestId(`board-card-menu-${phoneTask}`).click();
    await page.getByRole('menuitem', { name: 'Move to Done' }).click();
    await page.locator('.ant-message', { hasText: 'not allowed' }).waitFor();
    expect(await status(phoneTask)).toBe('cancelled');
    await page.getByTestId('board-column-cancelled').getByTestId(`board-card-${phoneTask}`).waitFor();
    // The columns scroll sideways at phone width, the page itself does not.
    expect(await page.getByTestId('kanban-board').evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });
});
