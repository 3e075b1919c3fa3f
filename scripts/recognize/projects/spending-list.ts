/**
 * One-line project mentions in the 项目支出 explanation:
 *   （1）审批大厅日常运转经费 750 万元，主要用于保障审批大厅各项日常工作正常运行…
 * Only lines inside a passage about 项目支出 count, so the same shape used for 基本支出 items
 * ("工资福利支出 904.14 万元，主要用于…") is never taken for a project.
 */
import type { RecognizeContext } from '../context.js';
import { parseNumber } from '../../normalize/amount.js';
import { cleanText } from '../../normalize/text.js';
import { type ProjectDraft, newDraft, setIfEmpty } from './draft.js';
import { defineRecognizer } from '../registry.js';

const LINE =
  /^\s*(?:[(（]\s*\d{1,2}\s*[)）]|\d{1,2}\s*[.．、)）])\s*(.{2,40}?)\s*([\d,]+(?:\.\d+)?)\s*万元\s*[,，]\s*(?:主要)?用于[:：]?\s*(.*)$/;
const NOT_PROJECT = /工资福利|商品和服务|对个人和家庭|资本性支出|基本支出|人员经费|公用经费|支出$/;

export function recognizeSpendingList(ctx: RecognizeContext): ProjectDraft[] {
  const drafts: ProjectDraft[] = [];
  let context: 'project' | 'other' = 'other';
  for (const b of ctx.seg.blocks) {
    if (b.type === 'table') continue;
    const text = cleanText(b.text);
    const m = LINE.exec(text);
    if (m && context === 'project' && !NOT_PROJECT.test(m[1])) {
      const p = parseNumber(m[2]);
      if (!p.ok) continue;
      const d = newDraft(m[1], 'narrative', ctx.ref(b.line_start, b.line_end));
      setIfEmpty(d, 'budget', p.value.toNumber());
      setIfEmpty(d, 'overview', m[3].replace(/[。；;]$/, ''));
      drafts.push(d);
      ctx.claim(b.line_start, b.line_end, 'projects');
      continue;
    }
    if (/项目支出/.test(text) && !/基本支出/.test(text)) context = 'project';
    else if (/基本支出|^\s*[一二三四五六七八九十]+、|^第.+部分/.test(text)) context = 'other';
  }
  return drafts;
}

export const spendingListRecognizer = defineRecognizer({
  id: 'project-spending-list',
  label: '项目（项目支出说明）',
  deps: [],
  run: (ctx) => recognizeSpendingList(ctx),
  empty: () => [],
});
