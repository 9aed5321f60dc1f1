import type { ObjectLabels } from '../../../shared/objects.ts';
import type { Locale } from '../../../shared/fields.ts';

export const statementsLabels: Record<Locale, ObjectLabels> = {
  en: {
    one: 'Commission statement',
    other: 'Commission statements',
    fields: {
      name: 'Statement', user_id: 'Sales rep', period_kind: 'Period', period_start: 'Period start', period_end: 'Period end', status: 'Status',
      currency: 'Currency', basis_total: 'Credited amount', commission_total: 'Commission', generated_at: 'Generated', submitted_at: 'Submitted',
      approved_by: 'Approved by', approved_at: 'Approved', paid_at: 'Paid', note: 'Note', created_by: 'Created by', created_at: 'Created', updated_at: 'Updated',
    },
    options: {
      period_kind: { month: 'Month', quarter: 'Quarter' },
      status: { draft: 'Draft', submitted: 'Submitted', approved: 'Approved', paid: 'Paid' },
    },
    sections: { main: 'Statement', amounts: 'Amounts', approval: 'Approval', notes: 'Notes' },
  },
  'zh-CN': {
    one: '提成结算单',
    other: '提成结算单',
    fields: {
      name: '结算单', user_id: '销售代表', period_kind: '周期', period_start: '周期开始', period_end: '周期结束', status: '状态',
      currency: '币种', basis_total: '计提金额', commission_total: '提成', generated_at: '生成时间', submitted_at: '提交时间',
      approved_by: '审批人', approved_at: '审批时间', paid_at: '发放时间', note: '备注', created_by: '创建人', created_at: '创建时间', updated_at: '更新时间',
    },
    options: {
      period_kind: { month: '月', quarter: '季度' },
      status: { draft: '草稿', submitted: '已提交', approved: '已审批', paid: '已发放' },
    },
    sections: { main: '结算单', amounts: '金额', approval: '审批', notes: '备注' },
  },
  'zh-TW': {
    one: '佣金結算單',
    other: '佣金結算單',
    fields: {
      name: '結算單', user_id: '業務代表', period_kind: '週期', period_start: '週期開始', period_end: '週期結束', status: '狀態',
      currency: '幣別', basis_total: '計提金額', commission_total: '佣金', generated_at: '產生時間', submitted_at: '提交時間',
      approved_by: '核准人', approved_at: '核准時間', paid_at: '發放時間', note: '備註', created_by: '建立者', created_at: '建立時間', updated_at: '更新時間',
    },
    options: {
      period_kind: { month: '月', quarter: '季' },
      status: { draft: '草稿', submitted: '已提交', approved: '已核准', paid: '已發放' },
    },
    sections: { main: '結算單', amounts: '金額', approval: '核准', notes: '備註' },
  },
};
