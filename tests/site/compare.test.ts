/** Departments side by side (src/lib/compare.ts): scopes of one year and kind, ranked rows, the CSV of the table. */
import { describe, expect, it } from 'vitest';
import { COMPARE_COLUMNS, compareCsv, compareRows, compareScopes, scopeTitle, type CompareDoc } from '../../src/lib/compare';
import { parseCsv } from '../../src/lib/csv';
import { TOTAL_KEYS, type DocumentKind, type Totals } from '../../scripts/model/schema';

const NO_TOTALS = Object.fromEntries(TOTAL_KEYS.map((k) => [k, null])) as unknown as Totals;
function doc(id: string, department: string, city: string | null, year: number | null, kind: DocumentKind, totals: Partial<Totals>, authorized: number | null = null): CompareDoc {
  return { id, department, department_id: id.replace(/-\d{4}.*$/, ''), province: '江西省', city, fiscal_year: year, kind, totals: { ...NO_TOTALS, ...totals }, staffing: { authorized, actual: null, in_service: null, retired: null, source: null } };
}

// the five embedded documents' figures as the pipeline reads them (documents.csv)
const embedded = [
  doc('gan-zhou-2022-budget', '赣州市行政审批局', '赣州市', 2022, 'budget', { expenditure_total: 14783.86, basic_expenditure: 1053.02, project_expenditure: 13730.84, three_public_total: 3 }, 82),
  doc('jiang-han-2022-budget', '江汉区行政审批局', '武汉市', 2022, 'budget', { expenditure_total: 4679.36, basic_expenditure: 1053.74, project_expenditure: 3625.62, three_public_total: 0 }, 41),
  doc('nan-chang-kfq-2022-budget', '南昌经济技术开发区行政审批服务保障中心', '南昌市', 2022, 'budget', { expenditure_total: 895.2, basic_expenditure: 595.29, project_expenditure: 299.91, three_public_total: 0.5 }, 16),
  doc('xi-hu-2023-budget-draft', '南昌市西湖区政务服务数据管理局', '南昌市', 2023, 'budget_draft', { expenditure_total: 748.03, basic_expenditure: 417.43, project_expenditure: 230.6, three_public_total: 0 }, 18),
  doc('shang-rao-2021-final-account', '上饶市大数据发展管理局', '上饶市', 2021, 'final_account', { expenditure_total: 1664.55, basic_expenditure: 328.25, project_expenditure: 1336.3, three_public_total: 7.11 }),
];

describe('comparison scopes', () => {
  it('compare one year and one kind only: the embedded corpus has one scope, the 2022 budgets of three cities', () => {
    const scopes = compareScopes(embedded);
    expect(scopes.map((s) => s.slug)).toEqual(['all-2022-budget']);
    expect(scopes[0].docs.map((d) => d.department)).toEqual(['赣州市行政审批局', '江汉区行政审批局', '南昌经济技术开发区行政审批服务保障中心']);
    expect(scopeTitle(scopes[0])).toBe('全部地区 2022 年部门预算');
  });

  it('a 决算 never joins the 预算 of its year; a city gets its own scope when it differs from the whole', () => {
    const more = [
      ...embedded,
      doc('gan-zhou-2022-final-account', '赣州市行政审批局', '赣州市', 2022, 'final_account', { expenditure_total: 15000 }),
      doc('gan-zhou-b-2022-budget', '赣州市发展和改革委员会', '赣州市', 2022, 'budget', { expenditure_total: 2000 }),
      doc('unknown-year', '某局', '赣州市', null, 'budget', { expenditure_total: 1 }),
    ];
    const scopes = compareScopes(more);
    expect(scopes.map((s) => `${s.slug}:${s.docs.length}`)).toEqual(['all-2022-budget:4', 'gan-zhou-shi-2022-budget:2']);
    expect(scopes.every((s) => s.docs.every((d) => d.kind === s.kind && d.fiscal_year === s.year))).toBe(true);
    expect(compareScopes(more, 1).map((s) => s.slug)).toContain('all-2022-final-account');
  });
});

describe('comparison rows and CSV', () => {
  const rows = compareRows(compareScopes(embedded)[0].docs);

  it('rank by 支出总计, with the 基本 share and 三公 per authorised post', () => {
    expect(rows.map((r) => [r.rank, r.department, r.expenditure_total])).toEqual([
      [1, '赣州市行政审批局', 14783.86],
      [2, '江汉区行政审批局', 4679.36],
      [3, '南昌经济技术开发区行政审批服务保障中心', 895.2],
    ]);
    expect(rows[0].basic_share).toBe(7.1); // 1,053.02 / 14,783.86
    expect(rows[0].three_public_per_staff_yuan).toBe(366); // 3 万元 / 82 = 365.85 元
    expect(rows[1].three_public_per_staff_yuan).toBe(0); // a stated 0 stays 0
    expect(rows[2].three_public_per_staff_yuan).toBe(313); // 0.5 万元 / 16 = 312.5 元
  });

  it('a document without 支出总计 is listed last, unranked; no staff count, no per-post figure', () => {
    const r = compareRows([...embedded.slice(0, 2), doc('x-2022-budget', '某局', '赣州市', 2022, 'budget', { basic_expenditure: 10 }), doc('y-2022-budget', '另一局', '赣州市', 2022, 'budget', { expenditure_total: 10, three_public_total: 1 })]);
    expect(r.map((x) => [x.rank, x.department])).toEqual([[1, '赣州市行政审批局'], [2, '江汉区行政审批局'], [3, '另一局'], [null, '某局']]);
    expect(r[2].three_public_per_staff_yuan).toBeNull();
    expect(r[3].basic_share).toBeNull();
  });

  it('the CSV has the table’s columns (English headers) and rows, plain numbers', () => {
    const csv = compareCsv(rows);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, ...body] = parseCsv(csv).filter((r) => r.some((c) => c !== ''));
    expect(header).toEqual(COMPARE_COLUMNS.map((c) => c.csv));
    expect(header).toEqual(['rank', 'department', 'expenditure_total', 'basic_expenditure', 'project_expenditure', 'basic_share_pct', 'three_public_total', 'staff_authorized', 'three_public_per_staff_yuan']);
    expect(body).toHaveLength(3);
    expect(body[0]).toEqual(['1', '赣州市行政审批局', '14783.86', '1053.02', '13730.84', '7.1', '3', '82', '366']);
  });
});

describe('scopes of a department', () => {
  it('lists the comparisons a department appears in', async () => {
    const { scopesOfDepartment } = await import('../../src/lib/compare');
    expect(scopesOfDepartment(embedded, 'gan-zhou').map((s) => s.slug)).toEqual(['all-2022-budget']);
    expect(scopesOfDepartment(embedded, 'shang-rao')).toEqual([]);
  });
});
