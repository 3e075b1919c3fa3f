/**
 * Reconciliation checks producing findings (never exceptions). Each check is a small module in
 * checks/; figures are compared with decimal arithmetic and a rounding tolerance of 0.01 万元
 * (differences explainable by rounding several summed figures are reported as `info`).
 */
import type { Finding, ParseNote } from '../model/schema.js';
import { checkChildrenSum } from './checks/children-sum.js';
import { checkBasicPlusProject } from './checks/basic-plus-project.js';
import { checkNarrativeTotals } from './checks/narrative.js';
import { checkCrossTable } from './checks/cross-table.js';
import { checkProjectCodes, checkProjectSum } from './checks/projects.js';
import { checkBalance } from './checks/balance.js';
import { checkProcurement, checkThreePublic } from './checks/components.js';
import { checkPlausibility } from './checks/plausibility.js';
import { checkYearOverYear } from './checks/year-over-year.js';
import { checkDirectionWords } from './checks/direction.js';
import { checkPercentages } from './checks/percentage.js';
import { checkStatedTotals } from './checks/stated-totals.js';
import { checkFiscalYear } from './checks/fiscal-year.js';
import { checkTemplateLeftovers } from './checks/template.js';
import { checkTablePresence } from './checks/table-presence.js';
import { readingIssues, tableAt, tableLabel, type CheckDoc } from './util.js';
import { checkText, type CheckText } from './text.js';
import type { SegmentedDocument } from '../segment/ir.js';

export { TOLERANCE } from './util.js';

/**
 * A check: its findings returned, its parse notes (what it could not judge) pushed to `notes`. The
 * text checks (a careful reader's: direction words, percentages, years, template leftovers …) also
 * read the running text; without it (`text` null) they find nothing.
 */
export type Check = (doc: CheckDoc, notes: ParseNote[], text: CheckText | null) => Finding[];

const CHECKS: Check[] = [
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
  checkYearOverYear,
  checkDirectionWords,
  checkPercentages,
  checkStatedTotals,
  checkFiscalYear,
  checkTemplateLeftovers,
  checkTablePresence,
];

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Checks that compare figures (not codes): their findings need tables read completely. */
const NOT_ARITHMETIC = new Set(['duplicate_project_code', 'internal']);

/**
 * Every check on one document: the findings (the published document is inconsistent) and, apart,
 * the parse notes (a part the pipeline could not read completely, for maintainers). A mismatch in
 * figures taken from a table whose structure is uncertain (see readingIssues) is a parse note, never
 * a finding: a misread row or column would otherwise be reported as the department's error.
 */
export function checkDocument(doc: CheckDoc, seg?: SegmentedDocument): { findings: Finding[]; parse_notes: ParseNote[] } {
  const notes: ParseNote[] = [];
  const findings: Finding[] = [];
  // the text checks read sentences as printed; OCR text is not sure enough to quote a department on
  const text = seg && doc.source_format !== 'pdf_ocr' ? checkText(seg) : null;
  for (const f of runAll(doc, notes, text)) {
    // info (a difference rounding explains) accuses nobody; an error or warning needs tables read completely
    const uncertain = NOT_ARITHMETIC.has(f.check) || f.severity === 'info' ? [] : uncertainTables(doc, f);
    // a scan read by OCR (or a table on a scanned page): a figure that does not reconcile may be misread, so it accuses nobody
    const ocr = doc.source_format === 'pdf_ocr' || [f.source.line_start, f.source.line_end].some((l) => tableAt(doc, l)?.ocr);
    if (ocr && f.severity !== 'info') {
      notes.push({ check: f.check, message: `扫描件经文字识别（OCR）读取，数字可能识别有误，以下核对结果不作为原文的问题：${f.message}`, source: f.source });
      continue;
    }
    if (uncertain.length === 0) {
      findings.push(f);
      continue;
    }
    const why = uncertain.map(({ table, issues }) => `${tableLabel(table)}未能完整读取（${issues.join('；')}）`).join('；');
    notes.push({ check: f.check, message: `${why}，以下核对结果不作为原文的问题：${f.message}`, source: f.source });
  }
  return { findings, parse_notes: sortNotes(notes) };
}

/** The findings alone (see checkDocument for the parse notes). */
export function runChecks(doc: CheckDoc, seg?: SegmentedDocument): Finding[] {
  return checkDocument(doc, seg).findings;
}

/** The tables a finding's figures come from (its first and last line) that were not read completely. */
function uncertainTables(doc: CheckDoc, f: Finding): Array<{ table: NonNullable<ReturnType<typeof tableAt>>; issues: string[] }> {
  const out: Array<{ table: NonNullable<ReturnType<typeof tableAt>>; issues: string[] }> = [];
  for (const line of new Set([f.source.line_start, f.source.line_end])) {
    const table = tableAt(doc, line);
    if (!table || out.some((x) => x.table === table)) continue;
    const issues = readingIssues(doc, table);
    if (issues.length > 0) out.push({ table, issues });
  }
  return out;
}

/**
 * Findings and notes in a deterministic order — by line, then check id, then `rank` (a finding's
 * severity), then message — with exact repeats (same check, line and message) removed.
 */
function ordered<T extends { check: string; message: string; source: { line_start: number } }>(items: T[], rank: (x: T) => number = () => 0): T[] {
  const seen = new Set<string>();
  return items
    .filter((x) => {
      const k = `${x.check}|${x.source.line_start}|${x.message}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((a, b) => a.source.line_start - b.source.line_start || a.check.localeCompare(b.check) || rank(a) - rank(b) || a.message.localeCompare(b.message));
}

const sortNotes = (notes: ParseNote[]): ParseNote[] => ordered(notes);

function runAll(doc: CheckDoc, notes: ParseNote[], text: CheckText | null): Finding[] {
  const out: Finding[] = [];
  for (const check of CHECKS) {
    try {
      out.push(...check(doc, notes, text));
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
  return ordered(out, (f) => SEVERITY_ORDER[f.severity]);
}
