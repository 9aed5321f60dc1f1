import type { ObjectLabels } from '../../../shared/objects.ts';
import type { Locale } from '../../../shared/fields.ts';

/** The accounts object's names, field, option and section labels in the three languages (served in its descriptor). */
export const accountsLabels: Record<Locale, ObjectLabels> = {
  en: {
    one: 'Account',
    other: 'Accounts',
    fields: {
      name: 'Account name',
      account_number: 'Customer number',
      type: 'Type',
      tier: 'Tier',
      lifecycle_status: 'Lifecycle status',
      industry: 'Industry',
      source: 'Source',
      region: 'Region',
      country: 'Country',
      province: 'Province/State',
      city: 'City',
      district: 'District',
      street: 'Street address',
      postal_code: 'Postal code',
      phone: 'Phone',
      email: 'Email',
      website: 'Website',
      employees: 'Employees',
      annual_revenue: 'Annual revenue',
      currency: 'Currency',
      credit_limit: 'Credit limit',
      payment_terms: 'Payment terms',
      payment_standing: 'Payment standing',
      tags: 'Tags',
      notes: 'Notes',
      parent_id: 'Parent account',
      owner_id: 'Owner',
      created_by: 'Created by',
      created_at: 'Created',
      updated_at: 'Updated'
    },
    options: {
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
    sections: {
      main: 'Overview',
      classification: 'Classification',
      company: 'Company',
      address: 'Address',
      finance: 'Finance',
      notes: 'Notes',
      custom: 'More fields',
      system: 'System'
    }
  },
  'zh-CN': {
    one: '客户公司',
    other: '客户公司',
    fields: {
      name: '公司名称',
      account_number: '客户编号',
      type: '类型',
      tier: '等级',
      lifecycle_status: '生命周期',
      industry: '行业',
      source: '来源',
      region: '区域',
      country: '国家/地区',
      province: '省份',
      city: '城市',
      district: '区县',
      street: '街道地址',
      postal_code: '邮政编码',
      phone: '电话',
      email: '邮箱',
      website: '网站',
      employees: '员工人数',
      annual_revenue: '年营业额',
      currency: '币种',
      credit_limit: '信用额度',
      payment_terms: '付款条件',
      payment_standing: '付款信用',
      tags: '标签',
      notes: '备注',
      parent_id: '上级公司',
      owner_id: '负责人',
      created_by: '创建人',
      created_at: '创建时间',
      updated_at: '更新时间'
    },
    options: {
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
    sections: {
      main: '概况',
      classification: '分类',
      company: '公司信息',
      address: '地址',
      finance: '财务',
      notes: '备注',
      custom: '更多字段',
      system: '系统信息'
    }
  },
  'zh-TW': {
    one: '客戶公司',
    other: '客戶公司',
    fields: {
      name: '公司名稱',
      account_number: '客戶編號',
      type: '類型',
      tier: '等級',
      lifecycle_status: '生命週期',
      industry: '行業',
      source: '來源',
      region: '區域',
      country: '國家/地區',
      province: '省份',
      city: '城市',
      district: '區縣',
      street: '街道地址',
      postal_code: '郵政編碼',
      phone: '電話',
      email: '電子郵件',
      website: '網站',
      employees: '員工人數',
      annual_revenue: '年營業額',
      currency: '幣別',
      credit_limit: '信用額度',
      payment_terms: '付款條件',
      payment_standing: '付款信用',
      tags: '標籤',
      notes: '備註',
      parent_id: '上級公司',
      owner_id: '負責人',
      created_by: '建立人',
      created_at: '建立時間',
      updated_at: '更新時間'
    },
    options: {
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
    },
    sections: {
      main: '概況',
      classification: '分類',
      company: '公司資訊',
      address: '地址',
      finance: '財務',
      notes: '備註',
      custom: '更多欄位',
      system: '系統資訊'
    }
  }
};
