/**
 * Whether a string can be a department's (or budget unit's) name, and cleaning of name candidates
 * taken from covers and label lines. Shared by the recognizer (which never accepts an implausible name:
 * it tries the next candidate or refuses the file) and by `npm run evaluate`.
 */
import { mayStartRegion, parseRegionPrefix } from './region.js';

/** Official names end in an organ word: 局, 委员会, 办公室, 中心, 医院, 街道办事处, 镇, … */
const DEPARTMENT_END =
  /(?:局|委员会|委|办公室|办|院|会|中心|厅|部|所|室|队|站|馆|校|学|处|社|团|台|署|园|宫|联|协会|机关|政府|公司|集团|分局|支队|大队|监狱|医院|银行|库|场|科|组|区|县|市|镇|乡|街道|基地|厂|旗|盟|州)$/;

/** A department name, not a sentence, a heading or a unit label glued to one. */
export function departmentPlausible(name: string | null | undefined): boolean {
  if (!name) return false;
  if (name.length < 3 || name.length > 40) return false;
  if (!/^[\u3400-\u9fff\u3007（）()·、\-—A-Za-z0-9]+$/.test(name)) return false;
  if (/单位[:：]|万元|公开$|目录|情况|说明|^\d|年度|部门$/.test(name)) return false;
  // 预算/决算 in a name only as a unit's line of work ("××市财政局预算评审中心"), never "××局部门预算"
  if (/预算|决算/.test(name) && (/(?:部门|单位|年)(?:预算|决算)|(?:预算|决算)(?:公开|草案|表)/.test(name) || !/(?:中心|所|处|科|站|办公室)$/.test(name))) return false;
  if (!organEnd(name)) return false;
  // "南昌市", "江西省南昌市西湖区": a region (a city's overall budget), not a department of it
  return !(mayStartRegion(name) && parseRegionPrefix(name).prefix === name);
}

/** Ends in an organ word; "××局（本级）", "××委员会（汇总）": the organ word comes before the remark. */
function organEnd(name: string): boolean {
  return DEPARTMENT_END.test(name.replace(/[（(][^（）()]*[)）]$/, ''));
}

/**
 * A name as a cover or label line gives it, without what converters glue to it: a following
 * "单位：万元" / "金额单位：元" (same line in the PDF), a trailing "部门" ("北京市信访办公室部门 2026 年度
 * 部门预算" names 北京市信访办公室), Markdown table bars and surrounding spaces.
 */
export function cleanDepartmentCandidate(raw: string): string {
  let d = raw.replace(/\s*(?:金额)?单位\s*[：:].*$/, '');
  d = d.replace(/[|｜]/g, ' ').replace(/\s+/g, '');
  // "附件1：××局 2026 年部门预算", "《××局 2026 年部门预算》"
  d = d.replace(/^附件\s*\d*\s*[：:．.、]?/, '').replace(/^[《“"'「『]+|[》”"'」』]+$/g, '');
  if (/部门$/.test(d) && organEnd(d.slice(0, -2))) d = d.slice(0, -2);
  // "××局关于 2026 年部门预算的说明"
  if (/关于$/.test(d) && organEnd(d.slice(0, -2))) d = d.slice(0, -2);
  return d;
}
