import { describe, expect, it } from 'vitest';
import { operationIdOf, singularOf, summaryOf } from './openapi-operations.ts';

// Objects as the registry would name them (a singular English rules would get wrong included).
const OBJECTS: Record<string, string> = { accounts: 'account', people: 'person', price_books: 'price book' };
const objects = (s: string) => (OBJECTS[s] ? { plural: s, singular: OBJECTS[s]! } : undefined);
const id = (method: string, path: string) => operationIdOf(method, path, objects);

describe('operationIdOf: one stable name from method and path', () => {
  it('names the standard record surface of an object after the object', () => {
    expect([
      id('GET', '/accounts'), id('POST', '/accounts'), id('GET', '/accounts/{id}'), id('PATCH', '/accounts/:id'),
      id('DELETE', '/accounts/{id}'), id('POST', '/accounts/query'), id('GET', '/accounts/count'),
      id('GET', '/accounts/totals'), id('GET', '/accounts/export'), id('POST', '/accounts/bulk'),
      id('POST', '/accounts/conditions/sql'),
    ]).toEqual([
      'listAccounts', 'createAccount', 'getAccount', 'updateAccount', 'deleteAccount', 'queryAccounts',
      'countAccounts', 'sumAccounts', 'exportAccounts', 'bulkAccounts', 'explainAccountsConditionSql',
    ]);
    // The object's own singular, not English rules; multi-word names in PascalCase.
    expect([id('GET', '/people/{id}'), id('POST', '/price_books'), id('GET', '/price_books')]).toEqual(['getPerson', 'createPriceBook', 'listPriceBooks']);
  });

  it('derives module routes generically: nouns from the fixed segments, the verb from the method', () => {
    expect([
      id('GET', '/accounts/{id}/timeline'), id('GET', '/accounts/{id}/attachments'), id('POST', '/accounts/{id}/attachments'),
      id('POST', '/quotes/{id}/send'), id('POST', '/accounts/merge/undo'), id('GET', '/settings/exchange-rates'),
      id('PUT', '/settings/exchange-rates'), id('GET', '/settings'), id('PATCH', '/auth/me'), id('POST', '/inbox/mailboxes'),
      id('GET', '/timeline/{object}/{id}'), id('POST', '/public/unsubscribe/{token}'), id('GET', '/imports/{id}/errors.csv'),
      id('DELETE', '/mail/templates/{key}/{locale}'), id('POST', '/orders/{id}/invoices'), id('GET', '/activities/{id}'),
    ]).toEqual([
      'getAccountTimeline', 'listAccountAttachments', 'createAccountAttachment',
      'sendQuote', 'undoAccountsMerge', 'listSettingsExchangeRates',
      'setSettingsExchangeRates', 'getSettings', 'updateAuthMe', 'createInboxMailbox',
      'getTimeline', 'postPublicUnsubscribe', 'getImportErrorsCsv',
      'deleteMailTemplate', 'createOrderInvoice', 'getActivity',
    ]);
  });

  it('makes English plurals singular and summaries readable', () => {
    expect(['activities', 'mailboxes', 'addresses', 'rates', 'status', 'settings', 'matches'].map(singularOf))
      .toEqual(['activity', 'mailbox', 'address', 'rate', 'status', 'settings', 'match']);
    expect(summaryOf('getAccountTimeline')).toBe('Get account timeline');
  });
});
