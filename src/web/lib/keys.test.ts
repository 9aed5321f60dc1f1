import { describe, expect, it } from 'vitest';
import { isSaveEnter, isTyping } from './keys.ts';

// A stand-in for the element a key event targets (the web tests run without a DOM).
function target(tagName: string, opts: { expanded?: boolean; inside?: string[] } = {}) {
  return {
    tagName,
    isContentEditable: false,
    getAttribute: (name: string) => (name === 'aria-expanded' && opts.expanded ? 'true' : null),
    closest: (sel: string) => (opts.inside?.some((c) => sel.includes(c)) ? {} : null),
  };
}
const key = (k: string, t: ReturnType<typeof target>, extra: Partial<KeyboardEvent> = {}) =>
  ({ key: k, target: t, isComposing: false, keyCode: 13, shiftKey: false, ...extra }) as unknown as KeyboardEvent;

describe('isSaveEnter', () => {
  it('saves on Enter in a one-line input', () => {
    expect(isSaveEnter(key('Enter', target('INPUT')))).toBe(true);
  });
  it('leaves Enter alone while Chinese input is composing, with Shift, in a text area, or in an open list', () => {
    expect(isSaveEnter(key('Enter', target('INPUT'), { isComposing: true }))).toBe(false);
    expect(isSaveEnter(key('Enter', target('INPUT'), { keyCode: 229 }))).toBe(false);
    expect(isSaveEnter(key('Enter', target('INPUT'), { shiftKey: true }))).toBe(false);
    expect(isSaveEnter(key('Enter', target('TEXTAREA')))).toBe(false);
    expect(isSaveEnter(key('Enter', target('INPUT', { expanded: true })))).toBe(false);
    expect(isSaveEnter(key('Enter', target('INPUT', { inside: ['.ant-select-open'] })))).toBe(false);
    expect(isSaveEnter(key('a', target('INPUT')))).toBe(false);
  });
});

describe('isTyping', () => {
  it('tells typing in a field from keys pressed on the page', () => {
    expect(isTyping(key('n', target('INPUT')))).toBe(true);
    expect(isTyping(key('n', target('DIV', { inside: ['.ant-modal'] })))).toBe(true);
    expect(isTyping(key('n', target('DIV')))).toBe(false);
  });
});
