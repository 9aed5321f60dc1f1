import type { ObjectLabels } from '../../../shared/objects.ts';
import type { Locale } from '../../../shared/fields.ts';
import { ADDRESS_FIELD_LABELS, CUSTOMER_OPTION_LABELS } from '../../records/option-labels.ts';

/** The contacts object's names, field, option and section labels in the three languages (served in its descriptor). */
export const contactsLabels: Record<Locale, ObjectLabels> = {
  en: {
    one: 'Contact',
    other: 'Contacts',
    fields: {
      ...ADDRESS_FIELD_LABELS.en,
      name: 'Name',
      family_name: 'Family name',
      given_name: 'Given name',
      gender: 'Gender',
      birthday: 'Birthday',
      age_band: 'Age band',
      family_status: 'Family status',
      occupation: 'Occupation',
      income_band: 'Income band',
      email: 'Email',
      phone: 'Phone',
      mobile: 'Mobile',
      wechat_id: 'WeChat ID',
      title: 'Job title',
      department: 'Department',
      account_id: 'Account',
      type: 'Type',
      tier: 'Tier',
      lifecycle_status: 'Lifecycle status',
      source: 'Source',
      industry: 'Industry',
      region: 'Region',
      tags: 'Tags',
      preferences: 'Preferences',
      dietary_needs: 'Dietary needs',
      consumption_habits: 'Consumption habits',
      credit_limit: 'Credit limit',
      payment_terms: 'Payment terms',
      payment_standing: 'Payment standing',
      notes: 'Notes',
      owner_id: 'Owner',
      created_by: 'Created by',
      created_at: 'Created',
      updated_at: 'Updated'
    },
    options: {
      ...CUSTOMER_OPTION_LABELS.en,
      gender: {
        female: 'Female',
        male: 'Male',
        other: 'Other',
        unknown: 'Not stated'
      },
      age_band: {
        under_18: 'Under 18',
        '18_24': '18–24',
        '25_34': '25–34',
        '35_44': '35–44',
        '45_54': '45–54',
        '55_64': '55–64',
        '65_plus': '65+'
      },
      family_status: {
        single: 'Single',
        married: 'Married',
        married_with_children: 'Married with children',
        other: 'Other'
      },
      income_band: {
        low: 'Low',
        lower_middle: 'Lower middle',
        middle: 'Middle',
        upper_middle: 'Upper middle',
        high: 'High'
      },
    },
    sections: {
      main: 'Overview',
      contact: 'Contact details',
      classification: 'Classification',
      address: 'Address',
      profile: 'Profile',
      preferences: 'Preferences',
      finance: 'Finance',
      notes: 'Notes',
      custom: 'More fields',
      system: 'System'
    }
  },
  'zh-CN': {
    one: '联系人',
    other: '联系人',
    fields: {
      ...ADDRESS_FIELD_LABELS['zh-CN'],
      name: '姓名',
      family_name: '姓',
      given_name: '名',
      gender: '性别',
      birthday: '生日',
      age_band: '年龄段',
      family_status: '家庭状况',
      occupation: '职业',
      income_band: '收入水平',
      email: '邮箱',
      phone: '电话',
      mobile: '手机',
      wechat_id: '微信号',
      title: '职位',
      department: '部门',
      account_id: '所属公司',
      type: '类型',
      tier: '等级',
      lifecycle_status: '生命周期',
      source: '来源',
      industry: '行业',
      region: '区域',
      tags: '标签',
      preferences: '偏好',
      dietary_needs: '饮食需求',
      consumption_habits: '消费习惯',
      credit_limit: '信用额度',
      payment_terms: '付款条件',
      payment_standing: '付款信用',
      notes: '备注',
      owner_id: '负责人',
      created_by: '创建人',
      created_at: '创建时间',
      updated_at: '更新时间'
    },
    options: {
      ...CUSTOMER_OPTION_LABELS['zh-CN'],
      gender: {
        female: '女',
        male: '男',
        other: '其他',
        unknown: '未说明'
      },
      age_band: {
        under_18: '18 岁以下',
        '18_24': '18–24 岁',
        '25_34': '25–34 岁',
        '35_44': '35–44 岁',
        '45_54': '45–54 岁',
        '55_64': '55–64 岁',
        '65_plus': '65 岁及以上'
      },
      family_status: {
        single: '单身',
        married: '已婚',
        married_with_children: '已婚有子女',
        other: '其他'
      },
      income_band: {
        low: '低',
        lower_middle: '中低',
        middle: '中等',
        upper_middle: '中高',
        high: '高'
      },
    },
    sections: {
      main: '概况',
      contact: '联系方式',
      classification: '分类',
      address: '地址',
      profile: '个人画像',
      preferences: '偏好',
      finance: '财务',
      notes: '备注',
      custom: '更多字段',
      system: '系统信息'
    }
  },
  'zh-TW': {
    one: '聯絡人',
    other: '聯絡人',
    fields: {
      ...ADDRESS_FIELD_LABELS['zh-TW'],
      name: '姓名',
      family_name: '姓',
      given_name: '名',
      gender: '性別',
      birthday: '生日',
      age_band: '年齡層',
      family_status: '家庭狀況',
      occupation: '職業',
      income_band: '收入水準',
      email: '電子郵件',
      phone: '電話',
      mobile: '手機',
      wechat_id: '微信帳號',
      title: '職位',
      department: '部門',
      account_id: '所屬公司',
      type: '類型',
      tier: '等級',
      lifecycle_status: '生命週期',
      source: '來源',
      industry: '行業',
      region: '區域',
      tags: '標籤',
      preferences: '偏好',
      dietary_needs: '飲食需求',
      consumption_habits: '消費習慣',
      credit_limit: '信用額度',
      payment_terms: '付款條件',
      payment_standing: '付款信用',
      notes: '備註',
      owner_id: '負責人',
      created_by: '建立人',
      created_at: '建立時間',
      updated_at: '更新時間'
    },
    options: {
      ...CUSTOMER_OPTION_LABELS['zh-TW'],
      gender: {
        female: '女',
        male: '男',
        other: '其他',
        unknown: '未說明'
      },
      age_band: {
        under_18: '18 歲以下',
        '18_24': '18–24 歲',
        '25_34': '25–34 歲',
        '35_44': '35–44 歲',
        '45_54': '45–54 歲',
        '55_64': '55–64 歲',
        '65_plus': '65 歲及以上'
      },
      family_status: {
        single: '單身',
        married: '已婚',
        married_with_children: '已婚有子女',
        other: '其他'
      },
      income_band: {
        low: '低',
        lower_middle: '中低',
        middle: '中等',
        upper_middle: '中高',
        high: '高'
      },
    },
    sections: {
      main: '概況',
      contact: '聯絡方式',
      classification: '分類',
      address: '地址',
      profile: '客戶輪廓',
      preferences: '偏好',
      finance: '財務',
      notes: '備註',
      custom: '更多欄位',
      system: '系統資訊'
    }
  }
};
