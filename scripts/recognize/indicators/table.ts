/**
 * Indicator tables (一级指标 / 二级指标 / 三级指标 / 指标值 [/ 实际完成值 / 分值 / 得分 / 偏差原因 | 指标值说明]).
 * Merged cells are blank, and converters often drop them so later cells shift left
 * ("云服务投入成本\t\t下降", "成本\t平台维护成本\t<=20万元"). Each row is therefore read by content:
 * leading level words (from the known vocabulary) set 一级/二级, the next cell is the indicator name,
 * and the remaining cells fill the value roles announced by the header, in order.
 */
import type { Indicator, SourceRef } from '../../model/schema.js';
import type { Row } from '../../segment/ir.js';
import { parseNumber } from '../../normalize/amount.js';
import { classifyLevel, inferLevel1, splitGluedLevels, stripLevelWeight } from './levels.js';
import { parseTarget } from './target.js';

export type ValueRole = 'target' | 'actual' | 'weight' | 'score' | 'note';

export interface IndicatorHeader {
  l1Col: number;
  l2Col: number;
  /** the 三级指标 (indicator name) column */
  l3Col: number;
  roles: ValueRole[];
  /** the header column of each role (the 三级指标 column for a role glued to it; -1 when implied) */
  roleCols: number[];
}

/** A header row names 一级指标 and 三级指标 (or 明细指标); returns the value roles after the name column. */
export function parseIndicatorHeader(cells: string[]): IndicatorHeader | null {
  const norm = cells.map((c) => c.replace(/\s+/g, ''));
  // Converters glue neighbouring header cells ("一级指标二级指标", "三级指标目标值").
  const l1Col = norm.findIndex((c) => /^一级指标/.test(c));
  const l3Col = norm.findIndex((c) => /三级指标|明细指标/.test(c));
  if (l1Col < 0 || l3Col < 0) return null;
  const l2Col = norm.findIndex((c) => /二级指标/.test(c));
  const roles: ValueRole[] = [];
  const roleCols: number[] = [];
  const glued = norm[l3Col].replace(/^.*(三级指标|明细指标)[)）]?/, '');
  const after = [/^(指标值|目标值)/.test(glued) ? glued : '', ...norm.slice(l3Col + 1)];
  after.forEach((c, k) => {
    if (!c) return;
    if (/实际|完成值/.test(c)) roles.push('actual');
    else if (/得分/.test(c)) roles.push('score');
    else if (/分值|权重/.test(c)) roles.push('weight');
    else if (/指标值(?!说明|确定)/.test(c) || /目标值/.test(c)) roles.push('target');
    else roles.push('note');
    roleCols.push(l3Col + k);
  });
  if (!roles.includes('target')) {
    roles.unshift('target');
    roleCols.unshift(-1);
  }
  return { l1Col, l2Col: l2Col >= 0 && l2Col !== l1Col ? l2Col : l1Col + 1, l3Col, roles, roleCols };
}

export interface IndicatorRowState {
  header: IndicatorHeader;
  level1: string | null;
  level2: string | null;
}

export function newIndicatorState(header: IndicatorHeader): IndicatorRowState {
  return { header, level1: null, level2: null };
}

/** Rows that end an indicator table: totals, 评价等级, notes. Returns the row's kind. */
export function indicatorRowStop(cells: string[]): 'total' | 'stop' | null {
  const first = cells.find((c) => c.trim() !== '')?.replace(/\s+/g, '') ?? '';
  if (/^(总分|合计|总计)$/.test(first)) return 'total';
  if (/^(主管部门.*评价|评价等级|注[:：]|备注|说明[:：]|\d+\s*[.．、]|[(（]\d+[)）]|年度总体目标|项目名称|填报)/.test(first)) return 'stop';
  return null;
}

function isPureNumber(s: string): boolean {
  return parseNumber(s).ok;
}

/**
 * One data row → an indicator (or null when the row only sets levels or is not understood).
 * `state` carries the levels of merged cells down the table.
 */
export function readIndicatorRow(
  row: Row,
  state: IndicatorRowState,
  source: SourceRef,
): Indicator | null {
  const cells = row.cells.map((c) => c.trim());
  // Markdown table rules ("------|---") carry nothing.
  if (cells.every((c) => /^[-—–:|\s]*$/.test(c))) return null;
  const levels: Array<{ text: string; cls: 'l1' | 'l2' | 'ambiguous'; col: number }> = [];
  let i = 0;
  for (; i < cells.length; i++) {
    const c = cells[i];
    if (!c) continue;
    const cls = classifyLevel(c);
    if (cls === 'label') continue;
    if (cls && levels.length < 2) {
      levels.push({ text: stripLevelWeight(c), cls, col: i });
      continue;
    }
    if (!cls && levels.length < 2) {
      // "社会公众或服务对象满意度指标服务对象满意度": 一级 and 二级 glued; it is more specific than a
      // 一级 cell before it, so it replaces that one.
      const glued = splitGluedLevels(c);
      if (glued) {
        levels.length = 0;
        levels.push({ text: glued[0], cls: 'l1', col: i }, { text: glued[1], cls: 'l2', col: i });
        continue;
      }
    }
    break;
  }
  applyLevels(levels, state);
  const rest = cells.slice(i).filter((c) => c !== '');
  if (rest.length === 0) return null;
  const [name, ...values] = rest;
  // A wrapped level name's tail alone on its line ("经济成本指" / "标"): no indicator.
  if (values.length === 0 && name.length <= 6 && /(指|指标|满|效益)$/.test(name)) return null;
  return makeIndicator(state.level1, state.level2, name, assignValues(values, state.header.roles), source);
}

/** An indicator from its levels, its name and the values read for its roles (the target parsed here). */
export function makeIndicator(level1: string | null, level2: string | null, name: string, v: Assigned, source: SourceRef): Indicator {
  const target_raw = v.target ?? '';
  const parsed = parseTarget(target_raw);
  return {
    level1: level1 ?? inferLevel1(level2),
    level2,
    level3: name,
    target_raw,
    operator: parsed.operator,
    value: parsed.value,
    value_max: parsed.value_max,
    unit: parsed.unit,
    actual_raw: v.actual ?? null,
    weight: v.weight ?? null,
    score: v.score ?? null,
    note: v.note ?? null,
    source,
  };
}

function applyLevels(levels: Array<{ text: string; cls: 'l1' | 'l2' | 'ambiguous'; col: number }>, state: IndicatorRowState): void {
  if (levels.length >= 2) {
    state.level1 = levels[0].text;
    state.level2 = levels[1].text;
    return;
  }
  if (levels.length === 0) return;
  const { text, cls, col } = levels[0];
  let role: 'l1' | 'l2';
  if (cls === 'ambiguous') {
    // "成本指标"/"满意度指标" alone are 一级 names in the current framework; bare "成本"/"满意度" are
    // 二级 names under 产出/满意度. A cell standing in the 二级 column under a known 一级 stays 二级.
    const underL1 = state.level1 !== null && col === state.header.l2Col && state.header.l2Col !== state.header.l1Col;
    role = /指标$/.test(text) && !underL1 ? 'l1' : 'l2';
  } else role = cls;
  if (role === 'l1') {
    state.level1 = text;
    state.level2 = null;
  } else {
    state.level2 = text;
    // A 一级 printed once across its rows (vertically centred) is met after some of them: a 二级 that
    // belongs to another 一级 family than the one carried down ("时效指标" under "成本指标") switches to it.
    const implied = inferLevel1(text);
    const fam = (s: string | null) => (s ? (/满意/.test(s) ? '满意度' : /效益/.test(s) ? '效益' : /成本/.test(s) ? '成本' : /产出/.test(s) ? '产出' : null) : null);
    if (implied && state.level1 && fam(state.level1) && fam(implied) && fam(state.level1) !== fam(implied) && cls !== 'ambiguous') {
      state.level1 = implied;
    }
  }
}

/** Fill value roles in order; 分值/得分 are the last two plain numbers when the header has both. */
export type Assigned = { target?: string; actual?: string; note?: string; weight?: number; score?: number };

function assignValues(values: string[], roles: ValueRole[]): Assigned {
  const out: Assigned = {};
  let vals = values;
  if (roles.includes('weight') && roles.includes('score')) {
    let j = -1;
    for (let k = vals.length - 1; k >= 1; k--) {
      if (isPureNumber(vals[k]) && isPureNumber(vals[k - 1])) {
        j = k;
        break;
      }
    }
    if (j >= 1) {
      out.weight = Number(vals[j - 1].replace(/,/g, ''));
      out.score = Number(vals[j].replace(/,/g, ''));
      const note = vals.slice(j + 1).join(' ');
      if (note) out.note = note;
      vals = vals.slice(0, j - 1);
      if (vals[0] !== undefined) out.target = vals[0];
      if (vals[1] !== undefined) out.actual = vals[1];
      return out;
    }
  }
  const textRoles = roles;
  vals.forEach((val, k) => {
    const role = textRoles[k] ?? 'note';
    if (role === 'weight' || role === 'score') {
      const p = parseNumber(val);
      if (p.ok) out[role] = p.value.toNumber();
    } else {
      out[role] = out[role] ? `${out[role]} ${val}` : val;
    }
  });
  return out;
}

/** Total row of a self-evaluation: [weight total, score total]. */
export function readTotalRow(cells: string[]): { weight: number | null; score: number | null } {
  const nums = cells.map((c) => parseNumber(c)).filter((p) => p.ok).map((p) => (p.ok ? p.value.toNumber() : 0));
  if (nums.length === 0) return { weight: null, score: null };
  return { weight: nums.length > 1 ? nums[0] : null, score: nums[nums.length - 1] };
}
