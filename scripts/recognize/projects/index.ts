/**
 * Projects gathered from every place a document mentions them, merged into one record each:
 * key-value forms (绩效目标表 / 申报表 / 自评表), project tables (项目支出预算表, 整体绩效目标表 rows,
 * 绩效目标表 with a row per indicator),
 * numbered narrative descriptions, one-line 项目支出 mentions, and evaluation text.
 * Each source module returns drafts; merge.ts decides which drafts are the same project.
 */
import type { Project, Table } from '../../model/schema.js';
import type { RecognizeContext } from '../context.js';
import type { ProjectDraft } from './draft.js';
import { recognizeForms } from './forms.js';
import { recognizeProjectTables } from './table-list.js';
import { recognizeGoalTables } from './goal-table.js';
import { recognizeGoalMatrices } from './goal-matrix.js';
import { recognizeNarrativeLists } from './narrative-list.js';
import { recognizeSpendingList } from './spending-list.js';
import { recognizeEvaluations } from './evaluation.js';
import { mergeDrafts } from './merge.js';

export function recognizeProjects(ctx: RecognizeContext, tables: Table[], document_id: string): Project[] {
  const drafts: ProjectDraft[] = [];
  // A failing source module must not take the others down: bad input degrades to a warning.
  let covered: Array<[number, number]> = [];
  const sources: Array<[string, () => ProjectDraft[]]> = [
    ['项目绩效目标表/申报表/自评表', () => recognizeForms(ctx)],
    [
      '项目绩效目标一览表',
      () => {
        const r = recognizeGoalTables(ctx);
        covered = r.covered;
        return r.drafts;
      },
    ],
    ['项目绩效目标表（每行一个指标）', () => recognizeGoalMatrices(ctx)],
    ['项目支出预算表', () => recognizeProjectTables(ctx, tables, covered)],
    ['项目情况说明', () => recognizeNarrativeLists(ctx)],
    ['项目支出说明', () => recognizeSpendingList(ctx)],
    ['绩效自评与评价报告', () => recognizeEvaluations(ctx)],
  ];
  for (const [label, run] of sources) {
    try {
      drafts.push(...run());
    } catch (e) {
      ctx.warn(null, `识别项目（${label}）时出错，已跳过：${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return mergeDrafts(drafts, document_id);
}
