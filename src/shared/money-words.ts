import { Money, type MoneyInput } from './money.ts';

// An amount in Chinese capital numerals (大写金额), as cheques, invoices and contracts print it
// under the figure so it cannot be altered. Pure and exact: the amount is read as a decimal
// (decimal.js), never as a float.
//
// Rules followed (中国人民银行《正确填写票据和结算凭证的基本规定》):
// - 壹拾 keeps its 壹 (¥15 → 壹拾伍元整);
// - one 零 for any run of zeros inside the number (6007 → 陆仟零柒), and between sections
//   (万, 亿) when the lower section does not start at its thousands (1,0001 → 壹万零壹;
//   107,000 → 壹拾万柒仟);
// - 整 after 元 when there are no 角/分, and after 角 when there is no 分 (both allowed; we
//   always write it so nothing can be appended);
// - 零 after 元 when 角 is zero and 分 is not (16409.02 → 壹万陆仟肆佰零玖元零贰分);
// - where the rules allow 零 or nothing (元 digit zero, 角 not: 1680.32) we write nothing:
//   壹仟陆佰捌拾元叁角贰分;
// - below one yuan there is no 零元 (0.56 → 伍角陆分); zero is 零元整; a negative amount
//   (a credit note) starts with 负 after the currency name.
//
// Traditional script (zh-TW): the digits Taiwan writes on cheques and 統一發票
// (零壹貳參肆伍陸柒捌玖, 拾佰仟萬億), and 元, not 圓: 圓 is the statutory unit but 元 is what
// invoices, banks and the tax bureau's forms use in practice.

export type CapitalsScript = 'hans' | 'hant';

const SCRIPTS = {
  hans: { digits: '零壹贰叁肆伍陆柒捌玖', units: ['', '拾', '佰', '仟'], wan: '万', yi: '亿', yuan: '元', jiao: '角', fen: '分', whole: '整', minus: '负' },
  hant: { digits: '零壹貳參肆伍陸柒捌玖', units: ['', '拾', '佰', '仟'], wan: '萬', yi: '億', yuan: '元', jiao: '角', fen: '分', whole: '整', minus: '負' },
} as const;
type Script = (typeof SCRIPTS)[CapitalsScript];

/** The currency's name before the words, per script (only currencies with 角/分 minor units). */
const CURRENCY_NAMES: Record<string, Record<CapitalsScript, string>> = {
  CNY: { hans: '人民币', hant: '人民幣' },
  TWD: { hans: '新台币', hant: '新臺幣' },
  HKD: { hans: '港币', hant: '港幣' },
};

/** Below 1e16 (9999万亿): more than any document amount (money.ts MONEY_LIMIT is 1e15). */
const LIMIT = new Money('1e16');

/** 0..9999 read as a four-digit section: inner zeros become one 零, no leading or trailing 零. */
function section(n: number, s: Script): string {
  let out = '';
  let zero = false;
  for (let pos = 3; pos >= 0; pos--) {
    const d = Math.floor(n / 10 ** pos) % 10;
    if (d === 0) {
      zero = out !== '';
      continue;
    }
    if (zero) out += s.digits[0];
    zero = false;
    out += s.digits[d] + s.units[pos];
  }
  return out;
}

/** 0..99,999,999: two sections joined by 万, with 零 when the lower one starts below its thousands. */
function upTo1e8(n: number, s: Script): string {
  const high = Math.floor(n / 10_000);
  const low = n % 10_000;
  if (!high) return section(low, s);
  return section(high, s) + s.wan + (low && low < 1000 ? s.digits[0] : '') + (low ? section(low, s) : '');
}

/** A whole number below 1e16: the part above 亿 is itself read up to 万 (3,4000,0000,0000 → 叁万肆仟亿). */
function integerWords(n: bigint, s: Script): string {
  const high = Number(n / 100_000_000n);
  const low = Number(n % 100_000_000n);
  if (!high) return upTo1e8(low, s);
  return upTo1e8(high, s) + s.yi + (low && low < 10_000_000 ? s.digits[0] : '') + (low ? upTo1e8(low, s) : '');
}

/**
 * The amount in capitals, without the currency name: 1234.56 → 壹仟贰佰叁拾肆元伍角陆分.
 * Throws a RangeError for more than two decimals (round first: src/shared/money.ts) or an
 * amount of 1e16 or more.
 */
export function capitalsOf(amount: MoneyInput, script: CapitalsScript = 'hans'): string {
  const s = SCRIPTS[script];
  const v = new Money(amount);
  if (!v.isFinite() || v.decimalPlaces() > 2) throw new RangeError(`Not an amount with at most two decimals: ${String(amount)}`);
  if (v.abs().gte(LIMIT)) throw new RangeError(`Amount too large for capitals: ${String(amount)}`);
  const cents = BigInt(v.abs().times(100).toFixed(0));
  const yuan = cents / 100n;
  const jiao = Number((cents / 10n) % 10n);
  const fen = Number(cents % 10n);
  let out = yuan ? integerWords(yuan, s) + s.yuan : '';
  if (!yuan && !jiao && !fen) return s.digits[0] + s.yuan + s.whole;
  if (jiao) out += s.digits[jiao] + s.jiao;
  else if (fen && yuan) out += s.digits[0];
  out += fen ? s.digits[fen] + s.fen : s.whole;
  return (v.isNegative() ? s.minus : '') + out;
}

/** Whether a currency has a Chinese name we print before its capitals (CNY, TWD, HKD). */
export function hasCapitals(currency: string): boolean {
  return currency.toUpperCase() in CURRENCY_NAMES;
}

/**
 * The amount in capitals with the currency's name, as printed under a document's total:
 * amountInCapitals('1234.56', 'CNY') → 人民币壹仟贰佰叁拾肆元伍角陆分. The sign goes after the
 * name (人民币负壹佰元整).
 */
export function amountInCapitals(amount: MoneyInput, currency: string, script: CapitalsScript = 'hans'): string {
  const name = CURRENCY_NAMES[currency.toUpperCase()];
  if (!name) throw new RangeError(`No Chinese currency name for ${currency}`);
  return name[script] + capitalsOf(amount, script);
}
