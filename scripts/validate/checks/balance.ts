/**
 * Income total = expenditure total in the 收支总表 and 财政拨款收支总表 (a budget balances; a final
 * account balances after 结转和结余): every 总计 on the 总计 row must be the same figure.
 */
import type { Finding } from '../../model/schema.js';
import { compact } from '../../normalize/text.js';
import { fmt, finding, firstAmountAfter, mismatch, type CheckDoc } from '../util.js';

const GRAND_TOTAL = /^(?:收入总计|支出总计|总计)$/;

export function checkBalance(doc: CheckDoc): Finding[] {
  const out: Finding[] = [];
  const summaries = doc.tables.filter((t) => (t.kind === 'income_expenditure_summary' || t.kind === 'fiscal_appropriation_summary') && !t.empty);
  for (const t of summaries) {
    const unit = t.unit ?? doc.unit;
    const found: Array<{ label: string; value: number; line: number }> = [];
    for (const row of t.rows) {
      row.cells.forEach((c, i) => {
        const label = compact(c);
        if (!GRAND_TOTAL.test(label)) return;
        const a = firstAmountAfter(t, row.cells, i, unit);
        // the amount must belong to this label, not to the next label on the row
        const between = a ? row.cells.slice(i + 1, a.col).some((x) => GRAND_TOTAL.test(compact(x))) : true;
        if (a && !between) found.push({ label, value: a.value, line: row.source_line });
      });
    }
    if (found.length < 2) continue;
    const first = found[0];
    for (const other of found.slice(1)) {
      const what = `《${t.title}》收支不平衡：${first.label} ${fmt(first.value)} 万元（第 ${first.line} 行）与${other.label} ${fmt(other.value)} 万元（第 ${other.line} 行）`;
      const f = mismatch('income_equals_expenditure', 'error', what, first.value, other.value, { file: doc.source_file, line_start: Math.min(first.line, other.line), line_end: Math.max(first.line, other.line) });
      if (f) out.push(f);
    }
  }
  // no summary table: the document's totals from wherever they were read
  const { income_total: inc, expenditure_total: exp } = doc.totals;
  if (summaries.length === 0 && inc !== null && exp !== null) {
    const src = doc.totals_sources.expenditure_total ?? doc.totals_sources.income_total!;
    const f = mismatch('income_equals_expenditure', 'error', `收入总计 ${fmt(inc)} 万元与支出总计 ${fmt(exp)} 万元不相等`, inc, exp, src);
    if (f) out.push(f);
  }
  void finding;
  return out;
}
