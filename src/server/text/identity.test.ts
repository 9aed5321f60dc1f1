import { describe, expect, it } from 'vitest';
import { orgNameKey, personNameKey } from './identity.ts';

describe('orgNameKey', () => {
  it('gives one key to the spellings of one company', () => {
    const ali = orgNameKey('阿里巴巴（中国）有限公司');
    expect(orgNameKey('阿里巴巴(中国)有限公司')).toBe(ali);
    expect(orgNameKey('阿里巴巴 (中國) 有限公司')).toBe(ali);
    expect(orgNameKey('阿里巴巴（中国）股份有限公司')).toBe(ali);
    expect(orgNameKey('阿里巴巴(中国)')).toBe(ali);
    const acme = orgNameKey('ACME Trading Ltd.');
    for (const s of ['Acme Trading Limited', 'ACME TRADING, INC.', 'acme trading co., ltd', 'Acme  Trading', 'ＡＣＭＥ Ｔｒａｄｉｎｇ']) expect(orgNameKey(s)).toBe(acme);
    expect(orgNameKey('Bólido Comidas preparadas')).toBe(orgNameKey('Bolido Comidas Preparadas'));
    expect(orgNameKey('Alfreds Futterkiste GmbH')).toBe(orgNameKey('Alfreds Futterkiste'));
  });

  it('keeps apart what is another entity, and never empties a name', () => {
    expect(orgNameKey('阿里巴巴集团')).not.toBe(orgNameKey('阿里巴巴有限公司'));
    expect(orgNameKey('阿里巴巴（中国）有限公司')).not.toBe(orgNameKey('阿里巴巴有限公司'));
    expect(orgNameKey('华为技术有限公司北京分公司')).not.toBe(orgNameKey('华为技术有限公司'));
    expect(orgNameKey('Beta Holdings')).not.toBe(orgNameKey('Beta'));
    expect(orgNameKey('公司')).toBe('公司');
    expect(orgNameKey('Limited')).toBe('limited');
    expect(orgNameKey('---')).not.toBe('');
  });
});

describe('personNameKey', () => {
  it('ignores script, case, spaces and punctuation', () => {
    expect(personNameKey('张三')).toBe(personNameKey('張三'));
    expect(personNameKey('Zhang San')).toBe(personNameKey('zhang  san'));
    expect(personNameKey('José María')).toBe(personNameKey('Jose Maria'));
    expect(personNameKey('王五')).not.toBe(personNameKey('王六'));
  });
});
