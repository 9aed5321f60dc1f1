import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../web/i18n/en.ts';
import zhCN from '../web/i18n/zh-CN.ts';
import zhTW from '../web/i18n/zh-TW.ts';
import { loadModules } from './core/module-loader.ts';
import { getObject, objectBySingular } from './records/registry.ts';

// The timeline names every kind of event a module writes in all three languages, never the raw
// code (`quote_expired`): a label under timeline.kinds, or, for the event of a record's creation
// whose kind is its object's singular (`quote`), the object's own label (Timeline.tsx kindLabel).
// The kinds are read from the server's source: every `kind: '…'` written to the timeline
// (emitTimeline / syncTimeline calls, carrying `occurredAt`, and the quotes' `timeline: { kind }`).

const ROOT = import.meta.dirname;
const LOCALES = { en, 'zh-CN': zhCN, 'zh-TW': zhTW } as const;
/** Files writing the timeline whose kind is not a literal: a passed-through kind (quotes.write), an activity's kind, the platform. */
const PASS_THROUGH = ['modules/quotes/quotes.write.ts', 'modules/activities/activities.object.ts', 'core/timeline.ts', 'records/'];

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'test-modules' ? [] : sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.includes('test-support') ? [p] : [];
  });
}

function writtenKinds(): Map<string, string> {
  const kinds = new Map<string, string>();
  for (const file of sources(ROOT)) {
    const rel = path.relative(ROOT, file);
    const text = fs.readFileSync(file, 'utf8');
    if (!/emitTimeline\(|syncTimeline\(|timeline: \{ kind/.test(text)) continue;
    let found = 0;
    for (const line of text.split('\n')) {
      if (!/occurredAt|timeline: \{ kind/.test(line)) continue;
      const expr = /\bkind: ([^,}]+(?:\?[^:]+:[^,}]+)?)/.exec(line)?.[1] ?? '';
      for (const m of expr.matchAll(/'([a-z_]+)'/g)) { kinds.set(m[1]!, rel); found++; }
    }
    if (!found && !PASS_THROUGH.some((p) => rel.startsWith(p))) throw new Error(`${rel} writes the timeline but no literal kind was found: name it on the line with occurredAt`);
  }
  return kinds;
}

describe('timeline kinds have labels', () => {
  beforeAll(async () => { await loadModules(); });

  it('finds the sales kinds (the reader works)', () => {
    const kinds = writtenKinds();
    for (const k of ['quote_expired', 'quote_sent', 'quote_approval_rejected', 'credit_note', 'invoice', 'contract_renewed', 'email_sent', 'file_attached']) expect(kinds.has(k), k).toBe(true);
  });

  it('labels every kind a module writes in en, zh-CN and zh-TW', () => {
    const missing: string[] = [];
    for (const [kind, file] of writtenKinds()) {
      for (const [locale, dict] of Object.entries(LOCALES)) {
        const own = (dict.timeline.kinds as Record<string, string>)[kind];
        const obj = objectBySingular(kind);
        const objectLabel = obj ? getObject(obj.name).labels?.[locale as keyof typeof LOCALES]?.one : undefined;
        const label = own ?? objectLabel;
        if (!label || label === kind) missing.push(`${kind} (${file}) in ${locale}`);
        else if (locale !== 'en' && !/\p{Script=Han}/u.test(label)) missing.push(`${kind} (${file}) in ${locale}: "${label}" is not translated`);
      }
    }
    expect(missing).toEqual([]);
  });
});
