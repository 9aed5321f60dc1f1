import { describe, expect, it } from 'vitest';
import { candidateIds, matchThread, normalizeSubject, parseIds, subjectToken, threadToken, type ThreadInput } from './threading.ts';

const mail = (o: Partial<ThreadInput> = {}): ThreadInput => ({ inReplyTo: null, references: [], subject: 'Hello', fromAddress: 'a@x.test', ...o });

describe('threading matcher', () => {
  it('parses Message-IDs with or without brackets', () => {
    expect(parseIds('<a@x> <b@y>')).toEqual(['<a@x>', '<b@y>']);
    expect(parseIds(['<a@x>', 'c@z'])).toEqual(['<a@x>', '<c@z>']);
    expect(parseIds('not an id')).toEqual([]);
    expect(parseIds(null)).toEqual([]);
  });

  it('looks In-Reply-To up first, then References from the newest', () => {
    expect(candidateIds({ inReplyTo: '<c@x>', references: ['<a@x>', '<b@x>', '<c@x>'] })).toEqual(['<c@x>', '<b@x>', '<a@x>']);
  });

  it('joins the thread of a known In-Reply-To', () => {
    const known = new Map([['<r@x>', { threadId: 7 }]]);
    expect(matchThread(mail({ inReplyTo: '<r@x>' }), { known })).toEqual({ by: 'message_id', threadId: 7 });
  });

  it('falls back to References when In-Reply-To is unknown (an Outlook reply)', () => {
    const known = new Map([['<old@x>', { threadId: 3 }]]);
    expect(matchThread(mail({ inReplyTo: '<unknown@x>', references: ['<old@x>', '<unknown@x>'] }), { known })).toEqual({ by: 'message_id', threadId: 3 });
  });

  it('links a reply to a message the outbox sent', () => {
    const known = new Map([['<sent@x>', { outboxMessageId: '<sent@x>' }]]);
    expect(matchThread(mail({ inReplyTo: '<sent@x>' }), { known })).toEqual({ by: 'outbox', outboxMessageId: '<sent@x>' });
  });

  it('uses the subject token only when the sender took part in that thread', () => {
    const subject = `Re: order ${threadToken(12)}`;
    const tokenThread = { id: 12, participants: ['A@X.test'] };
    expect(matchThread(mail({ subject }), { known: new Map(), tokenThread })).toEqual({ by: 'subject_token', threadId: 12 });
    expect(matchThread(mail({ subject, fromAddress: 'stranger@y.test' }), { known: new Map(), tokenThread })).toEqual({ by: 'new' });
    expect(matchThread(mail({ subject: 'Re: order [#T-13]' }), { known: new Map(), tokenThread })).toEqual({ by: 'new' });
  });

  it('a Message-ID match wins over the subject token', () => {
    const known = new Map([['<r@x>', { threadId: 5 }]]);
    expect(matchThread(mail({ inReplyTo: '<r@x>', subject: '[#T-9]' }), { known, tokenThread: { id: 9, participants: ['a@x.test'] } })).toEqual({ by: 'message_id', threadId: 5 });
  });

  it('never threads by subject alone', () => {
    expect(matchThread(mail({ subject: 'Re: Hello' }), { known: new Map() })).toEqual({ by: 'new' });
  });

  it('reads the token', () => {
    expect(subjectToken('回复: 报价 [#T-123]')).toBe(123);
    expect(subjectToken('[#t-45] x')).toBe(45);
    expect(subjectToken('[#T-0]')).toBeNull();
    expect(subjectToken('#T-12')).toBeNull();
  });

  it('strips reply and forward prefixes for display, in English and Chinese, repeated', () => {
    expect(normalizeSubject('Re: RE: Fwd: Quote')).toBe('Quote');
    expect(normalizeSubject('回复：答复: 转发：报价单')).toBe('报价单');
    expect(normalizeSubject('FW: AW: Angebot [#T-3]')).toBe('Angebot');
    expect(normalizeSubject('Re[2]: x')).toBe('x');
    expect(normalizeSubject('Regarding: x')).toBe('Regarding: x');
  });
});
