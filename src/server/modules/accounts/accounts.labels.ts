import type { ObjectLabels } from '../../../shared/objects.ts';
import type { Locale } from '../../../shared/fields.ts';
import { ADDRESS_FIELD_LABELS, CUSTOMER_OPTION_LABELS } from '../../records/option-labels.ts';

/** The accounts object's names, field, option and section labels in the three languages (served in its descriptor). */
export const accountsLabels: Record<Locale, ObjectLabels> = {
  en: {
    one: 'Account',
    other: 'Accounts',
    fields: {
      ...ADDRESS_FIELD_LABELS.en,
      name: 'Account name',
      account_number: 'Customer number',
      type: 'Type',
      tier: 'Tier',
      lifecycle_status: 'Lifecycle status',
      industry: 'Industry',
      source: 'Source',
      region: 'Region',
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
      ...CUSTOMER_OPTION_LABELS.en,
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
      ...ADDRESS_FIELD_LABELS['zh-CN'],
      name: '公司名称',
      account_number: '客户编号',
      type: '类型',
      tier: '等级',
      lifecycle_status: '生命周期',
      industry: '行业',
      source: '来源',
      region: '区域',
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
      ...CUSTOMER_OPTION_LABELS['zh-CN'],
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
      ...ADDRESS_FIELD_LABELS['zh-TW'],
      name: '公司名稱',
      account_number: '客戶編號',
      type: '類型',
      tier: '等級',
      lifecycle_status: '生命週期',
      industry: '行業',
      source: '來源',
      region: '區域',
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
      ...CUSTOMER_OPTION_LABELS['zh-TW'],
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
