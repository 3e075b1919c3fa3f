/**
 * Real prose-only budgets in ../shared/pdf-more (not part of the repository; skipped when absent):
 * 北京 departments publish a 情况说明 and the tables as a separate attachment. The figures below were
 * read off the PDFs by hand (pdftotext -layout).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../scripts/pipeline/ingest-file.js';
import { reconcile } from '../../scripts/validate/evaluate.js';

const dir = resolve(import.meta.dirname, '../../../shared/pdf-more');
const present = ['018.pdf', '019.pdf', '031.pdf'].every((f) => existsSync(join(dir, f)));
if (!present) console.warn(`跳过北京说明文字 PDF 测试：未找到 ${dir}`);

const ingest = async (f: string) => {
  const { document } = await ingestFile(join(dir, f), `pdf-more/${f}`);
  expect(document, f).not.toBeNull();
  return document!;
};

describe.skipIf(!present)('prose-only budgets (北京, tables published as an attachment)', () => {
  it('019 北京市住房和城乡建设委员会: totals from sentences, with page and line', { timeout: 120_000 }, async () => {
    const d = await ingest('019.pdf');
    // p.5 “2026 年度收入预算 81676.15 万元，比 2025 年年初预算数 101989.82 万元减少 20313.67 万元”
    // p.7 “基本支出预算 50790.07 万元…项目支出预算 25542.89 万元…（三）年终结转结余资金 5343.19 万元”
    expect(d.totals).toMatchObject({
      income_total: 81676.15,
      expenditure_total: 81676.15,
      basic_expenditure: 50790.07,
      project_expenditure: 25542.89,
      current_year_expenditure: null, // not stated; 支出预算 = 基本 + 项目 + 年终结转结余 (reconcile)
      fiscal_appropriation: 68443.58,
      three_public_total: 123.05,
      operating_expenses: 2324.81,
      procurement_total: 12445.19,
    });
    expect(d.totals_sources.income_total).toMatchObject({ file: 'pdf-more/019.pdf', page: 5 });
    expect(d.totals_sources.basic_expenditure).toMatchObject({ page: 7 });
    expect(d.facts.some((f) => f.value === 101989.82 || f.value === 20313.67)).toBe(false);
    expect(d.facts.find((f) => f.key === 'income_total')).toMatchObject({ change: -20313.67, change_pct: -19.92 });
    expect(reconcile(d).ok).toBe(true);
    const income = d.disclosure.find((x) => x.item === 'table_income')!;
    expect(income.status).toBe('published_separately');
    expect(income.source?.line_start).toBeGreaterThan(d.totals_sources.procurement_total.line_start); // the 附件 line at the end
  });

  it('031 北京市市场监督管理局: thousands separators; 基本+项目+年终结转 within the rounding of the stated figures', { timeout: 120_000 }, async () => {
    const d = await ingest('031.pdf');
    // “基本支出预算 92,536.67 万元”, “项目支出预算 97,764.40 万元”, “年终结转结余资金 21,212.97 万元”, 支出预算 211,514.05
    expect(d.totals).toMatchObject({ expenditure_total: 211514.05, basic_expenditure: 92536.67, project_expenditure: 97764.4 });
    expect(d.facts.find((f) => f.key === 'carryover_expenditure')?.value).toBe(21212.97);
    expect(reconcile(d).ok).toBe(true);
  });

  it('018 北京市国资委: a 情况说明 with no table and no 附件 line; “2026 度收入预算”; 其中 一般公共预算支出 is not the total', { timeout: 120_000 }, async () => {
    const d = await ingest('018.pdf');
    expect(d.totals).toMatchObject({
      income_total: 515665.27,
      expenditure_total: 515665.27,
      basic_expenditure: 10792.95,
      project_expenditure: 504872.32,
      general_budget_expenditure: 19828.57,
      fiscal_appropriation: 515256.66,
    });
    expect(reconcile(d).ok).toBe(true);
    expect(d.disclosure.find((x) => x.item === 'table_expenditure')?.status).toBe('published_separately');
  });
});
