import type { ObjectLabels } from '../../../shared/objects.ts';
import type { Locale } from '../../../shared/fields.ts';

export const quotesLabels: Record<Locale, ObjectLabels> = {
  en: {
    one: 'Quote',
    other: 'Quotes',
    fields: {
      number: 'Quote number', subject: 'Subject', account_id: 'Account', contact_id: 'Contact', opportunity_id: 'Opportunity', owner_id: 'Owner',
      status: 'Status', currency: 'Currency', valid_until: 'Valid until', rounding_mode: 'Rounding',
      prices_include_tax: 'Prices include tax', discount_percent: 'Overall discount (%)', net_total: 'Net total',
      discount_total: 'Discount', tax_total: 'Tax', gross_total: 'Total', notes: 'Terms and notes',
      created_by: 'Created by', created_at: 'Created', updated_at: 'Updated',
      version_no: 'Version', root_id: 'First version', previous_id: 'Previous version', submitted_at: 'Submitted for approval', approved_by: 'Approval decided by', approved_at: 'Approval decided', approval_comment: 'Approval comment', sent_at: 'Sent', sent_pdf_hash: 'PDF sent (SHA-256)', accepted_by_name: 'Accepted by', accepted_at: 'Accepted', accepted_ip: 'Accepted from address', rejected_at: 'Rejected', rejection_reason: 'Reason for rejecting',
    },
    options: {
      status: { draft: 'Draft', pending_approval: 'Waiting for approval', approved: 'Approved', approval_rejected: 'Not approved', sent: 'Sent', accepted: 'Accepted', rejected: 'Rejected', expired: 'Expired', withdrawn: 'Withdrawn', superseded: 'Superseded' },
      rounding_mode: { per_line: 'Per line', total: 'Per tax rate on the total' },
    },
    sections: { main: 'Quote', pricing: 'Pricing', totals: 'Totals', notes: 'Terms', approval: 'Approval', answer: 'Sending and answer' },
  },
  'zh-CN': {
    one: '报价单',
    other: '报价单',
    fields: {
      number: '报价单号', subject: '主题', account_id: '客户', contact_id: '联系人', opportunity_id: '商机', owner_id: '负责人',
      status: '状态', currency: '币种', valid_until: '有效期至', rounding_mode: '舍入方式',
      prices_include_tax: '价格含税', discount_percent: '整单折扣 (%)', net_total: '不含税合计',
      discount_total: '折扣', tax_total: '税额', gross_total: '价税合计', notes: '条款与备注',
      created_by: '创建人', created_at: '创建时间', updated_at: '更新时间',
      version_no: '版本', root_id: '首个版本', previous_id: '上一版本', submitted_at: '提交审批时间', approved_by: '审批人', approved_at: '审批时间', approval_comment: '审批意见', sent_at: '发送时间', sent_pdf_hash: '已发送 PDF (SHA-256)', accepted_by_name: '接受人', accepted_at: '接受时间', accepted_ip: '接受来源地址', rejected_at: '拒绝时间', rejection_reason: '拒绝原因',
    },
    options: {
      status: { draft: '草稿', pending_approval: '待审批', approved: '已批准', approval_rejected: '审批驳回', sent: '已发送', accepted: '已接受', rejected: '已拒绝', expired: '已过期', withdrawn: '已撤回', superseded: '已被新版本取代' },
      rounding_mode: { per_line: '逐行舍入', total: '按税率合计舍入' },
    },
    sections: { main: '报价单', pricing: '计价', totals: '合计', notes: '条款', approval: '审批', answer: '发送与答复' },
  },
  'zh-TW': {
    one: '報價單',
    other: '報價單',
    fields: {
      number: '報價單號', subject: '主旨', account_id: '客戶', contact_id: '聯絡人', opportunity_id: '商機', owner_id: '負責人',
      status: '狀態', currency: '幣別', valid_until: '有效期至', rounding_mode: '捨入方式',
      prices_include_tax: '價格含稅', discount_percent: '整單折扣 (%)', net_total: '未稅合計',
      discount_total: '折扣', tax_total: '稅額', gross_total: '含稅合計', notes: '條款與備註',
      created_by: '建立者', created_at: '建立時間', updated_at: '更新時間',
      version_no: '版本', root_id: '首個版本', previous_id: '上一版本', submitted_at: '送審時間', approved_by: '核准人', approved_at: '核准時間', approval_comment: '核准意見', sent_at: '寄出時間', sent_pdf_hash: '已寄出 PDF (SHA-256)', accepted_by_name: '接受人', accepted_at: '接受時間', accepted_ip: '接受來源位址', rejected_at: '拒絕時間', rejection_reason: '拒絕原因',
    },
    options: {
      status: { draft: '草稿', pending_approval: '待核准', approved: '已核准', approval_rejected: '核准駁回', sent: '已寄出', accepted: '已接受', rejected: '已拒絕', expired: '已過期', withdrawn: '已撤回', superseded: '已被新版本取代' },
      rounding_mode: { per_line: '逐行捨入', total: '依稅率合計捨入' },
    },
    sections: { main: '報價單', pricing: '計價', totals: '合計', notes: '條款', approval: '核准', answer: '寄出與答覆' },
  },
};
