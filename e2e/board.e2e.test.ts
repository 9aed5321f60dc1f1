import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSession, api, openBrowser, useSession, type Browser, type Session } from './helpers.ts';

// The tasks board (features/board): on a phone, a card moved through its move menu; the server
// has the new status, and a move the transitions refuse is shown and leaves the card in place.
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
  });
});
