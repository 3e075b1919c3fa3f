/**
 * What each project source module produces: a partial project as one place in the document states it.
 * The merge module turns drafts into one Project per project.
 */
import type { Indicator, Project, SourceRef } from '../../model/schema.js';

/** Where a draft came from; lower rank = more structured source, preferred when fields disagree. */
export const ORIGIN_RANK = {
  form: 0, // 绩效目标表 / 申报表 / 自评表 (key-value forms)
  table: 1, // 项目支出预算表, 整体绩效目标表 project rows
  narrative: 2, // 项目情况说明 numbered lists
  evaluation: 3, // 自评综述, 评价报告
} as const;
export type Origin = keyof typeof ORIGIN_RANK;

type Fields = Omit<Project, 'id' | 'document_id' | 'name' | 'aliases' | 'indicators' | 'sources'>;

export interface ProjectDraft extends Partial<Fields> {
  name: string;
  origin: Origin;
  indicators: Indicator[];
  sources: SourceRef[];
}

export function newDraft(name: string, origin: Origin, source: SourceRef): ProjectDraft {
  return { name, origin, indicators: [], sources: [source] };
}

/** Set a field only when the draft does not have it yet (first statement wins within one source). */
export function setIfEmpty<K extends keyof Fields>(d: ProjectDraft, key: K, value: Fields[K] | null | undefined): void {
  if (value === null || value === undefined || value === '') return;
  if (d[key] === null || d[key] === undefined || d[key] === '') (d as Partial<Fields>)[key] = value;
}

/** Extend the draft's provenance to cover another line range. */
export function addSource(d: ProjectDraft, source: SourceRef): void {
  d.sources.push(source);
}

/** Frequencies (当年/延续/一次性/经常性) are printed under 项目类别 as often as under 频度. */
export function isFrequency(value: string): boolean {
  return /当年项目|延续|一次性|经常性|常年|跨年|新增项目|持续性/.test(value);
}
