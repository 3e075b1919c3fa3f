/**
 * Project tables with a 绩效目标 column, shaped as the PDF reader prints them (tab-separated cells, goal
 * text wrapping onto lines of its own, headers over several rows, continuation pages).
 */
import { describe, expect, it } from 'vitest';
import { goalColumns } from '../../scripts/recognize/projects/goal-table.js';
import { byName, fixtureText, runProjects } from './helpers.js';

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
