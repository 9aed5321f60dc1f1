import type { ObjectLabels } from '../../../shared/objects.ts';
import type { Locale } from '../../../shared/fields.ts';

/** The contacts object's names, field, option and section labels in the three languages (served in its descriptor). */
export const contactsLabels: Record<Locale, ObjectLabels> = {
  en: {
    one: 'Contact',
    other: 'Contacts',
    fields: {
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
      country: 'Country',
      province: 'Province/State',
      city: 'City',
      district: 'District',
      street: 'Street address',
      postal_code: 'Postal code',
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
      country: '国家/地区',
      province: '省份',
      city: '城市',
      district: '区县',
      street: '街道地址',
      postal_code: '邮政编码',
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
      country: '國家/地區',
      province: '省份',
      city: '城市',
      district: '區縣',
      street: '街道地址',
      postal_code: '郵政編碼',
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
