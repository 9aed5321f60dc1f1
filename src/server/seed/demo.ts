import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { createUser } from '../modules/users/users.service.ts';
import { loadActor } from '../modules/auth/auth.service.ts';
import { createRecord } from '../records/service.ts';
import { getObject } from '../records/registry.ts';
import type { Actor } from '../core/access.ts';
import { loadedModules, moduleRequires } from '../core/module-loader.ts';
import type { ModuleManifest } from '../core/modules.ts';
import type { DemoContext } from './context.ts';

// A deterministic demo: a Beijing hotpot chain with its members (B2C) and an industrial
// supplier with its business customers (B2B), with a few months of interaction history.
export const DEMO_PASSWORD = 'guanxi-demo';
export const DEMO_ADMIN = 'admin@demo.guanxi';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const FAMILY = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '桂英', '建华', '志强', '晓明', '欣怡', '子涵'];
const WESTERN = [['Emma', 'Wilson'], ['Liam', 'Brown'], ['Olivia', 'Taylor'], ['Noah', 'Martin'], ['Sophie', 'Müller'], ['Lucas', 'Dubois'], ['Mia', 'Schmidt'], ['James', 'Lee']];
const CITIES = [['北京市', '北京市', '朝阳区'], ['上海市', '上海市', '浦东新区'], ['广东省', '广州市', '天河区'], ['广东省', '深圳市', '南山区'], ['浙江省', '杭州市', '西湖区'], ['江苏省', '南京市', '鼓楼区'], ['四川省', '成都市', '武侯区']];
const DISHES = ['手切羊肉', '毛肚', '麻酱小料', '糖蒜', '炸灌肠', '鸭血', '冻豆腐', '芝麻烧饼'];
const B2B = ['上海精密机械有限公司', '杭州新能源科技有限公司', '广州华南电气集团', '深圳智造装备股份有限公司', '南京钢构工程有限公司', '成都西部物流有限公司', 'Acme Industrial Ltd.', 'Nordic Pumps AB', '北京京东方照明有限公司', '苏州精工模具厂'];
const INDUSTRIES = ['manufacturing', 'energy', 'logistics', 'construction', 'electronics'];

/**
 * The order of the modules' demo steps: a step follows the modules its migrations require (the
 * `-- requires:` lines that already order the modules: quotes read the opportunities) and those
 * named in its `demoAfter` (a demo-only need: invoices bill the demo's orders); otherwise the
 * given order. Both kinds of need count together, so a `demoAfter` can never undo a `requires`.
 */
export function demoOrder(modules: readonly ModuleManifest[]): ModuleManifest[] {
  const names = new Set(modules.map((m) => m.name));
  const needs = new Map(modules.map((m) => [m, [...moduleRequires(m.dir), ...(m.demoAfter ?? [])]]));
  const placed = new Set<string>();
  const left = [...modules];
  const out: ModuleManifest[] = [];
  while (left.length) {
    const i = left.findIndex((m) => needs.get(m)!.every((n) => placed.has(n) || !names.has(n)));
    if (i < 0) throw new Error(`demo steps of ${left.map((m) => m.name).join(', ')} wait for each other`);
    const [m] = left.splice(i, 1);
    out.push(m!);
    placed.add(m!.name);
  }
  return out;
}

export async function seedDemo(db: Kysely<DB>, now = new Date()): Promise<Record<string, number>> {
  // One connection for the whole demo: the demo clock (seed/clock.ts) is a setting of that session.
  return db.connection().execute((conn) => seedDemoOn(conn, now));
}

async function seedDemoOn(db: Kysely<DB>, now: Date): Promise<Record<string, number>> {
  const rand = rng(20261122);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const existing = await db.selectFrom('users').select('id').where('email', '=', 'manager@demo.guanxi').executeTakeFirst();
  if (existing) return { users: 0, accounts: 0, contacts: 0, activities: 0, tasks: 0 };

  const team = await db.insertInto('teams').values({ name: '华北销售组 North China Sales' }).returning('id').executeTakeFirstOrThrow();
  const existingAdmin = await db.selectFrom('users').select('id').where('role', '=', 'admin').orderBy('id').executeTakeFirst();
  // An empty folder gets a demo administrator too (the CLI says how to sign in as it).
  const admin = existingAdmin ?? (await createUser(db, { email: DEMO_ADMIN, name: '系统管理员', password: DEMO_PASSWORD, role: 'admin' }, null));
  const manager = await createUser(db, { email: 'manager@demo.guanxi', name: '王经理 Wang Li', password: DEMO_PASSWORD, role: 'manager', team_id: team.id, locale: 'zh-CN' }, admin.id);
  await db.updateTable('teams').set({ manager_id: manager.id }).where('id', '=', team.id).execute();
  const reps = [
    await createUser(db, { email: 'zhang.wei@demo.guanxi', name: '张伟', password: DEMO_PASSWORD, role: 'sales', team_id: team.id, locale: 'zh-CN' }, admin.id),
    await createUser(db, { email: 'emma@demo.guanxi', name: 'Emma Wilson', password: DEMO_PASSWORD, role: 'sales', team_id: team.id }, admin.id),
    await createUser(db, { email: 'chen.jing@demo.guanxi', name: '陳靜', password: DEMO_PASSWORD, role: 'service', team_id: team.id, locale: 'zh-TW' }, admin.id),
  ];
  const actors: Actor[] = [];
  for (const u of [manager, ...reps]) actors.push((await loadActor(db, u.id))!);
  const adminActor = (await loadActor(db, admin.id))!;
  const [accounts, contacts, activities, tasks] = ['accounts', 'contacts', 'activities', 'tasks'].map(getObject) as [ReturnType<typeof getObject>, ReturnType<typeof getObject>, ReturnType<typeof getObject>, ReturnType<typeof getObject>];
  const counts = { users: existingAdmin ? 4 : 5, accounts: 0, contacts: 0, activities: 0, tasks: 0 };

  const chain = await createRecord(db, accounts, adminActor, {
    name: '老北京涮肉连锁 Lao Beijing Hotpot', type: 'customer', tier: 'gold', industry: 'restaurant', province: '北京市', city: '北京市',
    district: '东城区', street: '东直门内大街 88 号', phone: '010-6401-8888', website: 'https://hotpot.example.cn', tags: ['餐饮', 'chain'], owner_id: manager.id,
  });
  counts.accounts++;
  const b2b = [];
  for (const name of B2B) {
    const [province, city, district] = pick(CITIES);
    b2b.push(await createRecord(db, accounts, adminActor, {
      name, type: pick(['customer', 'prospect', 'customer']), tier: pick(['standard', 'silver', 'gold']), industry: pick(INDUSTRIES),
      province, city, district, lifecycle_status: pick(['active', 'prospect', 'loyal']), source: pick(['referral', 'event', 'web']),
      annual_revenue: Math.round(rand() * 500) * 100_000, employees: 20 + Math.floor(rand() * 2000),
      credit_limit: Math.round(rand() * 50) * 10_000, payment_standing: pick(['good', 'good', 'watch']), owner_id: pick(actors).id,
    }));
    counts.accounts++;
  }
  const people = [];
  for (let i = 0; i < 120; i++) {
    const western = i % 9 === 0;
    const [given, family] = western ? pick(WESTERN) : [pick(GIVEN), pick(FAMILY)];
    const name = western ? `${given} ${family}` : `${family}${given}`;
    const [province, city, district] = pick(CITIES);
    const member = i < 70;
    const owner = pick(actors);
    const mobile = `1${pick(['38', '39', '58', '86', '35'])}${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`;
    people.push(await createRecord(db, contacts, adminActor, {
      name, family_name: family, given_name: given, gender: pick(['female', 'male']),
      birthday: `${1960 + Math.floor(rand() * 45)}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`,
      mobile, email: `demo${i}@${western ? 'example.com' : 'example.cn'}`, province, city, district,
      account_id: member ? chain.id : pick(b2b).id, title: member ? null : pick(['采购经理', '总经理', 'Engineer', '技术总监', 'Buyer']),
      type: member ? 'customer' : pick(['customer', 'prospect']), tier: member ? pick(['standard', 'silver', 'gold', 'vip']) : null,
      lifecycle_status: pick(['active', 'loyal', 'at_risk', 'prospect']), source: pick(['walk_in', 'web', 'referral', 'event']),
      preferences: member ? `喜欢：${pick(DISHES)}、${pick(DISHES)}` : null, dietary_needs: member && rand() < 0.2 ? '不吃辣' : null,
      tags: member ? ['会员'] : ['B2B'], credit_limit: member ? null : Math.round(rand() * 20) * 10_000, owner_id: owner.id,
    }));
    counts.contacts++;
  }
  const kinds = ['call', 'visit', 'meeting', 'email', 'note', 'message'] as const;
  const subjects: Record<string, string[]> = {
    call: ['回访电话', 'Follow-up call', '确认订单'], visit: ['到店用餐', '上门拜访', 'Site visit'], meeting: ['季度业务回顾', 'Product demo'],
    email: ['发送报价单', 'Sent catalogue'], note: ['客户反馈口味偏咸', 'Prefers WeChat contact'], message: ['微信沟通生日优惠', 'SMS coupon reminder'],
  };
  for (let i = 0; i < 360; i++) {
    const p = pick(people);
    const kind = pick(kinds);
    const daysAgo = Math.floor(rand() * 180);
    await createRecord(db, activities, adminActor, {
      kind, subject: pick(subjects[kind]!), body: rand() < 0.5 ? '沟通顺利，客户满意。' : null, contact_id: p.id,
      occurred_at: new Date(Date.now() - daysAgo * 86_400_000).toISOString(), owner_id: p.owner_id,
    });
    counts.activities++;
  }
  for (let i = 0; i < 40; i++) {
    const p = pick(people);
    await createRecord(db, tasks, adminActor, {
      title: pick(['生日问候', '回访满意度', 'Send quote', '续约提醒', 'Follow up on sample']), contact_id: p.id, owner_id: p.owner_id,
      due_at: new Date(Date.now() + (Math.floor(rand() * 30) - 10) * 86_400_000).toISOString(), priority: pick(['normal', 'high', 'low']),
      status: rand() < 0.25 ? 'done' : 'open',
    });
    counts.tasks++;
  }
  // Each module's own part (a quarter of sales…), in module order, on the people and customers above.
  const ctx: DemoContext = {
    db, admin: adminActor, manager: actors[0]!, reps: actors.filter((a) => a.role === 'sales'), teamId: team.id,
    accountIds: b2b.map((a) => a.id), contactIds: people.filter((p) => p.account_id !== chain.id).map((p) => p.id), rand, pick, now,
  };
  const all: Record<string, number> = counts;
  for (const m of demoOrder(loadedModules())) if (m.demo) for (const [k, v] of Object.entries(await m.demo(ctx))) all[k] = (all[k] ?? 0) + v;
  return all;
}
