import type { ObjectLabels } from '../../../shared/objects.ts';
import type { Locale } from '../../../shared/fields.ts';

/** The activities object's names, field, option and section labels in the three languages (served in its descriptor). */
export const activitiesLabels: Record<Locale, ObjectLabels> = {
  en: {
    one: 'Activity',
    other: 'Activities',
    fields: {
      kind: 'Kind',
      subject: 'Subject',
      body: 'Details',
      occurred_at: 'When',
      duration_minutes: 'Duration (minutes)',
      contact_id: 'Contact',
      account_id: 'Account',
      owner_id: 'Owner',
      created_at: 'Created',
      updated_at: 'Updated'
    },
    options: {
      kind: {
        call: 'Call',
        visit: 'Visit',
        meeting: 'Meeting',
        email: 'Email',
        note: 'Note',
        message: 'Message'
      }
    },
    sections: {
      details: 'Details',
      links: 'Links',
      custom: 'More fields',
      system: 'System'
    }
  },
  'zh-CN': {
    one: '活动',
    other: '活动记录',
    fields: {
      kind: '类型',
      subject: '主题',
      body: '详情',
      occurred_at: '发生时间',
      duration_minutes: '时长（分钟）',
      contact_id: '联系人',
      account_id: '客户公司',
      owner_id: '负责人',
      created_at: '创建时间',
      updated_at: '更新时间'
    },
    options: {
      kind: {
        call: '电话',
        visit: '拜访',
        meeting: '会议',
        email: '邮件',
        note: '备注',
        message: '消息'
      }
    },
    sections: {
      details: '详细信息',
      links: '关联',
      custom: '更多字段',
      system: '系统信息'
    }
  },
  'zh-TW': {
    one: '活動',
    other: '活動記錄',
    fields: {
      kind: '類型',
      subject: '主題',
      body: '詳情',
      occurred_at: '發生時間',
      duration_minutes: '時長（分鐘）',
      contact_id: '聯絡人',
      account_id: '客戶公司',
      owner_id: '負責人',
      created_at: '建立時間',
      updated_at: '更新時間'
    },
    options: {
      kind: {
        call: '電話',
        visit: '拜訪',
        meeting: '會議',
        email: '郵件',
        note: '備註',
        message: '訊息'
      }
    },
    sections: {
      details: '詳細資訊',
      links: '關聯',
      custom: '更多欄位',
      system: '系統資訊'
    }
  }
};
