/**
 * Reconciliation checks producing findings (never exceptions). Each check is a small module in
 * checks/; figures are compared with decimal arithmetic and a rounding tolerance of 0.01 万元
 * (differences explainable by rounding several summed figures are reported as `info`).
 */
import type { DocumentRecord, Finding } from '../model/schema.js';
import { checkChildrenSum } from './checks/children-sum.js';
import { checkBasicPlusProject } from './checks/basic-plus-project.js';
import { checkNarrativeTotals } from './checks/narrative.js';
import { checkCrossTable } from './checks/cross-table.js';
import { checkProjectCodes, checkProjectSum } from './checks/projects.js';
import { checkBalance } from './checks/balance.js';
import { checkProcurement, checkThreePublic } from './checks/components.js';
import { checkPlausibility } from './checks/plausibility.js';

export { TOLERANCE } from './util.js';

const CHECKS: Array<(doc: Omit<DocumentRecord, 'findings' | 'disclosure'>) => Finding[]> = [
  checkChildrenSum,
  checkBasicPlusProject,
  checkNarrativeTotals,
  checkCrossTable,
  checkBalance,
  checkProjectSum,
  checkProjectCodes,
  checkThreePublic,
  checkProcurement,
  checkPlausibility,
];

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

export function runChecks(doc: Omit<DocumentRecord, 'findings' | 'disclosure'>): Finding[] {
  const out: Finding[] = [];
  for (const check of CHECKS) {
    try {
      out.push(...check(doc));
    } catch (e) {
      // a check that trips over odd data reports itself instead of failing the document
      out.push({
        check: 'internal',
        severity: 'info',
        message: `核对程序 ${check.name} 未能完成：${(e as Error).message}`,
        expected: null,
        actual: null,
        source: { file: doc.source_file, line_start: 1, line_end: 1 },
      });
    }
  }
  // deterministic order: by line, then check id, then message; exact duplicates removed
  const seen = new Set<string>();
  return out
    .filter((f) => {
      const k = `${f.check}|${f.source.line_start}|${f.message}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((a, b) => a.source.line_start - b.source.line_start || a.check.localeCompare(b.check) || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.message.localeCompare(b.message));
}
