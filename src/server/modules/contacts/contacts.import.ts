import type { ImportDef } from '../../records/types.ts';
import { COMMON_SYNONYMS, COMPANY_WORDS } from '../../records/import-words.ts';
import { personNameKey } from '../../text/identity.ts';
import { phoneKey } from '../../text/search-text.ts';

// How a contacts file is read (docs/api.md, "Import matching"): a row is the same contact as
// another when it has the same e-mail (any case), the same mobile, or the same office phone
// AND the same name (an office phone alone is a switchboard, 总机, shared by colleagues).
// The company column finds the account by its normalised name, or creates it.

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

export const contactsImport: ImportDef = {
  synonyms: {
    ...COMMON_SYNONYMS,
    // Never "company name": for a contact that is its account (below).
    name: ['name', 'full name', 'fullname', 'contact', 'contact name', 'customer', 'customer name', '姓名', '名字', '客户', '客户名称', '联系人', '会员', '会员姓名'],
    family_name: ['last name', 'lastname', 'surname', 'family name', '姓'],
    given_name: ['first name', 'firstname', 'given name', '名'],
    gender: ['gender', 'sex', '性别'],
    birthday: ['birthday', 'birth date', 'date of birth', 'dob', '生日', '出生日期'],
    age_band: ['age band', 'age group', '年龄段'],
    family_status: ['family status', 'marital status', '家庭状况', '婚姻状况'],
    occupation: ['occupation', 'job', '职业'],
    income_band: ['income', 'income band', '收入', '收入水平'],
    wechat_id: ['wechat', 'wechat id', 'weixin', '微信', '微信号'],
    title: ['title', 'job title', 'contact title', 'position', '职位', '职务', '头衔'],
    department: ['department', 'dept', '部门'],
    preferences: ['preferences', 'favourite dishes', 'favorite dishes', '偏好', '喜好', '爱好', '口味', '喜欢的菜'],
    dietary_needs: ['dietary needs', 'diet', 'allergies', '饮食', '忌口', '饮食需求'],
    consumption_habits: ['consumption habits', 'buying habits', '消费习惯'],
  },
  identity: [
    { tag: 'e', label: 'email', column: 'email', lower: true, of: (v) => text(v.email).toLowerCase() || null },
    { tag: 'm', label: 'mobile', column: 'mobile_key', of: (v) => (text(v.mobile) ? phoneKey(v.mobile) || null : null) },
    {
      tag: 'n', label: 'phone and name', column: 'phone_key', withTitle: personNameKey,
      of: (v) => {
        const phone = text(v.phone) ? phoneKey(v.phone) : '';
        return phone && text(v.name).trim() ? `${phone}|${personNameKey(v.name)}` : null;
      },
    },
  ],
  createMissingLink: { field: 'account_id', column: 'account_name', synonyms: [...COMPANY_WORDS], preferred: ['company name', 'organization name', '公司名称'] },
};
