/**
 * The vocabulary of indicator levels (财政部 绩效指标体系: 一级 产出/效益/满意度/成本, 二级 数量/质量/时效/
 * 成本/经济效益/社会效益/生态效益/可持续影响/满意度). Tables shift cells when merged cells are dropped,
 * so a cell's role is decided by what it says, not only by its column.
 */

export type LevelClass = 'l1' | 'l2' | 'ambiguous' | 'label';

/** "产出指标(50分)" → "产出指标": the weight printed with a level name is not part of it. */
export function stripLevelWeight(cell: string): string {
  return cell.replace(/[(（]\s*\d+(?:\.\d+)?\s*分\s*[)）]/g, '').replace(/\s+/g, '');
}

const L1 = /^(?:项目)?(?:产出|效益)(?:指标)?$|^社会公众或服务对象满意度指标$/;
const L2 = [
  /^(?:产出)?(?:数量|质量|时效)(?:指标)?$/,
  /^完成时效$/,
  /^成本控制$/,
  /^(?:经济|社会|生态|环境|生态环境)(?:效益|成本)(?:指标)?$/,
  /^可持续(?:影响|发展)?(?:指标)?$/,
  /^(?:服务对象|社会公众|社会公众或服务对象)满意度$/,
  /^服务对象满意度指标$/,
];
/** Words used both as 一级 and 二级 names depending on the framework year. */
const AMBIGUOUS = /^(?:项目)?(?:满意度|成本)(?:指标)?$/;
/** Row labels that are not levels ("年度绩效指标" in the first column). */
const LABEL = /^(?:年度|长期)?绩效指标$|^指标$|^标$|^绩效目标指标?$|^绩效目标$|^一级$/;

export function classifyLevel(cell: string): LevelClass | null {
  const c = stripLevelWeight(cell);
  if (!c) return null;
  if (LABEL.test(c)) return 'label';
  if (AMBIGUOUS.test(c)) return 'ambiguous';
  if (L1.test(c)) return 'l1';
  if (L2.some((re) => re.test(c))) return 'l2';
  return null;
}

/** A cell where converters glued 一级 and 二级 together ("社会公众或服务对象满意度指标服务对象满意度"). */
export function splitGluedLevels(cell: string): [string, string] | null {
  const c = stripLevelWeight(cell);
  for (let i = 2; i <= c.length - 2; i++) {
    const a = classifyLevel(c.slice(0, i));
    const b = classifyLevel(c.slice(i));
    if ((a === 'l1' || a === 'ambiguous') && (b === 'l2' || b === 'ambiguous')) return [c.slice(0, i), c.slice(i)];
  }
  return null;
}

/** 一级 implied by a 二级 name, for sources that only print the 二级 ("数量指标：…"). */
export function inferLevel1(level2: string | null): string | null {
  if (!level2) return null;
  const c = stripLevelWeight(level2);
  if (/(?:经济|社会|生态环境|生态|环境)成本/.test(c)) return '成本指标';
  if (/数量|质量|时效|成本/.test(c)) return '产出指标';
  if (/效益|可持续/.test(c)) return '效益指标';
  if (/满意/.test(c)) return '满意度指标';
  return null;
}
