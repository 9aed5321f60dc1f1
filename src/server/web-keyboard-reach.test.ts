import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Everything a mouse can click in the web app must be reachable and operable by keyboard (issue
// 14): navigation is an <a href> (react-router Link), an action a <button>. This reads every
// .tsx file and refuses the shapes that are not: an <a> without href, an icon or a plain element
// with an onClick and no keyboard handling, and a clickable table row with nothing focusable in
// it doing the same (a <RowOpen> button or a <Link> in the row). An element marked
// data-click-area is only a larger mouse target around a button that does the same.
const ROOT = path.join(import.meta.dirname, '../web');

function tsxFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return tsxFiles(p);
    return d.name.endsWith('.tsx') ? [p] : [];
  });
}

/** JSX opening tags of the given names, with their attribute text (nested braces followed). */
function openingTags(text: string, name: RegExp): { tag: string; attrs: string; line: number }[] {
  const out: { tag: string; attrs: string; line: number }[] = [];
  const re = new RegExp(`<(${name.source})(?=[\\s>/])`, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let depth = 0;
    let i = m.index + m[0].length;
    for (; i < text.length; i++) {
      const c = text[i];
      if (c === '{') depth++;
      else if (c === '}') depth--;
      else if (c === '>' && depth === 0 && text[i - 1] !== '=') break;
    }
    out.push({ tag: m[1], attrs: text.slice(m.index + m[0].length, i), line: text.slice(0, m.index).split('\n').length });
  }
  return out;
}

/** The attributes of the tag itself: what is inside {…} (nested JSX, handlers' bodies) blanked out. */
function topLevel(attrs: string): string {
  let out = '';
  let depth = 0;
  for (const c of attrs) {
    if (c === '}') depth--;
    if (depth === 0) out += c;
    if (c === '{') depth++;
  }
  return out;
}

/** An onClick that only keeps a click from reaching the row is not an action. */
const onlyStops = (attrs: string) => /onClick=\{\(e\) => e\.stopPropagation\(\)\}/.test(attrs) && (attrs.match(/onClick=/g) ?? []).length === 1;

const files = tsxFiles(ROOT).map((f) => ({ file: path.relative(ROOT, f), text: fs.readFileSync(f, 'utf8') }));

describe('keyboard reach of clickable things', () => {
  it('has no <a> without href (not focusable, no Enter, no middle-click)', () => {
    const bad = files.flatMap(({ file, text }) => openingTags(text, /a/).filter((t) => !/\bhref=/.test(topLevel(t.attrs))).map((t) => `${file}:${t.line}`));
    expect(bad).toEqual([]);
  });

  it('has no clickable plain element or icon without a keyboard equivalent', () => {
    const plain = /div|span|li|tr|td|p|section|Space|Tag|Card|Typography\.Text|[A-Z]\w*Outlined|[A-Z]\w*Filled/;
    const bad = files.flatMap(({ file, text }) =>
      openingTags(text, plain)
        .filter((t) => /\bonClick=/.test(topLevel(t.attrs)) && !onlyStops(t.attrs))
        .filter((t) => !['role=', 'tabIndex=', 'onKeyDown='].every((a) => topLevel(t.attrs).includes(a)))
        // A larger mouse target around a real button that does the same (the task title, a field's edit button).
        .filter((t) => !/\bdata-click-area=/.test(topLevel(t.attrs)))
        .map((t) => `${file}:${t.line} <${t.tag}>`));
    expect(bad).toEqual([]);
  });

  it('gives every clickable table row a focusable link or button doing the same', () => {
    const bad = files.filter(({ text }) => /onRow=\{[^\n]*onClick/.test(text) && !/<RowOpen\b|<Link\b/.test(text)).map(({ file }) => file);
    expect(bad).toEqual([]);
  });
});
