import { describe, expect, it } from 'vitest';
import { splitName } from './names.ts';

describe('splitName', () => {
  it('splits Chinese names family-first, with compound surnames', () => {
    expect(splitName('张三')).toEqual({ family: '张', given: '三' });
    expect(splitName('王小明')).toEqual({ family: '王', given: '小明' });
    expect(splitName('欧阳娜娜')).toEqual({ family: '欧阳', given: '娜娜' });
    expect(splitName('諸葛亮')).toEqual({ family: '諸葛', given: '亮' });
  });
  it('splits Western names given-first', () => {
    expect(splitName('Emma Wilson')).toEqual({ family: 'Wilson', given: 'Emma' });
    expect(splitName('Mary Ann de Vries')).toEqual({ family: 'de Vries', given: 'Mary Ann' });
  });
  it('leaves what it cannot split', () => {
    expect(splitName('ACME')).toBeNull();
    expect(splitName('张')).toBeNull();
    expect(splitName('Li Na (VIP)')).toBeNull();
  });
});
