/**
 * Corrections to markup Ant Design 6 renders with wrong ARIA, where no prop of the component
 * reaches the element (the browser accessibility test, e2e/accessibility.e2e.test.ts, holds
 * every main screen at zero critical and serious axe violations and fails without these):
 *
 * - Tabs (@rc-component/tabs TabNavList) put role="tablist" on the whole nav bar, which also
 *   holds the overflow "more" button and any extra content: a tablist may only own tabs. The
 *   role (and its orientation) moves to the inner list that holds just the tabs. `renderTabBar`
 *   could only replace the whole bar (overflow menu, scrolling, keyboard) with our own copy.
 * - Table (@rc-component/table MeasureRow) renders an aria-hidden, zero-height row with every
 *   column title in it to measure widths: a title holding a control (the select-all checkbox)
 *   left a focusable element that keyboard users tab into and cannot see. The row becomes inert.
 * - A table body that scrolls sideways (phone width) must be reachable by keyboard to scroll it:
 *   when it overflows and holds nothing focusable it gets a tab stop, named by its table.
 *
 * - Select/AutoComplete (@rc-component/select) names `…_list_-1` as the active option while the
 *   list is open with nothing active (no results yet, or "no results"): an id no element has.
 *   The attribute is dropped until the component names a real option again.
 *
 * Each repair is idempotent and only touches attributes React does not re-render for these
 * elements (they are constant props there), so React and the repair never fight.
 */

const TABLIST = '.ant-tabs-nav[role="tablist"]';
const MEASURE_ROW = '.ant-table-measure-row:not([inert])';
const SCROLLERS = '.ant-table-content, .ant-table-body';
const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])';

function repairTabs(root: ParentNode): void {
  for (const nav of root.querySelectorAll<HTMLElement>(TABLIST)) {
    const list = nav.querySelector<HTMLElement>(':scope > .ant-tabs-nav-wrap > .ant-tabs-nav-list');
    if (!list) continue;
    list.setAttribute('role', 'tablist');
    const orientation = nav.getAttribute('aria-orientation');
    if (orientation) list.setAttribute('aria-orientation', orientation);
    nav.removeAttribute('role');
    nav.removeAttribute('aria-orientation');
  }
}

function repairMeasureRows(root: ParentNode): void {
  for (const row of root.querySelectorAll<HTMLElement>(MEASURE_ROW)) row.inert = true;
}

/** A sideways-scrolling table region with nothing focusable inside gets a named tab stop (and loses it when it no longer scrolls). */
function repairScrollers(root: ParentNode, label: string): void {
  for (const el of root.querySelectorAll<HTMLElement>(SCROLLERS)) {
    const ours = el.dataset.gxScrollStop === '1';
    const overflows = el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
    const needs = overflows && !el.querySelector(`:is(${FOCUSABLE}):not(.ant-table-measure-row *)`);
    if (needs && !ours) {
      el.tabIndex = 0;
      el.setAttribute('role', 'region');
      el.setAttribute('aria-label', label);
      el.dataset.gxScrollStop = '1';
    } else if (!needs && ours) {
      el.removeAttribute('tabindex');
      el.removeAttribute('role');
      el.removeAttribute('aria-label');
      delete el.dataset.gxScrollStop;
    }
  }
}

function repairActiveDescendants(root: ParentNode): void {
  for (const el of root.querySelectorAll<HTMLElement>('[aria-activedescendant]')) {
    const id = el.getAttribute('aria-activedescendant');
    if (!id || !document.getElementById(id)) el.removeAttribute('aria-activedescendant');
  }
}

/**
 * Starts the repairs for the whole document (once, at start-up); `scrollLabel` names a table's
 * scrolling region for screen readers. Returns a function that stops them.
 */
export function startAriaRepairs(scrollLabel: () => string): () => void {
  let frame = 0;
  const run = () => {
    frame = 0;
    repairTabs(document);
    repairMeasureRows(document);
    repairScrollers(document, scrollLabel());
    repairActiveDescendants(document);
  };
  // One pass per animation frame at most, however many mutations React makes in between.
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(run);
  };
  const observer = new MutationObserver(schedule);
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-activedescendant'] });
  window.addEventListener('resize', schedule);
  schedule();
  return () => {
    observer.disconnect();
    window.removeEventListener('resize', schedule);
    if (frame) cancelAnimationFrame(frame);
  };
}
