/**
 * Indicators written as running text in project descriptions:
 *   数量指标：服务应用系统数量 ≥ 20 个
 *   服务云平台数量=3个                 ← no prefix: same 二级 as the line before
 *   社会效益指标：政务服务和公共服务应用系统占比
 *   率 ≥70%                           ← a name broken across lines: joined to the line before
 */
import type { Indicator, SourceRef } from '../../model/schema.js';
import { classifyLevel, inferLevel1 } from './levels.js';
import { parseTarget, splitNameTarget } from './target.js';

const PREFIX = /^\s*([^：:，,。\s]{2,14}?指标)\s*[:：]\s*(.*)$/;

export interface InlineState {
  level2: string | null;
  /** The last indicator, kept open when it had no target so a continuation line can complete it. */
  open: Indicator | null;
}

export function newInlineState(): InlineState {
  return { level2: null, open: null };
}

/**
 * Read one line. Returns the indicators it completes (possibly none) and whether the line was
 * understood as an indicator line.
 */
export function readInlineIndicator(
  line: string,
  state: InlineState,
  source: SourceRef,
): { indicators: Indicator[]; understood: boolean } {
  const text = line.trim();
  if (!text) return { indicators: [], understood: false };
  const m = PREFIX.exec(text);
  let body = text;
  if (m) {
    const cls = classifyLevel(m[1]) ?? (/满意度指标$/.test(m[1]) ? 'l2' : null);
    if (!cls) return { indicators: [], understood: false };
    state.level2 = m[1];
    state.open = null;
    body = m[2];
    if (!body) return { indicators: [], understood: true };
  } else if (state.open) {
    // Continuation of a name that had no target ("…方面" + "满意度提升度（%） ≥90%").
    const prev = state.open;
    const joined = splitNameTarget(prev.level3 + body);
    const target = parseTarget(joined.target);
    Object.assign(prev, {
      level3: joined.name,
      target_raw: joined.target,
      operator: target.operator,
      value: target.value,
      value_max: target.value_max,
      unit: target.unit,
      source: { ...prev.source, line_end: source.line_end },
    });
    state.open = joined.target ? null : prev;
    return { indicators: [], understood: true };
  } else if (state.level2 === null) {
    return { indicators: [], understood: false };
  }
  const { name, target } = splitNameTarget(body);
  const parsed = parseTarget(target);
  const ind: Indicator = {
    level1: inferLevel1(state.level2),
    level2: state.level2,
    level3: name,
    target_raw: target,
    operator: parsed.operator,
    value: parsed.value,
    value_max: parsed.value_max,
    unit: parsed.unit,
    actual_raw: null,
    weight: null,
    score: null,
    note: null,
    source,
  };
  state.open = target ? null : ind;
  return { indicators: [ind], understood: true };
}
