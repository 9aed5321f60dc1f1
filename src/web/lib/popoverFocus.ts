import { useEffect, useRef, type KeyboardEvent } from 'react';

const FOCUSABLE = 'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

/**
 * Keyboard focus for a click-opened popover: when it opens, focus moves to its first control;
 * Escape inside it closes it; when it closes, focus goes back to what had it before (the
 * trigger button), so a keyboard user is never left at the top of the page.
 * Put `ref` and `onKeyDown` on a wrapper around the popover's content.
 */
export function usePopoverFocus(open: boolean, close: () => void) {
  const ref = useRef<HTMLDivElement>(null);
  const back = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (open) {
      back.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      let tries = 0;
      // The content mounts a frame or two after `open` (portal + motion): retry briefly.
      const timer = window.setInterval(() => {
        const first = ref.current?.querySelector<HTMLElement>(FOCUSABLE);
        if (first || ++tries > 20) {
          window.clearInterval(timer);
          first?.focus();
        }
      }, 25);
      return () => window.clearInterval(timer);
    }
    const was = back.current;
    back.current = null;
    // The trigger may have been re-rendered meanwhile (a filter chip added beside "Add filter"):
    // find its successor by test id.
    const key = was?.getAttribute('data-testid');
    const to = was?.isConnected ? was : key ? document.querySelector<HTMLElement>(`[data-testid="${key}"]`) : null;
    const active = document.activeElement;
    if (!to || !(!active || active === document.body || ref.current?.contains(active) || active.closest('.ant-popover'))) return undefined;
    // Closed by Enter (Apply): the key is still down, and focusing the trigger now would let its
    // keyup press the trigger and open the popover again. Give focus back once the key is up.
    let done = false;
    const give = () => {
      if (done) return;
      done = true;
      window.removeEventListener('keyup', give, true);
      to.focus();
    };
    window.addEventListener('keyup', give, true);
    const timer = window.setTimeout(give, 400);
    return () => { window.clearTimeout(timer); window.removeEventListener('keyup', give, true); };
  }, [open]);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && !e.defaultPrevented) {
      e.stopPropagation();
      close();
    }
  };
  return { ref, onKeyDown };
}
