// Seeded generator of a contacts CSV: Chinese (Simplified and Traditional) and English people
// and companies, phones in the formats people type, emails, addresses, tags, a custom-field
// column, a few % duplicates and a few % invalid rows. Streamed: memory does not grow with rows.
//   node bench/generate.ts --rows 100000 --seed 42 --out /tmp/contacts.csv
import fs from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { Faker, base, en, zh_CN, zh_TW } from '@faker-js/faker';
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import * as L from './lists.ts';
import { HEADERS } from './lists.ts';

export interface GenStats {
  rows: number;
  bytes: number;
  invalid: number;
  duplicates: number;
  byLocale: Record<string, number>;
}

const toTW = OpenCC.Converter({ from: 'cn', to: 'tw' });
const pyCache = new Map<string, string>();
const py = (s: string) => {
  let v = pyCache.get(s);
  if (v === undefined) pyCache.set(s, (v = (pinyin(s, { toneType: 'none', type: 'array', mode: 'surname' }) as string[]).join('').replace(/[^a-z]/g, '')));
  return v;
};

function csvCell(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

interface Person {
  name: string;
  email: string;
  mobile: string;
  phone: string;
  company: string;
  title: string;
  province: string;
  city: string;
  street: string;
  birthday: string;
  tags: string;
  level: string;
  notes: string;
}

export class ContactGenerator {
  readonly f: Faker;
  readonly cn: Faker;
  readonly tw: Faker;
  readonly companies: { cn: string[]; tw: string[]; en: string[] };
  /** Recent emails and phone digits, the pool duplicates are drawn from. */
  readonly recent: { email: string; mobile: string }[] = [];
  readonly stats: GenStats;

  constructor(seed: number, rows: number) {
    this.f = new Faker({ locale: [en, base], seed });
    this.cn = new Faker({ locale: [zh_CN, en, base], seed: seed + 1 });
    this.tw = new Faker({ locale: [zh_TW, en, base], seed: seed + 2 });
    const n = Math.max(40, Math.round(rows / 25));
    const cnCompany = (cities: [string, string, string][]) =>
      `${this.f.helpers.arrayElement(cities)[1].replace(/市$/, '')}${this.f.helpers.arrayElement([...L.COMPANY_WORDS, this.cn.person.firstName()])}${this.f.helpers.arrayElement(L.COMPANY_TRADES)}${this.f.helpers.arrayElement(L.COMPANY_FORMS)}`;
    this.companies = {
      cn: Array.from({ length: n }, () => cnCompany(L.CN_CITIES)),
      tw: Array.from({ length: Math.ceil(n / 4) }, () => toTW(cnCompany(L.TW_CITIES))),
      en: Array.from({ length: Math.ceil(n / 2) }, () => this.f.company.name()),
    };
    this.stats = { rows: 0, bytes: 0, invalid: 0, duplicates: 0, byLocale: { zh_CN: 0, zh_TW: 0, en: 0 } };
  }

  /** Skewed pick: a few big customers have many contacts, most have a handful. */
  company(pool: string[]): string {
    if (this.f.number.float() < 0.15) return '';
    return pool[Math.floor(pool.length * this.f.number.float() ** 2)]!;
  }

  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += this.f.number.int(9);
    return s;
  }

  cnMobile(): string {
    const d = this.f.helpers.arrayElement(L.CN_MOBILE_PREFIXES) + this.digits(8);
    return this.formatCnMobile(d);
  }

  formatCnMobile(d: string): string {
    switch (this.f.number.int(5)) {
      case 0: return `+86 ${d.slice(0, 3)} ${d.slice(3, 7)} ${d.slice(7)}`;
      case 1: return `${d.slice(0, 3)}-${d.slice(3, 7)}-${d.slice(7)}`;
      case 2: return `+86${d}`;
      case 3: return `${d.slice(0, 3)} ${d.slice(3, 7)} ${d.slice(7)}`;
      default: return d;
    }
  }

  birthday(): string {
    const y = this.f.number.int({ min: 1950, max: 2004 });
    const m = this.f.number.int({ min: 1, max: 12 });
    const d = this.f.number.int({ min: 1, max: 28 });
    const p = (x: number) => String(x).padStart(2, '0');
    return this.f.helpers.arrayElement([`${y}-${p(m)}-${p(d)}`, `${y}/${m}/${d}`, `${y}年${m}月${d}日`, '']);
  }

  tags(): string {
    const n = this.f.helpers.weightedArrayElement([{ value: 0, weight: 4 }, { value: 1, weight: 3 }, { value: 2, weight: 2 }, { value: 3, weight: 1 }]);
    const sep = this.f.helpers.arrayElement([',', '；', '|']);
    return this.f.helpers.arrayElements(L.TAGS, n).join(sep);
  }

  level(locale: 'cn' | 'tw' | 'en'): string {
    if (this.f.number.float() < 0.3) return '';
    const l = this.f.helpers.weightedArrayElement(L.MEMBER_LEVELS.map((x, i) => ({ value: x, weight: [1, 3, 6, 10][i]! })));
    return locale === 'en' || this.f.number.float() < 0.3 ? l.value : l.labels[locale === 'cn' ? 'zh-CN' : 'zh-TW'];
  }

  chinese(kind: 'cn' | 'tw'): Person {
    const fk = kind === 'cn' ? this.cn : this.tw;
    const f = this.f;
    const surnameCn = f.helpers.weightedArrayElement(L.CN_SURNAMES.map(([value, weight]) => ({ value, weight })));
    const givenCn = f.number.float() < 0.4 ? f.helpers.arrayElement(L.CN_COMMON_GIVEN) : null;
    const surname = kind === 'cn' ? surnameCn : toTW(surnameCn);
    const given = givenCn ? (kind === 'cn' ? givenCn : toTW(givenCn)) : fk.person.firstName();
    const [sp, gp] = [py(surnameCn), py(givenCn ?? given)];
    const domain = f.helpers.arrayElement(kind === 'cn' ? L.CN_MAIL_DOMAINS : L.TW_MAIL_DOMAINS);
    const email = f.helpers.arrayElement([`${sp}${gp}${f.number.int(999)}@${domain}`, `${gp}.${sp}@${domain}`, `${sp}.${gp}${f.number.int(99)}@${domain}`, `${f.number.int({ min: 10000000, max: 2999999999 })}@qq.com`, '']);
    const [province, city, area] = f.helpers.arrayElement(kind === 'cn' ? L.CN_CITIES : L.TW_CITIES);
    const land = `${this.digits(4)}${this.digits(4)}`;
    const phone = f.number.float() < 0.35
      ? f.helpers.arrayElement([`${area}-${land}`, `(${area}) ${land.slice(0, 4)} ${land.slice(4)}`, `${kind === 'cn' ? '+86' : area === '852' ? '+852' : '+886'} ${area.replace(/^0/, '')} ${land}`, `${area}-${land} 转 ${f.number.int({ min: 100, max: 899 })}`])
      : '';
    const mobile = kind === 'cn'
      ? this.cnMobile()
      : f.helpers.arrayElement([`09${this.digits(2)}-${this.digits(3)}-${this.digits(3)}`, `+886 9${this.digits(2)} ${this.digits(3)} ${this.digits(3)}`]);
    return {
      name: surname + given, email, mobile, phone,
      company: this.company(kind === 'cn' ? this.companies.cn : this.companies.tw),
      title: f.helpers.arrayElement(kind === 'cn' ? L.CN_TITLES : L.TW_TITLES),
      province, city, street: fk.location.streetAddress(), birthday: this.birthday(), tags: this.tags(), level: this.level(kind),
      notes: f.number.float() < 0.3 ? f.helpers.arrayElement(kind === 'cn' ? L.NOTES_CN : L.NOTES_TW) : '',
    };
  }

  english(): Person {
    const f = this.f;
    const first = f.person.firstName();
    const last = f.person.lastName();
    return {
      name: f.number.float() < 0.1 ? `${last}, ${first}` : `${first} ${last}`,
      email: f.number.float() < 0.9 ? f.internet.email({ firstName: first, lastName: last }).toLowerCase() : '',
      mobile: f.phone.number({ style: 'international' }),
      phone: f.number.float() < 0.4 ? f.phone.number() : '',
      company: this.company(this.companies.en),
      title: f.person.jobTitle(),
      province: f.location.state(), city: f.location.city(), street: f.location.streetAddress(),
      birthday: this.birthday(), tags: this.tags(), level: this.level('en'),
      notes: f.number.float() < 0.2 ? f.helpers.arrayElement(L.NOTES_EN) : '',
    };
  }

  /** One CSV line. About 3% reuse a recent email or phone, about 2% are invalid. */
  row(): string {
    const u = this.f.number.float();
    const kind = u < 0.6 ? 'cn' : u < 0.75 ? 'tw' : 'en';
    this.stats.byLocale[kind === 'cn' ? 'zh_CN' : kind === 'tw' ? 'zh_TW' : 'en']!++;
    const p = kind === 'en' ? this.english() : this.chinese(kind);
    const r = this.f.number.float();
    if (r < 0.03 && this.recent.length) {
      this.stats.duplicates++;
      const prev = this.f.helpers.arrayElement(this.recent);
      if (r < 0.015 && prev.email) p.email = prev.email.toUpperCase();
      else if (prev.mobile) p.mobile = prev.mobile;
    } else if (r < 0.05) {
      this.stats.invalid++;
      if (r < 0.04) p.email = this.f.helpers.arrayElement(L.INVALID_EMAILS);
      else p.name = '';
    }
    if (this.recent.length < 2000) this.recent.push({ email: p.email, mobile: p.mobile });
    else this.recent[this.f.number.int(1999)] = { email: p.email, mobile: p.mobile };
    this.stats.rows++;
    return [p.name, p.email, p.mobile, p.phone, p.company, p.title, p.province, p.city, p.street, p.birthday, p.tags, p.level, p.notes].map(csvCell).join(',') + '\n';
  }
}

/** Writes `rows` contacts to `out` (UTF-8 with BOM, as Excel saves it). */
export async function generateContacts(out: string, rows: number, seed = 42): Promise<GenStats> {
  const gen = new ContactGenerator(seed, rows);
  const ws = fs.createWriteStream(out);
  let buf = '\ufeff' + HEADERS.join(',') + '\n';
  for (let i = 0; i < rows; i++) {
    buf += gen.row();
    if (buf.length > 256 * 1024) {
      gen.stats.bytes += Buffer.byteLength(buf);
      if (!ws.write(buf)) await once(ws, 'drain');
      buf = '';
    }
  }
  gen.stats.bytes += Buffer.byteLength(buf);
  ws.end(buf);
  await once(ws, 'finish');
  return gen.stats;
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { rows: { type: 'string', default: '5000' }, seed: { type: 'string', default: '42' }, out: { type: 'string', default: 'contacts.csv' } } });
  const t0 = performance.now();
  const stats = await generateContacts(values.out!, Number(values.rows), Number(values.seed));
  console.log(JSON.stringify({ ...stats, seconds: +((performance.now() - t0) / 1000).toFixed(1), out: values.out }));
}
