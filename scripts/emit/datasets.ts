/**
 * Every CSV download, declared once: file name, Chinese title/description, and typed fields (with
 * unit and OpenSpending columnType where it applies). The same declaration writes the CSV and its
 * datapackage.json entry, so the two cannot drift apart.
 */
import type { DocumentRecord, IngestError, SourceRef, Table } from '../model/schema.js';
import { DOCUMENT_KIND_LABELS, TABLE_KIND_LABELS, TOTAL_LABELS } from '../model/schema.js';
import type { Cell } from './csv.js';
import { plainAmount } from '../normalize/amount.js';
import { baseBudget, changeOf, changePctOf, executionRate } from '../normalize/change.js';

export type FieldType = 'string' | 'integer' | 'number' | 'boolean';

export interface Field {
  name: string;
  type: FieldType;
  title: string;
  description?: string;
  unit?: string;
  columnType?: string;
}

export interface Dataset {
  name: string; // datapackage resource name
  path: string; // relative to the data folder
  title: string;
  description: string;
  fields: Field[];
  rows: Cell[][];
}

/** A dataset's description without its rows: what datapackage.json says about a CSV. */
export type DatasetHead = Omit<Dataset, 'rows'>;

/** A dataset with one or more rows per document, the documents in id order. */
export interface DocumentDataset extends DatasetHead {
  rowsOf(d: DocumentRecord): Cell[][];
}

const s = (name: string, title: string, description?: string): Field => ({ name, type: 'string', title, ...(description ? { description } : {}) });
const i = (name: string, title: string, description?: string): Field => ({ name, type: 'integer', title, ...(description ? { description } : {}) });
const money = (name: string, title: string, description?: string): Field => ({
  name,
  type: 'number',
  title,
  unit: '万元',
  columnType: 'value',
  description: `${description ? `${description}；` : ''}单位：万元`,
});

export const PROVENANCE_FIELDS: Field[] = [
  s('source_file', '来源文件', '相对于来源目录的文件路径'),
  i('source_line_start', '起始行', '来源文件中的起始行号（从 1 开始）'),
  i('source_line_end', '结束行', '来源文件中的结束行号'),
  i('source_page', '页码', 'PDF 来源的页码；文本来源为空'),
];

function prov(ref: SourceRef | null | undefined): Cell[] {
  if (!ref) return [null, null, null, null];
  return [ref.file, ref.line_start, ref.line_end, ref.page ?? null];
}

/**
 * The line range a document row was extracted from: the first to the last line cited by any of its
 * records (page of the first cited line for PDF sources); empty when nothing was cited.
 */
export function documentSpan(d: DocumentRecord): SourceRef | null {
  let start = Infinity;
  let end = -Infinity;
  let page: number | undefined;
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (v === null || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (typeof o.file === 'string' && typeof o.line_start === 'number' && typeof o.line_end === 'number') {
      if (o.line_start < start) {
        start = o.line_start;
        page = typeof o.page === 'number' ? o.page : undefined;
      }
      end = Math.max(end, o.line_end);
      return;
    }
    for (const k of Object.keys(o)) walk(o[k]);
  };
  walk(d);
  if (!Number.isFinite(start)) return null;
  return page === undefined ? { file: d.source_file, line_start: start, line_end: end } : { file: d.source_file, line_start: start, line_end: end, page };
}

/** 上年数, 增减 and 增减% beside a figure (empty when the document prints no 上年 figure). */
const YEAR_OVER_YEAR_FIELDS: Field[] = [
  money('previous_total', '上年数', '表中与本年并列的上年预算数、执行数或决算数'),
  money('change', '比上年增减', '合计 − 上年数，按原文数字精确计算'),
  { name: 'change_pct', type: 'number', title: '比上年增减（%）', description: '增减 ÷ 上年数 ×100，保留两位小数' },
];
const yearOverYear = (current: number | null, previous: number | null | undefined): Cell[] => [previous ?? null, changeOf(current, previous), changePctOf(current, previous)];

const docCols = (d: DocumentRecord): Cell[] => [d.id];
const DOC_ID = s('document_id', '文档编号');

/** Field names of a per-table CSV: the published headers, made unique and non-empty. */
export function tableHeaders(t: Table): string[] {
  const width = Math.max(t.columns.length, ...t.rows.map((r) => r.cells.length));
  const seen = new Map<string, number>();
  const out: string[] = [];
  for (let k = 0; k < width; k++) {
    let h = (t.columns[k] ?? '').trim() || `column_${k + 1}`;
    const n = (seen.get(h) ?? 0) + 1;
    seen.set(h, n);
    if (n > 1) h = `${h} (${n})`;
    out.push(h);
  }
  return [...out, 'source_line'];
}

/** A per-table cell: an amount as a number, anything else as the published text. */
function publishedCell(text: string): Cell {
  return plainAmount(text) ?? text;
}

export function tablePath(documentId: string, tableId: string): string {
  return `tables/${documentId}/${tableId}.csv`;
}

/** A document's tables in one file: `tables/<document>.zip` (its CSVs) or `.xlsx` (a sheet per table). */
export function documentTablesPath(documentId: string, format: 'zip' | 'xlsx'): string {
  return `tables/${documentId}.${format}`;
}

/** The datasets with rows per document, in the order datapackage.json lists them. */
export const DOCUMENT_DATASETS: DocumentDataset[] = [
  {
    name: 'documents',
    path: 'documents.csv',
    title: '文档',
    description: '每份公开文档一行：部门、地区、年度、类型和主要收支总数（万元）',
    fields: [
      DOC_ID,
      s('title', '标题'),
      s('department', '部门'),
      s('department_id', '部门编号', '部门名称的拼音标识'),
      s('province', '省'),
      s('city', '市'),
      s('county', '区县'),
      { ...i('fiscal_year', '年度'), columnType: 'date:fiscal-year' },
      { ...s('kind', '类型', 'budget 部门预算；final_account 部门决算；budget_draft 预算草案'), columnType: 'phase' },
      s('kind_label', '类型（中文）'),
      s('unit', '表格金额单位', '原文表格的金额单位；本文件中的金额均已换算为万元'),
      money('income_total', TOTAL_LABELS.income_total, '含上年结转'),
      money('current_year_income', TOTAL_LABELS.current_year_income),
      money('expenditure_total', TOTAL_LABELS.expenditure_total, '含结转下年'),
      money('current_year_expenditure', TOTAL_LABELS.current_year_expenditure),
      money('basic_expenditure', TOTAL_LABELS.basic_expenditure),
      money('project_expenditure', TOTAL_LABELS.project_expenditure),
      money('fiscal_appropriation', TOTAL_LABELS.fiscal_appropriation),
      money('general_budget_expenditure', TOTAL_LABELS.general_budget_expenditure),
      money('three_public_total', TOTAL_LABELS.three_public_total, '预算文档为预算数，决算文档为决算数'),
      money('operating_expenses', TOTAL_LABELS.operating_expenses),
      money('procurement_total', TOTAL_LABELS.procurement_total),
      i('staff_authorized', '编制人数'),
      i('staff_actual', '实有人数'),
      i('table_count', '表格数'),
      i('project_count', '项目数'),
      i('indicator_count', '绩效指标数'),
      i('finding_count', '核对发现数'),
      i('finding_error_count', '核对错误数'),
      i('parse_note_count', '未能完整读取的部分数', '程序未能完整读取、因而未作核对的部分（见 parse_notes.csv），不是原文的问题'),
      { name: 'coverage_share', type: 'number', title: '行覆盖率', description: '被识别结构认领的非空行占比（0–1）' },
      s('source_sha256', '来源文件 SHA-256'),
      s('source_format', '来源格式', 'pdf：有文字层的 PDF；pdf_ocr：扫描件（没有文字层），经文字识别（OCR）读取，数字可能识别有误；text、markdown：文本；pdftotext：pdftotext -layout 导出的文本'),
      s('source_encoding', '来源编码'),
      ...PROVENANCE_FIELDS,
    ],
    rowsOf: (d) => [[
      ...docCols(d),
      d.title,
      d.department,
      d.department_id,
      d.province,
      d.city,
      d.county,
      d.fiscal_year,
      d.kind,
      DOCUMENT_KIND_LABELS[d.kind],
      d.unit,
      d.totals.income_total,
      d.totals.current_year_income,
      d.totals.expenditure_total,
      d.totals.current_year_expenditure,
      d.totals.basic_expenditure,
      d.totals.project_expenditure,
      d.totals.fiscal_appropriation,
      d.totals.general_budget_expenditure,
      d.totals.three_public_total,
      d.totals.operating_expenses,
      d.totals.procurement_total,
      d.staffing.authorized !== null ? Math.round(d.staffing.authorized) : null,
      d.staffing.actual !== null ? Math.round(d.staffing.actual) : null,
      d.tables.length,
      d.projects.length,
      d.projects.reduce((n, p) => n + p.indicators.length, 0),
      d.findings.length,
      d.findings.filter((f) => f.severity === 'error').length,
      d.parse_notes.length,
      d.coverage.lines_total ? Number((d.coverage.lines_claimed / d.coverage.lines_total).toFixed(4)) : null,
      d.source_sha256,
      d.source_format,
      d.source_encoding,
      ...prov(documentSpan(d)),
    ]],
  },
  {
    name: 'document-totals',
    path: 'document_totals.csv',
    title: '文档总数及出处',
    description: 'documents.csv 中每个总数取自哪一行（表格优先，没有表格时取说明文字）',
    fields: [
      DOC_ID,
      s('key', '指标'),
      money('value', '金额'),
      money('previous_total', '上年数', '出处行在本年数旁列出的上年数（上年预算数等）'),
      money('change', '比上年增减', '金额 − 上年数'),
      { name: 'change_pct', type: 'number', title: '比上年增减（%）', description: '增减 ÷ 上年数 ×100，保留两位小数' },
      ...PROVENANCE_FIELDS,
    ],
    rowsOf: (d) => Object.keys(d.totals_sources)
      .sort()
      .map((k) => {
        const value = (d.totals as Record<string, number | null>)[k] ?? null;
        return [d.id, k, value, ...yearOverYear(value, d.totals_previous?.[k]), ...prov(d.totals_sources[k])];
      }),
  },
  {
    name: 'projects',
    path: 'projects.csv',
    title: '项目',
    description: '每份文档中的每个项目一行（同一项目在文档中多处出现已合并）',
    fields: [
      s('project_id', '项目编号'),
      DOC_ID,
      s('department', '部门'),
      { ...i('fiscal_year', '年度'), columnType: 'date:fiscal-year' },
      { ...s('kind', '文档类型'), columnType: 'phase' },
      s('name', '项目名称'),
      s('aliases', '其他名称', '文档中出现的其他写法，以“|”分隔'),
      { ...s('code', '项目编码'), columnType: 'project:code' },
      money('budget', '当年预算', '决算文档为全年预算数'),
      money('initial_budget', '年初预算'),
      money('executed', '执行数'),
      money('total_budget', '项目总金额'),
      s('category', '项目类别'),
      s('frequency', '项目性质', '当年/延续/一次性/经常性'),
      s('period', '实施周期'),
      s('start_date', '开始日期'),
      s('end_date', '结束日期'),
      s('implementing_unit', '实施单位'),
      { name: 'self_evaluation_score', type: 'number', title: '自评得分' },
      i('indicator_count', '绩效指标数'),
      s('source_lines', '全部出处', '文档中提到该项目的所有行范围，以“;”分隔'),
      ...PROVENANCE_FIELDS,
    ],
    rowsOf: (d) => d.projects.map((p) => [
      p.id,
      d.id,
      d.department,
      d.fiscal_year,
      d.kind,
      p.name,
      p.aliases.join('|'),
      p.code,
      p.budget,
      p.initial_budget,
      p.executed,
      p.total_budget,
      p.category,
      p.frequency,
      p.period,
      p.start_date,
      p.end_date,
      p.implementing_unit,
      p.self_evaluation_score,
      p.indicators.length,
      p.sources.map((r) => (r.line_start === r.line_end ? `${r.line_start}` : `${r.line_start}-${r.line_end}`)).join(';'),
      ...prov(p.sources[0] ?? null),
    ]),
  },
  {
    name: 'indicators',
    path: 'indicators.csv',
    title: '绩效指标',
    description: '项目绩效指标：指标名称、目标值（运算符、数值、单位和原文）以及自评的实际值、分值和得分',
    fields: [
      s('project_id', '项目编号'),
      DOC_ID,
      s('project_name', '项目名称'),
      s('level1', '一级指标'),
      s('level2', '二级指标'),
      s('level3', '三级指标'),
      s('operator', '运算符', '>= <= = > < range qualitative'),
      { name: 'value', type: 'number', title: '目标数值' },
      { name: 'value_max', type: 'number', title: '目标上限', description: '区间目标的上限' },
      s('unit', '计量单位'),
      s('target_raw', '目标原文', '原文（以 = + - @ 开头时前加单引号以防公式注入）'),
      s('actual_raw', '实际完成值'),
      { name: 'weight', type: 'number', title: '分值' },
      { name: 'score', type: 'number', title: '得分' },
      s('note', '说明'),
      ...PROVENANCE_FIELDS,
    ],
    rowsOf: (d) => d.projects.flatMap((p) =>
      p.indicators.map((x) => [p.id, d.id, p.name, x.level1, x.level2, x.level3, x.operator, x.value, x.value_max, x.unit, x.target_raw, x.actual_raw, x.weight, x.score, x.note, ...prov(x.source)]),
    ),
  },
  {
    name: 'expenditure-by-function',
    path: 'expenditure_by_function.csv',
    title: '按功能分类的支出',
    description: '支出功能分类（类/款/项）各行，取自各支出表',
    fields: [
      DOC_ID,
      s('table_id', '表格编号'),
      s('table_kind', '表格类型'),
      { ...s('code', '科目编码', '3/5/7 位完整编码'), columnType: 'functional-classification:generic:code' },
      i('level', '层级', '1 类，2 款，3 项'),
      { ...s('name', '科目名称'), columnType: 'functional-classification:generic:label' },
      money('total', '合计'),
      money('basic', '基本支出'),
      money('project', '项目支出'),
      ...YEAR_OVER_YEAR_FIELDS,
      money('initial_budget', '年初预算数', '决算表在决算数旁列出时'),
      money('final_budget', '调整预算数', '决算表列出的调整（全年）预算数'),
      { name: 'execution_rate', type: 'number', title: '预算执行率（%）', description: '合计（决算数）÷ 调整预算数（未列出时为年初预算数）×100' },
      ...PROVENANCE_FIELDS,
    ],
    rowsOf: (d) =>
      d.expenditure_by_function.map((r) => [
        d.id, r.table_id, r.table_kind, r.code, r.level, r.name, r.total, r.basic, r.project,
        ...yearOverYear(r.total, r.previous),
        r.initial_budget ?? null, r.final_budget ?? null, executionRate(r.total, baseBudget(r)),
        ...prov(r.source),
      ]),
  },
  {
    name: 'basic-expenditure-by-economic',
    path: 'basic_expenditure_by_economic.csv',
    title: '按经济分类的基本支出',
    description: '一般公共预算基本支出按经济分类科目',
    fields: [
      DOC_ID,
      s('table_id', '表格编号'),
      { ...s('code', '科目编码'), columnType: 'economic-classification:generic:code' },
      i('level', '层级'),
      { ...s('name', '科目名称'), columnType: 'economic-classification:generic:label' },
      money('total', '合计'),
      money('personnel', '人员经费'),
      money('public', '公用经费'),
      ...YEAR_OVER_YEAR_FIELDS,
      ...PROVENANCE_FIELDS,
    ],
    rowsOf: (d) => d.basic_expenditure_by_economic.map((r) => [d.id, r.table_id, r.code, r.level, r.name, r.total, r.personnel, r.public, ...yearOverYear(r.total, r.previous), ...prov(r.source)]),
  },
  {
    name: 'three-public',
    path: 'three_public.csv',
    title: '“三公”经费',
    description: '因公出国（境）费、公务用车购置及运行维护费、公务接待费的预算数与决算数',
    fields: [
      DOC_ID,
      s('item', '项目'),
      s('label', '名称'),
      money('budget', '预算数', '决算文档为年初预算数'),
      money('actual', '决算数'),
      money('previous_total', '上年数', '表中与本年并列的上年数（预算文档为上年预算数或执行数）'),
      money('change', '比上年增减', '本年数（决算文档为决算数）− 上年数'),
      { name: 'change_pct', type: 'number', title: '比上年增减（%）', description: '增减 ÷ 上年数 ×100' },
      { name: 'execution_rate', type: 'number', title: '预算执行率（%）', description: '决算数 ÷ 预算数 ×100（决算文档）' },
      ...PROVENANCE_FIELDS,
    ],
    rowsOf: (d) =>
      d.three_public.map((r) => {
        const current = d.kind === 'final_account' ? (r.actual ?? r.budget) : (r.budget ?? r.actual);
        return [d.id, r.item, r.label, r.budget, r.actual, ...yearOverYear(current, r.previous), executionRate(r.actual, r.budget), ...prov(r.source)];
      }),
  },
  {
    name: 'function-changes',
    path: 'function_changes.csv',
    title: '说明文字中各功能科目的增减',
    description: '情况说明逐项写明的功能科目（类/款/项）本年数及比上年的增减、增减百分比和原因',
    fields: [
      DOC_ID,
      s('code', '科目编码', '功能分类科目在表格中的编码（能唯一对应时）'),
      s('label', '名称', '原文的说法'),
      money('value', '本年数'),
      money('previous_total', '上年数', '本年数 − 增减'),
      money('change', '比上年增减', '原文写明的增减（持平为 0）'),
      { name: 'change_pct', type: 'number', title: '比上年增减（%）', description: '原文写明的百分比' },
      s('reason', '原因', '原文对增减的说明'),
      ...PROVENANCE_FIELDS,
    ],
    rowsOf: (d) => (d.function_changes ?? []).map((r) => [d.id, r.code, r.label, r.value, changeOf(r.value, r.change), r.change, r.change_pct, r.reason, ...prov(r.source)]),
  },
  {
    name: 'budget-execution',
    path: 'budget_execution.csv',
    title: '预算执行情况',
    description: '决算文档说明中逐项给出（或汇总表在决算数旁列出）的年初预算数、调整预算数与决算数，执行率及差异原因',
    fields: [
      DOC_ID,
      s('scope', '范围', 'expenditure_total 支出总计；basic_expenditure 基本支出；project_expenditure 项目支出；fiscal_appropriation_expenditure 财政拨款支出；general_budget_expenditure 一般公共预算财政拨款支出；其他 documents.csv 的总数列名（取自表格时）；function 功能分类科目；three_public “三公”经费'),
      s('label', '名称', '原文的说法'),
      s('code', '科目编码', '功能分类科目在表格中的编码（能唯一对应时）'),
      money('initial_budget', '年初预算数'),
      money('final_budget', '调整预算数', '调整（全年）预算数'),
      money('actual', '决算数'),
      { name: 'execution_rate', type: 'number', title: '预算执行率（%）', description: '决算数 ÷ 调整预算数（未列出时为年初预算数）×100，按原文数字计算' },
      { name: 'stated_rate', type: 'number', title: '原文执行率（%）', description: '原文写明的完成预算百分比' },
      s('reason', '差异原因', '原文对决算数与预算数差异的说明'),
      ...PROVENANCE_FIELDS,
    ],
    rowsOf: (d) =>
      (d.budget_execution ?? []).map((r) => [
        d.id, r.scope, r.label, r.code, r.initial_budget, r.final_budget, r.actual, executionRate(r.actual, baseBudget(r)), r.stated_rate, r.reason, ...prov(r.source),
      ]),
  },
  {
    name: 'stats',
    path: 'stats.csv',
    title: '相关统计数',
    description: '与“三公”经费等一同公开的数量（团组数、接待批次、车辆保有量等）',
    fields: [DOC_ID, s('key', '指标'), s('label', '名称'), { name: 'value', type: 'number', title: '数量' }, ...PROVENANCE_FIELDS],
    rowsOf: (d) => d.stats.map((r) => [d.id, r.key, r.label, r.value, ...prov(r.source)]),
  },
  {
    name: 'procurement',
    path: 'procurement.csv',
    title: '政府采购',
    description: '政府采购预算总额及货物、工程、服务分类和明细',
    fields: [DOC_ID, s('category', '类别', 'total goods works services item'), s('label', '名称'), money('amount', '金额'), ...PROVENANCE_FIELDS],
    rowsOf: (d) => d.procurement.map((r) => [d.id, r.category, r.label, r.amount, ...prov(r.source)]),
  },
  {
    name: 'facts',
    path: 'facts.csv',
    title: '说明文字中的数字',
    description: '情况说明中陈述的金额和数量及其同比变化',
    fields: [
      DOC_ID,
      s('key', '指标'),
      s('label', '名称'),
      { name: 'value', type: 'number', title: '数值' },
      s('unit', '单位'),
      { name: 'change', type: 'number', title: '同比增减' },
      { name: 'change_pct', type: 'number', title: '同比增减（%）' },
      s('text', '原句'),
      ...PROVENANCE_FIELDS,
    ],
    rowsOf: (d) => d.facts.map((f) => [d.id, f.key, f.label, f.value, f.unit, f.change ?? null, f.change_pct ?? null, f.text, ...prov(f.source)]),
  },
  {
    name: 'findings',
    path: 'findings.csv',
    title: '核对发现',
    description: '数字核对中发现的不一致（比较采用十进制精确运算，容差 0.01 万元）',
    fields: [
      DOC_ID,
      s('check', '核对项'),
      s('severity', '严重程度', 'error 错误；warning 提醒；info 信息'),
      s('message', '说明'),
      money('expected', '应为'),
      money('actual', '实为'),
      ...PROVENANCE_FIELDS,
    ],
    rowsOf: (d) => d.findings.map((f) => [d.id, f.check, f.severity, f.message, f.expected, f.actual, ...prov(f.source)]),
  },
  {
    name: 'parse-notes',
    path: 'parse_notes.csv',
    title: '未能完整读取的部分',
    description: '供维护者参考：程序未能完整读取（表格结构不确定、项目未全部识别等）而未作核对的部分；这些不是原文的问题，也不计入核对发现',
    fields: [
      DOC_ID,
      s('check', '核对项或识别器'),
      s('message', '说明'),
      ...PROVENANCE_FIELDS,
    ],
    rowsOf: (d) => d.parse_notes.map((n) => [d.id, n.check, n.message, ...prov(n.source)]),
  },
  {
    name: 'disclosure',
    path: 'disclosure.csv',
    title: '公开完整性',
    description: '按《地方预决算公开操作规程》（财预〔2016〕143号）逐项检查应公开的表格和说明事项',
    fields: [
      DOC_ID,
      s('item', '事项'),
      s('label', '名称'),
      s('group', '类别', 'table 表格；narrative 说明'),
      { name: 'required', type: 'boolean', title: '是否必须公开' },
      s('status', '状态', 'present 已公开；empty_with_note 空表并有说明；empty 空表无说明；published_separately 另行公开（表格不在本文件中：文件说明以附件等形式单独发布，或只有情况说明）；missing 未找到（程序没有在文件中找到：可能未公开，也可能未能识别）'),
      ...PROVENANCE_FIELDS,
    ],
    rowsOf: (d) => d.disclosure.map((x) => [d.id, x.item, x.label, x.group, x.required, x.status, ...prov(x.source)]),
  },
  {
    name: 'coverage',
    path: 'coverage.csv',
    title: '识别覆盖率',
    description: '每份文档中被识别结构认领的非空行数与占比，及未认领的行范围',
    fields: [
      DOC_ID,
      i('lines_total', '非空行数'),
      i('lines_claimed', '已认领行数'),
      { name: 'share', type: 'number', title: '覆盖率', description: '0–1' },
      i('unclaimed_runs', '未认领段数'),
      s('unclaimed', '未认领行范围', '以“;”分隔的行范围'),
      s('source_file', '来源文件'),
    ],
    rowsOf: (d) => [[
      d.id,
      d.coverage.lines_total,
      d.coverage.lines_claimed,
      d.coverage.lines_total ? Number((d.coverage.lines_claimed / d.coverage.lines_total).toFixed(4)) : null,
      d.coverage.unclaimed.length,
      d.coverage.unclaimed.map((u) => (u.line_start === u.line_end ? `${u.line_start}` : `${u.line_start}-${u.line_end}`)).join(';'),
      d.source_file,
    ]],
  },
  {
    name: 'unclaimed-lines',
    path: 'unclaimed_lines.csv',
    title: '未识别的行',
    description: '尚未被任何识别结构认领的原文片段（前 200 字）',
    fields: [DOC_ID, s('text', '原文片段'), ...PROVENANCE_FIELDS],
    rowsOf: (d) => d.coverage.unclaimed.map((u) => [d.id, u.text, d.source_file, u.line_start, u.line_end, null]),
  },
  {
    name: 'glossary',
    path: 'glossary.csv',
    title: '名词解释',
    description: '文档“名词解释”部分的术语和释义',
    fields: [DOC_ID, s('term', '术语'), s('definition', '释义'), ...PROVENANCE_FIELDS],
    rowsOf: (d) => d.glossary.map((g) => [d.id, g.term, g.definition, ...prov(g.source)]),
  },
  {
    name: 'tables',
    path: 'tables.csv',
    title: '表格目录',
    description: '每份文档中识别出的表格及其单独下载文件',
    fields: [
      DOC_ID,
      s('table_id', '表格编号'),
      s('kind', '表格类型'),
      s('kind_label', '表格类型（中文）'),
      s('title', '表题'),
      s('unit', '金额单位', '原文单位；单表下载保留原文数字'),
      { name: 'empty', type: 'boolean', title: '空表' },
      s('note', '说明'),
      i('row_count', '行数'),
      s('path', '下载文件'),
      { name: 'ocr', type: 'boolean', title: 'OCR 识别', description: '从扫描件经文字识别（OCR）读取：数字可能识别有误，核对不一致之处只作为未能完整读取的部分' },
      ...PROVENANCE_FIELDS,
    ],
    rowsOf: (d) => d.tables.map((t) => [d.id, t.id, t.kind, TABLE_KIND_LABELS[t.kind], t.title, t.unit, t.empty, t.note, t.rows.length, tablePath(d.id, t.id), t.ocr === true, ...prov(t.source)]),
  },
];

/** The ingest problems of a run, sorted by file, line and message. */
export function errorsDataset(errors: IngestError[]): Dataset {
  return {
    name: 'ingest-errors',
    path: 'ingest_errors.csv',
    title: '读取问题',
    description: '读取或识别时遇到的问题，以及采取的处理（跳过、解码、修复、标记）',
    fields: [s('file', '文件'), i('line', '行号'), s('severity', '严重程度'), s('action', '处理', 'skipped decoded repaired flagged'), s('message', '说明')],
    get rows(): Cell[][] {
      return [...errors]
        .map((e) => [e.file, e.line, e.severity, e.action, e.message] as Cell[])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])) || Number(a[1] ?? 0) - Number(b[1] ?? 0) || String(a[4]).localeCompare(String(b[4])));
    },
  };
}

/**
 * One CSV per source table, cells as published except that amounts are plain numbers (1,234.56 →
 * 1234.56, in the table's own unit); '-', codes such as "01" and all other text stay as printed;
 * rows are built when read, so tens of thousands of per-table row copies never coexist.
 */
export function tableDatasets(d: DocumentRecord): Dataset[] {
  return d.tables.map((t) => {
    const headers = tableHeaders(t);
    return {
      name: `table-${d.id}-${t.id}`.toLowerCase().replace(/[^a-z0-9._-]/g, '-'),
      path: tablePath(d.id, t.id),
      title: `${d.title}：${t.title || TABLE_KIND_LABELS[t.kind]}`,
      description: `原文表格（${TABLE_KIND_LABELS[t.kind]}），单元格按原文保留，金额写成不带千分位的数字${t.unit ? `（单位：${t.unit}）` : ''}；来源 ${t.source.file} 第 ${t.source.line_start}–${t.source.line_end} 行`,
      fields: headers.map((h, k) => (k === headers.length - 1 ? i('source_line', '来源行号') : s(h, h))),
      get rows(): Cell[][] {
        return t.rows.map((r) => [...headers.slice(0, -1).map((_, k) => publishedCell(r.cells[k] ?? '')), r.source_line]);
      },
    };
  });
}
