import { describe, expect, it } from 'vitest';
import { mentionedUserIds, mentionToken, plainMentions, splitMentions } from './mentions.ts';

describe('@mention tokens', () => {
  it('name users by id, so two people with one name stay apart', () => {
    const text = `请 ${mentionToken('王伟', 12)} 和 ${mentionToken('王伟', 31)} 跟进，${mentionToken('王伟', 12)}`;
    expect(text).toContain('@[王伟](user:12)');
    expect(mentionedUserIds(text)).toEqual([12, 31]);
    expect(plainMentions(text)).toBe('请 @王伟 和 @王伟 跟进，@王伟');
  });

  it('ignore plain @names, malformed tokens and non-text', () => {
    expect(mentionedUserIds('@王伟 @[x](user:0) @[x](user:abc) @[](user:3) @[a\nb](user:4) [y](user:5)')).toEqual([]);
    expect(mentionedUserIds(null)).toEqual([]);
    expect(mentionedUserIds(42)).toEqual([]);
  });

  it('a name cannot break out of its token', () => {
    expect(mentionToken('a](user:99) @[b', 7)).toBe('@[a (user:99) @[b](user:7)');
    expect(mentionedUserIds(mentionToken('a](user:99) @[b', 7))).toEqual([7]);
    expect(splitMentions('hi @[Li](user:2)!')).toEqual([{ text: 'hi ' }, { name: 'Li', userId: 2 }, { text: '!' }]);
  });
});
