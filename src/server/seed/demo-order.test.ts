import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadModules, moduleRequires } from '../core/module-loader.ts';
import type { ModuleManifest } from '../core/modules.ts';
import { demoOrder } from './demo.ts';

// The demo steps run in the order the modules' migrations already establish (`-- requires:`),
// plus `demoAfter` for a demo-only need: no manifest restates its requires.

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gx-demo-order-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function fakeModule(name: string, requires: string[], demoAfter?: string[]): ModuleManifest {
  const dir = path.join(tmp, name);
  fs.mkdirSync(path.join(dir, 'migrations'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'migrations', '001_x.sql'), requires.length ? `-- requires: ${requires.join(', ')}\nSELECT 1;\n` : 'SELECT 1;\n');
  return { name, dir, demoAfter };
}

describe('demo order', () => {
  it('follows the migrations\' requires even when listed before them, and demoAfter on top', () => {
    const mods = [fakeModule('b', ['a']), fakeModule('c', [], ['b']), fakeModule('a', [])];
    expect(demoOrder(mods).map((m) => m.name)).toEqual(['a', 'b', 'c']);
  });

  it('refuses steps that wait for each other', () => {
    expect(() => demoOrder([fakeModule('x', ['y']), fakeModule('y', [], ['x'])])).toThrow(/wait for each other/);
  });

  it('orders the real sales modules: what a step reads is seeded before it', async () => {
    const order = demoOrder(await loadModules()).map((m) => m.name);
    const before = (a: string, b: string) => expect(order.indexOf(a), `${a} before ${b}`).toBeLessThan(order.indexOf(b));
    before('products', 'price-books');
    before('price-books', 'opportunities');
    before('territories', 'opportunities');
    before('opportunities', 'quotes');
    before('opportunities', 'forecasts');
    before('quotes', 'orders');
    before('orders', 'contracts');
    before('contracts', 'invoices');
    before('invoices', 'payments');
    before('payments', 'commissions');
    before('payments', 'fapiao');
    // Only demo-only needs are declared: none restates a module its migrations require.
    for (const m of await loadModules()) {
      const dup = (m.demoAfter ?? []).filter((n) => moduleRequires(m.dir).includes(n));
      expect(dup, m.name).toEqual([]);
    }
  });
});

