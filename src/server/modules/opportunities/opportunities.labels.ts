import type { ObjectLabels } from '../../../shared/objects.ts';
import type { Locale } from '../../../shared/fields.ts';

const categories = {
  en: { open: 'Open', won: 'Won', lost: 'Lost' },
  'zh-CN': { open: '进行中', won: '赢单', lost: '输单' },
  'zh-TW': { open: '進行中', won: '贏單', lost: '輸單' },
};

export const opportunitiesLabels: Record<Locale, ObjectLabels> = {
  en: {
    one: 'Opportunity',
    other: 'Opportunities',
    fields: {
      name: 'Name', account_id: 'Account', contact_id: 'Primary contact', owner_id: 'Owner', pipeline_id: 'Pipeline', stage_id: 'Stage',
      stage_name: 'Stage', stage_category: 'Stage category', stage_entered_at: 'In stage since', amount: 'Amount', currency: 'Currency',
      exchange_rate: 'Exchange rate', amount_org: 'Amount (organisation currency)', probability: 'Probability (%)',
      probability_overridden: 'Probability set by hand', expected_close_date: 'Expected close date', source: 'Source campaign',
      competitors: 'Competitors', next_step: 'Next step', lost_reason: 'Lost reason', closed_at: 'Closed', lines_net: 'Lines net', lines_tax: 'Lines tax',
      created_by: 'Created by', created_at: 'Created', updated_at: 'Updated',
    },
    options: { stage_category: categories.en },
    sections: { main: 'Opportunity', money: 'Amount', stage: 'Stage', more: 'More' },
  },
  'zh-CN': {
    one: '商机',
    other: '商机',
    fields: {
      name: '名称', account_id: '客户', contact_id: '主要联系人', owner_id: '负责人', pipeline_id: '销售流程', stage_id: '阶段',
      stage_name: '阶段', stage_category: '阶段类别', stage_entered_at: '进入阶段时间', amount: '金额', currency: '币种',
      exchange_rate: '汇率', amount_org: '金额（本位币）', probability: '赢率 (%)',
      probability_overridden: '手动设置赢率', expected_close_date: '预计成交日期', source: '来源活动',
      competitors: '竞争对手', next_step: '下一步', lost_reason: '输单原因', closed_at: '关闭时间', lines_net: '明细不含税合计', lines_tax: '明细税额',
      created_by: '创建人', created_at: '创建时间', updated_at: '更新时间',
    },
    options: { stage_category: categories['zh-CN'] },
    sections: { main: '商机', money: '金额', stage: '阶段', more: '更多' },
  },
  'zh-TW': {
    one: '商機',
    other: '商機',
    fields: {
      name: '名稱', account_id: '客戶', contact_id: '主要聯絡人', owner_id: '負責人', pipeline_id: '銷售流程', stage_id: '階段',
      stage_name: '階段', stage_category: '階段類別', stage_entered_at: '進入階段時間', amount: '金額', currency: '幣別',
      exchange_rate: '匯率', amount_org: '金額（本位幣）', probability: '贏率 (%)',
      probability_overridden: '手動設定贏率', expected_close_date: '預計成交日期', source: '來源活動',
      competitors: '競爭對手', next_step: '下一步', lost_reason: '輸單原因', closed_at: '結案時間', lines_net: '明細未稅合計', lines_tax: '明細稅額',
      created_by: '建立者', created_at: '建立時間', updated_at: '更新時間',
    },
    options: { stage_category: categories['zh-TW'] },
    sections: { main: '商機', money: '金額', stage: '階段', more: '更多' },
  },
};
