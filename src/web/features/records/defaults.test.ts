import { describe, expect, it } from 'vitest';
import { CURRENT_USER } from '../../../shared/objects.ts';
import { createDefaults, linksFrom } from './defaults.ts';

describe('createDefaults', () => {
  it('starts from the declared defaults, the signed-in user standing in for CURRENT_USER', () => {
    expect(createDefaults({ defaults: { status: 'open', owner_id: CURRENT_USER } }, 7)).toEqual({ status: 'open', owner_id: 7 });
  });
  it('leaves "me" out while the user is unknown, and lets the page context win', () => {
    expect(createDefaults({ defaults: { kind: 'call', owner_id: CURRENT_USER } }, undefined, { kind: 'meeting', contact_id: 3 })).toEqual({ kind: 'meeting', contact_id: 3 });
    expect(createDefaults(undefined, 1, { account_id: 2 })).toEqual({ account_id: 2 });
  });
});

describe('linksFrom', () => {
  const task = [
    { key: 'title', type: 'text' as const },
    { key: 'contact_id', type: 'link' as const, link: 'contacts' },
    { key: 'account_id', type: 'link' as const, link: 'accounts' },
    { key: 'owner_id', type: 'user' as const },
  ];
  const contactFields = [{ key: 'account_id', type: 'link' as const, link: 'accounts' }, { key: 'name', type: 'text' as const }];
  it('links to the record, and to where its own links point', () => {
    expect(linksFrom(task, { object: 'contacts', id: 5, fields: contactFields, record: { id: 5, account_id: 9 } })).toEqual({ contact_id: 5, account_id: 9 });
    expect(linksFrom(task, { object: 'contacts', id: 5, fields: contactFields, record: { id: 5, account_id: null } })).toEqual({ contact_id: 5 });
    expect(linksFrom(task, { object: 'accounts', id: 9, fields: [], record: null })).toEqual({ account_id: 9 });
  });
  it('gives nothing to an object with no link to the record', () => {
    expect(linksFrom([{ key: 'title', type: 'text' as const }], { object: 'devices', id: 1, fields: [] })).toEqual({});
  });
});
