/**
 * Why a file whose department cannot be recognized is refused, in words a reader can act on: a list
 * of file names (a folder's README), a disclosure whose title the recognizer missed, or a document of
 * another genre (通知, 通报, 申请表, 流程图, 报告, 统计表…), named with its own title.
 */
import { cleanText } from '../../normalize/text.js';

interface SegLike {
  lines: Array<{ text: string }>;
}

const SKIP_HINT = '已跳过；如果它确实是，请在 .meta.yaml 中设置 department';

/** Most lines name files ("| 019.pdf | 预算数据/002_北京/….pdf | 9 |"): a listing, not a document. */
export function looksLikeFileList(seg: SegLike): boolean {
  const lines = seg.lines.map((l) => l.text.trim()).filter((t) => t !== '');
  if (lines.length < 3) return false;
  const named = lines.filter((t) => /[\w\u4e00-\u9fa5)）]\.(?:pdf|docx?|xlsx?|txt|md|html?|ofd|zip)\b/i.test(t)).length;
  return named >= 3 && named >= lines.length * 0.3;
}

/**
 * A region's overall budget or final account (a city's 财政总预算, the 预算执行情况和预算草案的报告 to
 * its people's congress, 全市/本级 budgets), not one department's.
 */
export function looksLikeRegionalBudget(seg: SegLike): boolean {
  const top = seg.lines
    .slice(0, 60)
    .map((l) => l.text.replace(/\s+/g, ''))
    .join('\n');
  if (/预算执行情况[^\n]{0,30}预算草案/.test(top) && !/(?:部门|单位)预算草案/.test(top)) return true;
  if (/财政总预算|总预算草案|财政总决算/.test(top)) return true;
  return /(?:全市|全区|全县|全省|全州|市本级|区本级|县本级|省本级)(?:一般公共|政府性基金|国有资本经营|社会保险基金)?(?:预算|决算)(?:收入|支出|草案)/.test(top);
}

/** Genre words official documents end their titles with, most specific first. */
const GENRES: Array<[RegExp, string]> = [
  [/申请表$|登记表$|申报表$|审批表$/, '表格（申请表/登记表）'],
  [/流程图$/, '流程图'],
  [/(?:的)?通知$|^通\s*知$/, '通知'],
  [/通报$/, '通报'],
  [/通告$|公告$|公示$|预告$/, '公告/通告'],
  [/实施意见$|指导意见$|意见$/, '政策文件（意见）'],
  [/(?:管理|实施|暂行)?办法$|细则$|规定$|规划$|方案$/, '政策文件（办法/规划/方案）'],
  [/报告$|总结$|工作要点$|计划$/, '工作报告/计划'],
  [/主要指标$|统计表$|统计公报$|指标$/, '统计资料'],
  [/公报$/, '政府公报'],
];

/** A title without the masthead and document number before it ("浙卫发〔2025〕24号", "HBGS-2026-1"). */
function tidyTitle(lines: string[]): string {
  const at = lines.findIndex((l) => l.includes('关于'));
  let t = (at > 0 ? lines.slice(at) : lines).join('');
  t = t.replace(/^.*[〔［\[]\s*(?:19|20)\d{2}\s*[〕］\]]\s*\d+\s*号/, '');
  t = t.replace(/^[A-Z]{2,}[-A-Z\d]*-\d+/, '');
  return t;
}

/** The first title-like line (or two or three neighbouring lines) near the top ending with a genre word. */
export function documentGenre(seg: SegLike): { genre: string; title: string } | null {
  const top: string[] = [];
  for (const l of seg.lines) {
    const t = cleanText(l.text.replace(/\t+/g, ' ')).replace(/\s+/g, '');
    if (t) top.push(t);
    if (top.length >= 25) break;
  }
  // titles are broken over lines: try each line and each run of two or three neighbouring lines
  const candidates: string[][] = [];
  for (let i = 0; i < top.length; i++) {
    for (let k = 3; k >= 1; k--) if (i + k <= top.length) candidates.push(top.slice(i, i + k));
  }
  // a gazette's masthead (政府公报) only when nothing more specific is there
  for (const weak of [false, true]) {
    for (const c of candidates) {
      const text = c.join('');
      if (text.length < 3 || text.length > 80 || /[，。；]/.test(text)) continue;
      for (const [re, genre] of GENRES) {
        if ((genre === '政府公报') !== weak) continue;
        if (re.test(text)) return { genre, title: tidyTitle(c) };
      }
    }
  }
  return null;
}

/**
 * The reason for refusing a file without a recognizable department. `looksLikeDisclosure` says
 * whether its text talks like a budget/final-account disclosure (部门预算, 收支总表, …).
 */
export function refusalReason(seg: SegLike, looksLikeDisclosure: boolean): string {
  if (looksLikeFileList(seg)) {
    return '这份文件是一份文件清单（多行列出 .pdf 等文件名，例如来源目录的 README），不是部门预算/决算公开文件，已跳过';
  }
  if (looksLikeRegionalBudget(seg)) {
    return '这份文件看起来是一个地区的财政总预算/决算或预算草案报告（全市、本级财政收支），不是某个部门的预算/决算公开文件，已跳过；如果它确实是某个部门的，请在 .meta.yaml 中设置 department';
  }
  if (looksLikeDisclosure) {
    return '无法识别部门名称（正文中没有“××局/委/办… 20××年部门预算/决算”样式的标题）；可在 .meta.yaml 中设置 department';
  }
  const g = documentGenre(seg);
  const why = '（正文中既没有“部门预算/决算”字样，也没有收支总表、支出总表等预算表格）';
  if (!g) return `这份文件看起来不是部门预算/决算公开文件${why}，${SKIP_HINT}`;
  return `这份文件看起来不是部门预算/决算公开文件，而是一份${g.genre}：“${g.title.slice(0, 40)}”${why}，${SKIP_HINT}`;
}

/**
 * Whether a refusal gives the reason a hand-read label's note calls for: no text layer for a scan,
 * a web page for HTML saved as .pdf, "not a disclosure" (or a file list) for anything else.
 */
export function refusalFitsNote(reason: string, note: string | undefined): boolean {
  const n = note ?? '';
  // a scan OCR has read is refused for its content; unread (no OCR tools, nothing recognised), for having no text layer
  if (/扫描件|无文字层/.test(n)) return /没有文字层/.test(reason) && (!/经文字识别（OCR）后/.test(reason) || /不是(?:部门|某个部门的)?预算/.test(reason));
  if (/HTML|网页/.test(n)) return /HTML 网页/.test(reason);
  if (/文件清单|README|说明文件/.test(n)) return /文件清单/.test(reason);
  return /不是(?:部门|某个部门的)?预算/.test(reason);
}
