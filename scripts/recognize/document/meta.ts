/**
 * Document identity: title, department, fiscal year, kind, money unit.
 *
 * The title is the first line near the top that states a year and 预算/决算 ("赣州市行政审批局机关 2022 年
 * 部门预算", "# 大数据发展管理局 2021 年度部门决算"). Converters break long titles across two lines
 * ("…服务保障\n中心2022年部门预算", "南昌市西湖区…局\n2023年部门预算草案编制说明"): the line above is
 * joined when it is title-like and the title line does not itself start with the department.
 *
 * Department naming decisions:
 * - The fullest official name: a title without its region ("大数据发展管理局") is completed with the
 *   longest region-prefixed form the body uses ("上饶市大数据发展管理局").
 * - A trailing "机关"/"本级" is dropped: "××局机关" names the agency's own headquarters as a budget unit,
 *   but these documents disclose the department (often with several units), and the same department
 *   must get the same name and id across years and documents.
 */
import type { DocumentKind, MoneyUnit } from '../../model/schema.js';
import type { SegmentedDocument } from '../../segment/ir.js';
import { cleanText } from '../../normalize/text.js';
import { mayStartRegion, parseRegionPrefix } from './region.js';
import { cleanDepartmentCandidate, departmentPlausible } from './department.js';

export interface DocumentMeta {
  title: string | null;
  department: string | null;
  fiscal_year: number | null;
  kind: DocumentKind | null;
  unit: MoneyUnit | null;
  /** lines that make up the title/cover */
  title_lines: [number, number] | null;
}

const YEAR = /((?:19|20)\d{2})\s*年\s*度?/;
/** A title's year: "2026 年度", or a bare "2026" right before 部门预算 ("××委员会 2026 部门预算情况的说明"). */
const TITLE_YEAR = /(?<![\d.,])((?:19|20)\d{2})(?:\s*年\s*度?|(?=\s*(?:部门|单位)?(?:预算|决算)))/;
const KIND_WORD = /预算|决算/;
const ORGAN_SUFFIX = /(局|委员会|委|办公室|办|厅|中心|院|部|会|所|站|队|处|署|室|馆|校|公司|集团|政府|机关|单位|部门)$/;
const NOT_TITLE = /^(目\s*录|第[一二三四五六七八九十\d]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[、.．])/;

interface Line {
  no: number;
  text: string;
}

/** Non-table lines, cleaned, without Markdown heading marks. */
function textLines(seg: SegmentedDocument, limit: number): Line[] {
  const out: Line[] = [];
  for (const l of seg.lines) {
    if (l.text.includes('\t')) continue;
    const text = arabicYears(cleanText(l.text.replace(/^\s*#{1,6}\s*/, '')).replace(/^[-*+]\s+/, ''));
    if (!text) continue;
    out.push({ no: l.no, text });
    if (out.length >= limit) break;
  }
  return out;
}

const CN_DIGIT: Record<string, string> = { 〇: '0', 零: '0', '○': '0', Ｏ: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** "二〇二六年" → "2026年" (covers spell the year in Chinese numerals). */
function arabicYears(text: string): string {
  return text.replace(/([一二][〇零○Ｏ一二三四五六七八九]{3})(?=\s*年)/g, (y) => [...y].map((c) => CN_DIGIT[c] ?? c).join(''));
}

export function kindOf(text: string): DocumentKind | null {
  if (/草案/.test(text) && /预算/.test(text)) return 'budget_draft';
  if (/决算/.test(text)) return 'final_account';
  if (/预算/.test(text)) return 'budget';
  return null;
}

/**
 * Kind from running text (no title found): the phrases a disclosure uses of itself. A 草案 elsewhere
 * ("起草…地方性法规草案") does not make a budget a 预算草案.
 */
function kindOfBody(text: string): DocumentKind | null {
  const t = text.replace(/\s+/g, '');
  if (/(?:预算|决算)草案/.test(t)) return 'budget_draft';
  if (/决算/.test(t)) return 'final_account';
  if (/预算/.test(t)) return 'budget';
  // a file holding only a budget's 项目支出绩效目标表 (final accounts report 绩效自评 instead)
  return /绩效目标表/.test(t) ? 'budget' : null;
}

/** "××局机关" → "××局"; spaces removed. */
export function normalizeDepartment(name: string): string {
  let d = cleanDepartmentCandidate(name).replace(/^关于/, '');
  d = d.replace(/[（(][^）)]*[)）]$/, ''); // trailing "(本级)" / "(汇总)"
  d = d.replace(/的$/, '');
  const stripped = d.replace(/(机关|本级)$/, '');
  if (stripped !== d && ORGAN_SUFFIX.test(stripped)) d = stripped;
  return d;
}

function titleLike(text: string): boolean {
  return text.length >= 2 && text.length <= 40 && !/[，。；：:,;]/.test(text) && !NOT_TITLE.test(text) && !YEAR.test(text);
}

interface TitleHit {
  title: string;
  department: string | null;
  year: number | null;
  lines: [number, number];
}

/** Department part of a title: before the year, or between the year and 部门预算/决算. */
function departmentFromTitle(title: string): string | null {
  const m = TITLE_YEAR.exec(title);
  if (!m) return null;
  const before = title.slice(0, m.index).trim();
  if (before.length >= 2) return normalizeDepartment(before);
  const after = title.slice(m.index + m[0].length);
  const a = /^(.+?)(?:部门|单位)?(?:预算|决算)/.exec(after.replace(/\s+/g, ''));
  // "2026年部门预算": no department in the title
  return a && a[1].length >= 2 && !/^(?:本?部门|本?单位|本级|市级|区级|县级)$/.test(a[1]) ? normalizeDepartment(a[1]) : null;
}

/** Cover titles set in two sizes end up on separate lines: "××局 2026 年度" / "部门预算信息公开". */
const KIND_TAIL = /^(?:部门|单位)?(?:预算|决算)(?:草案)?(?:信息)?(?:公开|报告|说明)?$/;

/** A cover/table line stating the unit carries it after the title ("广州市交通运输局 单位：万元"): cut it. */
function cutUnit(text: string): string {
  return text.replace(/\s*(?:金额)?单位\s*[：:].*$/, '').trim();
}

/** A title ending: "…部门预算", "…单位预算公开", "…部门决算报告". */
const KIND_END = /(?:预算|决算)(?:草案)?(?:信息)?(?:公开|报告|说明)?$/;

/**
 * A cover title the converter broke over two or three lines: "××局 2026 年度" / "部门预算信息公开",
 * "2026 年深圳市公安局（本级）部门预" / "算", "2026年××委员会部" / "门预算", "2026 年度" / "××局（本级）"
 * / "单位预算公开". The first line states the year and no 预算/决算; the lines after it carry no year and
 * no sentence punctuation, and the last one completes the title (a short tail, or 部门预算…).
 */
function joinWrappedTitle(lines: Line[], i: number, text: string): { text: string; lastNo: number } | null {
  if (!YEAR.test(text) || KIND_WORD.test(text) || text.length > 40 || /[，。；：:,;]/.test(text) || NOT_TITLE.test(text)) return null;
  let joined = text;
  // a line that is only the year ("2026年") may be followed by a whole title line of any length
  const yearOnly = /^\d{4}\s*年\s*度?$/.test(text.trim());
  for (let k = 1; k <= 2 && i + k < lines.length; k++) {
    const cur = lines[i + k];
    if (cur.no - lines[i + k - 1].no > 2) return null;
    const piece = cur.text.replace(/\s+/g, '');
    if (YEAR.test(piece) || /[，。；：:,;]/.test(piece) || NOT_TITLE.test(piece)) return null;
    joined = `${joined}${piece}`;
    if (KIND_TAIL.test(piece) || ((piece.length <= 12 || yearOnly) && KIND_END.test(joined.replace(/\s+/g, '')))) {
      return { text: joined, lastNo: cur.no };
    }
    if (KIND_WORD.test(piece) || piece.length > 40) return null;
  }
  return null;
}

function findTitle(lines: Line[]): TitleHit | null {
  for (let i = 0; i < lines.length; i++) {
    const { no } = lines[i];
    let text = cutUnit(lines[i].text);
    let lastNo = no;
    const joined = joinWrappedTitle(lines, i, text);
    if (joined) {
      text = joined.text;
      lastNo = joined.lastNo;
    }
    const y = TITLE_YEAR.exec(text);
    if (!y || !KIND_WORD.test(text) || text.length > 60 || NOT_TITLE.test(text)) continue;
    if (/[，。；]/.test(text)) continue; // a sentence, not a title
    if (/\d\.\d|万元|亿元/.test(text)) continue; // an amount: a sentence broken over lines
    // "××局关于做好 2026 年部门预算公开工作的通知": an official document about budgets, not one
    if (/(?:通知|通报|通告|公告|意见|办法|批复|请示|函)$/.test(text.replace(/\s+/g, ''))) continue;
    // "关于××市 2025 年预算执行情况和 2026 年预算草案的报告": a region's budget, not a department's
    if (/预算执行情况/.test(text) && /预算草案/.test(text) && !/(?:部门|单位)预算草案/.test(text)) continue;
    const before = text.slice(0, y.index).replace(/\s+/g, '');
    const prev = i > 0 ? lines[i - 1] : null;
    const startsWithDept = before.length >= 2 && parseRegionPrefix(before).prefix.length > 0;
    const join =
      prev !== null &&
      no - prev.no <= 2 &&
      titleLike(prev.text) &&
      !startsWithDept &&
      (before.length === 0 || !ORGAN_SUFFIX.test(prev.text.replace(/\s+/g, '')) || before.length < 2);
    const title = join && prev ? `${prev.text}${text}` : text;
    const dept = departmentFromTitle(title.replace(/\s+(?=\d)|(?<=\d)\s+/g, ''));
    // "收入 19,828.57 万元比 2025 年初预算数…", "关于做好 2026 年部门预算公开工作的通知": not a title
    if (dept !== null && !departmentPlausible(dept)) continue;
    return { title: title.replace(/\s+/g, ' '), department: dept, year: Number(y[1]), lines: [join && prev ? prev.no : no, lastNo] };
  }
  return findUndatedTitle(lines);
}

/** "广州市××局部门预算" with no year on the cover (the date below it, the year in the contents). */
const UNDATED_TITLE = /^(.{3,40}?)(?:部门|单位)(?:预算|决算)(?:草案)?(?:信息)?(?:公开|报告|说明|编制说明)?$/;

function findUndatedTitle(lines: Line[]): TitleHit | null {
  for (let i = 0; i < Math.min(lines.length, 30); i++) {
    let text = cutUnit(lines[i].text).replace(/\s+/g, '');
    let lastNo = lines[i].no;
    const next = lines[i + 1];
    // "广州市××局" / "部门预算"
    if (next && next.no - lastNo <= 2 && !KIND_WORD.test(text) && KIND_TAIL.test(next.text.replace(/\s+/g, ''))) {
      text += next.text.replace(/\s+/g, '');
      lastNo = next.no;
    }
    if (text.length > 50 || /[，。；：:,;]/.test(text) || NOT_TITLE.test(text) || YEAR.test(text)) continue;
    const m = UNDATED_TITLE.exec(text);
    if (!m) continue;
    const dept = normalizeDepartment(m[1]);
    if (departmentPlausible(dept)) return { title: text, department: dept, year: null, lines: [lines[i].no, lastNo] };
  }
  return null;
}

/** The longest "<region><department>" form the text uses, when the title omits the region. */
export function fullestDepartmentName(department: string, body: string): string {
  const text = body.replace(/\s+/g, '');
  let bestName = department;
  // The same 20 characters often precede the name many times: each context is tried once. Candidates
  // get shorter as k grows, so once one cannot beat the best name found, none after it can.
  const tried = new Set<string>();
  for (let i = text.indexOf(department); i >= 0; i = text.indexOf(department, i + 1)) {
    const before = text.slice(Math.max(0, i - 20), i);
    if (tried.has(before)) continue;
    tried.add(before);
    for (let k = 0; k < before.length; k++) {
      const cand = before.slice(k);
      if (cand.length + department.length <= bestName.length) break;
      if (!mayStartRegion(cand + department)) continue;
      const pre = parseRegionPrefix(cand + department);
      if (pre.prefix.length >= cand.length) {
        bestName = cand + department;
        break;
      }
    }
  }
  return bestName;
}

/** A title naming no department ("2026年部门预算"): a cover line just above or below that is a name alone. */
function departmentBesideTitle(lines: Line[], [first, last]: [number, number]): string | null {
  const near = lines.filter((l) => (l.no < first && first - l.no <= 3) || (l.no > last && l.no - last <= 3));
  near.sort((a, b) => Math.min(Math.abs(a.no - first), Math.abs(a.no - last)) - Math.min(Math.abs(b.no - first), Math.abs(b.no - last)));
  for (const l of near) {
    if (!titleLike(l.text) || KIND_WORD.test(l.text)) continue;
    const d = normalizeDepartment(l.text);
    if (departmentPlausible(d)) return d;
  }
  return null;
}

/** "部门名称：××局", "预算单位：××中心", "单位名称：…" (a cover or table-caption label; cells may follow). */
const DEPARTMENT_LABEL = /^(?:(?:部门|单位|预算单位|主管部门)名称|预算单位|编制单位|填报单位|部门)\s*[：:]\s*(.{2,60})$/;

/** Department named by a cover label or by the first "××是…" sentence, when there is no title. */
function departmentFallback(lines: Line[], labelLines: Line[]): string | null {
  for (const { text } of labelLines) {
    const m = DEPARTMENT_LABEL.exec(text);
    if (!m) continue;
    const d = normalizeDepartment(m[1]);
    if (departmentPlausible(d)) return d;
  }
  for (const { text } of lines) {
    // "××厅是…" / "××厅主要职责包括：" / "××厅有 28 个内设机构": the first sentence naming the department
    const m = /^([\u4e00-\u9fa5（）()]{4,40}?(?:局|委员会|办公室|办公厅|厅|中心|院))(?:机关)?(?:是|的?主要职责|有\s*\d+\s*个内设)/.exec(text);
    if (m) {
      const d = normalizeDepartment(m[1]);
      if (departmentPlausible(d)) return d;
    }
  }
  return null;
}

/** Label lines near the top, table lines included: a caption "部门名称：××局\t单位：万元" is cut at its first cell. */
function labelLines(seg: SegmentedDocument, limit: number): Line[] {
  const out: Line[] = [];
  for (const l of seg.lines.slice(0, limit)) {
    const cells = l.text.split('\t').filter((c) => c.trim() !== '');
    // "预算单位：" in one cell, the name in the next
    const first = cells.length > 1 && /[：:]\s*$/.test(cells[0]) ? `${cells[0]}${cells[1]}` : (cells[0] ?? '');
    const text = cleanText(first.replace(/^\s*#{1,6}\s*/, '')).trim();
    if (text) out.push({ no: l.no, text });
  }
  return out;
}

/** Money unit most tables and table captions state: 单位：万元 / 金额单位：元. */
export function detectUnit(seg: SegmentedDocument): MoneyUnit | null {
  let wan = 0;
  let yuan = 0;
  for (const l of seg.lines) {
    const t = cleanText(l.text);
    for (const m of t.matchAll(/单位\s*[：:]\s*(万元|元)(?![\u4e00-\u9fa5])/g)) {
      if (m[1] === '万元') wan++;
      else yuan++;
    }
  }
  if (wan + yuan > 0) return yuan > wan ? '元' : '万元';
  // no stated unit (narrative-only documents): the unit the running text uses for amounts
  for (const l of seg.lines) {
    if (l.text.includes('\t')) continue;
    const t = cleanText(l.text);
    wan += (t.match(/\d\s*万元/g) ?? []).length;
    yuan += (t.match(/\d\s*(?<![万亿])元/g) ?? []).length;
  }
  if (wan + yuan === 0) return null;
  return yuan > wan ? '元' : '万元';
}

export function recognizeMeta(seg: SegmentedDocument): DocumentMeta {
  try {
    const top = textLines(seg, 60);
    const hit = findTitle(top);
    const body = seg.lines.filter((l) => !l.text.includes('\t')).map((l) => cleanText(l.text)).join('\n');
    let department = hit?.department ?? (hit ? departmentBesideTitle(top, hit.lines) : null) ?? departmentFallback(textLines(seg, 200), labelLines(seg, 200));
    if (department) {
      const fullest = fullestDepartmentName(department, body);
      if (departmentPlausible(fullest)) department = fullest;
    }
    let fiscal_year = hit?.year ?? null;
    if (fiscal_year === null) {
      // "2026 年部门预算", "2026 部门预算", a caption "××局2026年项目支出绩效目标表"; failing those, a
      // table caption "2026年市级部门支出预算总表" (never "2025 年初预算数")
      const PATTERNS = [
        /(?<![\d.,])((?:19|20)\d{2})\s*(?:年\s*度?\s*)?(?:部门|单位)?(?:预算|决算|项目支出|整体支出|绩效目标|收支)/,
        /(?<![\d.,])((?:19|20)\d{2})\s*年\s*度?(?!初)[^，。；：:\d]{0,12}?(?:预算|决算)[^，。；]{0,20}表$/,
      ];
      for (const re of PATTERNS) {
        const years = new Map<number, number>();
        for (const { text } of top) {
          const m = re.exec(text);
          if (m) years.set(Number(m[1]), (years.get(Number(m[1])) ?? 0) + 1);
        }
        const sorted = [...years.entries()].sort((a, b) => b[1] - a[1]);
        fiscal_year = sorted[0]?.[0] ?? null;
        if (fiscal_year !== null) break;
      }
    }
    let kind = hit ? kindOf(hit.title) : null;
    if (!kind) {
      const topText = top.map((l) => l.text).join('\n');
      kind = kindOfBody(topText);
    }
    return {
      title: hit?.title ?? null,
      department: department ?? null,
      fiscal_year,
      kind,
      unit: detectUnit(seg),
      title_lines: hit?.lines ?? null,
    };
  } catch {
    return { title: null, department: null, fiscal_year: null, kind: null, unit: null, title_lines: null };
  }
}
