import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations } from './axe.ts';
import { adminSession, api, apiLogin, baseURL, openBrowser, useSession, type Session } from './helpers.ts';

// The main screens of issue 14's audit, each brought to the state a user sees (popover or
// modal open where that is the point), checked with axe-core for WCAG 2.1 A/AA.
interface Screen {
  name: string;
  open: (page: Page, phone: boolean) => Promise<void>;
}

/** Waits until the page has settled: no skeleton placeholders, no spinners. */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('.ant-skeleton, .ant-spin-spinning'), undefined, { timeout: 20_000 });
  // Ant Design's motion (popover/modal fade-in) must finish, or axe sees half-transparent colours.
  await page.waitForTimeout(400);
}

/** Records and people the screens show, made once through the API before the first configuration. */
const fx = { contactId: 0, opportunityId: 0, quoteId: 0, importId: 0, viewName: 'Axe view', manager: null as Session | null };

/** Opens a screen's tab on a phone, where the record page puts the line editor in a tab. */
async function openTab(p: Page, key: string): Promise<void> {
  await p.locator(`.ant-tabs-tab[data-node-key="${key}"]`).first().click();
}

const SCREENS: Screen[] = [
  { name: 'home', open: async (p) => { await p.goto('/'); } },
  {
    name: 'contacts list + filter popover',
    open: async (p) => {
      await p.goto('/contacts');
      await p.getByTestId('record-table').waitFor();
      await p.getByTestId('add-filter').click();
      await p.getByTestId('filter-editor').waitFor();
    },
  },
  {
    name: 'contacts list + columns chooser',
    open: async (p) => {
      await p.goto('/contacts');
      await p.getByTestId('record-table').waitFor();
      await p.getByTestId('columns-button').click();
      await p.getByTestId('column-chooser').waitFor();
    },
  },
  {
    name: 'contacts list + saved-view menu',
    open: async (p) => {
      await p.goto('/contacts');
      const tab = p.locator('[data-testid^="view-tab-"]', { hasText: fx.viewName });
      await tab.click();
      // The active view's menu is its own button beside the tabs (a button inside a tab would nest controls).
      await p.getByTestId('view-menu').click();
      await p.locator('.ant-dropdown-menu').waitFor();
    },
  },
  {
    name: 'create form drawer + validation error',
    open: async (p) => {
      await p.goto('/contacts');
      await p.getByTestId('list-new').click();
      await p.getByTestId('record-form-save').click();
      await p.locator('.ant-drawer-open .ant-form-item-explain-error').first().waitFor();
    },
  },
  { name: 'contact record', open: async (p) => { await p.goto(`/contacts/${fx.contactId}`); await p.getByTestId('record-title').waitFor(); } },
  {
    name: 'opportunity record + line editor',
    open: async (p, phone) => {
      await p.goto(`/opportunities/${fx.opportunityId}`);
      await p.getByTestId('record-title').waitFor();
      if (phone) await openTab(p, 'lines');
      await p.getByTestId('line-editor').waitFor();
    },
  },
  {
    name: 'quote record',
    open: async (p) => {
      await p.goto(`/quotes/${fx.quoteId}`);
      await p.getByTestId('record-title').waitFor();
    },
  },
  {
    name: 'search',
    open: async (p, phone) => {
      await p.goto('/contacts');
      await p.getByTestId('record-table').waitFor();
      if (phone) await p.locator('.gx-header button').nth(1).click();
      else await p.keyboard.press('Control+k');
      // The phone's search modal focuses its input once it has opened: typing earlier loses letters.
      await p.waitForFunction(() => document.activeElement?.tagName === 'INPUT' && !!document.activeElement.closest('.gx-global-search'), undefined, { timeout: 10_000 });
      await p.keyboard.type('Axe', { delay: 20 });
      await p.getByTestId('search-hit').first().waitFor();
    },
  },
  {
    name: 'notification bell',
    open: async (p) => {
      await p.goto('/');
      await p.getByTestId('notifications-bell').click();
      await p.getByTestId('notification').first().waitFor();
    },
  },
  { name: 'import wizard', open: async (p) => { await p.goto('/imports/new?object=contacts'); await p.getByTestId('import-upload').waitFor({ state: 'attached' }); } },
  { name: 'import job', open: async (p) => { await p.goto(`/imports/${fx.importId}`); await p.locator('[data-testid=import-status][data-status=done]').waitFor(); } },
  { name: 'tasks', open: async (p) => { await p.goto('/tasks'); await p.getByTestId('task-item').first().waitFor(); } },
  { name: 'opportunity board', open: async (p) => { await p.goto('/opportunities'); await p.getByTestId(`board-card-${fx.opportunityId}`).waitFor(); } },
  { name: 'reports: sales', open: async (p) => { await p.goto('/reports/sales'); await p.locator('a.gx-chart-link').first().waitFor(); } },
  { name: 'settings: users', open: async (p) => { await p.goto('/settings/users'); } },
  { name: 'settings: teams', open: async (p) => { await p.goto('/settings/teams'); } },
  { name: 'settings: roles', open: async (p) => { await p.goto('/settings/roles'); } },
  { name: 'settings: custom fields', open: async (p) => { await p.goto('/settings/custom-fields'); } },
  { name: 'settings: audit log', open: async (p) => { await p.goto('/settings/audit-log'); } },
];

/** Home as a team manager (team cards), checked last: the browser changes user for it. */
const MANAGER_HOME: Screen = {
  name: 'home as a manager',
  open: async (p) => {
    await p.goto('/');
    await p.locator('[data-widget="activities.team_week"]').waitFor();
  },
};

const CONFIGS = [
  { locale: 'en', viewport: { width: 1440, height: 900 }, phone: false },
  { locale: 'zh-CN', viewport: { width: 1440, height: 900 }, phone: false },
  { locale: 'zh-TW', viewport: { width: 1440, height: 900 }, phone: false },
  { locale: 'en', viewport: { width: 390, height: 844 }, phone: true },
  { locale: 'zh-CN', viewport: { width: 390, height: 844 }, phone: true },
  { locale: 'zh-TW', viewport: { width: 390, height: 844 }, phone: true },
];

/** An import of two contacts run to the end through the API, for the import job page. */
async function finishedImport(admin: Session): Promise<number> {
  const form = new FormData();
  form.append('file', new Blob(['Name,Email\nAxe Imported,axe.imported@example.com\nAxe Second,axe.second@example.com\n'], { type: 'text/csv' }), 'axe.csv');
  const r = await fetch(`${baseURL()}/api/v1/imports?object=contacts`, { method: 'POST', headers: { authorization: `Bearer ${admin.token}` }, body: form });
  if (!r.ok) throw new Error(`import upload → ${r.status} ${await r.text()}`);
  const id = ((await r.json()) as { data: { id: number } }).data.id;
  await api(admin, 'POST', `/imports/${id}/start`, { mapping: { Name: 'name', Email: 'email' } });
  return id;
}

/** A record with one free line, through the lines API. */
async function withLine(s: Session, object: string, body: Record<string, unknown>): Promise<number> {
  const rec = (await api<{ data: { id: number; version: number } }>(s, 'POST', `/${object}`, body)).data;
  await api(s, 'PUT', `/${object}/${rec.id}/lines`, { version: rec.version, lines: [{ description: 'Axe audit service', quantity: '2', unit_price: '150', tax_rate: 6 }] });
  return rec.id;
}

describe('accessibility (axe-core, WCAG 2.1 AA): no critical or serious violation on the main screens', () => {
  let admin: Session;
  beforeAll(async () => {
    admin = await adminSession();
    const stamp = Date.now();
    fx.contactId = (await api<{ data: { id: number } }>(admin, 'POST', '/contacts', { name: 'Axe Tester', email: 'axe@example.com' })).data.id;
    await api(admin, 'POST', '/tasks', { title: 'Call Axe Tester back', contact_id: fx.contactId, due_at: new Date(Date.now() + 86_400_000).toISOString() });
    fx.opportunityId = await withLine(admin, 'opportunities', { name: 'Axe Opportunity', amount: '300' });
    fx.quoteId = await withLine(admin, 'quotes', { subject: 'Axe Quote' });
    await api(admin, 'POST', '/views', { object: 'contacts', name: fx.viewName, filters: [], sort: 'name', columns: ['name', 'email'], shared: false });
    fx.importId = await finishedImport(admin);
    // A notification for the admin: another administrator assigns a task.
    const user = async (name: string, role: string, extra: Record<string, unknown> = {}) => {
      const email = `axe-${role}-${stamp}@e2e.guanxi`;
      const id = (await api<{ data: { id: number } }>(admin, 'POST', '/users', { email, name, password: 'password-1234', role, ...extra })).data.id;
      return { id, session: await apiLogin(email, 'password-1234') };
    };
    const assigner = await user('Axe Assigner', 'admin');
    await api(assigner.session, 'POST', '/tasks', { title: 'Axe follow-up', owner_id: admin.user.id });
    const manager = await user('Axe Manager', 'manager');
    const team = (await api<{ data: { id: number } }>(admin, 'POST', '/teams', { name: `Axe team ${stamp}`, manager_id: manager.id })).data.id;
    await user('Axe Rep', 'sales', { team_id: team });
    fx.manager = manager.session;
  });
  const summary: string[] = [];
  afterAll(async () => {
    await api(admin, 'PATCH', '/auth/me', { locale: 'en' });
    console.log(`axe critical+serious per screen:\n${summary.join('\n')}`);
  });

  for (const c of CONFIGS) {
    it(`${c.locale} at ${c.viewport.width}×${c.viewport.height}`, async () => {
      const b = await openBrowser(c.viewport);
      const failures: string[] = [];
      try {
        // The signed-in user's saved language wins over the browser's.
        await api(admin, 'PATCH', '/auth/me', { locale: c.locale });
        await useSession(b, admin, c.locale);
        const check = async (s: Screen) => {
          try {
            await s.open(b.page, c.phone);
            await settled(b.page);
          } catch (e) {
            // A screen that cannot be brought to its state is a failure, but the others still get checked.
            failures.push(`${s.name}: not reached: ${(e as Error).message.split('\n')[0]}`);
            return;
          }
          const vs = await axeViolations(b.page);
          const n = vs.reduce((a, v) => a + v.count, 0);
          summary.push(`${c.locale} ${c.viewport.width}px ${s.name}: ${n} (critical ${vs.filter((v) => v.impact === 'critical').reduce((a, v) => a + v.count, 0)})`);
          if (vs.length) {
            summary.push(describeViolations(vs).replace(/^/gm, '    '));
            failures.push(`${s.name}:\n${describeViolations(vs)}`);
          }
        };
        for (const s of SCREENS) await check(s);
        // The same browser signs in as the manager for the last screen.
        await api(fx.manager!, 'PATCH', '/auth/me', { locale: c.locale });
        await b.context.clearCookies();
        await useSession(b, fx.manager!, c.locale);
        await check(MANAGER_HOME);
      } finally {
        await b.close();
      }
      expect(failures.join('\n\n')).toBe('');
    });
  }
});

// lib/ariaRepairs.ts, seen from the page: what axe checks above, stated directly, including the
// sideways-scrolling table losing its tab stop again once the window is wide enough.
describe('Ant Design markup corrected in the page', () => {
  it('puts the tab list on the tabs only, makes the measuring row inert and gives a scrolling table a named tab stop while it scrolls', async () => {
    const admin = await adminSession();
    const b = await openBrowser({ width: 390, height: 844 });
    try {
      await useSession(b, admin, 'en');
      const { page } = b;
      // Users rows hold a button (the keyboard scrolls the table by tabbing to it): no extra tab stop.
      await page.goto('/settings/users');
      await page.locator('.ant-table-content button').first().waitFor();
      await page.waitForTimeout(300);
      expect(await page.locator('.ant-table-content').first().getAttribute('tabindex')).toBe(null);
      // The custom fields table holds no control while no field exists (this suite makes none) and
      // is wider than a phone: it gets the stop.
      await page.goto('/settings/custom-fields');
      const scroller = page.locator('.ant-table-content').first();
      expect(await scroller.locator('button, a[href], input').count()).toBe(0);
      await expect.poll(() => scroller.getAttribute('tabindex')).toBe('0');
      expect(await scroller.getAttribute('role')).toBe('region');
      expect(await scroller.getAttribute('aria-label')).toBe('Table (scrolls sideways)');
      await page.setViewportSize({ width: 1440, height: 900 });
      await expect.poll(() => scroller.getAttribute('tabindex')).toBe(null);
      expect(await scroller.getAttribute('role')).toBe(null);

      await page.goto('/contacts');
      await page.getByTestId('record-table').waitFor();
      await expect.poll(() => page.locator('.ant-table-measure-row').first().evaluate((r) => (r as HTMLElement).inert)).toBe(true);
      const lists = await page.locator('[role="tablist"]').evaluateAll((ls) => ls.map((l) => ({
        cls: l.className,
        others: Array.from(l.querySelectorAll('button, [tabindex], a[href]')).filter((e) => e.getAttribute('role') !== 'tab').length,
      })));
      expect(lists.length).toBeGreaterThan(0);
      for (const l of lists) expect(l).toEqual({ cls: 'ant-tabs-nav-list', others: 0 });
    } finally {
      await b.close();
    }
  });
});
