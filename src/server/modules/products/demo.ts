import type { DemoContext, DemoCounts } from '../../seed/context.ts';
import { createRecord } from '../../records/service.ts';
import { getObject } from '../../records/registry.ts';

// The demo catalogue of the industrial supplier: goods, services and subscriptions, each with its
// VAT rate and its 19-digit tax classification code (税收分类编码), written by the administrator.
// [name, sku, type, unit, category, list price, cost, VAT %, tax code]
export const DEMO_PRODUCTS = [
  ['工业扫码枪 GX-200', 'GX-200', 'goods', '台', '硬件', '1280.00', '760.00', 13, '1090511990000000000'],
  ['标签打印机 LP-80', 'LP-80', 'goods', '台', '硬件', '2680.00', '1590.00', 13, '1090511990000000000'],
  ['数据采集终端 PDA-7', 'PDA-7', 'goods', '台', '硬件', '3980.00', '2450.00', 13, '1090511990000000000'],
  ['RFID 读写器 R-900', 'R-900', 'goods', '台', '硬件', '5600.00', '3300.00', 13, '1090511990000000000'],
  ['热敏标签纸（箱）', 'TL-100', 'goods', '箱', '耗材', '320.00', '150.00', 13, '1060201990000000000'],
  ['碳带（卷）', 'RB-110', 'goods', '卷', '耗材', '85.00', '38.00', 13, '1060201990000000000'],
  ['现场安装调试', 'SV-INST', 'service', '次', '服务', '3000.00', '1200.00', 6, '3040201000000000000'],
  ['操作培训（天）', 'SV-TRAIN', 'service', '天', '服务', '4500.00', '1800.00', 6, '3070201000000000000'],
  ['延保服务两年', 'SV-WARR2', 'service', '台', '服务', '600.00', '150.00', 6, '3040201000000000000'],
  ['仓储管理软件（年订阅）', 'SUB-WMS', 'subscription', '年', '软件', '36000.00', '6000.00', 6, '3040201010000000000'],
  ['设备云平台（年订阅）', 'SUB-IOT', 'subscription', '年', '软件', '18000.00', '3000.00', 6, '3040201010000000000'],
  ['远程技术支持（年）', 'SUB-SUP', 'subscription', '年', '服务', '9800.00', '2500.00', 6, '3040201000000000000'],
] as const;

export async function productsDemo(ctx: DemoContext): Promise<DemoCounts> {
  const def = getObject('products');
  for (const [name, sku, type, unit, category, list_price, cost_price, tax_rate, tax_code] of DEMO_PRODUCTS) {
    await createRecord(ctx.db, def, ctx.admin, { name, sku, type, unit, category, list_price, cost_price, tax_rate, tax_code, active: true });
  }
  return { products: DEMO_PRODUCTS.length };
}
