import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, withoutKnown } from './axe.ts';
import { adminSession, api, openBrowser, useSession, type Session } from './helpers.ts';

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

let contactId = 0;
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
  { name: 'contact record', open: async (p) => { await p.goto(`/contacts/${contactId}`); await p.getByTestId('record-title').waitFor(); } },
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
  { name: 'import wizard', open: async (p) => { await p.goto('/imports/new?object=contacts'); await p.getByTestId('import-upload').waitFor({ state: 'attached' }); } },
  { name: 'tasks', open: async (p) => { await p.goto('/tasks'); await p.getByTestId('task-item').first().waitFor(); } },
  { name: 'opportunity board', open: async (p) => { await p.goto('/opportunities'); await p.getByTestId('pipeline-switcher').waitFor(); } },
  { name: 'settings: users', open: async (p) => { await p.goto('/settings/users'); } },
  { name: 'settings: roles', open: async (p) => { await p.goto('/settings/roles'); } },
  { name: 'settings: audit log', open: async (p) => { await p.goto('/settings/audit-log'); } },
];

const CONFIGS = [
  { locale: 'en', viewport: { width: 1440, height: 900 }, phone: false },
  { locale: 'zh-CN', viewport: { width: 1440, height: 900 }, phone: false },
  { locale: 'en', viewport: { width: 390, height: 844 }, phone: true },
  { locale: 'zh-CN', viewport: { width: 390, height: 844 }, phone: true },
];

describe('accessibility (axe-core, WCAG 2.1 AA): no critical or serious violation on the main screens besides known Ant Design markup', () => {
  let admin: Session;
  beforeAll(async () => {
    admin = await adminSession();
    contactId = (await api<{ data: { id: number } }>(admin, 'POST', '/contacts', { name: 'Axe Tester', email: 'axe@example.com' })).data.id;
    await api(admin, 'POST', '/tasks', { title: 'Call Axe Tester back', contact_id: contactId, due_at: new Date(Date.now() + 86_400_000).toISOString() });
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
        for (const s of SCREENS) {
          await s.open(b.page, c.phone);
          await settled(b.page);
          const vs = await axeViolations(b.page);
          const n = vs.reduce((a, v) => a + v.count, 0);
          summary.push(`${c.locale} ${c.viewport.width}px ${s.name}: ${n} (critical ${vs.filter((v) => v.impact === 'critical').reduce((a, v) => a + v.count, 0)})`);
          if (vs.length) summary.push(describeViolations(vs).replace(/^/gm, '    '));
          // Everything but the known Ant Design markup (axe.ts KNOWN_LIBRARY_VIOLATIONS) fails the check.
          const ours = withoutKnown(vs);
          if (ours.length) failures.push(`${s.name}:\n${describeViolations(ours)}`);
        }
      } finally {
        await b.close();
      }
      expect(failures.join('\n\n')).toBe('');
    });
  }
});
