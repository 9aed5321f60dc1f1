// Header words people actually use, in English and Chinese, for fields several objects share
// (an object's `import.synonyms` picks these up and adds its own: see contacts.import.ts).
export const COMMON_SYNONYMS: Record<string, readonly string[]> = {
  email: ['email', 'e-mail', 'mail', 'email address', '邮箱', '电子邮件', '电子邮箱', '邮件'],
  phone: ['phone', 'telephone', 'tel', 'work phone', 'office phone', '电话', '座机', '固定电话', '办公电话', '联系电话'],
  mobile: ['mobile', 'cell', 'cellphone', 'mobile phone', '手机', '手机号', '手机号码', '移动电话'],
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
  credit_limit: ['credit limit', 'credit', '信用额度', '授信额度'],
  payment_terms: ['payment terms', '付款条件', '账期'],
  payment_standing: ['payment standing', 'payment history', '付款记录', '信用状况'],
  notes: ['notes', 'note', 'comments', 'remarks', 'description', '备注', '说明', '描述'],
};

/** Words naming a company: an account's name, a contact's company column. */
export const COMPANY_WORDS: readonly string[] = ['account name', 'company name', 'company', 'organization', 'organisation', 'organization name', 'account', 'employer', '公司', '公司名称', '单位', '所属公司', '企业', '工作单位'];
