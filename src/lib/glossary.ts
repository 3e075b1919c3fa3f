/**
 * Terms a reader of budget disclosures meets on every page, explained once (the 名词解释 page) and
 * shown as tooltips where the figures are. Definitions follow the national 部门预算 templates.
 */
export interface Term {
  /** anchor on the glossary page (ASCII) */
  id: string;
  term: string;
  definition: string;
}

export const TERMS: Term[] = [
  { id: 'income-total', term: '收入总计', definition: '本年收入合计加上年结转结余（有的文件还包括用事业基金弥补收支差额），是部门当年可以安排的全部资金。' },
  { id: 'current-year-income', term: '本年收入', definition: '当年新取得的收入，包括财政拨款收入、事业收入、经营收入等，不含上年结转结余。' },
  { id: 'expenditure-total', term: '支出总计', definition: '本年支出合计加上结转下年（及上缴、提取的部分），与收入总计相等。' },
  { id: 'current-year-expenditure', term: '本年支出', definition: '当年安排的支出，即基本支出与项目支出之和（有的部门还有事业单位经营支出、上缴上级支出等）。' },
  { id: 'basic-expenditure', term: '基本支出', definition: '保障机构正常运转、完成日常工作任务的支出，分为人员经费（工资福利、对个人和家庭的补助）和公用经费（办公、水电、差旅等）。' },
  { id: 'project-expenditure', term: '项目支出', definition: '在基本支出之外，为完成特定行政任务和事业发展目标安排的支出，按项目管理，通常附有绩效目标。' },
  { id: 'fiscal-appropriation', term: '财政拨款', definition: '同级财政当年拨付的资金，包括一般公共预算拨款、政府性基金预算拨款和国有资本经营预算拨款。' },
  { id: 'general-budget', term: '一般公共预算', definition: '以税收为主体的财政收入安排的预算，用于保障和改善民生、维持国家机构正常运转等；是财政拨款中最大的部分。' },
  { id: 'government-fund', term: '政府性基金预算', definition: '依法向特定对象征收、收取或以其他方式筹集的资金（如土地出让收入）安排的预算，专款专用。' },
  { id: 'three-public', term: '“三公”经费', definition: '用财政拨款安排的因公出国（境）费、公务用车购置及运行维护费、公务接待费。' },
  { id: 'operating-expenses', term: '机关运行经费', definition: '行政单位和参照公务员法管理的事业单位用一般公共预算安排的基本支出中的公用经费。' },
  { id: 'procurement', term: '政府采购', definition: '各级国家机关、事业单位和团体组织使用财政性资金采购货物、工程和服务的预算安排。' },
  { id: 'functional-classification', term: '支出功能分类', definition: '按政府职能分的支出科目：类（3 位编码，如 201 一般公共服务支出）、款（5 位）、项（7 位），说明钱用于做什么事。' },
  { id: 'economic-classification', term: '支出经济分类', definition: '按支出的经济性质分的科目，如 301 工资福利支出、302 商品和服务支出，说明钱具体怎么花。' },
  { id: 'carryover', term: '结转结余', definition: '以前年度尚未用完、按规定结转到本年继续使用的资金（上年结转），或本年未用完结转到下年的资金（结转下年）。' },
  { id: 'final-account', term: '决算', definition: '预算年度结束后，部门按实际收支编制的报告；与预算（年初计划）对照可以看出执行情况。' },
  { id: 'performance-target', term: '绩效目标', definition: '项目预期达到的产出和效果，由一级指标（产出、效益、满意度）、二级指标和具体指标值组成。' },
];

const BY_TERM = new Map(TERMS.map((t) => [t.term, t]));
/** Labels pages use for a figure, by the term that explains it. */
const ALIASES: Record<string, string> = {
  本年收入合计: '本年收入',
  本年支出合计: '本年支出',
  财政拨款收入: '财政拨款',
  一般公共预算支出: '一般公共预算',
  政府采购总额: '政府采购',
};

/** The glossary entry for a label as a page shows it, if there is one. */
export function termFor(label: string): Term | undefined {
  return BY_TERM.get(label) ?? BY_TERM.get(ALIASES[label] ?? '');
}
