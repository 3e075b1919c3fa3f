/**
 * Final-account evaluation text:
 *  - 自评综述 lines: "1.大楼智能化维保项目绩效自评总体综述：…自评得分为99.8分。项目全年预算数为220万元，
 *    执行数为215万元" → score, budget (全年预算数), executed;
 *  - 绩效评价报告: a "项目名称：…" line opens a report; its text states 年初预算 / 全年预算数 / 执行数
 *    ("项目年初预算 500 万元…全年预算数为 428 万元…以 321 万为全年执行数").
 */
import type { RecognizeContext } from '../context.js';
import { parseNumber } from '../../normalize/amount.js';
import { cleanText } from '../../normalize/text.js';
import { type ProjectDraft, newDraft, setIfEmpty } from './draft.js';
import { defineRecognizer } from '../registry.js';

const SUMMARY = /^\s*(?:\d{1,2}\s*[.．、]\s*)?(.{2,40}?)(?:项目)?(?:绩效)?自评(?:总体)?综述\s*[:：]/;
const REPORT_NAME = /^\s*项目名称\s*[:：]\s*(.{2,60})$/;
const REPORT_UNIT = /^\s*(?:项目单位|实施单位|项目实施单位)\s*[:：]\s*(.{2,40})$/;

const W = String.raw`\s*([\d,]+(?:\.\d+)?)\s*万`;
const PATTERNS = {
  score: /自评得分(?:为)?\s*([\d.]+)\s*分/,
  initial_budget: new RegExp(`年初预算(?:数)?(?:为)?${W}`),
  budget: new RegExp(`全年预算(?:数)?(?:为)?${W}`),
  executed: new RegExp(`(?:全年)?执行数(?:为)?${W}|以${W}(?:元)?为全年执行数`),
};

function amountOf(re: RegExp, text: string): number | null {
  const m = re.exec(text);
  if (!m) return null;
  const raw = m.slice(1).find((g) => g !== undefined);
  if (!raw) return null;
  const p = parseNumber(raw);
  return p.ok ? p.value.toNumber() : null;
}

function readFigures(d: ProjectDraft, text: string): boolean {
  let hit = false;
  const score = amountOf(PATTERNS.score, text);
  if (score !== null) {
    setIfEmpty(d, 'self_evaluation_score', score);
    hit = true;
  }
  for (const key of ['initial_budget', 'budget', 'executed'] as const) {
    const v = amountOf(PATTERNS[key], text);
    if (v !== null) {
      setIfEmpty(d, key, v);
      hit = true;
    }
  }
  return hit;
}

export function recognizeEvaluations(ctx: RecognizeContext): ProjectDraft[] {
  const drafts: ProjectDraft[] = [];
  let report: ProjectDraft | null = null;
  for (const b of ctx.seg.blocks) {
    if (b.type === 'table') continue;
    const text = cleanText(b.text);
    const sm = SUMMARY.exec(text);
    if (sm) {
      const d = newDraft(sm[1], 'evaluation', ctx.ref(b.line_start, b.line_end));
      readFigures(d, text);
      drafts.push(d);
      ctx.claim(b.line_start, b.line_end, 'projects');
      continue;
    }
    const rn = REPORT_NAME.exec(text);
    if (rn && !/[。；;]/.test(rn[1])) {
      report = newDraft(rn[1], 'evaluation', ctx.ref(b.line_start, b.line_end));
      drafts.push(report);
      ctx.claim(b.line_start, b.line_end, 'projects');
      continue;
    }
    if (!report) continue;
    const ru = REPORT_UNIT.exec(text);
    if (ru) {
      setIfEmpty(report, 'implementing_unit', ru[1]);
      ctx.claim(b.line_start, b.line_end, 'projects');
      continue;
    }
    // Budget figures of the report's project (first statement of each wins).
    if (/预算|执行数/.test(text) && readFigures(report, text)) {
      report.sources.push(ctx.ref(b.line_start, b.line_end));
    }
  }
  return drafts;
}

export const evaluationRecognizer = defineRecognizer({
  id: 'project-evaluations',
  label: '项目（绩效自评与评价报告）',
  deps: [],
  run: (ctx) => recognizeEvaluations(ctx),
  empty: () => [],
});
