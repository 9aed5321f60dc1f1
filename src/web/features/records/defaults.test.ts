import { describe, expect, it } from 'vitest';
import { CURRENT_USER } from '../../../shared/objects.ts';
import { createDefaults } from './defaults.ts';

describe('createDefaults', () => {
  it('starts from the declared defaults, the signed-in user standing in for CURRENT_USER', () => {
    expect(createDefaults({ defaults: { status: 'open', owner_id: CURRENT_USER } }, 7)).toEqual({ status: 'open', owner_id: 7 });
  });
  it('leaves "me" out while the user is unknown, and lets the page context win', () => {
    expect(createDefaults({ defaults: { kind: 'call', owner_id: CURRENT_USER } }, undefined, { kind: 'meeting', contact_id: 3 })).toEqual({ kind: 'meeting', contact_id: 3 });
    expect(createDefaults(undefined, 1, { account_id: 2 })).toEqual({ account_id: 2 });
  });
});
