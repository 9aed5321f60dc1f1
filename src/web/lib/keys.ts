import type { KeyboardEvent as ReactKeyboardEvent } from 'react';

type AnyKeyEvent = KeyboardEvent | ReactKeyboardEvent;

function native(e: AnyKeyEvent): KeyboardEvent {
  return 'nativeEvent' in e ? e.nativeEvent : e;
}

/**
 * Enter that means "save": not while an input method is composing (Chinese pinyin input
 * confirms its candidate with Enter), not with Shift (a new line), not in a text area, and not
 * while a select or date picker has its list open (there Enter picks an option).
 */
export function isSaveEnter(e: AnyKeyEvent): boolean {
  const n = native(e);
  if (n.key !== 'Enter' || n.isComposing || n.keyCode === 229 || n.shiftKey) return false;
  const el = n.target as HTMLElement | null;
  if (!el || el.tagName === 'TEXTAREA' || el.isContentEditable) return false;
  if (el.getAttribute('aria-expanded') === 'true') return false;
  return !el.closest('.ant-select-open, .ant-picker-focused .ant-picker-dropdown');
}

/** Typing in a field: single-key shortcuts (`/`, `n`, `?`) must leave the keystroke alone. */
export function isTyping(e: KeyboardEvent): boolean {
  const el = e.target as HTMLElement | null;
  if (!el) return false;
  if (el.isContentEditable) return true;
  if (['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName)) return true;
  return Boolean(el.closest('[role="combobox"], [role="textbox"], .ant-select, .ant-picker, .ant-modal, .ant-drawer'));
}
