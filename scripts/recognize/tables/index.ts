/**
 * Tables: every tab-separated table block becomes a Table (title, unit, flattened columns, rows, kind,
 * note, source), and the kinds that carry classified figures are extracted into the structured records
 * (function/economic classification, “三公”, procurement) and the headline totals.
 */
import type {
  EconomicExpenditure,
  FunctionExpenditure,
  Procurement,
  SourceRef,
  StatCount,
  Table,
  TableKind,
  ThreePublic,
  Totals,
} from '../../model/schema.js';
import type { RecognizeContext } from '../context.js';
import type { Block, TableBlock } from '../../segment/ir.js';
import { buildGrid, type Grid } from './grid.js';
import { classifyTable, MONEY_KINDS, TEXT_KINDS } from './kind.js';
import { isMetaText, isNoteText, isProse, scanAbove, scanBelow } from './surroundings.js';
import { compact, isMalformedNumber, isNumberCell } from './cells.js';
import { gridRows } from './cell-per-line.js';
import { functionRecognizer } from './extract/function.js';
import { economicRecognizer } from './extract/economic.js';
import { threePublicRecognizer } from './extract/three-public.js';
import { procurementRecognizer } from './extract/procurement.js';
import { tableTotalsRecognizer } from './extract/totals.js';
import { defineRecognizer } from '../registry.js';
import { splitUnitSections } from './sections.js';
import { recognizeEmptyTitled } from './empty-titled.js';
import { joinAcrossFurniture } from './continuation.js';
import { inContents, isContentsGrid } from './contents.js';

export interface TablesResult {
  tables: Table[];
  expenditure_by_function: FunctionExpenditure[];
  basic_expenditure_by_economic: EconomicExpenditure[];
  three_public: ThreePublic[];
  stats: StatCount[];
  procurement: Procurement[];
  /** Totals read from the summary tables, with the source row of each. */
  totals: Partial<Record<keyof Totals, { value: number; source: SourceRef }>>;
}

const BY = 'tables';

/** Every table of the document, each extractor applied (the registry runs the same units one by one). */
export function recognizeTables(ctx: RecognizeContext): TablesResult {
  const tables = readTables(ctx);
  const expenditure_by_function = functionRecognizer.run(ctx, { tables });
  const basic_expenditure_by_economic = economicRecognizer.run(ctx, { tables });
  const { items: three_public, stats } = threePublicRecognizer.run(ctx, { tables });
  const procurement = procurementRecognizer.run(ctx, { tables });
  const totals = tableTotalsRecognizer.run(ctx, { tables, 'three-public': { items: three_public, stats }, procurement });
  return { tables, expenditure_by_function, basic_expenditure_by_economic, three_public, stats, procurement, totals };
}

/** Table blocks → Tables (title, unit, flattened columns, rows, kind, note, source), in document order. */
export function readTables(ctx: RecognizeContext): Table[] {
  const tables: Table[] = [];
  // a table whose rows go on after a running page header/footer line is one table (continuation.ts)
  const { blocks, furniture } = joinAcrossFurniture(ctx.seg.blocks);
  for (const l of furniture) ctx.claim(l, l, BY);
  let lastTableIdx = -1;
  let prev: Table | null = null;
  let prevWidth = -1;
  const headerLines = new Map<string, Table>(); // the line printed right above a table → that table
  const words = new Map<Table, string[]>(); // a header read from a text line, one word per printed column
  const taken = new Set<number>(); // lines read as part of a table (titles, units, notes)

  for (let bi = 0; bi < blocks.length; bi++) {
    const block = blocks[bi];
    if (block.type !== 'table') continue;
    const before = blocks.slice(lastTableIdx + 1, bi).filter(isProse);
    lastTableIdx = bi;
    // scan forward only: a findIndex from 0 made documents with many tables quadratic
    let nextTable = bi + 1;
    while (nextTable < blocks.length && blocks[nextTable].type !== 'table') nextTable++;
    const after = blocks.slice(bi + 1, nextTable).filter(isProse);
    // a table of contents laid out as a grid is the outline's (contents.ts), not a table
    if (isContentsGrid(block, inContents(before))) continue;

    try {
      // a header line printed again above this grid (a form going on over pages): the table it headed goes on
      const repeatOf = before.map((b) => headerLines.get(compact(b.text))).find((x) => x !== undefined) ?? null;
      const continued = repeatOf && !before.some((b) => b.type === 'heading' || sectionHeading(b.text) !== null) ? repeatOf : null;
      const from = continued ?? prev;
      const t = buildTable(ctx, block, before, after, from, tables.length + 1, prevWidth === width(block), continued !== null, from ? words.get(from) : undefined);
      if (!t) continue;
      // one table per budget unit when a 预算单位 column lists several (sections.ts)
      const parts = splitUnitSections(t.table, (a, b) => ctx.ref(a, b));
      tables.push(...parts);
      prev = t.table;
      prevWidth = width(block);
      if (t.headerWords) words.set(t.table, t.headerWords);
      const head = before[before.length - 1];
      if (head && isHeaderLine(head.text)) headerLines.set(compact(head.text), t.table);
      for (const l of t.lines) {
        ctx.claim(l, l, BY);
        taken.add(l);
      }
      for (const part of parts) flagBadCells(ctx, part);
      ctx.claim(block.line_start, block.line_end, BY);
    } catch (err) {
      // never let one odd table stop the document
      ctx.warn(block.line_start, `表格无法解析，已跳过：${(err as Error).message}`);
    }
  }

  // empty tables printed as a title and a note only, placed in document order
  for (const e of recognizeEmptyTitled(ctx, blocks, taken, tables.length + 1)) {
    const at = tables.findIndex((t) => t.source.line_start > e.source.line_start);
    tables.splice(at < 0 ? tables.length : at, 0, e);
  }

  return tables;
}

export const tablesRecognizer = defineRecognizer({
  id: 'tables',
  label: '表格',
  deps: [],
  run: (ctx) => readTables(ctx),
  empty: () => [],
});

function buildTable(
  ctx: RecognizeContext,
  block: TableBlock,
  before: Extract<Block, { type: 'text' | 'heading' }>[],
  after: Extract<Block, { type: 'text' | 'heading' }>[],
  prev: Table | null,
  n: number,
  sameWidth = false,
  repeated = false,
  prevWords?: string[],
): { table: Table; lines: number[]; headerWords?: string[] } | null {
  const above = scanAbove(before, ctx.department);
  let title = above.title;
  let inherited = false;
  const closeBelowPrev = before.length <= 3 && !before.some((b) => b.type === 'heading');
  // a grid carrying its own title ("附件4 / 项目支出绩效自评表") starts a table even after spilled text
  const ownTitle = () => buildGrid(gridRows(block), { textTable: false }).title !== null;
  if (!title && prev && (above.continuous || closeBelowPrev || ((repeated || (sameWidth && spillBelow(before))) && !ownTitle()))) {
    // a table continuing the one above (a form split into several grids under one title)
    // a section label right above names a part of the form; not so a fragment of wrapped text
    title = above.label && (above.continuous || closeBelowPrev) ? `${baseTitle(prev.title)}·${above.label}` : baseTitle(prev.title);
    inherited = true;
  }
  let kind: TableKind = inherited && prev ? prev.kind : classifyTable(title ?? '', []);
  // one-cell-per-line runs are rebuilt into rows first (cell-per-line.ts)
  let rows = gridRows(block);
  // the section heading and lead-in printed as the grid's first rows ("第七部分 | 重点项目…", "…如下：")
  const lead: string[] = [];
  if (!title) {
    let k = 0;
    for (; k < rows.length && k < 3; k++) {
      const filled = rows[k].cells.map((c) => c.trim()).filter((c) => c !== '');
      const text = filled.join(' ');
      if (filled.length === 0) continue;
      if (filled.length > 2 || !(sectionHeading(text) || (/[：:]$/.test(text) && compact(text).length <= 40))) break;
      lead.push(text);
    }
    if (lead.length > 0 && k < rows.length) rows = rows.slice(k);
    else lead.length = 0;
  }
  let grid: Grid = buildGrid(rows, { textTable: TEXT_KINDS.has(kind) });
  if (!title && grid.title) title = grid.title;
  const extraLines: number[] = [];
  const issues: string[] = [];
  let headerWords: string[] | undefined;
  if (!title) {
    // a short lead-in right above ("8.绩效指标：") names the table; else the nearest heading
    const last = before[before.length - 1];
    const leadIn = last && /[：:]$/.test(last.text.trim()) && last.text.length <= 24 ? last : undefined;
    if (leadIn) extraLines.push(leadIn.line_start);
    const heading = [...before].reverse().find((b) => b.type === 'heading');
    const section = [...before].reverse().find((b) => sectionHeading(b.text));
    const leadSection = lead.map(sectionHeading).find((x) => x !== null);
    title = leadIn
      ? leadIn.text.trim().replace(/[：:]$/, '').replace(/^(\d+|[一二三四五六七八九十]+)[.、．]\s*/, '')
      : (leadSection ?? heading?.text ?? above.label ?? (section ? sectionHeading(section.text) : null) ?? UNTITLED);
  }
  if (!inherited) {
    const k = classifyTable(title, grid.columns);
    if (TEXT_KINDS.has(k) !== TEXT_KINDS.has(kind)) grid = buildGrid(rows, { textTable: TEXT_KINDS.has(k) });
    kind = classifyTable(title, grid.columns);
  }
  if (grid.columns.length === 0) return null;
  if (title === UNTITLED) issues.push('未找到表格标题');
  // the header printed as a line of text right above the grid ("项目 预算数（单位：万元） 绩效目标")
  if (grid.columns.length > 0 && grid.columns.every((c) => UNNAMED.test(c))) {
    const line = before[before.length - 1];
    const words = line ? line.text.trim().split(/\s+/).map((w) => w.replace(/[：:]$/, '')) : [];
    // one word per column of the grid as printed (列k is its k-th column), or per column kept
    const byIndex = words.length === width(block);
    // or the header the table it continues had, when the grids are as wide
    const inheritedWords = inherited ? prevWords : undefined;
    // (the grid can be wider than the block's first lines: columns past the words keep their 列N name)
    if (line && (byIndex || words.length === grid.columns.length) && words.every((w) => w.length <= 24 && !isNumberCell(w)) && HEADER_WORD.test(line.text)) {
      grid = { ...grid, columns: byIndex ? grid.columns.map((c) => words[Number(c.slice(1)) - 1] ?? c) : words };
      extraLines.push(line.line_start);
      if (byIndex) headerWords = words;
    } else if (inheritedWords && inheritedWords.length === width(block)) {
      grid = { ...grid, columns: grid.columns.map((c) => inheritedWords[Number(c.slice(1)) - 1] ?? c) };
      headerWords = inheritedWords;
    } else if (title === UNTITLED || (inherited && prev?.reading_issues?.includes('未找到表格标题'))) issues.push('表头未能识别');
  }
  if (inherited && prev?.reading_issues?.includes('未找到表格标题')) issues.push('未找到表格标题');
  if (headerWords) {
    // the header printed again at the top of a continuation grid ("项目 | | 绩效目标", " | 元） |") is not data
    const echo = (cells: string[]) => {
      const filled = cells.map(compact).filter((c) => c !== '');
      return filled.length > 0 && filled.every((c) => !isNumberCell(c) && headerWords!.some((w) => compact(w).startsWith(c) || compact(w).endsWith(c)));
    };
    let k = 0;
    while (k < grid.body.length && echo(grid.body[k].cells)) k++;
    if (k > 0 && k < grid.body.length) grid = { ...grid, body: grid.body.slice(k) };
  }

  const below = scanBelow(after);
  const note = [grid.note, below.note].filter((x): x is string => !!x).join(' ') || null;
  const money = MONEY_KINDS.has(kind);
  const empty = money
    ? grid.headerOnly || !grid.body.some((r) => r.cells.some((c) => isNumberCell(c)))
    : grid.body.length === 0;
  const unit = above.unit ?? grid.unit ?? (money ? (inherited && prev ? prev.unit : ctx.unit) : null);
  const table: Table = {
    id: `t${String(n).padStart(2, '0')}`,
    kind,
    title,
    unit,
    columns: grid.columns,
    rows: empty ? [] : grid.body.map((r) => ({ cells: r.cells, source_line: r.line })),
    empty,
    note,
    source: ctx.ref(block.line_start, block.line_end),
    ...(issues.length > 0 ? { reading_issues: [...new Set(issues)] } : {}),
  };
  return { table, lines: [...above.lines, ...below.lines, ...extraLines], headerWords };
}

const baseTitle = (t: string) => t.split('·')[0];
const width = (b: TableBlock) => Math.max(0, ...b.rows.map((r) => r.cells.length));

/** The title of a table the pipeline found no title for (kept, and marked with a reading issue). */
export const UNTITLED = '（未识别标题的表格）';
/** Placeholder names the grid gives columns whose header it could not read. */
const UNNAMED = /^列\d+$/;
const HEADER_WORD = /项目|名称|金额|预算数|合计|科目|编码|目标|指标/;

/** A section heading printed as a line ("七、重点项目预算绩效目标情况", "第七部分 …"): its name. */
function sectionHeading(text: string): string | null {
  const t = text.trim();
  if (t.length > 40 || /[。；;：:，,]/.test(t)) return null;
  const m = /^(?:第[一二三四五六七八九十\d]+部分|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])\s*(\S.*)$/.exec(t);
  return m ? m[1].trim() : null;
}

/** A column header printed as a line of text: several words, one of them a header word, no amounts. */
function isHeaderLine(text: string): boolean {
  const words = text.trim().split(/\s+/);
  return words.length >= 3 && compact(text).length >= 8 && compact(text).length <= 80 && HEADER_WORD.test(text) && !words.some((w) => isNumberCell(w));
}

/**
 * The prose between the previous table and this one is what spilled out of the grid (wrapped cell
 * text, a repeated page header), not a new section: no heading, no lead-in, no section heading line,
 * and not much of it.
 */
function spillBelow(before: Extract<Block, { type: 'text' | 'heading' }>[]): boolean {
  // a narrow text column wraps into many short fragments
  const narrow = before.every((b) => compact(b.text).length <= 16);
  if (!narrow && before.length > 24) return false;
  const last = before[before.length - 1];
  if (last && /[：:]$/.test(last.text.trim())) return false;
  // a note closes the table above; an 附件/填报单位 line starts a new one
  return !before.some((b) => b.type === 'heading' || sectionHeading(b.text) !== null || isNoteText(b.text) || isMetaText(b.text));
}

/**
 * In a money table every cell right of the label columns should be a number or blank. A malformed
 * number ("1,2345.6", "12.3.4") or text there (a formula such as "=cmd|…") is kept as published in
 * the table's rows but never read as a figure: say so, with the line.
 */
function flagBadCells(ctx: RecognizeContext, table: Table): void {
  if (!MONEY_KINDS.has(table.kind) || table.empty) return;
  for (const row of table.rows) {
    const firstNumber = row.cells.findIndex((c) => isNumberCell(c));
    if (firstNumber < 0) continue;
    for (let i = firstNumber; i < row.cells.length; i++) {
      const c = row.cells[i].trim();
      if (c === '' || isNumberCell(c)) continue;
      if (isMalformedNumber(c)) ctx.warn(row.source_line, `${table.title}：数字格式错误“${c}”（第 ${i + 1} 列），未作为金额读取`);
      else if (/^[=+@]|^-[^\d]/.test(c)) ctx.warn(row.source_line, `${table.title}：金额列出现非数字内容“${c.slice(0, 40)}”（第 ${i + 1} 列），未作为金额读取`);
    }
  }
}
