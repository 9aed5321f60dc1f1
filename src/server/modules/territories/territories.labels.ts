import type { ObjectLabels } from '../../../shared/objects.ts';
import type { Locale } from '../../../shared/fields.ts';

/** The territories object's labels in the three languages (served in its descriptor). */
export const territoriesLabels: Record<Locale, ObjectLabels> = {
  en: {
    one: 'Territory',
    other: 'Territories',
    fields: { name: 'Name', code: 'Code', parent_id: 'Parent territory', manager_id: 'Manager', priority: 'Priority', active: 'Active', description: 'Description', depth: 'Level', created_by: 'Created by', created_at: 'Created', updated_at: 'Updated' },
    sections: { main: 'Territory', system: 'System' },
  },
  'zh-CN': {
    one: '销售区域',
    other: '销售区域',
    fields: { name: '名称', code: '编码', parent_id: '上级区域', manager_id: '负责人', priority: '优先级', active: '启用', description: '说明', depth: '层级', created_by: '创建人', created_at: '创建时间', updated_at: '更新时间' },
    sections: { main: '销售区域', system: '系统' },
  },
  'zh-TW': {
    one: '銷售區域',
    other: '銷售區域',
    fields: { name: '名稱', code: '編碼', parent_id: '上級區域', manager_id: '負責人', priority: '優先級', active: '啟用', description: '說明', depth: '層級', created_by: '建立人', created_at: '建立時間', updated_at: '更新時間' },
    sections: { main: '銷售區域', system: '系統' },
  },
};

/** Labels of the fields this module adds to accounts (ModuleManifest.extends). */
export const accountFieldLabels = {
  en: { territory_id: 'Territory', territory_locked: 'Territory set by hand' },
  'zh-CN': { territory_id: '销售区域', territory_locked: '手动指定区域' },
  'zh-TW': { territory_id: '銷售區域', territory_locked: '手動指定區域' },
};

export const accountSectionLabel = { en: 'Territory', 'zh-CN': '销售区域', 'zh-TW': '銷售區域' };
