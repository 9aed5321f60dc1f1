import { describe, expect, it } from 'vitest';
import { pinyinSortKey } from './sort-key.ts';

describe('pinyinSortKey', () => {
  it('spells Chinese in toneless pinyin and keeps Latin names beside it in byte order', () => {
    expect(pinyinSortKey('阿里巴巴')).toBe('a li ba ba ');
    expect(pinyinSortKey('Acme')).toBe('acme');
    expect(pinyinSortKey('北京')).toBe('bei jing ');
    expect(pinyinSortKey('IBM中国')).toBe('ibmzhong guo ');
    const names = ['北京', 'Acme', '阿里巴巴', 'Zoe', '张三', 'bob'];
    const sorted = [...names].sort((a, b) => (pinyinSortKey(a)! < pinyinSortKey(b)! ? -1 : 1));
    expect(sorted).toEqual(['阿里巴巴', 'Acme', '北京', 'bob', '张三', 'Zoe']);
  });

  it('reads a person name\'s first character as a surname, and Traditional characters too', () => {
    expect(pinyinSortKey('单雄信', true)).toBe('shan xiong xin ');
    expect(pinyinSortKey('曾国藩', true)).toBe('zeng guo fan ');
    expect(pinyinSortKey('臺北')).toBe('tai bei ');
  });

  it('has no key for an empty title', () => {
    expect(pinyinSortKey(null)).toBeNull();
    expect(pinyinSortKey('   ')).toBeNull();
  });
});
