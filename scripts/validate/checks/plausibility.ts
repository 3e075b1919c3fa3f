/**
 * Totals that are parts of the whole can never exceed it. A part larger than 支出总计 means a column
 * or table was misread, so it is recorded as a parse note (for maintainers), not shown as the
 * department's inconsistency. A 财政拨款收入 of 0 beside a positive 一般公共预算支出 usually means the
 * group header 财政拨款 was attached to the wrong sub-column: a parse note too.
 */
import type { Finding, ParseNote, Totals } from '../../model/schema.js';
import { compare, fmt, type CheckDoc } from '../util.js';

const PARTS: Array<[keyof Totals, string]> = [
  ['basic_expenditure', '基本支出'],
  ['project_expenditure', '项目支出'],
  ['general_budget_expenditure', '一般公共预算支出'],
  ['procurement_total', '政府采购预算'],
  ['three_public_total', '“三公”经费'],
];

export function checkPlausibility(doc: CheckDoc, notes: ParseNote[] = []): Finding[] {
  const t = doc.totals;
  const whole = t.expenditure_total;
  const src = (k: keyof Totals) => doc.totals_sources[k] ?? { file: doc.source_file, line_start: 1, line_end: 1 };
  if (whole !== null && whole > 0) {
    for (const [k, label] of PARTS) {
      const part = t[k];
      if (part === null || part <= whole) continue;
      if (compare(whole, part).agrees) continue;
      notes.push({ check: 'part_exceeds_total', message: `${label} ${fmt(part)} 万元大于支出总计 ${fmt(whole)} 万元，不可能成立：可能读错了表格或列`, source: src(k) });
    }
  }
  const gb = t.general_budget_expenditure;
  if (t.fiscal_appropriation === 0 && gb !== null && gb > 0) {
    notes.push({ check: 'fiscal_appropriation_zero', message: `财政拨款收入为 0，但一般公共预算支出为 ${fmt(gb)} 万元：财政拨款一栏可能读错了列`, source: src('fiscal_appropriation') });
  }
  return [];
}
