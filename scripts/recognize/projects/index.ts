/**
 * Projects gathered from every place a document mentions them, merged into one record each:
 * key-value forms (绩效目标表 / 申报表 / 自评表), project tables (项目支出预算表, 整体绩效目标表 rows,
 * 绩效目标表 with a row per indicator),
 * numbered narrative descriptions, one-line 项目支出 mentions, and evaluation text.
 * Each source module is a recognizer returning drafts; merge.ts decides which drafts are the same project.
 */
import type { Project, Table } from '../../model/schema.js';
import type { RecognizeContext } from '../context.js';
import { defineRecognizer, runRecognizers } from '../registry.js';
import { formsRecognizer } from './forms.js';
import { projectTableRecognizer } from './table-list.js';
import { goalTableRecognizer } from './goal-table.js';
import { goalMatrixRecognizer } from './goal-matrix.js';
import { narrativeListRecognizer } from './narrative-list.js';
import { spendingListRecognizer } from './spending-list.js';
import { evaluationRecognizer } from './evaluation.js';
import { mergeDrafts } from './merge.js';

export const projectsRecognizer = defineRecognizer({
  id: 'projects',
  label: '项目（合并）',
  deps: [
    'project-forms',
    'project-goal-tables',
    'project-goal-matrices',
    'project-tables',
    'project-narrative-lists',
    'project-spending-list',
    'project-evaluations',
  ],
  run: (ctx, i) =>
    mergeDrafts(
      [
        ...i['project-forms'],
        ...i['project-goal-tables'].drafts,
        ...i['project-goal-matrices'],
        ...i['project-tables'],
        ...i['project-narrative-lists'],
        ...i['project-spending-list'],
        ...i['project-evaluations'],
      ],
      ctx.document_id,
    ),
  empty: () => [],
});

/** The project recognizers in the order they run (after `tables`). */
export const PROJECT_RECOGNIZERS = [
  formsRecognizer,
  goalTableRecognizer,
  goalMatrixRecognizer,
  projectTableRecognizer,
  narrativeListRecognizer,
  spendingListRecognizer,
  evaluationRecognizer,
  projectsRecognizer,
] as const;

/** Projects of a document whose tables are already read. */
export function recognizeProjects(ctx: RecognizeContext, tables: Table[], document_id: string): Project[] {
  const withId: RecognizeContext = { ...ctx, document_id };
  const pre = defineRecognizer({ id: 'tables', label: '表格', deps: [], run: () => tables, empty: () => tables });
  return runRecognizers(withId, [pre, ...PROJECT_RECOGNIZERS]).projects ?? [];
}
