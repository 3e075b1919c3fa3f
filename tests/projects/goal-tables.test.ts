/**
 * Project tables with a 绩效目标 column, shaped as the PDF reader prints them (tab-separated cells, goal
 * text wrapping onto lines of its own, headers over several rows, continuation pages).
 */
import { describe, expect, it } from 'vitest';
import { goalColumns } from '../../scripts/recognize/projects/goal-table.js';
import { join } from 'node:path';
import { ROOT, byName, fixtureText, runProjects } from './helpers.js';

const summary = (ps: ReturnType<typeof runProjects>['projects']) =>
  ps.map((p) => ({ name: p.name, budget: p.budget, unit: p.implementing_unit, goal: p.annual_goal }));

describe('unit rows interleaved with project rows (支出项目类别（资金使用单位） | 总计 | … | 绩效目标)', () => {
  const { projects, warnings } = runProjects('goal-table-unit-rows.txt', fixtureText('projects', 'goal-table-unit-rows.txt'));

  it('finds the 6 projects, not the unit rows or the 合计 row, over the continuation page', () => {
    expect(warnings).toEqual([]);
    expect(summary(projects)).toEqual([
      {
        name: '因公出国（境）经费',
        budget: 40,
        unit: '某市交通运输局',
        goal: '通过开展组织相关业务干部出国交流学习，主要达到如下目标：借鉴先进经验，提升行业管理水平。',
      },
      // The goal is centred on its row: its first line stands above the row.
      { name: '公共交通财政补贴', budget: 1200, unit: '某市交通运输局', goal: '通过开展公共交通补贴，主要达到如下目标：保持公交票价稳定，保障市民出行。' },
      // The name wraps around the line with the amounts.
      { name: '信息化运维项目', budget: 10.5, unit: '某市交通运输局', goal: '保障系统稳定运行。' },
      { name: '日常保障运行', budget: 60, unit: '某市道路事务中心', goal: '保障单位日常运转。' },
      // Named like an organization, but less than the row below it: not a unit's subtotal.
      { name: '智慧交通指挥中心', budget: 5, unit: '某市道路事务中心', goal: '建成指挥中心一期。' },
      { name: '车辆购置经费', budget: 18, unit: '某市道路事务中心', goal: '通过购置车辆，主要达到如下目标：满足外出执法用车需求；降低车辆运行成本。' },
    ]);
  });

  it('does not take the text after the table for goal text', () => {
    expect(projects.some((p) => (p.annual_goal ?? '').includes('机关运行经费'))).toBe(false);
    expect(projects.some((p) => /某市.*(局|中心)$/.test(p.name))).toBe(false);
  });
});

describe('unit column (单位名称 | 项目名称 | 金额 | 绩效目标) and the same names in several units', () => {
  const { projects } = runProjects('goal-table-unit-column.txt', fixtureText('projects', 'goal-table-unit-column.txt'));

  it('keeps 日常保障运行 of each unit apart and merges each with its 项目支出表 row', () => {
    expect(summary(projects)).toEqual([
      { name: '日常保障运行', budget: 64.9, unit: '某市交通运输局', goal: '保障机关日常运转，提升履职能力。' },
      { name: '日常保障运行', budget: 696.43, unit: '某市道路运输中心', goal: '保障中心日常运转，打造人民满意的运输服务。' },
      // A goal line with a count in it stays goal text; a row printed with spaces is a row.
      { name: '小客车总量调控工作', budget: 1079.14, unit: '某市道路运输中心', goal: '确保竞价指标配置工作平稳、公平公正，全年组织 竞价 12 次。' },
      { name: '道路运输管理服务', budget: 2331.44, unit: '某市道路运输中心', goal: '开展好运管大服务、业务大培训。' },
      { name: '口岸管理业务', budget: 40000.7, unit: '某市口岸办公室', goal: '保质保量完成口岸管养工作，保证口岸营商环境持续优化。' },
      { name: '预算准备金', budget: 180, unit: '某市口岸办公室', goal: '严格按照预算准备金管理办法执行。' },
    ]);
    const daily = projects.filter((p) => p.name === '日常保障运行');
    expect(new Set(daily.map((p) => p.id)).size).toBe(2);
    // Each merged record cites both tables.
    expect(daily[0].sources.map((s) => s.line_start)).toEqual([4, 11]);
  });
});

describe('a row whose unit cell was lost', () => {
  it('does not chain the same name of two units into one project', () => {
    const text = [
      '单位名称\t项目名称\t总计\t一般公共预算',
      '甲局\t日常保障运行\t10.00\t10.00',
      '乙中心\t日常保障运行\t20.00\t20.00',
      '',
      '市级部门项目支出绩效表',
      '单位名称\t项目名称\t金额\t项目总体绩效目标',
      '\t日常保障运行\t10.00\t保障甲局运转。',
      '乙中心\t日常保障运行\t20.00\t保障乙中心运转。',
    ].join('\n');
    const { projects } = runProjects('x.txt', text);
    expect(projects.map((p) => [p.name, p.implementing_unit, p.budget]).sort()).toEqual([
      ['日常保障运行', '乙中心', 20],
      ['日常保障运行', '甲局', 10],
    ]);
    expect(projects.find((p) => p.implementing_unit === '乙中心')?.annual_goal).toBe('保障乙中心运转。');
  });
});

describe('goalColumns', () => {
  it('merges a header over two rows and reads the unit from the amount caption', () => {
    expect(goalColumns([['', '一级项目名称', '', '绩效目标'], ['二级预算单位名称', '', '预算数（元）', '']], '万元')).toEqual({
      name: 1,
      amount: 2,
      goal: 3,
      unit: 0,
      money: '元',
    });
  });
  it('refuses indicator matrices and tables without a goal column', () => {
    expect(goalColumns([['单位名称', '项目名称', '年度资金总额', '年度绩效目标', '一级指标', '二级指标', '三级指标', '指标值']], '万元')).toBeNull();
    expect(goalColumns([['单位名称', '项目名称', '总计', '一般公共预算']], '万元')).toBeNull();
  });
  it('converts amounts in 元 to 万元', () => {
    const text = ['单位名称\t项目名称\t金额（元）\t绩效目标', '某局\t宣传经费\t125,000.00\t完成宣传任务。'].join('\n');
    const p = byName(runProjects('x.txt', text).projects, '宣传经费');
    expect(p.budget).toBe(12.5);
    expect(p.annual_goal).toBe('完成宣传任务。');
  });
});

describe('bad input', () => {
  it('never throws on broken goal tables', () => {
    for (const text of ['绩效目标\n\t\t\n', '项目名称\t绩效目标\n\t\n合计\t', '单位名称\t项目名称\t金额\t绩效目标\n\t\t\t\n\t\tabc\t目标', '绩效目标\t项目名称\t金额\n' + 'x\t'.repeat(50)]) {
      expect(() => runProjects('x.txt', text)).not.toThrow();
    }
  });
});

describe('a 项目名称 cell in a column header row (项目支出表 and 绩效目标表 headers over several rows)', () => {
  const { projects } = runProjects('name-header-rows.txt', fixtureText('projects', 'name-header-rows.txt'));

  it('takes no column label for a project (本年财政拨款, a broken 资金总额(万元))', () => {
    const names = projects.map((p) => p.name);
    expect(names).not.toContain('本年财政拨款');
    expect(names).not.toContain('金总额(万元)');
    expect(names.filter((n) => /财政拨款|总额|指标|预算$/.test(n))).toEqual([]);
  });
});

describe('绩效目标表 with a row per indicator (项目名称 | 资金总额 | 年度绩效目标 | 一级指标 | … | 指标值 | 权重)', () => {
  const { projects, claims } = runProjects('goal-matrix.txt', fixtureText('projects', 'goal-matrix.txt'));

  it('finds each project with its amount, goal and unit, names and goals joined over their rows', () => {
    expect(projects.map((p) => ({ name: p.name, budget: p.budget, unit: p.implementing_unit, goal: p.annual_goal, n: p.indicators.length }))).toEqual([
      { name: '档案数字化加工经费', budget: 80, unit: '某市档案局', goal: '完成馆藏档案数字化20万页。', n: 4 },
      // printed centred: its first indicator row stands above the row with its name and amount
      { name: '档案库房运行维护费', budget: 35.5, unit: '某市档案局', goal: '1、开展档案库房安全检查。2、更新消防设备。', n: 4 },
      // over a page break and a repeated header
      { name: '档案征集经费', budget: 12, unit: '某市档案局', goal: '征集地方特色档案。', n: 2 },
    ]);
  });

  it('reads each indicator row by column: levels, name, explanation, target and weight', () => {
    const [first, second, third] = projects;
    expect(first.indicators[0]).toMatchObject({ level1: '产出指标', level2: '数量指标', level3: '数字化档案页数', note: '全年完成数字化扫描的页数', target_raw: '≥20万页', operator: '>=', value: 20, weight: 40 });
    expect(first.indicators[1]).toMatchObject({ level1: '成本指标', level3: '每页加工成本', note: null, target_raw: '≤4元', operator: '<=', value: 4, weight: 20 });
    expect(second.indicators.map((x) => x.level3)).toEqual(['库房温湿度达标率', '运行维护成本', '档案安全事故', '工作人员满意度']);
    // an explanation wrapping onto the next row stays with its indicator
    expect(third.indicators[0]).toMatchObject({ level3: '征集档案数量', note: '面向社会征集的各类档案', target_raw: '≥500件', weight: 50 });
    expect(first.indicators.reduce((s, x) => s + (x.weight ?? 0), 0)).toBe(100);
  });

  it('claims the table rows and stops at the next part', () => {
    expect(claims.get(8)).toBe('projects');
    expect(claims.get(22)).toBe('projects');
    expect(claims.has(24)).toBe(false);
  });
});

describe('项目支出表 whose 项目名称 caption spans 一级项目 | 二级项目, and the same projects in a 绩效目标表', () => {
  it('takes the 二级项目 rows as projects and merges them with the 绩效目标表’s rows', async () => {
    const { ingestFile } = await import('../../scripts/pipeline/ingest-file.js');
    const r = await ingestFile(join(ROOT, 'tests/fixtures/projects/name-header-rows.txt'), 'name-header-rows.txt');
    const projects = r.document!.projects.map((p) => ({ name: p.name, budget: p.budget, aliases: p.aliases, indicators: p.indicators.length }));
    expect(projects).toEqual([
      { name: '信访专项经费', budget: 30, aliases: [], indicators: 2 },
      { name: '信访接待中心运行费', budget: 116, aliases: [], indicators: 0 },
    ]);
  });
});
