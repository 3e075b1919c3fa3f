/**
 * A 政府采购支出表 grouped by 品目大类 and by unit (layout of Wuxi 2026 budgets): the 货物 / 服务 rows
 * and the unit rows repeat the sum of the purchases under them and are not purchases themselves.
 */
import { describe, expect, it } from 'vitest';
import { runText } from './harness.js';
import { runChecks } from '../../scripts/validate/checks.js';
import { emptyDoc } from '../fixtures/validate/records.js';

const text = [
  '政府采购支出表',
  '单位：万元',
  '采购品目大类\t专项名称\t经济科目\t采购品目名称\t采购组织形式\t一般公共预算资金\t总计',
  '合计\t\t\t\t\t25.30\t25.30',
  '货物\t\t\t\t\t2.00\t2.00',
  '某市某局（本级）\t\t\t\t\t2.00\t2.00',
  '\t商品和服务支出(公用经费定额)\t办公费\t复印纸\t集中采购机构采购\t2.00\t2.00',
  '服务\t\t\t\t\t23.30\t23.30',
  '某市某局（本级）\t\t\t\t\t23.30\t23.30',
  '\t商品和服务支出(公用经费定额)\t会议费\t一般会议服务\t集中采购机构采购\t1.40\t1.40',
  '\t信息化测评\t维修（护）费\t测试评估认证服务\t分散采购\t7.30\t7.30',
  '\t系统等保测评（甲系统）\t维修（护）费\t测试评估认证服务\t分散采购\t7.30\t7.30',
  '\t系统等保测评（乙系统）\t维修（护）费\t测试评估认证服务\t分散采购\t7.30\t7.30',
  '',
].join('\n');

describe('政府采购 table grouped by category and unit', () => {
  const r = runText(text);

  it('reads the five purchases only, with the category of their group', () => {
    const items = r.procurement.filter((p) => p.category === 'item');
    expect(items.map((p) => [p.label, p.amount])).toEqual([
      ['复印纸', 2],
      ['一般会议服务', 1.4],
      ['测试评估认证服务', 7.3],
      ['测试评估认证服务', 7.3],
      ['测试评估认证服务', 7.3],
    ]);
    expect(r.procurement.filter((p) => p.category !== 'item').map((p) => [p.category, p.amount])).toEqual([
      ['goods', 2],
      ['services', 23.3],
      ['total', 25.3],
    ]);
  });

  it('the purchases add up to the 合计: no procurement finding', () => {
    expect(runChecks(emptyDoc({ procurement: r.procurement }))).toEqual([]);
  });
});

describe('a 支出表 titled after its 政府采购项目 column group', () => {
  it('yields no purchases and no 政府采购 total', () => {
    const r = runText(
      [
        '政府采购项目',
        '单位：万元',
        '预算单位\t科目编码\t科目名称\t支出总计\t基本支出\t项目支出\t政府采购项目/小计',
        '某局\t\t\t571,347.93\t136,131.77\t435,216.17\t39,591.53',
        '\t205\t教育支出\t13,184.10\t10.00\t13,174.10\t341.82',
        '',
      ].join('\n'),
    );
    expect(r.tables[0].kind).toBe('procurement');
    expect(r.procurement).toEqual([]);
    expect(r.totals.procurement_total).toBeUndefined();
  });
});
