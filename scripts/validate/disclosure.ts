/**
 * Disclosure completeness against 《地方预决算公开操作规程》（财预〔2016〕143号）: which required
 * tables and narrative items a document contains. Tables come from the table recognizer first and,
 * failing that, from table titles in the text followed by a table; an empty table with a 说明 (or a
 * sentence such as “本部门没有使用政府性基金预算拨款安排的支出”) counts as disclosed-empty.
 *
 * Tables published apart from the text: a document that says so (“以附件形式另行公开”), or that
 * contains none of the budget tables and names them as an attachment (“附件：××2026年度部门预算报表”,
 * “部门预算表详见附件”, “（详见附表）”) or states the headline figures in its text (a 情况说明 on its
 * own), gets 'published_separately' (另行公开) for each table it does not contain — not 'missing',
 * which would say the department did not disclose it.
 */
import type { DisclosureItem, DocumentRecord, SourceRef, TableKind } from '../model/schema.js';
import type { Block, SegmentedDocument } from '../segment/ir.js';
import { compact } from '../normalize/text.js';

type Doc = Omit<DocumentRecord, 'findings' | 'parse_notes' | 'disclosure'>;

export interface TableRule {
  item: string;
  kind: TableKind;
  label: string;
  required: boolean;
  title: RegExp;
  not?: RegExp;
  /** a sentence saying the document has none of this money */
  none?: RegExp;
}

export const TABLE_RULES: TableRule[] = [
  { item: 'table_income_expenditure_summary', kind: 'income_expenditure_summary', label: '收支总表', required: true, title: /收[入]?支[出]?.{0,4}总表/, not: /财政/ },
  { item: 'table_income', kind: 'income', label: '收入总表', required: true, title: /收入.{0,4}表/, not: /收支|支出|财政/ },
  { item: 'table_expenditure', kind: 'expenditure', label: '支出总表', required: true, title: /支出.{0,4}表/, not: /收入|收支|一般公共|基金|国有资本|三公|项目|基本|财政|采购|购买服务|绩效/ },
  { item: 'table_fiscal_appropriation_summary', kind: 'fiscal_appropriation_summary', label: '财政拨款收支总表', required: true, title: /财政(?:拨款)?收[入]?支[出]?.{0,6}表/ },
  { item: 'table_general_budget_expenditure', kind: 'general_budget_expenditure', label: '一般公共预算支出表', required: true, title: /一般公共预算.{0,8}支出.{0,4}表/, not: /基本|三公/ },
  { item: 'table_general_budget_basic_expenditure', kind: 'general_budget_basic_expenditure', label: '一般公共预算基本支出表', required: true, title: /一般公共预算.{0,8}基本支出.{0,4}表/ },
  { item: 'table_three_public', kind: 'three_public', label: '“三公”经费支出表', required: true, title: /三公.{0,12}表/, none: /(?:没有|无)[^。；，]{0,12}三公|三公[^。；]{0,16}(?:为0(?:\.0+)?(?![\d.])|为零|为空|安排0(?:\.0+)?万元)/ },
  { item: 'table_government_fund', kind: 'government_fund', label: '政府性基金预算支出表', required: true, title: /政府性基金.{0,14}表/, none: /(?:没有|无)[^。；，]{0,16}政府性基金|政府性基金[^。；]{0,16}(?:为0(?:\.0+)?(?![\d.])|为零|为空|(?<![\d.,，])0(?:\.0+)?万元)/ },
  { item: 'table_state_capital', kind: 'state_capital', label: '国有资本经营预算支出表', required: false, title: /国有资本经营.{0,14}表/, none: /(?:没有|无)[^。；，]{0,16}国有资本经营|国有资本经营[^。；]{0,16}(?:为0(?:\.0+)?(?![\d.])|为零|为空|(?<![\d.,，])0(?:\.0+)?万元)/ },
];

interface NarrativeRule {
  item: string;
  label: string;
  pattern: RegExp;
  /** already recognized structurally */
  known?: (d: Doc) => SourceRef | null;
}

const NARRATIVE_RULES: NarrativeRule[] = [
  { item: 'narrative_responsibilities', label: '部门职责', pattern: /(?:主要|部门)?职[责能]/ },
  { item: 'narrative_organization', label: '机构设置', pattern: /机构设置|内设机构|单位构成|预算单位|部门基本情况|汇编范围/, known: (d) => d.staffing.source },
  { item: 'narrative_changes', label: '收支增减变化说明', pattern: /(?:较|比)(?:上年|\d{4}年)[^。]{0,40}(?:增加|减少|增长|下降|持平)/ },
  { item: 'narrative_operating_expenses', label: '机关运行经费', pattern: /机关运行(?:经)?费/ },
  { item: 'narrative_procurement', label: '政府采购', pattern: /政府采购/ },
  { item: 'narrative_assets', label: '国有资产占有使用情况', pattern: /国有资产|车辆|公务用车[^。]{0,6}(?:实有|保有)/ },
  { item: 'narrative_performance', label: '绩效目标与评价', pattern: /绩效(?:目标|评价|自评|管理|情况)/ },
  { item: 'narrative_glossary', label: '名词解释', pattern: /名词解释|名词说明|术语解释/ },
];

/** 第一部分 / 一、 / （一） / 1. — how section titles start in these documents when not Markdown headings. */
const SECTION_TITLE = /^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．])/;

export interface Line {
  no: number;
  text: string; // compact
  heading: boolean;
  table: boolean;
}

/**
 * The contents entries on a line, without dot leaders and page numbers: "（一）主要职能……2" →
 * ["（一）主要职能"]; a PDF line may hold two ("第一部分部门概况……1一、部门主要职责").
 */
const tocEntries = (text: string) =>
  text
    .split(/[.．…·・-]{2,}\s*\d*/)
    .map((e) => e.replace(/(?<=[\u4e00-\u9fa5）)])\d{1,3}$/, ''))
    .filter((e) => e.length > 0);

/**
 * The table of contents repeats every title; its lines are not disclosures. It runs from a 目录 line
 * to the first line that repeats an entry already seen after it (leaders and page numbers aside; the
 * body may join a title with the next one, "一、部门概况（一）主要职能"), or to the first sentence of
 * running text — never over the body it lists.
 */
export function tocRange(lines: Line[]): [number, number] | null {
  const start = lines.findIndex((l) => /^目录$/.test(l.text));
  if (start < 0) return null;
  const seen = new Set<string>();
  for (let k = start + 1; k < lines.length; k++) {
    if (lines[k].table) return [lines[start].no, lines[k - 1].no];
    const t = lines[k].text;
    const entries = tocEntries(t);
    const repeats = entries.some((e) => seen.has(e) || [...seen].some((s) => s.length >= 4 && e.startsWith(s)));
    if (repeats || t.length > 60 || /[。；]/.test(t)) return [lines[start].no, lines[k - 1].no];
    for (const e of entries) seen.add(e);
  }
  return [lines[start].no, lines[Math.min(lines.length - 1, start + 60)].no];
}

export function flatten(seg: SegmentedDocument): Line[] {
  const out: Line[] = [];
  for (const b of seg.blocks as Block[]) {
    if (b.type === 'table') {
      for (const r of b.rows) out.push({ no: r.line, text: compact(r.cells.join(' ')), heading: false, table: true });
    } else out.push({ no: b.line_start, text: compact(b.text), heading: b.type === 'heading', table: false });
  }
  return out.sort((a, b) => a.no - b.no);
}

/** “表格以附件形式另行公开”, “部门预算表另行公开”: the tables are published apart from this text. */
const SEPARATE_SENTENCE =
  /(?:报表|公开表|表格|预算表|决算表)[^。；]{0,24}(?:另行|单独)(?:公开|发布)|以附件(?:形式)?(?:另行|单独)(?:公开|发布)|(?:另行|单独)(?:公开|发布)[^。；]{0,12}(?:报表|表格|预算表|决算表)/;
/** “附件：××2026年度部门预算报表” / “见附件：…” — a title line naming attached tables. */
const ATTACHMENT_TITLE = /^(?:详?见)?附件\s*\d*\s*[：:]?.{0,50}(?:预算|决算|报表|公开表)/;
/** “部门预算表详见附件”, “（详见附表）”: a reference to tables elsewhere. */
const TABLE_REFERENCE = /(?:报表|公开表|表格|预算表|决算表)[^。；]{0,24}详?见附件|详?见附表/;

/**
 * Where the document says (or shows) that its tables are published separately, or null. An explicit
 * 另行公开 is enough; a 附件 title with no table after it, a reference to 附件/附表, or headline
 * figures stated in the text count only when the document contains none of the budget tables.
 */
function publishedSeparately(doc: Doc, lines: Line[], anyTable: boolean, ref: (a: number) => SourceRef): SourceRef | null {
  const said = lines.find((l) => !l.table && SEPARATE_SENTENCE.test(l.text));
  if (said) return ref(said.no);
  if (anyTable) return null;
  // the title may run onto a second line (“附件：××2026年度部门” / “预算报表”)
  const title = (i: number) => lines[i].text + (lines[i + 1] && !lines[i + 1].table ? lines[i + 1].text : '');
  const attached = lines.findIndex(
    (l, i) => !l.table && l.text.length <= 60 && /^(?:详?见)?附件/.test(l.text) && ATTACHMENT_TITLE.test(title(i)) && !lines.slice(i + 1, i + 12).some((x) => x.table),
  );
  if (attached >= 0) return ref(lines[attached].no);
  const referred = lines.find((l) => !l.table && TABLE_REFERENCE.test(l.text));
  if (referred) return ref(referred.no);
  const stated = (['expenditure_total', 'income_total', 'basic_expenditure', 'project_expenditure'] as const).find((k) => doc.totals[k] !== null);
  return stated ? (doc.totals_sources[stated] ?? null) : null;
}

export function checkDisclosure(doc: Doc, seg: SegmentedDocument): DisclosureItem[] {
  const all = flatten(seg);
  const toc = tocRange(all);
  const lines = all.filter((l) => !toc || l.no < toc[0] || l.no > toc[1]);
  const ref = (a: number, b = a): SourceRef => ({ file: doc.source_file, line_start: a, line_end: b });
  const out: DisclosureItem[] = [];
  let anyTable = false; // a budget table of the kinds below is in this document

  for (const rule of TABLE_RULES) {
    const base = { item: rule.item, label: rule.label, group: 'table' as const, required: rule.required };
    const noneLine = rule.none ? lines.find((l) => !l.table && rule.none!.test(l.text)) : undefined;
    const t = doc.tables.find((x) => x.kind === rule.kind);
    if (t) {
      anyTable = true;
      if (!t.empty) out.push({ ...base, status: 'present', source: t.source });
      else out.push({ ...base, status: t.note || noneLine ? 'empty_with_note' : 'empty', source: t.source });
      continue;
    }
    // no recognized table: a title line (short, outside the contents) followed closely by a table
    const idx = lines.findIndex((l) => !l.table && l.text.length <= 40 && rule.title.test(l.text) && !(rule.not && rule.not.test(l.text)));
    if (idx >= 0) {
      const title = lines[idx];
      const next = lines.slice(idx + 1, idx + 8);
      const tableAt = next.findIndex((l) => l.table);
      const interrupted = next.slice(0, tableAt < 0 ? 0 : tableAt).some((l) => !l.table && TABLE_RULES.some((r) => r.title.test(l.text) && l.text.length <= 40));
      if (tableAt >= 0 && !interrupted) {
        // a table of header rows only (no amount anywhere) is an empty table
        const rows = [] as Line[];
        for (const l of lines.slice(idx + 1 + tableAt)) {
          if (!l.table) break;
          rows.push(l);
        }
        const hasAmount = rows.some((r) => /\d[\d,]*\.\d{2}/.test(r.text));
        const note = lines.slice(idx + 1 + tableAt + rows.length, idx + tableAt + rows.length + 4).find((l) => /^(?:注|说明)/.test(l.text));
        const status = hasAmount ? 'present' : note || noneLine ? 'empty_with_note' : 'empty';
        anyTable = true;
        out.push({ ...base, status, source: ref(title.no, rows.length ? rows[rows.length - 1].no : title.no) });
        continue;
      }
    }
    if (noneLine) {
      out.push({ ...base, status: 'empty_with_note', source: ref(noneLine.no) });
      continue;
    }
    out.push({ ...base, status: 'missing', source: null });
  }
  if (out.some((x) => x.status === 'missing')) {
    const separately = publishedSeparately(doc, lines, anyTable, ref);
    if (separately) for (const x of out) if (x.status === 'missing') Object.assign(x, { status: 'published_separately', source: separately });
  }

  for (const rule of NARRATIVE_RULES) {
    const base = { item: rule.item, label: rule.label, group: 'narrative' as const, required: true };
    // prefer a heading or a short title line; then any sentence of running text
    const title = lines.find((l) => !l.table && (l.heading || (l.text.length <= 30 && SECTION_TITLE.test(l.text))) && rule.pattern.test(l.text));
    const sentence = title ?? lines.find((l) => !l.table && rule.pattern.test(l.text));
    // a sentence broken over two lines of a PDF ("比 2025 年年初预" / "算数……减少……") cites both
    const next = (i: number) => (lines[i + 1] && !lines[i + 1].table ? lines[i + 1] : null);
    const at = sentence ? -1 : lines.findIndex((l, i) => !l.table && rule.pattern.test(l.text + (next(i)?.text ?? '')));
    const hit = sentence ? ref(sentence.no) : at >= 0 ? ref(lines[at].no, next(at)?.no ?? lines[at].no) : null;
    const known = rule.known?.(doc) ?? null;
    if (hit) out.push({ ...base, status: 'present', source: hit });
    else if (known) out.push({ ...base, status: 'present', source: known });
    else out.push({ ...base, status: 'missing', source: null });
  }
  return out;
}
