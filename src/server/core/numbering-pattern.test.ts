import { describe, expect, it } from 'vitest';
import { dateParts, formatNumber, patternIssues, periodOf } from './numbering-pattern.ts';

const codes = (p: string) => patternIssues(p).map((i) => i.code);

describe('document number patterns', () => {
  const at = new Date('2026-03-07T10:00:00Z');
  const parts = dateParts(at);

  it('writes the date placeholders and pads the counter to the zeros given, never cutting it', () => {
    expect(formatNumber('Q-{YYYY}-{00000}', parts, 42)).toBe('Q-2026-00042');
    expect(formatNumber('INV{YY}{MM}{DD}-{0000}', parts, 7)).toBe('INV260307-0007');
    expect(formatNumber('C-{00000}', parts, 123456)).toBe('C-123456');
    expect(formatNumber('{0}', parts, 9)).toBe('9');
  });

  it('dates in the time zone asked for', () => {
    const late = new Date('2026-12-31T20:00:00Z');
    expect(dateParts(late).YYYY).toBe('2026');
    expect(dateParts(late, 'Asia/Shanghai')).toEqual({ YYYY: '2027', YY: '27', MM: '01', DD: '01' });
  });

  it('the period is the date placeholders only: per year, per month, or never', () => {
    expect(periodOf('Q-{YYYY}-{00000}', parts)).toBe('2026');
    expect(periodOf('Q-{YY}{MM}-{00000}', parts)).toBe('26-03');
    expect(periodOf('C-{00000}', parts)).toBe('');
    expect(periodOf('Q-{YYYY}-{00000}', dateParts(new Date('2027-01-01T00:00:00Z')))).toBe('2027');
  });

  it('accepts patterns with one counter and known placeholders', () => {
    for (const p of ['C-{00000}', 'Q-{YYYY}-{00000}', '发票{YYYY}{MM}{0000}', '{0}']) expect(patternIssues(p)).toEqual([]);
  });

  it('refuses a pattern without a counter, with two, with unknown placeholders or stray braces', () => {
    expect(codes('Q-{YYYY}')).toEqual(['pattern_no_counter']);
    expect(codes('C-')).toEqual(['pattern_no_counter']);
    expect(codes('{000}-{000}')).toEqual(['pattern_two_counters']);
    expect(codes('Q-{YEAR}-{000}')).toEqual(['pattern_unknown_placeholder']);
    expect(codes('Q-{000')).toEqual(['pattern_unbalanced_brace']);
    expect(codes('Q-}{000}')).toEqual(['pattern_unbalanced_brace']);
    expect(codes('  ')).toEqual(['pattern_empty']);
    expect(codes(`${'x'.repeat(60)}{0}`)).toEqual(['pattern_too_long']);
    expect(codes('C-\n{000}')).toEqual(['pattern_invalid_character']);
  });
});
