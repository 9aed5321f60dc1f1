import type { ObjectLabels } from '../../../shared/objects.ts';
import type { Locale } from '../../../shared/fields.ts';

export const contractsLabels: Record<Locale, ObjectLabels> = {
  en: {
    one: 'Contract',
    other: 'Contracts',
    fields: {
      number: 'Contract number', name: 'Name', account_id: 'Account', order_id: 'Sales order', contact_id: 'Signer', owner_id: 'Owner',
      type: 'Type', status: 'Status', start_date: 'Start date', end_date: 'End date', auto_renew: 'Renews automatically',
      renewal_term_months: 'Renewal term (months)', notice_days: 'Notice (days)', value: 'Contract value', currency: 'Currency',
      signed_by_customer_at: 'Signed by the customer', signed_by_us_at: 'Signed by us', description: 'Description',
      created_by: 'Created by', created_at: 'Created', updated_at: 'Updated',
    },
    options: {
      type: { sales: 'Sales', service: 'Service', framework: 'Framework', subscription: 'Subscription', other: 'Other' },
      status: { draft: 'Draft', active: 'Active', expired: 'Expired', terminated: 'Terminated', renewed: 'Renewed' },
    },
    sections: { main: 'Contract', term: 'Term and renewal', value: 'Value', signing: 'Signatures', notes: 'Description' },
  },
  'zh-CN': {
    one: '合同',
    other: '合同',
    fields: {
      number: '合同编号', name: '合同名称', account_id: '客户', order_id: '销售订单', contact_id: '签约人', owner_id: '负责人',
      type: '合同类型', status: '状态', start_date: '开始日期', end_date: '结束日期', auto_renew: '自动续约',
      renewal_term_months: '续约期限（月）', notice_days: '提前通知（天）', value: '合同金额', currency: '币种',
      signed_by_customer_at: '客户签署日期', signed_by_us_at: '我方签署日期', description: '描述',
      created_by: '创建人', created_at: '创建时间', updated_at: '更新时间',
    },
    options: {
      type: { sales: '销售合同', service: '服务合同', framework: '框架协议', subscription: '订阅合同', other: '其他' },
      status: { draft: '草稿', active: '生效中', expired: '已到期', terminated: '已终止', renewed: '已续约' },
    },
    sections: { main: '合同', term: '期限与续约', value: '金额', signing: '签署', notes: '描述' },
  },
  'zh-TW': {
    one: '合約',
    other: '合約',
    fields: {
      number: '合約編號', name: '合約名稱', account_id: '客戶', order_id: '銷售訂單', contact_id: '簽約人', owner_id: '負責人',
      type: '合約類型', status: '狀態', start_date: '開始日期', end_date: '結束日期', auto_renew: '自動續約',
      renewal_term_months: '續約期限（月）', notice_days: '提前通知（天）', value: '合約金額', currency: '幣別',
      signed_by_customer_at: '客戶簽署日期', signed_by_us_at: '我方簽署日期', description: '描述',
      created_by: '建立人', created_at: '建立時間', updated_at: '更新時間',
    },
    options: {
      type: { sales: '銷售合約', service: '服務合約', framework: '框架協議', subscription: '訂閱合約', other: '其他' },
      status: { draft: '草稿', active: '生效中', expired: '已到期', terminated: '已終止', renewed: '已續約' },
    },
    sections: { main: '合約', term: '期限與續約', value: '金額', signing: '簽署', notes: '描述' },
  },
};

/** The renewal task's title in its owner's language. */
export const renewalTaskTitle: Record<Locale, (number: string, name: string, end: string) => string> = {
  en: (n, name, end) => `Renewal: ${n} ${name} ends ${end}`,
  'zh-CN': (n, name, end) => `续约：${n} ${name} 将于 ${end} 到期`,
  'zh-TW': (n, name, end) => `續約：${n} ${name} 將於 ${end} 到期`,
};

/** An invoice line made from an instalment, in the invoicing user's language. */
export const instalmentLineText: Record<Locale, (number: string, sequence: number, due: string) => string> = {
  en: (n, s, due) => `${n} instalment ${s}, due ${due}`,
  'zh-CN': (n, s, due) => `${n} 第${s}期回款（${due}到期）`,
  'zh-TW': (n, s, due) => `${n} 第${s}期回款（${due}到期）`,
};
