import type { ImportDef } from '../../records/types.ts';
import { COMMON_SYNONYMS, COMPANY_WORDS } from '../../records/import-words.ts';
import { orgNameKey } from '../../text/identity.ts';

// How an accounts file is read: a row is the same account as another when their names have the
// same normalised key (text/identity.ts orgNameKey: 阿里巴巴（中国）有限公司 = 阿里巴巴(中國)有限公司),
// and other objects' files name an account the same way (a contact's company column).

export const accountsImport: ImportDef = {
  synonyms: {
    ...COMMON_SYNONYMS,
    // Never a person's name words: "ContactName" beside "CompanyName" (Northwind).
    name: ['name', '客户', '客户名称', ...COMPANY_WORDS],
    website: ['website', 'web', 'url', 'homepage', 'home page', 'web site', '网站', '网址', '官网'],
    employees: ['employees', 'headcount', 'staff', '员工数', '人数', '员工人数'],
    currency: ['currency', '币种', '幣別', '货币', '貨幣'],
    annual_revenue: ['annual revenue', 'revenue', 'turnover', '年收入', '营业额', '年营业额'],
  },
  identity: [{ tag: 'a', label: 'name', column: 'name_key', of: (v) => (typeof v.name === 'string' && v.name.trim() ? orgNameKey(v.name) : null) }],
  lookup: { column: 'name_key', key: orgNameKey },
};
