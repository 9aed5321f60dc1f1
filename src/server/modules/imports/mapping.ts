import type { ResolvedField } from '../../records/fields.ts';
import { normalizeText } from '../../text/search-text.ts';
import { linkNameColumn } from '../../records/export.ts';

/** Pseudo-field for contacts: the company name, matched to an account (created when missing). */
export const ACCOUNT_NAME = 'account_name';

// Header words people actually use, in English and Chinese, for each standard field.
const SYNONYMS: Record<string, string[]> = {
  name: ['name', 'full name', 'fullname', 'contact', 'contact name', 'customer', 'customer name', '姓名', '名字', '客户', '客户名称', '联系人', '会员', '会员姓名', '公司名称', 'account name', 'company name'],
  family_name: ['last name', 'lastname', 'surname', 'family name', '姓'],
  given_name: ['first name', 'firstname', 'given name', '名'],
  gender: ['gender', 'sex', '性别'],
  birthday: ['birthday', 'birth date', 'date of birth', 'dob', '生日', '出生日期'],
  age_band: ['age band', 'age group', '年龄段'],
  family_status: ['family status', 'marital status', '家庭状况', '婚姻状况'],
  occupation: ['occupation', 'job', '职业'],
  income_band: ['income', 'income band', '收入', '收入水平'],
  email: ['email', 'e-mail', 'mail', 'email address', '邮箱', '电子邮件', '电子邮箱', '邮件'],
  phone: ['phone', 'telephone', 'tel', 'work phone', 'office phone', '电话', '座机', '固定电话', '办公电话', '联系电话'],
  mobile: ['mobile', 'cell', 'cellphone', 'mobile phone', '手机', '手机号', '手机号码', '移动电话'],
  wechat_id: ['wechat', 'wechat id', 'weixin', '微信', '微信号'],
  title: ['title', 'job title', 'contact title', 'position', '职位', '职务', '头衔'],
  department: ['department', 'dept', '部门'],
  [ACCOUNT_NAME]: ['account name', 'company name', 'company', 'organization', 'organisation', 'organization name', 'account', 'employer', '公司', '公司名称', '单位', '所属公司', '企业', '工作单位'],
  type: ['type', 'customer type', '类型', '客户类型'],
  tier: ['tier', 'level', 'vip', 'grade', '等级', '级别', '会员等级', '客户等级'],
  lifecycle_status: ['status', 'lifecycle', 'lifecycle status', 'stage', '状态', '生命周期'],
  source: ['source', 'lead source', 'channel', '来源', '渠道', '客户来源'],
  industry: ['industry', 'sector', '行业'],
  region: ['region', 'area', 'territory', '区域', '大区', '地区'],
  country: ['country', '国家'],
  province: ['province', 'state', '省', '省份'],
  city: ['city', 'town', '城市', '市'],
  district: ['district', 'county', '区', '区县', '县'],
  street: ['street', 'address', 'street address', '地址', '街道', '详细地址'],
  postal_code: ['postal code', 'postcode', 'zip', 'zip code', '邮编', '邮政编码'],
  tags: ['tags', 'labels', '标签'],
  preferences: ['preferences', 'favourite dishes', 'favorite dishes', '偏好', '喜好', '爱好', '口味', '喜欢的菜'],
  dietary_needs: ['dietary needs', 'diet', 'allergies', '饮食', '忌口', '饮食需求'],
  consumption_habits: ['consumption habits', 'buying habits', '消费习惯'],
  credit_limit: ['credit limit', 'credit', '信用额度', '授信额度'],
  payment_terms: ['payment terms', '付款条件', '账期'],
  payment_standing: ['payment standing', 'payment history', '付款记录', '信用状况'],
  notes: ['notes', 'note', 'comments', 'remarks', 'description', '备注', '说明', '描述'],
  website: ['website', 'web', 'url', 'homepage', 'home page', 'web site', '网站', '网址', '官网'],
  employees: ['employees', 'headcount', 'staff', '员工数', '人数', '员工人数'],
  annual_revenue: ['annual revenue', 'revenue', 'turnover', '年收入', '营业额', '年营业额'],
};

/**
 * Header words compared without case, punctuation or word joins: `PostalCode`, `postal_code`,
 * `Postal Code` and `postal-code` all read "postal code" (camelCase and PascalCase are split
 * into words before matching).
 */
export const norm = (s: string) =>
  normalizeText(s.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2'))
    .replace(/[\s_\-.:：()（）]+/g, ' ')
    .trim();

/** Guesses, for each header, the field it fills (or null to ignore the column). */
export function suggestMapping(headers: string[], fields: ResolvedField[], object: string): Record<string, string | null> {
  const writable = fields.filter((f) => !f.system && !f.readonly);
  const index = new Map<string, string>();
  const add = (word: string, key: string) => {
    const k = norm(word);
    if (k && !index.has(k)) index.set(k, key);
  };
  const keys = new Set(writable.map((f) => f.key));
  // For a contact, "account name" / "company name" is its account (the documented
  // `account_name` column), never the contact's own name: registered before any label.
  if (object === 'contacts') {
    keys.add(ACCOUNT_NAME);
    for (const w of [ACCOUNT_NAME, 'company name', 'organization name', '公司名称']) add(w, ACCOUNT_NAME);
  }
  // An export's own columns: `owner_name`… name the linked records of the id columns beside
  // them (records/export.ts).
  for (const f of writable) if (f.type === 'user' || (f.type === 'link' && f.link)) {
    const name = linkNameColumn(f.key);
    if (!writable.some((x) => x.key === name)) add(name, name);
  }
  for (const f of writable) {
    add(f.key, f.key);
    add(f.key.replace(/_/g, ' '), f.key);
    if (f.label) add(f.label, f.key);
    for (const l of Object.values(f.labels ?? {})) add(l, f.key);
  }
  for (const [key, words] of Object.entries(SYNONYMS)) {
    if (!keys.has(key)) continue;
    // An account's "company name" is its name; for a contact it is the account.
    for (const w of words) {
      if (key === 'name' && object === 'contacts' && /company|account|公司/.test(w)) continue;
      // An account's name is never a person's: "ContactName" beside "CompanyName" (Northwind).
      if (key === 'name' && object === 'accounts' && /contact|customer|full ?name|姓名|名字|联系人|会员/.test(w)) continue;
      add(w, key);
    }
  }
  if (object === 'accounts') for (const w of SYNONYMS[ACCOUNT_NAME]!) add(w, 'name');
  const used = new Set<string>();
  const out: Record<string, string | null> = {};
  for (const h of headers) {
    const key = index.get(norm(h)) ?? null;
    out[h] = key && !used.has(key) ? key : null;
    if (key) used.add(key);
  }
  return out;
}
