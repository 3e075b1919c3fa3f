/**
 * The year in headings and in “截至YYYY年12月31日” against the document's fiscal year.
 *
 * - Headings: a title line naming a year's 预算 (in a 预算) or 决算 (in a 决算) — “××局2021年部门预算”,
 *   “第二部分 2021年部门预算表”, “2021年度部门预算情况说明” — is about the document's year. A heading
 *   with another year, in a document whose other such headings (at least two) name its own year, is
 *   a template left from an earlier year. Lines comparing years (与/比/较/执行/调整) are not judged.
 * - “截至YYYY年12月31日” (the date 资产/车辆/人员 figures are counted at): in a 决算 of year Y it is Y;
 *   in a 预算 of year Y it is Y−1 (the last closed year). Another year is a warning; in a 预算, the
 *   budget year itself only info (a stated target). Dates of other days (“截至2025年10月”) are not
 *   judged: budgets prepared early count at other dates.
 */
import type { Finding } from '../../model/schema.js';
import { compact } from '../../normalize/text.js';
import { finding, type CheckDoc } from '../util.js';
import { quote, sentenceRef, type CheckText } from '../text.js';

const CHECK = 'fiscal_year_mismatch';
const HEADING_YEAR =
  /^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])?[\u4e00-\u9fa5（）()“”"]{0,40}?((?:19|20)\d{2})年度?(?:部门|单位)?(预算|决算)(?:公开表|表|情况说明|公开|信息公开|报告|报表|编制说明|说明|情况)?$/;
const AS_OF = /截[至止]\s*((?:19|20)\d{2})\s*年\s*12\s*月\s*31\s*日/g;

export function checkFiscalYear(doc: CheckDoc, _notes: unknown, text: CheckText | null): Finding[] {
  if (!text || doc.fiscal_year === null) return [];
  const year = doc.fiscal_year;
  const word = doc.kind === 'final_account' ? '决算' : '预算';
  const out: Finding[] = [];

  // headings (and heading-like short lines)
  const heads: Array<{ y: number; line: number; text: string }> = [];
  for (const p of text.paragraphs) {
    const t = compact(p.text);
    if (t.length > 50 || (!p.heading && /[。；;，,：:]/.test(t))) continue;
    if (/与|比|较|执行|调整|上年|对比|变动|增减/.test(t)) continue;
    const m = HEADING_YEAR.exec(t);
    if (!m || m[2] !== word) continue;
    heads.push({ y: Number(m[1]), line: p.line_start, text: t });
  }
  const own = heads.filter((h) => h.y === year).length;
  if (own >= 2) {
    for (const h of heads) {
      if (h.y === year) continue;
      const msg = `标题中的年度与文档年度不符：本文档为 ${year} 年${doc.kind === 'final_account' ? '部门决算' : '部门预算'}（另有 ${own} 处标题写 ${year} 年），此标题写作“${quote(h.text)}”（${h.y} 年）`;
      out.push(finding(CHECK, 'warning', msg, year, h.y, { file: doc.source_file, line_start: h.line, line_end: h.line }));
    }
  }

  // “截至YYYY年12月31日”
  const expected = doc.kind === 'final_account' ? year : year - 1;
  for (const s of text.sentences) {
    for (const m of s.text.matchAll(AS_OF)) {
      const y = Number(m[1]);
      if (y === expected) continue;
      const severity = doc.kind !== 'final_account' && y === year ? 'info' : 'warning';
      const why = doc.kind === 'final_account' ? `${year} 年决算的数据应截至 ${year} 年 12 月 31 日` : `${year} 年预算中的资产等数据通常截至上年末（${year - 1} 年 12 月 31 日）`;
      const msg = `日期与文档年度不符：${why}，文中写作“${quote(s.text.slice(m.index, m.index + m[0].length + 20), 40)}”（${y} 年）`;
      out.push(finding(CHECK, severity, msg, expected, y, sentenceRef(doc.source_file, s, m.index, m.index + m[0].length)));
    }
  }
  return out;
}
