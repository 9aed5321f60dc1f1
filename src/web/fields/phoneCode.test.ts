import { describe, expect, it } from 'vitest';
import { joinPhone, splitPhone } from './phoneCode.ts';

describe('phone input country code', () => {
  it('takes the code written in the number, whatever the region', () => {
    expect(splitPhone('+86 13800138000', 'TW')).toEqual(['+86', '13800138000']);
    expect(splitPhone('+886-912345678', 'CN')).toEqual(['+886', '912345678']);
  });

  it("reads a number without a code in the organisation's region, not the UI language", () => {
    expect(splitPhone('13800138000', 'CN')).toEqual(['+86', '13800138000']);
    expect(splitPhone('0912345678', 'TW')).toEqual(['+886', '0912345678']);
    expect(splitPhone('020 7946 0000', 'gb')).toEqual(['+44', '020 7946 0000']);
  });

  it('leaves the code empty when the region has none in the picker or the number has an unknown one', () => {
    expect(splitPhone('0612345678', 'NL')).toEqual(['', '0612345678']);
    expect(splitPhone('+31 6 1234 5678', 'CN')).toEqual(['', '+31 6 1234 5678']);
    expect(splitPhone('0031612345678', 'CN')).toEqual(['', '0031612345678']);
  });

  it('saves the code in front of the number, or the number alone', () => {
    expect(joinPhone('+86', '13800138001')).toBe('+86 13800138001');
    expect(joinPhone('', '0612345678')).toBe('0612345678');
    expect(joinPhone('+86', '+852 9123 4567')).toBe('+852 9123 4567');
    expect(joinPhone('+86', '  ')).toBeNull();
  });
});
