/**
 * Headline figures stated in sentences. Some departments publish the budget as a text (情况说明)
 * and the tables as a separate attachment; then the document's 收入/支出总计, 基本支出, 项目支出 and
 * 财政拨款收入 exist only in sentences such as “2026年收入预算81676.15万元”, “基本支出预算
 * 50790.07万元，占本年支出预算66.54%”, “收入、支出预算总计3,210.1万元”, “（一）本年财政拨款收入
 * 68443.58万元”. This module holds the phrase patterns for those wordings and the qualifiers that
 * make a figure NOT the document's own headline figure for its year; facts.ts applies them.
 *
 * Documented choices:
 * - A label may end with 预算/合计/总额/总计/安排 after the core (“基本支出预算”, “支出预算合计”); in a
 *   final account only 合计/总额/总计 (a 预算 figure there is not the actual).
 * - 收支总预算 / 收支预算总额 / 收入、支出预算总计 → income_expenditure_total (one figure for both
 *   sides; totals.ts uses it for 收入总计 and 支出总计 when nothing else gives them).
 *   财政拨款收支总预算 is the 财政拨款 scope only → fiscal_income_expenditure_total (not a headline).
 * - 本年财政拨款收入 → fiscal_appropriation; 年终结转结余(资金) → carryover_expenditure.
 * - Another year: a money figure whose clause names an earlier year (“2025年基本支出预算…”) or
 *   上年/去年/上一年度 (but not 上年结转, which is this year's money), or continues a sentence about
 *   one, gets the key `<key>_prior_year`.
 * - Another unit: a label that names a subordinate unit (所属/下属/直属/二级…, or a unit of another
 *   kind than the department — 中心, 分局, 医院… — e.g. “××中心收入预算”) is not the document's figure
 *   and yields no fact. Abbreviations of the department (市国资委, 本局, 我委) and “××局及下属单位”
 *   are the department.
 * - A part: basic/project figures that follow a 一般公共预算支出 / 财政拨款支出 figure in the same
 *   sentence (“一般公共预算支出X万元，其中：基本支出A万元”) are that scope's parts
 *   (general_budget_… / fiscal_…), and after a 政府性基金 / 国有资本经营 figure they are dropped.
 */

export interface HeadlineRule {
  key: string;
  re: RegExp;
}

const ORG = '(?:.{0,40}?(?:局|委员会|委|办公室|办|中心|厅|院|部门|单位|机关|本级)(?:[（(]本级[)）])?)?';
const org = (core: string) => new RegExp(`^${ORG}(?:${core})$`);

/** Checked before facts.ts's own rules; the first match wins. */
export const HEADLINE_RULES: HeadlineRule[] = [
  { key: 'fiscal_income_expenditure_total', re: org('财政拨款收支(?:总预算|预算总(?:额|计)|总(?:额|计))') },
  {
    key: 'income_expenditure_total',
    re: org('(?:部门)?收支(?:总预算|预算(?:总额|总计|合计)?|总额|总计)|(?:部门)?收入[、和及与]?支出(?:预算)?(?:总额|总计|合计)'),
  },
  { key: 'fiscal_appropriation', re: org('本年(?:度)?财政拨款(?:收入)?(?:预算)?(?:合计)?|财政拨款收入合计') },
  { key: 'carryover_expenditure', re: /(?<!上年|上年度)(?:年终|年末)结转(?:和|及)?(?:结余)?(?:资金)?$/ },
  { key: 'current_year_income', re: org('本年(?:度)?收入(?:预算)?(?:合计)?') },
  { key: 'current_year_expenditure', re: org('本年(?:度)?支出(?:预算)?(?:合计)?') },
];

/** One word a label may end with after its core (stripped one at a time), by document kind. */
export function headlineSuffix(final: boolean): RegExp {
  return final ? /(?:合计|总额|总计)$/ : /(?:合计|总额|总计|安排|预算)$/;
}

/**
 * Money the document states for its own year and its own department: every 万元 figure but the
 * carry-overs (上年结转 is this year's money whatever year it names).
 */
export function ownFigure(key: string, unit: string): boolean {
  return unit === '万元' && !/^carryover_/.test(key);
}

/** “上年收支预算总计为…”: the prior-year words a label may open with (上年结转 is not one). */
export const PRIOR_START = /^(?:上年度?|去年|上一年度?|前一年)(?!结转|年末|末结|底结)/;

/** Where a label's subject (a money word) starts; what comes before it names the unit, if anything. */
const SUBJECT_START =
  /(?:部门)?(?:收入|支出|收支|基本支出|项目支出|财政拨款|一般公共预算|政府性基金|国有资本|政府采购|机关运行|“?三公|因公出国|公务接待|公务用车|本年|上年|年初|年终|年末|预算)/;

/** The part of a label before its subject: “示例县畜牧兽医站支出预算合计” → “示例县畜牧兽医站”. */
export function unitPrefix(label: string): string {
  const m = SUBJECT_START.exec(label);
  return m ? label.slice(0, m.index) : '';
}

const YEAR = /((?:19|20)\d{2})\s*(?:年|年度|度)/g;
const PRIOR_WORD = /(?:上年|去年|上一年|上年度|前一年)(?!结转|年末|末结|底结)/;

/**
 * The year a clause says its figure belongs to when it is earlier than the document's: the last
 * explicit year in the clause, or 'prior' for 上年/去年. A clause that names no year continues the
 * sentence's previous figure (`inherited`: “2025年基本支出预算为A万元，项目支出预算为B万元”).
 * null when the clause is about the document's year.
 */
export function priorYear(clause: string, fiscalYear: number | null, inherited: number | 'prior' | null = null): number | 'prior' | null {
  const c = clause.replace(/\s+/g, '');
  if (/截[至止]/.test(c)) return null; // a stock at a date, not a year's money
  let last: number | null = null;
  for (const m of c.matchAll(YEAR)) last = Number(m[1]);
  if (last !== null) return fiscalYear !== null && last < fiscalYear ? last : null;
  if (PRIOR_WORD.test(c)) return 'prior';
  if (/本年|当年|今年/.test(c)) return null;
  return inherited;
}

const SUBORDINATE = /所属|下属|直属|二级|三级|基层|各单位|其他单位/;
/** “××局及下属单位”, “部门所属各单位”, “下属单位”: the department with all its units, not a part. */
const WHOLE = /(?:及|和|与|含|包括)(?:其|本部门)?(?:所属|下属|直属|二级|各)|(?:所属|下属|直属)?各(?:单位|部门)|(?:所属|下属|直属)(?:预算)?单位$/;
/** Kinds of unit that are, in a department's budget, one of its units (unless the department is one). */
const UNIT_KIND = /(分局|支队|大队|中队|中心|医院|学院|学校|院|所|站|队|校|馆|处|科|室|场|园)$/;
const SELF = /^(?:本部门|本单位|本局|本委|本办|本厅|本院|我局|我委|我办|我厅|我院|我部|本|我)/;

/**
 * Does the label's prefix (the part before the rule's core, e.g. “北京市交通委员会部门” or
 * “××中心”) name a unit other than the document's department?
 */
export function namesAnotherUnit(prefix: string, department: string): boolean {
  if (WHOLE.test(prefix)) return false;
  const p = prefix.replace(/[（(]?本级[)）]?$/, '').replace(/(?:部门|单位)$/, '');
  if (!p || SELF.test(p)) return false;
  if (SUBORDINATE.test(p)) return true;
  const dept = department.replace(/\s+/g, '').replace(/[（(].*?[)）]/g, '');
  if (dept && (dept.includes(p) || p.includes(dept))) return false;
  const kind = UNIT_KIND.exec(p)?.[1];
  if (!kind) return false; // 局/委/办… : an abbreviation of the department is the usual case
  return !dept.endsWith(kind);
}

/** A short title that is just the name of one of the department's units (“深圳市××局龙华分局”). */
export function isUnitTitle(title: string, department: string): boolean {
  const t = title.replace(/\s+/g, '');
  return /^[\u4e00-\u9fff（）()]{3,40}$/.test(t) && UNIT_KIND.test(t) && namesAnotherUnit(t, department);
}

/** Scope-bearing totals: basic/project after one of these in the same sentence are its parts. */
const PART_SCOPE: Record<string, string | null> = {
  general_budget_expenditure: 'general_budget_',
  fiscal_appropriation_expenditure: 'fiscal_',
  government_fund_expenditure: null,
  state_capital_expenditure: null,
};
const ALL_FUNDS = new Set(['expenditure_total', 'current_year_expenditure', 'income_expenditure_total']);

/**
 * The key a basic/project figure gets given the facts already read in its sentence (in order):
 * the key itself, a scoped key, or null (a part of another fund's figure — not recorded).
 */
export function partKey(key: string, earlierInSentence: string[]): string | null {
  for (let i = earlierInSentence.length - 1; i >= 0; i--) {
    const k = earlierInSentence[i];
    if (ALL_FUNDS.has(k)) return key;
    if (k in PART_SCOPE) {
      const prefix = PART_SCOPE[k];
      return prefix === null ? null : `${prefix}${key}`;
    }
  }
  return key;
}
