/**
 * Project tables with a 绩效目标 column: 项目支出绩效表 / 重点项目绩效目标情况 / 项目支出及其他支出预算表
 * (单位名称 | 项目名称 | 金额 | 绩效目标, 二级预算单位名称 | 一级项目名称 | 预算数 | 绩效目标,
 * 支出项目类别（资金使用单位） | 总计 | 合计 | 一般公共预算 … | 绩效目标). Each data row is a project with its
 * budget and its goal text (→ annual_goal).
 *
 * What makes these tables hard, and how each part is read:
 *  - headers span several rows ("支出项目类别（资金使用单" / "位）"): header rows around the row naming
 *    绩效目标 are merged column by column;
 *  - the table runs over many pages; every page may repeat the header; text lines between rows (the goal
 *    column wrapping beyond the row) do not end the table — a heading, a note, a new part or another
 *    table's header does;
 *  - without a unit column, unit rows (an organization name with the unit's subtotal) are interleaved
 *    with their project rows: a unit row is not a project, it names the implementing unit of the rows
 *    below it;
 *  - the goal text wraps: the goal is the row's own goal cell, followed by goal-only lines until a line
 *    ends a sentence; goal text met after a finished goal and before the next project row (a goal
 *    centred vertically on its row starts above it) is put in front of the next project's goal;
 *  - a project name wrapping over two lines leaves a name-only line just above the row with the amounts.
 */
import type { MoneyUnit } from '../../model/schema.js';
import type { Row } from '../../segment/ir.js';
import type { RecognizeContext } from '../context.js';
import { moneyToWan } from '../../normalize/amount.js';
import { cleanText } from '../../normalize/text.js';
import { type ProjectDraft, newDraft, setIfEmpty } from './draft.js';
import { defineRecognizer } from '../registry.js';

export interface GoalColumns {
  name: number;
  amount: number;
  goal: number;
  /** 单位名称 column, or -1 when units are rows of their own. */
  unit: number;
  money: MoneyUnit;
}

const compact = (c: string) => cleanText(c).replace(/\s+/g, '');
const UNIT_SUFFIX = /[(（](万元|元)[)）]$/;
const NUMERIC = /^[-−]?[\d,，]+(\.\d+)?$/;

const GOAL_COL = /^(项目)?(总体|年度|项目)?绩效目标(（|\(|$)|^(项目)?(年度|总体)目标$/;
const NAME_COL = /项目名称$|^支出项目|^项目类别|^项目$|^支出项目类别/;
const UNIT_COL = /^(二级|三级)?(预算)?单位(名称)?$|^预算单位名称$|^资金使用单位$/;
const AMOUNT_COLS = [
  /^(金额|预算数|预算金额|项目预算|项目金额|年度预算|本年预算|本年度预算|预算资金|项目资金|资金总额|年度资金总额)$/,
  /^总计$/,
  /^合计$/,
];

/**
 * Columns of a (possibly multi-row) header, given the header rows' cells; null when the header is not
 * one of a project table with a goal column. Indicator matrices (一级指标 …) are read elsewhere.
 */
export function goalColumns(headerRows: string[][], fallback: MoneyUnit): GoalColumns | null {
  const width = Math.max(0, ...headerRows.map((r) => r.length));
  const merged: string[] = [];
  // "总计：": a caption may end with a colon.
  for (let i = 0; i < width; i++) merged.push(headerRows.map((r) => compact(r[i] ?? '').replace(/[:：]$/, '')).join(''));
  if (merged.some((c) => /[一二三]级指标|指标值|指标名称/.test(c))) return null;
  const goal = merged.findIndex((c) => GOAL_COL.test(c));
  if (goal < 0) return null;
  let name = -1;
  merged.forEach((c, i) => {
    if (i !== goal && NAME_COL.test(c.replace(UNIT_SUFFIX, '').replace(/[(（][^)）]*[)）]$/, '')) && name < 0) name = i;
  });
  // "二级项目名称" after "一级项目名称": the more specific name.
  merged.forEach((c, i) => {
    if (i > name && name >= 0 && i !== goal && /项目名称$/.test(c)) name = i;
  });
  if (name < 0) return null;
  let amount = -1;
  let money: MoneyUnit = fallback;
  for (const re of AMOUNT_COLS) {
    amount = merged.findIndex((c, i) => i !== name && i !== goal && re.test(c.replace(UNIT_SUFFIX, '')));
    if (amount >= 0) break;
  }
  // A header cell holding only the unit ("（万元）") under a lost caption.
  if (amount < 0) amount = merged.findIndex((c, i) => i !== name && i !== goal && /^[(（](万元|元)[)）]$/.test(c));
  if (amount < 0) return null;
  const u = /[(（](万元|元)[)）]$/.exec(merged[amount]);
  if (u) money = u[1] as MoneyUnit;
  const unit = merged.findIndex((c, i) => i !== name && UNIT_COL.test(c));
  return { name, amount, goal, unit, money };
}

type Entry =
  | { t: 'row'; name: string; unit: string; amount: number; goal: string; line: number }
  /** plain: a line of text outside the table's cells (its column unknown). */
  | { t: 'frag'; text: string; line: number; plain?: boolean }
  | { t: 'name'; text: string; line: number };

/** A text line that ends the table (the document moves on). */
const CLOSES = /^(备注|注[:：]|说明[:：]|单位[:：]|部门名称|第[一二三四五六七八九十\d]+部分|[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）]|表\s*\d+|附表|附件)/;
/** Lines carrying nothing: page numbers, rules. */
const NOISE = /^([-—–\s]*\d{1,4}[-—–\s]*|第\s*\d+\s*页.*|[-—–_=\s]+)$/;
const SENTENCE_END = /[。！？!?]["”’)）]?$/;
const TOTAL = /^(合计|总计|小计|本页合计|共计)$/;

/** An organization's name (a unit row), not a project's. */
const ORG = /(局|厅|委员会|委|办公室|办|中心|院|所|站|队|馆|校|学校|大学|学院|幼儿园|社|会|处|科|部|署|台|园|场|集团|公司|医院|本级|机关|法院|检察院|研究院)$/;
const PROJECT_LIKE = /(经费|项目|费|补助|补贴|资金|工程|建设|支出|专项|运行|维护|保障|服务|购置|采购|研究|工作|管理|奖励|基金|计划|活动|培训|改造|系统|平台)$/;

function isOrgName(name: string): boolean {
  const n = compact(name).replace(/[(（][^)）]*[)）]$/, '');
  // "2026年春节慰问金-某边检总站", "辅助人员补助经费-某海关": a project named with its unit.
  if (/[-—－]|经费|资金|慰问|补助|补贴|费用|\d{4}年/.test(n)) return false;
  return ORG.test(n) && !PROJECT_LIKE.test(n);
}

function isHeaderish(cells: string[]): boolean {
  const n = cells.map(compact).filter((c) => c);
  if (n.length === 0 || n.some((c) => NUMERIC.test(c))) return false;
  // The tail of a wrapped caption ("位）") on a line of its own.
  if (n.every((c) => /^[^()（）]{0,4}[)）]$/.test(c))) return true;
  return n.some((c) => /名称|金额|预算|总计|合计|目标|单位|科目|类别|资金|拨款/.test(c));
}

export interface GoalTableResult {
  drafts: ProjectDraft[];
  /** Line ranges of the table blocks read here (other table readers skip them). */
  covered: Array<[number, number]>;
}

export function recognizeGoalTables(ctx: RecognizeContext): GoalTableResult {
  const drafts: ProjectDraft[] = [];
  const covered: Array<[number, number]> = [];
  let cols: GoalColumns | null = null;
  let entries: Entry[] = [];
  const close = () => {
    if (cols) drafts.push(...finish(entries, cols, ctx));
    cols = null;
    entries = [];
  };

  const blocks = ctx.seg.blocks;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    if (block.type === 'heading') {
      close();
      continue;
    }
    if (block.type === 'text') {
      if (!cols) continue;
      const text = cleanText(block.text).trim();
      if (!text || NOISE.test(text)) continue;
      if (textHeader(text)) {
        // The header repeated on a continuation page, come out as one line with spaces.
        ctx.claim(block.line_start, block.line_end, 'projects');
        continue;
      }
      if (/^部门名称[:：]/.test(text) && headerAhead(blocks, b)) {
        // The page's caption ("部门名称：… 单位：万元") above the repeated header: the table goes on.
        ctx.claim(block.line_start, block.line_end, 'projects');
        continue;
      }
      if (CLOSES.test(text) || text.length > 120 || /表$/.test(text)) {
        close();
        continue;
      }
      const spaced = spacedRow(text, cols);
      entries.push(spaced ? readEntryOr(spaced, block.line_start, cols) : { t: 'frag', text, line: block.line_start, plain: true });
      ctx.claim(block.line_start, block.line_end, 'projects');
      continue;
    }
    const rows = block.rows;
    let touched = false;
    for (let r = 0; r < rows.length; r++) {
      const cells = rows[r].cells;
      if (cells.some((c) => GOAL_COL.test(compact(c)))) {
        // Header rows around this one: no numbers, header words.
        let s = r;
        while (s > 0 && r - s < 4 && isHeaderish(rows[s - 1].cells)) s--;
        let e = r;
        while (e + 1 < rows.length && e - r < 4 && isHeaderish(rows[e + 1].cells)) e++;
        const found = goalColumns(rows.slice(s, e + 1).map((x) => x.cells), ctx.unit);
        if (!found && cols && e > s) {
          entries = entries.filter((x) => x.line < rows[s].line);
          // A repeated header on a continuation page whose first line came out as text: skip it.
          ctx.claim(rows[s].line, rows[e].line, 'projects');
          touched = true;
          r = e;
          continue;
        }
        if (found) {
          // A repeated header on a continuation page keeps the table open; its first rows, read
          // before the row naming 绩效目标 was met, are not data.
          if (!cols) entries = [];
          else entries = entries.filter((x) => x.line < rows[s].line);
          cols = { ...found, money: unitBefore(ctx, rows[s].line) ?? found.money };
          ctx.claim(rows[s].line, rows[e].line, 'projects');
          touched = true;
          r = e;
          continue;
        }
      }
      if (!cols) continue;
      const firstAt = cells.findIndex((c) => c.trim());
      const first = cleanText(cells[firstAt] ?? '').trim();
      // Numbered goal text ("一、根据…") in the goal column or after it is not a note.
      if (CLOSES.test(first) && firstAt < cols.goal) {
        // A note row ("注：根据各单位实际预算编制情况编列") ends the table.
        close();
        continue;
      }
      if (isHeaderish(cells) && cells.some((c) => /项目名称|科目编码|功能分类|经济分类/.test(compact(c)))) {
        // Another table's header.
        close();
        continue;
      }
      const entry = readEntry(rows[r], cols);
      if (entry) {
        entries.push(entry);
        ctx.claim(rows[r].line, rows[r].line, 'projects');
        touched = true;
      }
    }
    if (touched) covered.push([block.line_start, block.line_end]);
  }
  close();
  return { drafts, covered };
}

/** A header line whose cells came out separated by spaces ("项目名称（资金使用单位） 总计： … 绩效目标"). */
function textHeader(text: string): boolean {
  const tokens = text.split(/\s+/).filter((t) => t);
  if (tokens.length < 3 || tokens.some((t) => NUMERIC.test(t) || /\d/.test(t))) return false;
  return tokens.some((t) => GOAL_COL.test(compact(t))) && goalColumns([tokens], '万元') !== null;
}

/** The header of a goal table (in cells or as one spaced line) among the next few blocks. */
function headerAhead(blocks: RecognizeContext['seg']['blocks'], b: number): boolean {
  for (let k = b + 1; k < Math.min(blocks.length, b + 4); k++) {
    const x = blocks[k];
    if (x.type === 'heading') return false;
    if (x.type === 'text') {
      const text = cleanText(x.text).trim();
      if (!text || NOISE.test(text)) continue;
      return textHeader(text);
    }
    return x.rows.slice(0, 3).some((r) => r.cells.some((c) => GOAL_COL.test(compact(c))));
  }
  return false;
}

/** The money unit stated just above a table ("单位：万元"), if any. */
function unitBefore(ctx: RecognizeContext, line: number): MoneyUnit | null {
  for (let n = line - 1; n >= Math.max(1, line - 8); n--) {
    const m = /单位[:：]\s*(万元|元)/.exec(cleanText(ctx.seg.lines[n - 1]?.text ?? ''));
    if (m) return m[1] as MoneyUnit;
  }
  return null;
}

/** Money as budget tables print it: two decimals, optional thousands separators. */
const MONEY = /^[-−]?(\d{1,3}(,\d{3})+|\d+)\.\d{2}$/;

/**
 * A row that came out as one line with spaces instead of cell breaks
 * ("某执法队 综合交通运行保障 1,333.45 保障单位各项秩序正常稳定运转"): the tokens before the first amount
 * fill the columns before the amount column (names hold no spaces), every column up to the goal is an
 * amount, and the rest is goal text; a row of fewer amounts than columns and nothing else is read too.
 * Anything else stays goal text.
 */
export function spacedRow(text: string, cols: GoalColumns): string[] | null {
  const tokens = text.trim().split(/\s+/);
  const k = tokens.findIndex((t) => MONEY.test(t));
  if (k < 1 || k !== cols.amount || cols.goal <= cols.amount) return null;
  if (!tokens.slice(0, k).every((t) => /[\u4e00-\u9fff]/.test(t) && !MONEY.test(t))) return null;
  if (cols.unit >= 0 && cols.unit < k && !ORG.test(tokens[cols.unit].replace(/[(（][^)）]*[)）]$/, ''))) return null;
  const between = tokens.slice(k, cols.goal);
  if (between.length < cols.goal - k || !between.every((t) => MONEY.test(t))) {
    // Empty amount cells leave no token: amounts only, fewer than the columns, nothing after them
    // ("某分局 3,499.31 2,807.75 691.56", a unit row). Only the first amount's column is certain.
    if (tokens.length >= cols.goal || !tokens.slice(k).every((t) => MONEY.test(t))) return null;
    return [...tokens, ...Array<string>(cols.goal - tokens.length).fill(''), ''];
  }
  return [...tokens.slice(0, cols.goal), tokens.slice(cols.goal).join('')];
}

function readEntryOr(cells: string[], line: number, cols: GoalColumns): Entry {
  return readEntry({ cells, raw: cells, line }, cols) ?? { t: 'frag', text: cells.join(''), line };
}

function readEntry(row: Row, cols: GoalColumns): Entry | null {
  const cell = (i: number) => (i >= 0 ? cleanText(row.cells[i] ?? '').trim() : '');
  const name = cell(cols.name).replace(/\s+/g, '');
  const amountText = cell(cols.amount).replace(/\s+/g, '');
  const amount = NUMERIC.test(amountText) ? moneyToWan(amountText, cols.money) : null;
  const goal = cell(cols.goal);
  if (row.cells.every((c) => !c.trim() || /^\*+$|^\d{1,2}$/.test(c.trim()))) return null; // column numbers
  if (TOTAL.test(name.replace(/[:：]$/, ''))) return null;
  if (amount !== null) return { t: 'row', name, unit: cell(cols.unit).replace(/\s+/g, ''), amount, goal, line: row.line };
  if (name && /[\u4e00-\u9fff]/.test(name) && amount === null) {
    // A name-only line: the first part of a wrapped name (its goal cell, if any, is goal text).
    return goal ? { t: 'name', text: `${name}\u0000${goal}`, line: row.line } : { t: 'name', text: name, line: row.line };
  }
  if (!name && goal) return { t: 'frag', text: goal, line: row.line };
  // Other cells only (a wrapped unit cell, a wrapped amount caption): nothing to read.
  return null;
}

/**
 * Indicator text as a 绩效指标 column prints it ("1、1－产出指标，11－数量指标，…；实施周期指标值：100%，年度指标值：100%;"),
 * or a line's worth of its tail ("值：≥90%;").
 */
const INDICATOR_TEXT = /指标值|实施周期|\d{1,2}\s*[－-]\s*(产出|效益|满意度|成本|数量|质量|时效|经济|社会|生态|可持续|服务对象)|^值[:：]|^[≥≤＜＞<>=\d.%％;；，,\s]+$/;

/** The lower half of a wrapped name come out as plain text: short, no sentence punctuation. */
const NAME_TAIL = /^[\u4e00-\u9fffA-Za-z0-9（）()、\-—－]{1,14}$/;

/** A name that reads as finished: a project's or an organization's ending, or a closing bracket. */
function completeName(name: string): boolean {
  return PROJECT_LIKE.test(name) || ORG.test(name) || /[)）]$/.test(name);
}

/**
 * Wrapped names: a name-only line continues the row above when that row's name is unfinished (the
 * amounts sit on the first or middle line of a tall cell), otherwise it starts the row below. A row
 * whose own name cell is empty has its amounts between the halves of a name centred in a tall block:
 * the first name-only line after it is the lower half (the reader may leave it as a short line of
 * plain text, after a blank line); further ones continue it while the name reads unfinished and no
 * blank line (the end of a block) comes between on the same page. A name-only line with a block's end
 * before the next row (and none after the row above) cannot start that row: it ends the row above.
 * A name-only line above a row without a name of its own is that row's upper half.
 */
function joinNames(entries: Entry[], blankBetween: (a: number, b: number, overPage: boolean) => boolean): Entry[] {
  const out: Entry[] = [];
  let prefix = '';
  let last: Extract<Entry, { t: 'row' }> | null = null;
  let centred = false;
  let lastLine = 0;
  const nextRow: number[] = [];
  const nextNameless: boolean[] = [];
  for (let i = entries.length - 1, at = Infinity, nameless = false; i >= 0; i--) {
    nextRow[i] = at;
    nextNameless[i] = nameless;
    const x = entries[i];
    if (x.t === 'row') {
      at = x.line;
      nameless = !x.name;
    }
  }
  for (const [i, e] of entries.entries()) {
    if (centred && last && e.t === 'frag' && e.plain && NAME_TAIL.test(e.text)) {
      last.name += e.text;
      lastLine = e.line;
      centred = false;
      continue;
    }
    if (e.t === 'frag') {
      out.push(e);
      continue;
    }
    if (e.t === 'name') {
      const [name, goal] = e.text.split('\u0000');
      const endsBefore = blankBetween(e.line, nextRow[i], true);
      // The row below, in the same block, has no name of its own: this line is its (upper) name.
      const upper = nextNameless[i] && !endsBefore;
      const ends = last && !blankBetween(lastLine, e.line, false) && (!completeName(last.name) || endsBefore);
      if (last && !prefix && (centred || (ends && !upper))) {
        last.name += name;
        lastLine = e.line;
        centred = false;
      } else prefix += name;
      if (goal) out.push({ t: 'frag', text: goal, line: e.line });
      continue;
    }
    last = { ...e, name: prefix + e.name };
    lastLine = e.line;
    centred = !e.name && prefix !== '';
    prefix = '';
    out.push(last);
  }
  return out;
}

function finish(all: Entry[], cols: GoalColumns, ctx: RecognizeContext): ProjectDraft[] {
  const blank = (n: number) => !(ctx.seg.lines[n - 1]?.text ?? '').trim();
  const blockEnd = (a: number, b: number) => {
    if (ctx.seg.pageOf(a) !== ctx.seg.pageOf(b)) return false;
    for (let n = a + 1; n < b; n++) if (blank(n)) return true;
    return false;
  };
  // A blank line on the same page ends a block. A page break does too after a name-only line (a name
  // does not go on over it into the next row), not before one (a name wrapping into the next page).
  const entries = joinNames(all, (a, b, overPage) => {
    if (!Number.isFinite(b)) return false;
    if (ctx.seg.pageOf(a) !== ctx.seg.pageOf(b)) return overPage;
    for (let n = a + 1; n < b; n++) if (blank(n)) return true;
    return false;
  });
  const out: ProjectDraft[] = [];
  let unit = '';
  let current: { d: ProjectDraft; parts: string[] } | null = null;
  let open = false;
  let orphans: string[] = [];
  const done = () => {
    if (current) {
      const goal = current.parts.join('').trim();
      if (goal) setIfEmpty(current.d, 'annual_goal', goal);
    }
    current = null;
    open = false;
  };
  let goalLine = 0;
  const addGoalText = (text: string, line: number) => {
    if (!text) return;
    // A finished goal, a blank line, and the next row with no blank line before it: the text is the
    // next block's goal, centred on that block and so starting above its row.
    const last = current?.parts[current.parts.length - 1];
    if (current && open && last && SENTENCE_END.test(last) && blockEnd(goalLine, line) && !blockEnd(line, nextRowAt(line))) open = false;
    if (current && open) {
      current.parts.push(text);
      goalLine = line;
      open = !SENTENCE_END.test(text);
    } else {
      if (current) done();
      orphans.push(text);
    }
  };
  const rows = entries.filter((x): x is Extract<Entry, { t: 'row' }> => x.t === 'row');
  function nextRowAt(line: number): number {
    return rows.find((r) => r.line > line)?.line ?? line;
  }
  for (const e of entries) {
    if (e.t === 'frag') {
      // A line outside the cells may be the indicator column's text run over the goal's.
      if (e.plain && INDICATOR_TEXT.test(e.text)) continue;
      addGoalText(e.text, e.line);
      continue;
    }
    if (e.t !== 'row') continue;
    const name = e.name;
    if (!/[\u4e00-\u9fff]/.test(name)) {
      // Amounts whose name was lost: the row cannot be a project; its goal text stays in the stream.
      if (e.goal) addGoalText(e.goal, e.line);
      continue;
    }
    // A unit row carries the unit's subtotal: never less than the row below it.
    const next = rows[rows.indexOf(e) + 1];
    if (cols.unit < 0 && isOrgName(name) && (!next || next.amount <= e.amount)) {
      // A unit row: its goal text (if any) belongs to the project below it.
      done();
      unit = name;
      if (e.goal) orphans.push(e.goal);
      continue;
    }
    done();
    const d = newDraft(name, 'table', ctx.ref(e.line));
    setIfEmpty(d, 'budget', e.amount);
    setIfEmpty(d, 'implementing_unit', cols.unit >= 0 ? e.unit : unit);
    current = { d, parts: [...orphans, e.goal].filter((x) => x) };
    orphans = [];
    goalLine = e.line;
    open = !e.goal || !SENTENCE_END.test(e.goal);
    out.push(d);
  }
  done();
  return out;
}

export const goalTableRecognizer = defineRecognizer({
  id: 'project-goal-tables',
  label: '项目（项目绩效目标一览表）',
  deps: [],
  run: (ctx) => recognizeGoalTables(ctx),
  empty: () => ({ drafts: [], covered: [] }),
});
