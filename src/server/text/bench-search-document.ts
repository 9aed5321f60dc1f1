// Throughput of buildSearchDocument on typical contacts: `node src/server/text/bench-search-document.ts`
// (Node 24, from the repository root). Not a test: it prints rows/s and token counts.
import { buildSearchDocument, buildSearchQuery, type SearchParts } from './search-text.ts';
import { warmNormalizer } from './normalize.ts';

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '欧阳', '司马', '曾', '單', '張'];
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚秀英桂建华国志晓东海燕子文博宇浩然欣怡佳琪梓涵雨萱'.split('');
const CITIES = ['北京', '上海', '广州', '深圳', '杭州', '成都', '臺北', '香港'];
const COMPANIES = ['北京精密机械有限公司', '上海华通贸易有限公司', 'ACME Trading Ltd.', '深圳市腾飞科技有限公司', 'Globex Corporation'];
const NOTE = '客户对我们的产品很感兴趣，希望下个月安排一次拜访，讨论年度采购计划以及售后服务条款。Prefers WeChat. 预算约50万元，决策人是采购总监。';

function contact(i: number): SearchParts {
  const given = GIVEN[i % GIVEN.length]! + (i % 3 ? GIVEN[(i * 7) % GIVEN.length]! : '');
  const name = SURNAMES[(i * 13) % SURNAMES.length]! + given;
  const n = String(10_000_000 + ((i * 7919) % 90_000_000));
  return {
    names: [name],
    phones: [`+86 13${i % 10}-${n.slice(0, 4)}-${n.slice(4)}`, `010-${n.slice(0, 4)}-${n.slice(4)}`],
    emails: [`user${i}.pinyin@example.com`],
    other: [COMPANIES[i % COMPANIES.length]!, CITIES[i % CITIES.length]!],
    notes: [NOTE.slice(0, 100)],
  };
}

const ROWS = 100_000;
const rows = Array.from({ length: ROWS }, (_, i) => contact(i));
let t = performance.now();
warmNormalizer();
console.log(`conversion table: ${(performance.now() - t).toFixed(0)} ms`);

for (let round = 1; round <= 3; round++) {
  let tokens = 0;
  let max = 0;
  let textChars = 0;
  t = performance.now();
  for (const r of rows) {
    const d = buildSearchDocument(r);
    tokens += d.tokens.length;
    textChars += d.text.length;
    if (d.tokens.length > max) max = d.tokens.length;
  }
  const ms = performance.now() - t;
  console.log(
    `round ${round}${round === 1 ? ' (pinyin cache cold)' : ''}: ${Math.round((ROWS / ms) * 1000)} rows/s, ` +
      `tokens avg ${(tokens / ROWS).toFixed(1)} max ${max}, search_text avg ${(textChars / ROWS).toFixed(0)} chars`,
  );
}

const queries = ['张伟', '張偉', 'zhangwei', 'zw', '3927', 'user12.pin', 'acme trading', '+86 138 0013 8000'];
t = performance.now();
for (let i = 0; i < 100_000; i++) buildSearchQuery(queries[i % queries.length]!);
console.log(`buildSearchQuery: ${((performance.now() - t) / 100).toFixed(2)} µs each`);
console.log('sample', JSON.stringify(buildSearchDocument(rows[1]!)));
