import { createRequire } from 'node:module';
import fs from 'node:fs';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
// axe-core's browser bundle, read once and injected as a plain script into each page checked.
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: 'critical' | 'serious';
  help: string;
  /** The offending elements' selectors (describeViolations prints the first three). */
  targets: string[];
  count: number;
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page as it is now and returns the
 * critical and serious violations only: those are what the browser tests hold at zero.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated over the DevTools protocol: the app's Content-Security-Policy (script-src 'self')
  // rightly refuses inline script tags, and the check must not need the policy loosened.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${AXE_SOURCE}\n;void 0`);
  const raw = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => String(n.target.join(' '))) }));
  });
  return raw
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => ({ id: v.id, impact: v.impact as AxeViolation['impact'], help: v.help, targets: v.targets, count: v.targets.length }));
}

/** One line per violation, for a readable assertion message. */
export function describeViolations(vs: AxeViolation[]): string {
  return vs.map((v) => `${v.impact} ${v.id} ×${v.count}: ${v.help} [${v.targets.slice(0, 3).join(' | ')}]`).join('\n');
}

/**
 * Violations inside Ant Design's own markup that the app cannot fix from outside yet (issue 14
 * notes them as open): the tab bar's role without tab children in its overflow wrapper, the
 * virtual list of a Select carrying aria attributes its role does not allow, AutoComplete's
 * aria-controls pointing at a list not rendered until opened, the table's hidden measuring row,
 * and the sideways-scrolling table body. Each is matched by rule AND element, so the same rule
 * anywhere else still fails the check.
 */
export const KNOWN_LIBRARY_VIOLATIONS: { id: string; target: RegExp }[] = [
  { id: 'aria-required-children', target: /\.ant-tabs-nav/ },
  { id: 'aria-allowed-attr', target: /_list_0$/ },
  { id: 'aria-valid-attr-value', target: /ant-select|^input\[|_list|^#_r_\w*_$/ },
  { id: 'aria-hidden-focus', target: /\.ant-table-measure-row/ },
  { id: 'scrollable-region-focusable', target: /\.ant-table-(content|body)/ },
];

/** The violations left after the known library ones (by rule and element). */
export function withoutKnown(vs: AxeViolation[]): AxeViolation[] {
  return vs
    .map((v) => ({ ...v, targets: v.targets.filter((t) => !KNOWN_LIBRARY_VIOLATIONS.some((k) => k.id === v.id && k.target.test(t))) }))
    .filter((v) => v.targets.length)
    .map((v) => ({ ...v, count: v.targets.length }));
}
