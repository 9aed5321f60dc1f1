import type { ObjectLabels } from '../../../shared/objects.ts';
import type { Locale } from '../../../shared/fields.ts';

/** The tasks object's names, field, option and section labels in the three languages (served in its descriptor). */
export const tasksLabels: Record<Locale, ObjectLabels> = {
  en: {
    one: 'Task',
    other: 'Tasks',
    fields: {
      title: 'Title',
      description: 'Description',
      status: 'Status',
      priority: 'Priority',
      due_at: 'Due',
      reminder_at: 'Reminder',
      contact_id: 'Contact',
      account_id: 'Account',
      owner_id: 'Owner',
      completed_at: 'Completed',
      created_at: 'Created',
      updated_at: 'Updated'
    },
    options: {
      status: {
        open: 'Open',
        done: 'Done',
        cancelled: 'Cancelled'
      },
      priority: {
        low: 'Low',
        normal: 'Normal',
        high: 'High',
        urgent: 'Urgent'
      }
    },
    sections: {
      details: 'Details',
      schedule: 'Schedule',
      links: 'Links',
      custom: 'More fields',
      system: 'System'
    }
  },
  'zh-CN': {
    one: '任务',
    other: '任务',
    fields: {
      title: '标题',
      description: '描述',
      status: '状态',
      priority: '优先级',
      due_at: '截止时间',
      reminder_at: '提醒时间',
      contact_id: '联系人',
      account_id: '客户公司',
      owner_id: '负责人',
      completed_at: '完成时间',
      created_at: '创建时间',
      updated_at: '更新时间'
    },
    options: {
      status: {
        open: '进行中',
        done: '已完成',
        cancelled: '已取消'
      },
      priority: {
        low: '低',
        normal: '普通',
        high: '高',
        urgent: '紧急'
      }
    },
    sections: {
      details: '详细信息',
      schedule: '时间安排',
      links: '关联',
      custom: '更多字段',
      system: '系统信息'
    }
  },
  'zh-TW': {
    one: '任務',
    other: '任務',
    fields: {
      title: '標題',
      description: '描述',
      status: '狀態',
      priority: '優先等級',
      due_at: '截止時間',
      reminder_at: '提醒時間',
      contact_id: '聯絡人',
      account_id: '客戶公司',
      owner_id: '負責人',
      completed_at: '完成時間',
      created_at: '建立時間',
      updated_at: '更新時間'
    },
    options: {
      status: {
        open: '進行中',
        done: '已完成',
        cancelled: '已取消'
      },
      priority: {
        low: '低',
        normal: '普通',
        high: '高',
        urgent: '緊急'
      }
    },
    sections: {
      details: '詳細資訊',
      schedule: '時間安排',
      links: '關聯',
      custom: '更多欄位',
      system: '系統資訊'
    }
  }
};
