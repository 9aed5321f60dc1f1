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
  /** Each offending element's markup and axe's reason (printed with AXE_DETAILS=1). */
  nodes: string[];
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
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; html: string; failureSummary?: string }[] }[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => String(n.target.join(' '))), nodes: v.nodes.map((n) => `${n.html.slice(0, 300)}\n      ${(n.failureSummary ?? '').replace(/\n/g, ' ')}`) }));
  });
  return raw
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => ({ id: v.id, impact: v.impact as AxeViolation['impact'], help: v.help, targets: v.targets, nodes: v.nodes, count: v.targets.length }));
}

/** One line per violation, for a readable assertion message. */
export function describeViolations(vs: AxeViolation[]): string {
  const details = !!process.env.AXE_DETAILS;
  return vs
    .map((v) => `${v.impact} ${v.id} ×${v.count}: ${v.help} [${v.targets.slice(0, 3).join(' | ')}]${details ? `\n    ${v.nodes.slice(0, 3).join('\n    ')}` : ''}`)
    .join('\n');
}
