/**
 * Key-value project forms, read row by row across consecutive table blocks:
 *  - 项目支出绩效目标表 ("项目名称:\t云计算服务基本服务费\t项目编号:\t3607…", 项目总金额, 本年度预算金额 …),
 *  - 项目支出(绩效目标)申报表 (keys without colons, checkbox HTML for 项目类别/项目安排频度),
 *  - 项目支出绩效自评表 (年初预算数/全年预算数/全年执行数 row, 实际完成值/分值/得分 columns, 总分 row),
 * each followed by its indicator table (一级指标/二级指标/三级指标/…). A form starts at a 项目名称 row and
 * runs until the next one or until the document moves on (a 部门整体 table, a new 第X部分).
 */
import type { SourceRef } from '../../model/schema.js';
import type { Row, TableBlock } from '../../segment/ir.js';
import type { RecognizeContext } from '../context.js';
import { moneyToWan, parseMoneyText, parseNumber, sumExact } from '../../normalize/amount.js';
import { cleanText } from '../../normalize/text.js';
import { gridRows } from '../tables/cell-per-line.js';
import {
  type IndicatorRowState,
  indicatorRowStop,
  newIndicatorState,
  parseIndicatorHeader,
  readIndicatorRow,
  readTotalRow,
} from '../indicators/table.js';
import { type ProjectDraft, addSource, isFrequency, newDraft, setIfEmpty } from './draft.js';
import { defineRecognizer } from '../registry.js';

type Field =
  | 'name' | 'code' | 'category' | 'frequency' | 'start_date' | 'end_date' | 'total_budget' | 'budget'
  | 'implementing_unit' | 'overview' | 'plan' | 'basis' | 'annual_goal' | 'period' | 'ignore';

/** Form keys (colon and spaces removed) → project field. Unknown keys are not form keys. */
const KEYS: Array<[RegExp, Field]> = [
  [/^项目名称$/, 'name'],
  [/^项目(编号|编码|代码)$/, 'code'],
  [/^项目(类别|类型|属性)$/, 'category'],
  [/^资金用途$/, 'category'],
  [/^项目安排频度$|^项目频度$/, 'frequency'],
  [/^(开始日期|起始年度|开始时间|起始时间)$/, 'start_date'],
  [/^(结束日期|终止年度|结束时间|终止时间)$/, 'end_date'],
  [/^(实施周期|项目期限)$/, 'period'],
  [/^(项目总金额|项目总预算|项目总投资)$/, 'total_budget'],
  [/^(本年度预算金额|项目当年预算|本年预算|当年预算|本年度预算)$/, 'budget'],
  [/^(项目执行单位|实施单位|实施主体|项目实施单位)$/, 'implementing_unit'],
  [/^(立项必要性|项目概述|项目概况)$/, 'overview'],
  [/^(项目实施内容|项目实施方案|实施方案)$/, 'plan'],
  [/^(政策依据|立项依据)$/, 'basis'],
  [/^(年度绩效目标|项目绩效总目标|年度目标)$/, 'annual_goal'],
  [
    /^(项目负责人|联系人|联系电话|是否重点项目|实施可行性|中长期目标|其他依据|需要说明的其他问题|项目主管部门|主管部门|填报人|上年绩效评价结果.*|项目前两年预算.*)$/,
    'ignore',
  ],
];

/** keyField runs on every cell of every form row, often several times; cells repeat, so memoize. */
const FIELD_MEMO = new Map<string, Field | null>();

function keyField(cell: string): Field | null {
  const hit = FIELD_MEMO.get(cell);
  if (hit !== undefined) return hit;
  if (FIELD_MEMO.size > 50_000) FIELD_MEMO.clear();
  const f = computeKeyField(cell);
  FIELD_MEMO.set(cell, f);
  return f;
}

function computeKeyField(cell: string): Field | null {
  const k = cleanText(cell).replace(/[:：\s]/g, '').replace(/[(（]必填[)）]/, '');
  if (!k) return null;
  for (const [re, f] of KEYS) if (re.test(k)) return f;
  return null;
}

/** "1. 其他运转类 ☐ 2. 特定目标类本级支出项目 ☑ 3. …" → "特定目标类本级支出项目". */
function checkedOption(text: string): string {
  if (!text.includes('☑')) return text;
  const m = /(?:\d+\s*[.．、]\s*)?([^☐☑]+?)\s*☑/.exec(text);
  return m ? m[1].replace(/^\s*\d+\s*[.．、]\s*/, '').trim() : text;
}

/** Key-value pairs of a row: a key cell, then its value in the next non-empty non-key cell. */
function readKv(row: Row): Array<[Field, string]> {
  const out: Array<[Field, string]> = [];
  const cells = row.cells;
  const firstIdx = cells.findIndex((c) => c.trim() !== '');
  if (firstIdx < 0 || keyField(cells[firstIdx]) === null) return out;
  for (let i = firstIdx; i < cells.length; i++) {
    const f = keyField(cells[i]);
    if (f === null) continue;
    let value = '';
    for (let j = i + 1; j < cells.length; j++) {
      if (!cells[j].trim()) continue;
      if (keyField(cells[j]) !== null) break;
      value = cells[j].trim();
      i = j;
      break;
    }
    out.push([f, value]);
  }
  return out;
}

function amount(text: string, ctx: RecognizeContext): number | null {
  const inText = parseMoneyText(text);
  if (inText) return inText.value;
  return moneyToWan(text, ctx.unit);
}

/** A text line that closes any open form (the document moves on). */
const CLOSES_FORM = /整体(支出)?绩效目标|^第[一二三四五六七八九十\d]+部分|^[一二三四五六七八九十]+、/;
const HEADER_CELL = /^(金额|总计|合计|小计|预算数|采购品目|采购类别|采购品名|采购数量.*|功能科目.*|科目编码|单位名称)(\(万?元\)|（万?元）)?$/;
/**
 * Labels of an amount or indicator column. Beside a 项目名称 cell they make the row a column header
 * (项目支出表: 项目名称 | 本年财政拨款 | …; 绩效目标表: 项目名称 | 资金总额(万元) | 年度绩效目标 |
 * 一级指标 …), not a form's key and value: such a label is never a project's name. A label broken
 * across lines keeps its tail ("资" / "金总额(万元)").
 */
const COLUMN_LABEL = /^(本年)?财政拨款(收入|结转|结余)?|^(一般公共预算|政府性基金预算?|国有资本经营预算|财政专户管理资金|单位资金|上年结转|其他资金)$|^[一二三]级指标$|^指标值$|^权重$|(总额|金额|预算数|资金)(\(万?元\)|（万?元）)$/;
const FORM_LABEL = /^(基本信息|基本情况|立项依据|年度绩效目标|绩效指标|[(（]\d{4}年度?[)）])$/;

/**
 * A form titled by its project ("市行政中心保安服务项目绩效目标表", "信访综合保障经费绩效目标表") and
 * without a 项目名称 row: the title names the project. Whole-department and list tables are not forms.
 */
const FORM_TITLE = /^(?:\d+\s*[.．、]\s*)?(.{2,60}?)(?:支出)?绩效目标(?:申报)?表$/;
const NOT_PROJECT_TITLE = /整体|部门|一览|汇总|情况|单位|其他|重点|绩效|说明|详见|附件|如下|以下|见表|[，。；：,;:]|一级项目$|二级项目$|^项目$|^项目支出$/;

const GENERIC_TITLE = /^(\d{4}年度?)?(部门|市级|区级|县级)?(项目支出|项目|支出)(预算)?$/;

export function formTitleName(text: string): string | null {
  const t = cleanText(text).replace(/\s+/g, '').replace(/^[-*+]/, '');
  // Part and list headings ("十三、项目支出预算绩效目标表", "表11") name a section, not a project.
  if (/^([一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|第|表\d|附表)/.test(t)) return null;
  const m = FORM_TITLE.exec(t);
  if (!m || NOT_PROJECT_TITLE.test(m[1]) || GENERIC_TITLE.test(m[1])) return null;
  return m[1];
}

/** A goal label in a form row, possibly glued to its text or wrapped ("项目实施期" / "目标"). */
const GOAL_LABEL = /^(?:项目)?实施期(?:绩效)?(目标)?|^(?:项目)?年度(?:绩效)?(?:总体)?目标|^年度总体目标/;

interface FormState {
  draft: ProjectDraft | null;
  /** The draft was opened by a form title (a following 项目名称 row names the same project). */
  titled: boolean;
  /** Goal text being collected after a goal label: its parts, and whether the label's "目标" wrapped. */
  goal: { parts: string[]; tail: boolean } | null;
  ind: IndicatorRowState | null;
  funds: { weight: number | null; score: number | null } | null;
  total: { weight: number | null; score: number | null } | null;
  expectGoal: boolean;
}

export function recognizeForms(ctx: RecognizeContext): ProjectDraft[] {
  const drafts: ProjectDraft[] = [];
  const st: FormState = { draft: null, titled: false, goal: null, ind: null, funds: null, total: null, expectGoal: false };
  const close = () => {
    flushGoal(st);
    if (st.draft) finishScore(st);
    st.draft = null;
    st.titled = false;
    st.ind = null;
    st.funds = null;
    st.total = null;
    st.expectGoal = false;
  };

  for (const block of ctx.seg.blocks) {
    if (block.type !== 'table') {
      const text = cleanText(block.text);
      const titled = formTitleName(text);
      if (titled) {
        close();
        st.draft = newDraft(titled, 'form', ctx.ref(block.line_start));
        st.titled = true;
        drafts.push(st.draft);
        ctx.claim(block.line_start, block.line_end, 'projects');
        continue;
      }
      if (CLOSES_FORM.test(text) || block.type === 'heading') {
        close();
        continue;
      }
      if (!st.draft) continue;
      if (FORM_LABEL.test(text)) {
        ctx.claim(block.line_start, block.line_end, 'projects');
        st.expectGoal = text === '年度绩效目标';
        continue;
      }
      if (st.goal && !st.ind) {
        addGoalPart(st, text);
        ctx.claim(block.line_start, block.line_end, 'projects');
        continue;
      }
      if (st.ind && readIndicatorText(block.text, block.line_start, ctx, st)) continue;
      if (st.expectGoal && !st.ind) {
        setIfEmpty(st.draft, 'annual_goal', text);
        ctx.claim(block.line_start, block.line_end, 'projects');
      }
      st.expectGoal = false;
      continue;
    }
    readTableBlock(block, ctx, st, drafts, close);
  }
  close();
  return drafts;
}

function readTableBlock(
  block: TableBlock,
  ctx: RecognizeContext,
  st: FormState,
  drafts: ProjectDraft[],
  close: () => void,
): void {
  for (const row of gridRows(block)) {
    const src = ctx.ref(row.line);
    const joined = row.cells.join('');
    if (/整体(支出)?绩效目标|部门名称/.test(joined) && !row.cells.some((c) => keyField(c) === 'name')) {
      close();
      continue;
    }
    // A column header ("项目名称\t采购品目\t金额") is not a key-value row.
    if (row.cells.some((c) => HEADER_CELL.test(c.replace(/\s+/g, '')))) {
      if (st.ind === null) continue;
    }
    const kv = readKv(row);
    const named = kv.find(([f]) => f === 'name');
    if (named && COLUMN_LABEL.test(named[1].replace(/\s+/g, ''))) {
      close();
      continue;
    }
    if (named && named[1]) {
      if (st.titled && st.draft && st.draft.indicators.length === 0) {
        // The form's own 项目名称 row under its title: the same project, named as the form states it.
        st.draft.name = named[1];
        st.titled = false;
      } else {
        close();
        st.draft = newDraft(named[1], 'form', src);
        drafts.push(st.draft);
      }
    }
    if (!st.draft) continue;
    const d = st.draft;
    if (kv.length === 0 && !st.ind) {
      const first = row.cells.find((c) => c.trim())?.replace(/\s+/g, '') ?? '';
      const m = GOAL_LABEL.exec(first);
      if (m && keyField(first) === null) {
        flushGoal(st);
        st.goal = { parts: [], tail: !m[0].endsWith('目标') };
        const rest = row.cells.slice(row.cells.indexOf(row.cells.find((c) => c.trim()) ?? '') + 1);
        addGoalPart(st, [first.slice(m[0].length), ...rest].map(goalCellText).join(''));
        ctx.claim(row.line, row.line, 'projects');
        continue;
      }
      if (st.goal && !parseIndicatorHeader(row.cells)) {
        addGoalPart(st, row.cells.map(goalCellText).join(''));
        ctx.claim(row.line, row.line, 'projects');
        continue;
      }
    }
    flushGoal(st);

    if (kv.length > 0) {
      st.ind = null;
      for (const [f, v] of kv) applyField(d, f, v, ctx);
      addSource(d, src);
      ctx.claim(row.line, row.line, 'projects');
      continue;
    }
    const header = parseIndicatorHeader(row.cells);
    if (header) {
      st.ind = newIndicatorState(header);
      ctx.claim(row.line, row.line, 'indicators');
      continue;
    }
    if (readFunding(row, d, st)) {
      addSource(d, src);
      ctx.claim(row.line, row.line, 'projects');
      continue;
    }
    if (!st.ind) continue;
    const stop = indicatorRowStop(row.cells);
    if (stop === 'total') {
      st.total = readTotalRow(row.cells);
      ctx.claim(row.line, row.line, 'indicators');
      st.ind = null;
      continue;
    }
    if (stop === 'stop') {
      st.ind = null;
      continue;
    }
    const ind = readIndicatorRow(row, st.ind, src);
    if (ind) {
      if (!ind.target_raw && ind.actual_raw === null) ctx.warn(row.line, `绩效指标“${ind.level3}”没有指标值（可能是合并单元格错位）`);
      d.indicators.push(ind);
      addSource(d, src);
    }
    ctx.claim(row.line, row.line, 'indicators');
  }
}

/**
 * A cell on a goal line, without what a neighbouring column put there: a funding key and its amount
 * ("其他资金：" … "4200.00"), printed on the same line when the goal sits beside the funding block.
 */
function goalCellText(cell: string): string {
  const t = cleanText(cell)
    .trim()
    .replace(/^(其中[:：]?)?(其他资金|财政拨款|财政资金|上年结转(资金)?|当年财政拨款|(年度)?资金总额)[:：]\s*/, '');
  return /^[-−]?[\d,，]+(\.\d+)?$/.test(t) ? '' : t;
}

function addGoalPart(st: FormState, text: string): void {
  if (!st.goal) return;
  let t = cleanText(text).trim();
  // The wrapped label's tail ("项目实施期" / "目标"), alone or glued to the text's next line.
  if (st.goal.tail && /^目标/.test(t)) {
    t = t.slice(2).trim();
    st.goal.tail = false;
  }
  if (t) st.goal.parts.push(t);
}

function flushGoal(st: FormState): void {
  if (st.goal && st.draft) {
    const text = st.goal.parts.join('').trim();
    if (text) setIfEmpty(st.draft, 'annual_goal', text);
  }
  st.goal = null;
}

/**
 * An indicator row that came out as one line of text, its cells separated by spaces
 * ("效益指标 固定资产利用率 ≥100%"): split at spaces, the value is everything from the first
 * value-looking token on.
 */
function readIndicatorText(text: string, line: number, ctx: RecognizeContext, st: FormState): boolean {
  if (!st.ind || !st.draft) return false;
  const tokens = cleanText(text).trim().split(/\s+/).filter((t) => t);
  if (tokens.length < 2) return false;
  const k = tokens.findIndex((t, i) => i >= 1 && /^[≥≤=<>＞＜≧≦]|^[-+]?\d|%$|^(是|否|达标|合格|良好|优|提高|提升|降低|下降|明显|有效)/.test(t));
  if (k < 1) return false;
  const cells = [...tokens.slice(0, k), tokens.slice(k).join(' ')];
  const ind = readIndicatorRow({ cells, raw: cells, line }, st.ind, ctx.ref(line));
  if (!ind) return false;
  st.draft.indicators.push(ind);
  addSource(st.draft, ctx.ref(line));
  ctx.claim(line, line, 'indicators');
  return true;
}

function applyField(d: ProjectDraft, f: Field, raw: string, ctx: RecognizeContext): void {
  const v = checkedOption(raw);
  if (!v || f === 'ignore' || f === 'name') return;
  switch (f) {
    case 'budget':
    case 'total_budget':
      setIfEmpty(d, f, amount(v, ctx));
      return;
    case 'category':
      if (isFrequency(v)) setIfEmpty(d, 'frequency', v);
      else setIfEmpty(d, 'category', v);
      return;
    case 'code':
      setIfEmpty(d, 'code', v.replace(/\s+/g, ''));
      return;
    default:
      setIfEmpty(d, f, v);
  }
}

/** Self-evaluation funding row: "年度资金总额: 年初预算数 全年预算数 全年执行数 分值 执行率 得分". */
function readFunding(row: Row, d: ProjectDraft, st: FormState): boolean {
  const idx = row.cells.findIndex((c) => /^(年度)?资金总额[:：]?$/.test(c.replace(/\s+/g, '')));
  if (idx < 0) {
    // 其中:当年财政拨款 / 上年结转资金 / 其他资金: part of the funding block, nothing new to read.
    return st.funds !== null && /^(其中|上年结转|其他资金|当年财政拨款)/.test(row.cells.find((c) => c.trim())?.replace(/\s+/g, '').replace(/^其中[:：]/, '其中') ?? '');
  }
  const nums = row.cells
    .slice(idx + 1)
    .filter((c) => !/%$/.test(c.trim()))
    .map((c) => parseNumber(c))
    .filter((p) => p.ok)
    .map((p) => (p.ok ? p.value.toNumber() : 0));
  // A budget form states one amount (资金总额: 1778.31): the project's budget.
  if (nums.length === 1) {
    setIfEmpty(d, 'budget', nums[0]);
    st.funds = { weight: null, score: null };
    return true;
  }
  // Money in a self-evaluation table is printed in 万元 (项目资金(万元)).
  if (nums[0] !== undefined) setIfEmpty(d, 'initial_budget', nums[0]);
  if (nums[1] !== undefined) setIfEmpty(d, 'budget', nums[1]);
  if (nums[2] !== undefined) setIfEmpty(d, 'executed', nums[2]);
  st.funds = { weight: nums[3] ?? null, score: nums.length >= 5 ? nums[nums.length - 1] : null };
  return true;
}

/**
 * 自评得分: the 总分 row. Some forms score the funding part (分值 10) outside the indicator total
 * (分值 90); then the project's score is both together (90 + 10 = 100 points).
 */
function finishScore(st: FormState): void {
  const d = st.draft;
  if (!d || !st.total || st.total.score === null) return;
  let score = st.total.score;
  if (st.total.weight !== null && st.total.weight < 100 && st.funds?.weight && st.funds.score !== null) {
    if (sumExact([st.total.weight, st.funds.weight]) === 100) score = sumExact([score, st.funds.score]);
  }
  setIfEmpty(d, 'self_evaluation_score', score);
}

export type { SourceRef };

export const formsRecognizer = defineRecognizer({
  id: 'project-forms',
  label: '项目（项目绩效目标表/申报表/自评表）',
  deps: [],
  run: (ctx) => recognizeForms(ctx),
  empty: () => [],
});
