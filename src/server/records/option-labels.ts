import type { Locale } from '../../shared/fields.ts';

/**
 * Labels of the customer options accounts and contacts share (records/options.ts: CUSTOMER_TYPE,
 * TIER, LIFECYCLE, SOURCE, PAYMENT_STANDING), in the three languages: spread into an object's
 * `labels[locale].options`.
 */
export const CUSTOMER_OPTION_LABELS: Record<Locale, Record<string, Record<string, string>>> = {
  en: {
    type: {
      prospect: 'Prospect',
      customer: 'Customer',
      partner: 'Partner',
      distributor: 'Distributor',
      supplier: 'Supplier',
      competitor: 'Competitor',
      other: 'Other'
    },
    tier: {
      standard: 'Standard',
      silver: 'Silver',
      gold: 'Gold',
      platinum: 'Platinum',
      vip: 'VIP'
    },
    lifecycle_status: {
      lead: 'Lead',
      prospect: 'Prospect',
      active: 'Active',
      loyal: 'Loyal',
      at_risk: 'At risk',
      churned: 'Churned',
      inactive: 'Inactive'
    },
    source: {
      web: 'Website',
      referral: 'Referral',
      event: 'Event',
      phone: 'Phone',
      email: 'Email',
      partner: 'Partner',
      advertising: 'Advertising',
      walk_in: 'Walk-in',
      social: 'Social media',
      import: 'Import',
      other: 'Other'
    },
    payment_standing: {
      good: 'Good',
      watch: 'Watch',
      late: 'Late',
      blocked: 'Blocked'
    }
  },
  'zh-CN': {
    type: {
      prospect: '潜在客户',
      customer: '客户',
      partner: '合作伙伴',
      distributor: '经销商',
      supplier: '供应商',
      competitor: '竞争对手',
      other: '其他'
    },
    tier: {
      standard: '普通',
      silver: '银卡',
      gold: '金卡',
      platinum: '白金',
      vip: 'VIP'
    },
    lifecycle_status: {
      lead: '线索',
      prospect: '意向',
      active: '活跃',
      loyal: '忠实',
      at_risk: '流失风险',
      churned: '已流失',
      inactive: '不活跃'
    },
    source: {
      web: '官网',
      referral: '转介绍',
      event: '活动',
      phone: '电话',
      email: '邮件',
      partner: '合作伙伴',
      advertising: '广告',
      walk_in: '到店',
      social: '社交媒体',
      import: '导入',
      other: '其他'
    },
    payment_standing: {
      good: '良好',
      watch: '关注',
      late: '逾期',
      blocked: '冻结'
    }
  },
  'zh-TW': {
    type: {
      prospect: '潛在客戶',
      customer: '客戶',
      partner: '合作夥伴',
      distributor: '經銷商',
      supplier: '供應商',
      competitor: '競爭對手',
      other: '其他'
    },
    tier: {
      standard: '普通',
      silver: '銀卡',
      gold: '金卡',
      platinum: '白金',
      vip: 'VIP'
    },
    lifecycle_status: {
      lead: '線索',
      prospect: '意向',
      active: '活躍',
      loyal: '忠實',
      at_risk: '流失風險',
      churned: '已流失',
      inactive: '不活躍'
    },
    source: {
      web: '官網',
      referral: '轉介紹',
      event: '活動',
      phone: '電話',
      email: '郵件',
      partner: '合作夥伴',
      advertising: '廣告',
      walk_in: '到店',
      social: '社交媒體',
      import: '匯入',
      other: '其他'
    },
    payment_standing: {
      good: '良好',
      watch: '關注',
      late: '逾期',
      blocked: '凍結'
    }
  }
};

/** Labels of the address fields (records/options.ts ADDRESS_FIELDS) in the three languages: spread into `labels[locale].fields`. */
export const ADDRESS_FIELD_LABELS: Record<Locale, Record<string, string>> = {
  en: { country: 'Country', province: 'Province/State', city: 'City', district: 'District', street: 'Street address', postal_code: 'Postal code' },
  'zh-CN': { country: '国家/地区', province: '省份', city: '城市', district: '区县', street: '街道地址', postal_code: '邮政编码' },
  'zh-TW': { country: '國家/地區', province: '省份', city: '城市', district: '區縣', street: '街道地址', postal_code: '郵政編碼' },
};
