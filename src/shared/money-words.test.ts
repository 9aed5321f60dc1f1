import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { amountInCapitals, capitalsOf, hasCapitals } from './money-words.ts';

// Expected forms from the People's Bank rules' own examples and the cases around every zero rule.
const TABLE: [string, string][] = [
  ['0', '零元整'],
  ['0.00', '零元整'],
  ['0.05', '伍分'],
  ['0.5', '伍角整'],
  ['0.56', '伍角陆分'],
  ['1', '壹元整'],
  ['10', '壹拾元整'],
  ['15', '壹拾伍元整'],
  ['100', '壹佰元整'],
  ['101', '壹佰零壹元整'],
  ['110', '壹佰壹拾元整'],
  ['325.04', '叁佰贰拾伍元零肆分'],
  ['1000', '壹仟元整'],
  ['1001', '壹仟零壹元整'],
  ['1010', '壹仟零壹拾元整'],
  ['1234.56', '壹仟贰佰叁拾肆元伍角陆分'],
  ['1409.50', '壹仟肆佰零玖元伍角整'],
  ['1680.32', '壹仟陆佰捌拾元叁角贰分'],
  ['6007.14', '陆仟零柒元壹角肆分'],
  ['10000', '壹万元整'],
  ['10001', '壹万零壹元整'],
  ['10010', '壹万零壹拾元整'],
  ['11000', '壹万壹仟元整'],
  ['16409.02', '壹万陆仟肆佰零玖元零贰分'],
  ['100500', '壹拾万零伍佰元整'],
  ['107000.53', '壹拾万柒仟元伍角叁分'],
  ['1000000.05', '壹佰万元零伍分'],
  ['1005000', '壹佰万伍仟元整'],
  ['1000500', '壹佰万零伍佰元整'],
  ['10000000', '壹仟万元整'],
  ['100000000', '壹亿元整'],
  ['100000001', '壹亿零壹元整'],
  ['100100000', '壹亿零壹拾万元整'],
  ['110000000', '壹亿壹仟万元整'],
  ['120003000', '壹亿贰仟万叁仟元整'],
  ['1000000000000', '壹万亿元整'],
  ['3400000000000', '叁万肆仟亿元整'],
  ['9999999999999999.99', '玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'],
  ['-100', '负壹佰元整'],
  ['-0.01', '负壹分'],
  ['-0', '零元整'],
];

describe('amounts in Chinese capitals', () => {
  it.each(TABLE)('%s → %s', (amount, words) => {
    expect(capitalsOf(amount)).toBe(words);
  });

  it('puts the currency name first and the sign after it', () => {
    expect(amountInCapitals('1234.56', 'CNY')).toBe('人民币壹仟贰佰叁拾肆元伍角陆分');
    expect(amountInCapitals('100', 'cny')).toBe('人民币壹佰元整');
    expect(amountInCapitals('-100', 'CNY')).toBe('人民币负壹佰元整');
    expect(amountInCapitals('1000000.05', 'CNY')).toBe('人民币壹佰万元零伍分');
    expect(hasCapitals('CNY')).toBe(true);
    expect(hasCapitals('USD')).toBe(false);
    expect(() => amountInCapitals('1', 'USD')).toThrow(RangeError);
  });

  it('writes Traditional capitals for zh-TW (貳 參 陸 萬 億, 元, 負)', () => {
    expect(amountInCapitals('1234.56', 'CNY', 'hant')).toBe('人民幣壹仟貳佰參拾肆元伍角陸分');
    expect(amountInCapitals('120003000', 'TWD', 'hant')).toBe('新臺幣壹億貳仟萬參仟元整');
    expect(amountInCapitals('-6.2', 'CNY', 'hant')).toBe('人民幣負陸元貳角整');
  });

  it('refuses what it cannot say exactly', () => {
    expect(() => capitalsOf('1.005')).toThrow(RangeError);
    expect(() => capitalsOf('1e16')).toThrow(RangeError);
    expect(() => capitalsOf('abc')).toThrow();
  });

  it('reads back to the same number of cents, with no doubled or dangling 零 (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 18n) + 1n, max: 10n ** 18n - 1n }), fc.constantFrom('hans' as const, 'hant' as const), (cents, script) => {
        const amount = `${cents < 0n ? '-' : ''}${(cents < 0n ? -cents : cents) / 100n}.${String((cents < 0n ? -cents : cents) % 100n).padStart(2, '0')}`;
        const words = capitalsOf(amount, script);
        expect(readBack(words)).toBe(cents);
        if (cents !== 0n) expect(words).not.toMatch(/零零|零[元万萬亿億角分整]|^零[^元]/);
      }),
      { numRuns: 3000 },
    );
  });
});

/** An independent reader of capitals (the test's own, a classic section/unit accumulator). */
function readBack(words: string): bigint {
  const digit = (c: string) => { const i = '零壹贰叁肆伍陆柒捌玖'.indexOf(c); return i >= 0 ? i : '零壹貳參肆伍陸柒捌玖'.indexOf(c); };
  const negative = /^[负負]/.test(words);
  const w = words.replace(/^[负負]/, '').replace(/整$/, '');
  const [intPart, frac = ''] = w.includes('元') ? w.split('元') : ['', w];
  let result = 0n, sect = 0n, num = 0n;
  for (const c of intPart!) {
    const d = digit(c);
    if (d >= 0) num = BigInt(d);
    else if (c === '拾' || c === '佰' || c === '仟') { sect += num * { 拾: 10n, 佰: 100n, 仟: 1000n }[c]; num = 0n; }
    else if (c === '万' || c === '萬') { sect = (sect + num) * 10_000n; num = 0n; }
    else if (c === '亿' || c === '億') { result = (result + sect + num) * 100_000_000n; sect = 0n; num = 0n; }
    else throw new Error(`unexpected ${c} in ${words}`);
  }
  let cents = (result + sect + num) * 100n;
  const jiao = /(.)角/.exec(frac);
  const fen = /(.)分/.exec(frac);
  if (jiao) cents += BigInt(digit(jiao[1]!)) * 10n;
  if (fen) cents += BigInt(digit(fen[1]!));
  return negative ? -cents : cents;
}
