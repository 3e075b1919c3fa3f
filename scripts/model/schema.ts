/**
 * The one canonical data model. The pipeline produces it, the validators check it, the CSV/Markdown
 * writers serialize it and the Astro pages read it back. Nothing else defines the shape of the data.
 *
 * Conventions:
 * - Amounts are numbers in 万元 (ten-thousand yuan). Tables published in 元 are converted exactly with
 *   decimal arithmetic (normalize/amount.ts), so a value like 12.3456 is exactly what the source said.
 * - `null` means "the document does not say"; 0 means the document says zero (or an empty/"-" cell
 *   where the layout implies zero is recorded as null, never invented).
 * - Every extracted record carries a `source` (file and line range; page for PDF sources).
 */
import { z } from 'zod';

export const PIPELINE_VERSION = '1';

export const SourceRef = z.object({
  file: z.string(),
  line_start: z.number().int(),
  line_end: z.number().int(),
  page: z.number().int().optional(),
});
export type SourceRef = z.infer<typeof SourceRef>;

export const DocumentKind = z.enum(['budget', 'final_account', 'budget_draft']);
export type DocumentKind = z.infer<typeof DocumentKind>;
export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  budget: '部门预算',
  final_account: '部门决算',
  budget_draft: '预算草案',
};

export const MoneyUnit = z.enum(['万元', '元']);
export type MoneyUnit = z.infer<typeof MoneyUnit>;

const amount = z.number().nullable();

/** A single figure stated in the narrative text ("收入预算总额为895.2万元"). */
export const NarrativeFact = z.object({
  key: z.string(), // e.g. income_total, expenditure_total, basic_expenditure, operating_expenses
  label: z.string(), // Chinese label as understood, e.g. 收入预算总额
  value: z.number(), // in 万元 (or count for vehicles etc.; see unit)
  unit: z.string(), // 万元 | 辆 | 台 | 个 | % …
  change: z.number().nullable().optional(), // year-on-year change in the same unit, signed
  change_pct: z.number().nullable().optional(), // signed percent
  text: z.string(), // the sentence it came from (cleaned)
  source: SourceRef,
});
export type NarrativeFact = z.infer<typeof NarrativeFact>;

export const TableKind = z.enum([
  'income_expenditure_summary', // 收支(预算/决算)总表
  'income', // 收入总表 / 收入决算表
  'expenditure', // 支出总表 / 支出决算表
  'fiscal_appropriation_summary', // 财政拨款收支总表
  'general_budget_expenditure', // 一般公共预算(财政拨款)支出表 — function classification
  'general_budget_basic_expenditure', // 一般公共预算基本支出表 — economic classification
  'three_public', // “三公”经费支出表
  'government_fund', // 政府性基金预算支出表
  'state_capital', // 国有资本经营预算支出表
  'procurement', // 政府采购预算表
  'purchase_of_services', // 政府购买服务预算表
  'project_expenditure', // 项目支出预算表
  'assets', // 国有资产占用情况表
  'performance_targets', // 绩效目标表 (project or overall)
  'self_evaluation', // 绩效自评表
  'other',
]);
export type TableKind = z.infer<typeof TableKind>;

export const TABLE_KIND_LABELS: Record<TableKind, string> = {
  income_expenditure_summary: '收支总表',
  income: '收入总表',
  expenditure: '支出总表',
  fiscal_appropriation_summary: '财政拨款收支总表',
  general_budget_expenditure: '一般公共预算支出表',
  general_budget_basic_expenditure: '一般公共预算基本支出表',
  three_public: '“三公”经费支出表',
  government_fund: '政府性基金预算支出表',
  state_capital: '国有资本经营预算支出表',
  procurement: '政府采购预算表',
  purchase_of_services: '政府购买服务预算表',
  project_expenditure: '项目支出预算表',
  assets: '国有资产占用情况表',
  performance_targets: '绩效目标表',
  self_evaluation: '绩效自评表',
  other: '其他表格',
};

export const TableRow = z.object({
  cells: z.array(z.string()), // cleaned cell text, aligned to `columns`
  source_line: z.number().int(),
});
export type TableRow = z.infer<typeof TableRow>;

/** A source table as published: flattened header + body rows, plus what kind of table it is. */
export const Table = z.object({
  id: z.string(), // stable within the document: t01, t02 …
  kind: TableKind,
  title: z.string(),
  unit: MoneyUnit.nullable(), // money unit stated for the table (null: not a money table / unknown)
  columns: z.array(z.string()), // flattened multi-row header, e.g. "财政拨款/一般公共预算拨款收入"
  rows: z.array(TableRow),
  empty: z.boolean(), // published with no data rows (an empty table is a fact too)
  note: z.string().nullable(), // 说明/注 text attached to the table
  source: SourceRef,
  /**
   * Reading problems a table recognizer noticed (Chinese, for maintainers): columns not understood,
   * rows dropped or unreadable, a header not matched. A check never reports a table with any as
   * inconsistent; it records a parse note instead. Absent when there were none.
   */
  reading_issues: z.array(z.string()).optional(),
  /** Read by OCR from a scan (its figures are less certain: a failed check on it is a parse note). Absent otherwise. */
  ocr: z.boolean().optional(),
});
export type Table = z.infer<typeof Table>;

export const ClassificationLevel = z.union([z.literal(1), z.literal(2), z.literal(3)]);

/** One row of a function classification (支出功能分类 类/款/项) table. Codes are full 3/5/7 digits. */
export const FunctionExpenditure = z.object({
  table_id: z.string(),
  table_kind: TableKind,
  code: z.string(), // 201 | 20103 | 2010301
  level: ClassificationLevel,
  name: z.string(),
  total: amount,
  basic: amount,
  project: amount,
  /** 上年 (上年预算数/上年执行数/上年决算数) printed beside the row's total; absent when not printed */
  previous: amount.optional(),
  /** 决算 tables printing budgets beside 决算数: 年初预算数 and 调整(全年)预算数; absent when not printed */
  initial_budget: amount.optional(),
  final_budget: amount.optional(),
  source: SourceRef,
});
export type FunctionExpenditure = z.infer<typeof FunctionExpenditure>;

/** One row of an economic classification (支出经济分类) table; codes 3/5(/7) digits. */
export const EconomicExpenditure = z.object({
  table_id: z.string(),
  code: z.string(),
  level: ClassificationLevel,
  name: z.string(),
  total: amount,
  personnel: amount, // 人员经费
  public: amount, // 公用经费
  previous: amount.optional(), // 上年 total printed beside the row's; absent when not printed
  source: SourceRef,
});
export type EconomicExpenditure = z.infer<typeof EconomicExpenditure>;

export const ThreePublicItem = z.enum([
  'total',
  'overseas_travel', // 因公出国(境)费
  'vehicles_total', // 公务用车购置及运行维护费
  'vehicle_purchase',
  'vehicle_operation',
  'reception', // 公务接待费
]);
export type ThreePublicItem = z.infer<typeof ThreePublicItem>;

export const ThreePublic = z.object({
  item: ThreePublicItem,
  label: z.string(),
  budget: amount, // 预算数 (for final accounts: 年初预算数)
  actual: amount, // 决算数 (final accounts only)
  previous: amount.optional(), // 上年 figure the table prints beside it (a 上年 column or a row of the previous year)
  source: SourceRef,
});
export type ThreePublic = z.infer<typeof ThreePublic>;

/**
 * A figure a 决算 gives as budget against actual ("财政拨款支出年初预算数为5922.19万元，决算数为1664.55
 * 万元，完成年初预算的28%，主要原因是…"): the headline figures and each function (类/款/项) line.
 */
export const BudgetExecution = z.object({
  /** a headline key (expenditure_total, basic_expenditure, … as in Totals) | fiscal_appropriation_expenditure (财政拨款支出) | function | three_public */
  scope: z.string(),
  label: z.string(), // as the document names it
  code: z.string().nullable(), // function code when the line names one the tables carry
  initial_budget: amount, // 年初预算数
  final_budget: amount, // 调整预算数 / 全年预算数
  actual: amount, // 决算数
  stated_rate: amount, // the percentage the document prints (完成年初预算的28%), when it does
  reason: z.string().nullable(), // 主要原因是… as printed
  source: SourceRef,
});
export type BudgetExecution = z.infer<typeof BudgetExecution>;

/**
 * A function line whose change from the previous year the text states ("教育支出（类）职业教育（款）
 * 技校教育（项）22,232.08万元，…比上年执行数增加362.05万元，增长1.7%，主要原因是…").
 */
export const StatedChange = z.object({
  code: z.string().nullable(), // function code when the tables carry the line's name
  label: z.string(), // as the document names it
  value: z.number(), // this year's figure the sentence gives
  change: z.number(), // signed, as stated (持平: 0)
  change_pct: z.number().nullable(), // signed percent as stated, when stated
  reason: z.string().nullable(), // 主要原因是… as printed
  source: SourceRef,
});
export type StatedChange = z.infer<typeof StatedChange>;

/** Counts reported with the 三公 table (团组数, 接待批次, 车辆保有量 …). */
export const StatCount = z.object({
  key: z.string(),
  label: z.string(),
  value: z.number(),
  source: SourceRef,
});
export type StatCount = z.infer<typeof StatCount>;

export const Procurement = z.object({
  category: z.enum(['total', 'goods', 'works', 'services', 'item']),
  label: z.string(),
  amount: z.number(),
  source: SourceRef,
});
export type Procurement = z.infer<typeof Procurement>;

export const IndicatorOperator = z.enum(['>=', '<=', '=', '>', '<', 'range', 'qualitative']);
export type IndicatorOperator = z.infer<typeof IndicatorOperator>;

export const Indicator = z.object({
  level1: z.string().nullable(), // 一级指标: 产出指标 / 效益指标 / 满意度指标 / 成本指标
  level2: z.string().nullable(), // 二级指标: 数量指标 / 质量指标 …
  level3: z.string(), // 三级指标 (the indicator's own name)
  target_raw: z.string(), // as published, LaTeX normalized (≥ ≤)
  operator: IndicatorOperator,
  value: z.number().nullable(),
  value_max: z.number().nullable(), // for ranges
  unit: z.string().nullable(),
  actual_raw: z.string().nullable(), // self-evaluation 实际完成值
  weight: z.number().nullable(), // 分值
  score: z.number().nullable(), // 得分
  note: z.string().nullable(), // 指标值说明 / 偏差原因
  source: SourceRef,
});
export type Indicator = z.infer<typeof Indicator>;

export const Project = z.object({
  id: z.string(), // `${document_id}--${slug}` — stable across builds
  document_id: z.string(),
  name: z.string(), // canonical (most complete) name
  aliases: z.array(z.string()), // other spellings seen in the document
  code: z.string().nullable(),
  budget: amount, // 当年预算 (final accounts: 全年预算数)
  initial_budget: amount, // 年初预算
  executed: amount, // 执行数 (final accounts)
  total_budget: amount, // 项目总金额 (multi-year)
  category: z.string().nullable(), // 项目类别 / 项目类型 / 资金用途
  frequency: z.string().nullable(), // 当年项目 / 延续项目 / 一次性 / 经常性
  period: z.string().nullable(), // 实施周期 as text
  start_date: z.string().nullable(),
  end_date: z.string().nullable(),
  implementing_unit: z.string().nullable(),
  overview: z.string().nullable(), // 项目概述 / 立项必要性 / 项目实施内容
  basis: z.string().nullable(), // 立项依据 / 政策依据
  plan: z.string().nullable(), // 实施方案
  annual_goal: z.string().nullable(), // 年度绩效目标
  self_evaluation_score: z.number().nullable(),
  indicators: z.array(Indicator),
  sources: z.array(SourceRef), // every place the document mentions it
});
export type Project = z.infer<typeof Project>;

export const GlossaryEntry = z.object({
  term: z.string(),
  definition: z.string(),
  source: SourceRef,
});
export type GlossaryEntry = z.infer<typeof GlossaryEntry>;

export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

export const Finding = z.object({
  check: z.string(), // machine id: children_sum, table_vs_narrative, basic_plus_project, …
  severity: Severity,
  message: z.string(), // Chinese, for people
  expected: z.number().nullable(),
  actual: z.number().nullable(),
  source: SourceRef,
});
export type Finding = z.infer<typeof Finding>;

/**
 * A part of the document the pipeline could not read completely (a table whose structure is
 * uncertain, a list not fully recognized), noted for maintainers. Unlike a Finding it says nothing
 * about the published document: a check whose figures come from such a part records this instead.
 */
export const ParseNote = z.object({
  check: z.string(), // the check or recognizer that noticed it: children_sum, project_sum, …
  message: z.string(), // Chinese, for maintainers
  source: SourceRef,
});
export type ParseNote = z.infer<typeof ParseNote>;

/** published_separately: not in this document, which says the tables are published apart (附件/另行公开) or is a text-only 情况说明. */
export const DisclosureStatus = z.enum(['present', 'empty_with_note', 'empty', 'published_separately', 'missing']);
export type DisclosureStatus = z.infer<typeof DisclosureStatus>;
export const DisclosureItem = z.object({
  item: z.string(), // machine id
  label: z.string(), // Chinese
  group: z.enum(['table', 'narrative']),
  required: z.boolean(),
  status: DisclosureStatus,
  source: SourceRef.nullable(),
});
export type DisclosureItem = z.infer<typeof DisclosureItem>;

export const Staffing = z.object({
  authorized: z.number().nullable(), // 编制人数
  actual: z.number().nullable(), // 实有人数
  in_service: z.number().nullable(), // 在职人数
  retired: z.number().nullable(), // 离退休人数 (离休 + 退休)
  source: SourceRef.nullable(),
});
export type Staffing = z.infer<typeof Staffing>;

/** The document-level totals, taken from tables first and from the narrative when there is no table. */
export const Totals = z.object({
  income_total: amount, // 收入总计 (incl. 上年结转)
  current_year_income: amount, // 本年收入合计
  expenditure_total: amount, // 支出总计 (incl. 结转下年)
  current_year_expenditure: amount, // 本年支出合计
  basic_expenditure: amount,
  project_expenditure: amount,
  fiscal_appropriation: amount, // 财政拨款收入
  general_budget_expenditure: amount, // 一般公共预算(财政拨款)支出
  three_public_total: amount, // budget (or actual for final accounts)
  operating_expenses: amount, // 机关运行经费
  procurement_total: amount,
});
export type Totals = z.infer<typeof Totals>;

/** The headline totals, in the order the model declares them (documents.csv, pages, checks). */
export const TOTAL_KEYS = Totals.keyof().options;
export type TotalKey = keyof Totals;
/** Each total's Chinese name, used wherever a total is named for people. */
export const TOTAL_LABELS: Record<TotalKey, string> = {
  income_total: '收入总计',
  current_year_income: '本年收入合计',
  expenditure_total: '支出总计',
  current_year_expenditure: '本年支出合计',
  basic_expenditure: '基本支出',
  project_expenditure: '项目支出',
  fiscal_appropriation: '财政拨款收入',
  general_budget_expenditure: '一般公共预算支出',
  three_public_total: '“三公”经费',
  operating_expenses: '机关运行经费',
  procurement_total: '政府采购总额',
};

export const Coverage = z.object({
  lines_total: z.number().int(), // non-blank source lines
  lines_claimed: z.number().int(),
  unclaimed: z.array(z.object({ line_start: z.number().int(), line_end: z.number().int(), text: z.string() })),
});
export type Coverage = z.infer<typeof Coverage>;

export const DocumentRecord = z.object({
  id: z.string(), // slug: `${fiscal_year}-${kind}-${department pinyin}-${hash}`
  title: z.string(),
  department: z.string(),
  department_id: z.string(), // slug of the department (pinyin)
  province: z.string().nullable(),
  city: z.string().nullable(),
  county: z.string().nullable(),
  fiscal_year: z.number().int().nullable(),
  kind: DocumentKind,
  unit: MoneyUnit, // unit the document's tables are published in (most common)
  budget_units: z.array(z.string()), // 预算单位 / 纳入汇编范围的单位
  staffing: Staffing,
  responsibilities: z.array(z.string()),
  totals: Totals,
  totals_sources: z.record(z.string(), SourceRef), // where each total came from
  /** a total's previous-year figure, printed beside it on its source row (上年预算数 …); absent when none is */
  totals_previous: z.record(z.string(), z.number()).optional(),
  facts: z.array(NarrativeFact),
  tables: z.array(Table),
  expenditure_by_function: z.array(FunctionExpenditure),
  basic_expenditure_by_economic: z.array(EconomicExpenditure),
  three_public: z.array(ThreePublic),
  /** budget against actual lines of a 决算 (absent when the document gives none) */
  budget_execution: z.array(BudgetExecution).optional(),
  /** function lines whose change from the previous year the text states (absent when none) */
  function_changes: z.array(StatedChange).optional(),
  stats: z.array(StatCount),
  procurement: z.array(Procurement),
  projects: z.array(Project),
  glossary: z.array(GlossaryEntry),
  findings: z.array(Finding),
  parse_notes: z.array(ParseNote), // not findings: where reading was incomplete (for maintainers)
  disclosure: z.array(DisclosureItem),
  coverage: Coverage,
  source_file: z.string(), // path relative to the sources folder
  source_format: z.enum(['text', 'markdown', 'pdf', 'pdf_ocr', 'pdftotext']), // pdf_ocr: a scan read by OCR
  source_encoding: z.string(),
  source_sha256: z.string(),
});
export type DocumentRecord = z.infer<typeof DocumentRecord>;

/** A problem that stopped or degraded reading a file (not a data check). */
export const IngestError = z.object({
  file: z.string(),
  line: z.number().int().nullable(),
  severity: z.enum(['error', 'warning']),
  action: z.enum(['skipped', 'decoded', 'repaired', 'flagged']),
  message: z.string(),
});
export type IngestError = z.infer<typeof IngestError>;

/** Fields a sidecar `<file>.meta.yaml` may set. */
export const Sidecar = z
  .object({
    department: z.string().min(1),
    province: z.string().nullable(),
    city: z.string().nullable(),
    county: z.string().nullable(),
    fiscal_year: z.number().int().min(1990).max(2100),
    kind: DocumentKind,
    unit: MoneyUnit,
    title: z.string().min(1),
  })
  .partial()
  .strict();
export type Sidecar = z.infer<typeof Sidecar>;

/* ------------------------------------------------------------------------------------------------
 * Content-collection entries: what the generated Markdown front matter holds and the pages read.
 * ---------------------------------------------------------------------------------------------- */

/** A project as listed on its document's page. */
export const ProjectSummary = Project.pick({ id: true, name: true, code: true, budget: true, executed: true }).extend({
  /** tells apart projects of one name (one per budget unit) in lists */
  implementing_unit: z.string().nullable().default(null),
  indicator_count: z.number().int(),
  /** PDF page where the project is first cited (null for text sources), for the document page's links */
  page: z.number().int().nullable().default(null),
});
export type ProjectSummary = z.infer<typeof ProjectSummary>;

/** content/generated/documents/<id>.md front matter: the document without full project records. */
export const DocumentEntry = DocumentRecord.omit({ projects: true }).extend({
  projects: z.array(ProjectSummary),
});
export type DocumentEntry = z.infer<typeof DocumentEntry>;

/** The fields that name a document, first in every per-document summary (documents.json, page entries). */
export const DOCUMENT_HEAD_KEYS = ['id', 'title', 'department', 'department_id', 'province', 'city', 'county', 'fiscal_year', 'kind'] as const;
export type DocumentHead = Pick<DocumentRecord, (typeof DOCUMENT_HEAD_KEYS)[number]>;
export function documentHead(d: DocumentHead): DocumentHead {
  return Object.fromEntries(DOCUMENT_HEAD_KEYS.map((k) => [k, d[k]])) as DocumentHead;
}

/** content/generated/projects/<id>.md front matter: the project plus the document fields pages show. */
export const ProjectEntry = Project.extend({
  department: z.string(),
  department_id: z.string(),
  document_title: z.string(),
  fiscal_year: z.number().int().nullable(),
  kind: DocumentKind,
  province: z.string().nullable(),
  city: z.string().nullable(),
  county: z.string().nullable(),
  source_file: z.string(),
});
export type ProjectEntry = z.infer<typeof ProjectEntry>;

/* ------------------------------------------------------------------------------------------------
 * Listings: the light projection of each entry that list, overview and navigation pages need.
 * The pipeline writes them beside the collections (content/generated/{documents,projects}.jsonl),
 * so the site's content loader does not parse ~100k Markdown files to build its lists; a document
 * or project page still reads (and validates) its own full entry when it is rendered.
 * ---------------------------------------------------------------------------------------------- */

export const DocumentListing = DocumentEntry.pick({
  id: true, title: true, department: true, department_id: true, province: true, city: true, county: true, fiscal_year: true, kind: true, unit: true,
  budget_units: true, staffing: true, responsibilities: true, totals: true, expenditure_by_function: true, disclosure: true, projects: true, source_file: true,
}).extend({
  /** number of tables in the document */
  table_count: z.number().int(),
});
export type DocumentListing = z.infer<typeof DocumentListing>;

export const ProjectListing = ProjectEntry.pick({
  id: true, document_id: true, name: true, code: true, budget: true, executed: true, department: true, department_id: true,
  document_title: true, fiscal_year: true, kind: true, province: true, city: true, county: true,
}).extend({
  implementing_unit: z.string().nullable().default(null),
  /** only the 一级指标 of each indicator (for counts by type) */
  indicators: z.array(z.object({ level1: z.string().nullable() })),
});
export type ProjectListing = z.infer<typeof ProjectListing>;

export function documentListing(d: DocumentEntry): DocumentListing {
  return {
    ...documentHead(d),
    unit: d.unit,
    budget_units: d.budget_units,
    staffing: d.staffing,
    responsibilities: d.responsibilities,
    totals: d.totals,
    expenditure_by_function: d.expenditure_by_function,
    disclosure: d.disclosure,
    projects: d.projects,
    source_file: d.source_file,
    table_count: d.tables.length,
  };
}

export function projectListing(p: ProjectEntry): ProjectListing {
  return {
    id: p.id,
    document_id: p.document_id,
    name: p.name,
    code: p.code,
    budget: p.budget,
    executed: p.executed,
    implementing_unit: p.implementing_unit,
    department: p.department,
    department_id: p.department_id,
    document_title: p.document_title,
    fiscal_year: p.fiscal_year,
    kind: p.kind,
    province: p.province,
    city: p.city,
    county: p.county,
    indicators: p.indicators.map((i) => ({ level1: i.level1 })),
  };
}
