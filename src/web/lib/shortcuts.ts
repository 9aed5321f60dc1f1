import { useEffect, useRef } from 'react';
import { isTyping } from './keys.ts';

/**
 * A single-key shortcut (`/`, `n`, `?`) for the whole window while the component is mounted:
 * ignored while the user types in a field or a dialog is open, and with Ctrl, ⌘ or Alt held
 * (those belong to the browser). The help panel (app/ShortcutsHelp.tsx) lists them.
 */
export function useShortcut(key: string, handler: () => void, enabled = true): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== key || e.ctrlKey || e.metaKey || e.altKey || e.isComposing || isTyping(e)) return;
      if (document.querySelector('.ant-modal-wrap:not([style*="display: none"]), .ant-drawer-open')) return;
      e.preventDefault();
      ref.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [key, enabled]);
}
