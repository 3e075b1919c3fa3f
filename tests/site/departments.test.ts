/**
 * One department across its documents (src/lib/departments.ts): variances year to year and 决算
 * against 预算, key figures, funding mix, and the function classification matched by code across
 * years with renamed and moved 科目.
 */
import { describe, expect, it } from 'vitest';
import { changePair, crosswalkNote, fundingMix, functionMatrix, genericFunctionNames, keyFigures, topProjects, variances, type DeptDoc } from '../../src/lib/departments';
import { TOTAL_KEYS, type DocumentKind, type FunctionExpenditure, type Totals } from '../../scripts/model/schema';

const NO_TOTALS = Object.fromEntries(TOTAL_KEYS.map((k) => [k, null])) as unknown as Totals;
const src = { file: 'x.txt', line_start: 1, line_end: 1 };
type Fn = [code: string, name: string, total: number | null];
function fns(rows: Fn[], table_kind: FunctionExpenditure['table_kind'] = 'general_budget_expenditure'): FunctionExpenditure[] {
  return rows.map(([code, name, total]) => ({ table_id: 't1', table_kind, code, level: (code.length === 3 ? 1 : code.length === 5 ? 2 : 3) as 1 | 2 | 3, name, total, basic: null, project: null, source: src }));
}
function doc(year: number | null, kind: DocumentKind, totals: Partial<Totals>, rows: Fn[] = [], authorized: number | null = null): DeptDoc {
  return { id: `d-${year}-${kind}`, title: `${year}`, fiscal_year: year, kind, totals: { ...NO_TOTALS, ...totals }, staffing: { authorized, actual: null, in_service: null, retired: null, source: null }, expenditure_by_function: fns(rows) };
}

// 江汉区行政审批局 2022 budget as the pipeline reads it, then a made-up 2023 budget and 2023 final account
const b2022 = doc(2022, 'budget', { expenditure_total: 4679.36, basic_expenditure: 1053.74, project_expenditure: 3625.62, fiscal_appropriation: 4679.36, current_year_income: 4679.36, general_budget_expenditure: 4679.36, current_year_expenditure: 4679.36, three_public_total: 0 }, [], 41);
const b2023 = doc(2023, 'budget', { expenditure_total: 5000, basic_expenditure: 1100, project_expenditure: 3900, three_public_total: 1.5 });
const f2023 = doc(2023, 'final_account', { expenditure_total: 4500, basic_expenditure: 1050, project_expenditure: 3450, three_public_total: 1.2 });

describe('variances', () => {
  it('year to year within one kind, and 决算 against 预算 of the same year (newest first)', () => {
    const v = variances([f2023, b2022, b2023]);
    expect(v.map((x) => `${x.type} ${x.title}`)).toEqual(['execution 2023 年决算与预算', 'year 2023 年比 2022 年（预算）']);
    const yoy = v[1].rows.find((r) => r.key === 'expenditure_total')!;
    expect([yoy.from, yoy.to, yoy.change, yoy.pct]).toEqual([4679.36, 5000, 320.64, 6.9]);
    const exec = v[0].rows.find((r) => r.key === 'expenditure_total')!;
    expect([exec.from, exec.to, exec.change, exec.pct]).toEqual([5000, 4500, -500, 90]); // 执行率 90%
    // a stated 0 gives a change but no percentage
    const tp = v[1].rows.find((r) => r.key === 'three_public_total')!;
    expect([tp.change, tp.pct]).toEqual([1.5, null]);
  });

  it('a 决算 is never compared year to year with a 预算', () => {
    const v = variances([b2022, f2023]);
    expect(v).toEqual([]);
  });
});

describe('key figures and funding mix', () => {
  it('key figures of the latest document, with staff', () => {
    const k = keyFigures(b2022);
    expect(k.map((x) => [x.label, x.value])).toEqual([
      ['支出总计', 4679.36], ['基本支出', 1053.74], ['项目支出', 3625.62], ['财政拨款收入', 4679.36], ['“三公”经费预算', 0], ['编制人数', 41], ['实有人数', null],
    ]);
  });

  it('funding mix from the totals; a mix with an unpublished part is left out', () => {
    const m = fundingMix(b2022);
    expect(m.map((x) => x.title)).toEqual(['收入来源', '基本支出与项目支出', '资金性质']);
    expect(m[0].parts.map((p) => [p.label, p.value, p.pct])).toEqual([['财政拨款收入', 4679.36, 100], ['其他收入', 0, 0]]);
    expect(m[1].parts.map((p) => [p.label, p.pct])).toEqual([['基本支出', 22.5], ['项目支出', 77.5]]);
    expect(fundingMix(b2023).map((x) => x.title)).toEqual(['基本支出与项目支出']);
  });

  it('top projects by budget, unknown budgets last', () => {
    const ps = [{ id: 'a', budget: null }, { id: 'b', budget: 5 }, { id: 'c', budget: 50 }];
    expect(topProjects(ps, 2).map((p) => p.id)).toEqual(['c', 'b']);
  });
});

describe('functions across years', () => {
  const y1 = doc(2018, 'budget', {}, [['201', '一般公共服务支出', 100], ['20103', '政府办公厅（室）及相关机构事务', 100], ['2010301', '行政运行', 60], ['2010350', '事业运行', 40], ['210', '医疗卫生与计划生育支出', 10], ['213', '农林水支出', 5], ['21305', '扶贫', 5]]);
  const y2 = doc(2019, 'budget', {}, [['201', '一般公共服务支出', 120], ['20103', '政府办公厅(室)及相关机构事务', 120], ['2010301', '行政运行', 70], ['2010350', '事业运行', 50], ['210', '卫生健康支出', 12], ['213', '农林水支出', 6], ['21305', '巩固脱贫衔接乡村振兴', 6]]);
  const y3 = doc(2020, 'final_account', {}, [['201', '一般公共服务支出', 110], ['20103', '政府办公厅（室）及相关机构事务', 110], ['2010302', '事业运行', 45], ['2010301', '行政运行', 65]]);

  it('matches by code, and a code whose name changed keeps one row with both names', () => {
    const m = functionMatrix([y3, y1, y2]);
    expect(m.columns.map((c) => `${c.doc.fiscal_year} ${c.table_label}`)).toEqual(['2018 一般公共预算支出表', '2019 一般公共预算支出表', '2020 一般公共预算支出表']);
    const office = m.rows.find((r) => r.code === '20103')!;
    expect(office.values).toEqual([100, 120, 110]);
    expect(office.matched).toBe('code'); // （室） and (室) are one name
    const poverty = m.rows.find((r) => r.code === '21305')!;
    expect(poverty.matched).toBe('renamed');
    expect(poverty.names.map((n) => `${n.name}@${n.years.join(',')}`)).toEqual(['扶贫@2018', '巩固脱贫衔接乡村振兴@2019']);
  });

  it('a name that moved to another code is one row; the curated 2019 rename of 210 cites its source', () => {
    const m = functionMatrix([y1, y2, y3]);
    const run = m.rows.filter((r) => r.name === '事业运行');
    expect(run).toHaveLength(1);
    expect(run[0].code).toBe('2010302');
    expect(run[0].matched).toBe('moved');
    expect(run[0].values).toEqual([40, 50, 45]);
    expect(run[0].names.map((n) => n.code)).toEqual(['2010350', '2010302']);
    const health = m.rows.find((r) => r.code === '210')!;
    expect(health.matched).toBe('curated');
    expect(health.why).toContain('2019年政府收支分类科目');
    expect(health.names.map((n) => n.name)).toEqual(['医疗卫生与计划生育支出', '卫生健康支出']);
  });

  it('a generic name (行政运行 under several 款 in some document) never joins two codes', () => {
    const other = doc(2020, 'budget', {}, [['2010301', '事业运行', 1], ['2013850', '事业运行', 2]]);
    const generic = genericFunctionNames([y1, y2, y3, other]);
    expect(generic.has('事业运行')).toBe(true);
    const m = functionMatrix([y1, y2, y3], generic);
    expect(m.rows.filter((r) => r.name === '事业运行').map((r) => r.code)).toEqual(['2010302', '2010350']);
  });
});

describe('change column', () => {
  it('the newest document against the previous year of the same kind', () => {
    const cols = [b2022, b2023, f2023].map((doc) => ({ doc }));
    expect(changePair(cols)).toEqual([0, 1]);
    expect(changePair([b2022, f2023].map((doc) => ({ doc })))).toBeNull();
  });
});

describe('crosswalk notes', () => {
  it('say each year’s code and name and how they were matched', () => {
    const y1 = doc(2018, 'budget', {}, [['2010350', '事业运行', 40]]);
    const y2 = doc(2019, 'budget', {}, [['2010302', '事业运行', 45]]);
    const [row] = functionMatrix([y1, y2]).rows;
    expect(crosswalkNote(row)).toBe('2018 年：2010350“事业运行” → 2019 年：2010302“事业运行”（名称相同、编码不同，按名称对照）');
  });
});

describe('rows printed without a name', () => {
  it('a code printed as its own name is no rename, and the row keeps its printed name', () => {
    const y1 = doc(2022, 'budget', {}, [['201', '一般公共服务支出', 10], ['2010301', '行政运行', 10]]);
    const y2 = doc(2023, 'final_account', {}, [['201', '201', 12], ['2010301', '', 12]]);
    const m = functionMatrix([y1, y2]);
    expect(m.rows.map((r) => [r.code, r.name, r.matched, r.names.length, r.values])).toEqual([
      ['201', '一般公共服务支出', 'code', 0, [10, 12]],
      ['2010301', '行政运行', 'code', 0, [10, 12]],
    ]);
  });
});

describe('labels side by side', () => {
  it('two documents of one year and kind are told apart', async () => {
    const { uniqueLabels } = await import('../../src/lib/departments');
    expect(uniqueLabels([b2022, b2023, { fiscal_year: 2023, kind: 'budget' }, f2023])).toEqual(['2022 年部门预算', '2023 年部门预算（1）', '2023 年部门预算（2）', '2023 年部门决算']);
  });
});
