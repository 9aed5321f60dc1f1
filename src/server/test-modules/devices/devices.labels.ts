import type { ObjectLabels } from '../../../shared/objects.ts';
import type { Locale } from '../../../shared/fields.ts';

export const devicesLabels: Record<Locale, ObjectLabels> = {
  en: {
    one: 'Device',
    other: 'Devices',
    fields: {
      name: 'Device name', serial: 'Serial number', model: 'Model', status: 'Status', price: 'Price',
      installed_on: 'Installed on', notes: 'Notes', account_id: 'Account', contact_id: 'Contact', owner_id: 'Owner',
      created_by: 'Created by', created_at: 'Created', updated_at: 'Updated',
    },
    options: {
      model: { x100: 'X100 scanner', x200: 'X200 scanner', p10: 'P10 printer' },
      status: { active: 'Active', repair: 'In repair', retired: 'Retired' },
    },
    sections: { main: 'Device', service: 'Service', links: 'Customer' },
  },
  'zh-CN': {
    one: '设备',
    other: '设备',
    fields: {
      name: '设备名称', serial: '序列号', model: '型号', status: '状态', price: '价格',
      installed_on: '安装日期', notes: '备注', account_id: '客户', contact_id: '联系人', owner_id: '负责人',
      created_by: '创建人', created_at: '创建时间', updated_at: '更新时间',
    },
    options: {
      model: { x100: 'X100 扫描仪', x200: 'X200 扫描仪', p10: 'P10 打印机' },
      status: { active: '在用', repair: '维修中', retired: '已报废' },
    },
    sections: { main: '设备', service: '服务', links: '客户' },
  },
  'zh-TW': {
    one: '設備',
    other: '設備',
    fields: {
      name: '設備名稱', serial: '序號', model: '型號', status: '狀態', price: '價格',
      installed_on: '安裝日期', notes: '備註', account_id: '客戶', contact_id: '聯絡人', owner_id: '負責人',
      created_by: '建立者', created_at: '建立時間', updated_at: '更新時間',
    },
    options: {
      model: { x100: 'X100 掃描器', x200: 'X200 掃描器', p10: 'P10 印表機' },
      status: { active: '使用中', repair: '維修中', retired: '已報廢' },
    },
    sections: { main: '設備', service: '服務', links: '客戶' },
  },
};
