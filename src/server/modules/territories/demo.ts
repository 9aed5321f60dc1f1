import type { DemoContext, DemoCounts } from '../../seed/context.ts';
import { createRecord } from '../../records/service.ts';
import { getObject } from '../../records/registry.ts';
import { putMembers, putRule, setAccountTerritory } from './territories.service.ts';

// The demo's sales territories: China split into 华北 / 华东 / 华南 (and 西南 for the Chengdu
// customers), each region's rule matching the provinces the demo accounts are in, the sales
// manager managing the whole country and the reps members of the regions they cover. Written
// as the administrator through the territories service, then every demo account handed to the
// rules, which assign it at once (as PUT /accounts/{id}/territory with locked: false does).

export const DEMO_REGIONS = [
  { name: '华北', code: 'CN-N', provinces: ['北京市', '天津市', '河北省', '山西省', '内蒙古自治区'] },
  { name: '华东', code: 'CN-E', provinces: ['上海市', '江苏省', '浙江省', '安徽省', '福建省', '江西省', '山东省'] },
  { name: '华南', code: 'CN-S', provinces: ['广东省', '广西壮族自治区', '海南省'] },
  { name: '西南', code: 'CN-SW', provinces: ['四川省', '重庆市', '云南省', '贵州省', '西藏自治区'] },
] as const;

const anyProvince = (provinces: readonly string[]) => ({
  kind: 'group', match: 'any', conditions: provinces.map((value) => ({ kind: 'field', field: 'province', op: 'eq', value })),
});

export async function territoriesDemo(ctx: DemoContext): Promise<DemoCounts> {
  const def = getObject('territories');
  const china = await createRecord(ctx.db, def, ctx.admin, { name: '中国区', code: 'CN', manager_id: ctx.manager.id, priority: 0 });
  await putMembers(ctx.db, ctx.admin, china.id, [{ user_id: ctx.manager.id, role: 'manager' }]);
  for (const [i, r] of DEMO_REGIONS.entries()) {
    const t = await createRecord(ctx.db, def, ctx.admin, { name: r.name, code: r.code, parent_id: china.id, manager_id: ctx.manager.id, priority: 10 });
    await putRule(ctx.db, ctx.admin, t.id, anyProvince(r.provinces));
    const rep = ctx.reps[i % Math.max(ctx.reps.length, 1)];
    await putMembers(ctx.db, ctx.admin, t.id, [{ user_id: ctx.manager.id, role: 'manager' }, ...(rep ? [{ user_id: rep.id, role: 'member' as const }] : [])]);
  }
  for (const id of ctx.accountIds) await setAccountTerritory(ctx.db, ctx.admin, id, { locked: false });
  return { territories: DEMO_REGIONS.length + 1 };
}
