/**
 * Template leftovers: text a department copied from a template or an earlier document and did not
 * finish.
 *
 * - Placeholders: XX / ×× / xx / ○○ / 某某 next to Chinese text or a figure (“XX局”, “20XX年”,
 *   “××万元”), “（单位名称）”/“【部门名称】”/“（请填写…）” — warning.
 * - Punctuation left when a clause was deleted: “。。”, “，。”, “；。”, “、。” — info.
 * - A heading naming another department: “第一部分 ××局概况” or “××局2022年部门预算” where the
 *   document's other such headings (at least two) name the department of the cover — warning. A unit
 *   of the department (its 本级, a subordinate unit named elsewhere in the text or listed among its
 *   budget units) is not another department.
 */
import type { Finding } from '../../model/schema.js';
import { compact } from '../../normalize/text.js';
import { finding, type CheckDoc } from '../util.js';
import { quote, type CheckText } from '../text.js';

const CHECK = 'template_leftover';
const PLACEHOLDER = /(?<![A-Za-z])(?:[Xx]{2,}|[×Ｘ]{2,}|○{2,}|某某)(?![A-Za-z])/g;
/** “【部门名称】”, “（请填写…）”: a blank to fill; “（单位名称）” may be an explanation, so only info. */
const NAMED_BLANK = /【\s*(?:单位名称|部门名称|项目名称|[^】]{0,8}填写[^】]{0,8})\s*】|[（(]\s*请?填写[^）)]{0,12}[）)]/g;
const NAMED_MAYBE = /[（(]\s*(?:单位名称|部门名称)\s*[）)]/g;
const PUNCT = /(?<![。.…])(?:。。|[，,]。|[；;]。|、。)(?![。.…])/g;
const CJK_OR_DIGIT = /[\u4e00-\u9fa5\d]/;
const ORG_HEADING =
  /^(?:第[一二三四五六七八九十]+部分)?([\u4e00-\u9fa5（）()]{3,40}?(?:局|委员会|委|办公室|办|厅|中心|院|所|站|署|会|馆|队|处))(?:（本级）|本级)?(?:(?:19|20)\d{2}年度?)?(?:部门(?:预算|决算)|概况|部门概况)/;

export function checkTemplateLeftovers(doc: CheckDoc, _notes: unknown, text: CheckText | null): Finding[] {
  if (!text) return [];
  const out: Finding[] = [];
  const at = (line: number) => ({ file: doc.source_file, line_start: line, line_end: line });
  for (const l of text.seg.lines) {
    const t = l.text.replace(/\t/g, ' ');
    for (const m of t.matchAll(PLACEHOLDER)) {
      const before = t[m.index - 1] ?? '';
      const after = t[m.index + m[0].length] ?? '';
      if (!CJK_OR_DIGIT.test(before) && !CJK_OR_DIGIT.test(after)) continue;
      const ctx = t.slice(Math.max(0, m.index - 12), m.index + m[0].length + 12).trim();
      out.push(finding(CHECK, 'warning', `文中有未填写的模板占位符“${m[0]}”：“${quote(ctx, 40)}”`, null, null, at(l.no)));
    }
    for (const m of t.matchAll(NAMED_BLANK)) {
      out.push(finding(CHECK, 'warning', `文中有未填写的模板占位内容“${m[0]}”`, null, null, at(l.no)));
    }
    for (const m of t.matchAll(NAMED_MAYBE)) {
      out.push(finding(CHECK, 'info', `文中有“${m[0]}”，可能是未填写的模板内容：“${quote(t.slice(Math.max(0, m.index - 12), m.index + m[0].length + 8).trim(), 40)}”`, null, null, at(l.no)));
    }
    for (const m of t.matchAll(PUNCT)) {
      // from the start of the clause (at most 20 characters back)
      const from = Math.max(0, m.index - 20, ...['，', ',', '：', ':', '。', '；'].map((c) => t.lastIndexOf(c, m.index - 1) + 1));
      const ctx = t.slice(from, m.index + m[0].length).trim();
      out.push(finding(CHECK, 'info', `标点重复，可能是删改模板时留下的：“${quote(ctx, 40)}”`, null, null, at(l.no)));
    }
  }
  out.push(...otherDepartment(doc, text));
  return out;
}

const strip = (s: string) => compact(s).replace(/[（(][^）)]*[)）]/g, '');

/** Headings naming a department other than the cover's, while the others name the cover's. */
function otherDepartment(doc: CheckDoc, text: CheckText): Finding[] {
  const dept = strip(doc.department);
  if (dept.length < 3) return [];
  const heads: Array<{ org: string; line: number; text: string }> = [];
  for (const p of text.paragraphs) {
    const t = compact(p.text);
    if (t.length > 50 || (!p.heading && /[。；;，,]/.test(t))) continue;
    const m = ORG_HEADING.exec(t);
    if (m) heads.push({ org: strip(m[1]), line: p.line_start, text: t });
  }
  const same = (org: string) => org.includes(dept) || dept.includes(org);
  const own = heads.filter((h) => same(h.org)).length;
  if (own < 2) return [];
  const body = text.paragraphs.filter((p) => !heads.some((h) => h.line === p.line_start)).map((p) => compact(p.text)).join('\n');
  const units = doc.budget_units.map(strip);
  const out: Finding[] = [];
  for (const h of heads) {
    if (same(h.org)) continue;
    // a unit of the department, or a name the text uses elsewhere (加挂的牌子, 下属单位)
    if (units.some((u) => u.includes(h.org) || h.org.includes(u)) || body.includes(h.org)) continue;
    const msg = `标题中的部门名称与封面不符：本文档为“${doc.department}”（另有 ${own} 处标题与之相符），此标题写作“${quote(h.text)}”`;
    out.push(finding(CHECK, 'warning', msg, null, null, { file: doc.source_file, line_start: h.line, line_end: h.line }));
  }
  return out;
}
