/**
 * Tables the document promises and does not deliver.
 *
 * - A required table listed in the table of contents (disclosure.ts: its TOC range and table rules)
 *   that the document does not contain: no table of its kind, no title line followed by a table, no
 *   line outside the contents naming it, no 另行公开 — while other tables are there. Warning; info for
 *   a PDF with pages that have no text (a scanned table the reader cannot see).
 * - An empty table contradicted by the text: the 政府性基金 / 国有资本经营 / “三公” table is printed
 *   empty (no data rows, “本表无数据”) while the narrative states a non-zero amount for that money.
 *   Warning; a parse note when the table was not read completely.
 */
import type { Finding, ParseNote, TableKind } from '../../model/schema.js';
import { compact } from '../../normalize/text.js';
import { checkDisclosure, flatten, tocRange, TABLE_RULES } from '../disclosure.js';
import { finding, fmt, readingIssues, tableLabel, type CheckDoc } from '../util.js';
import type { CheckText } from '../text.js';

const CHECK_TOC = 'toc_table_missing';
const CHECK_EMPTY = 'empty_table_vs_text';

const FACT_OF: Partial<Record<TableKind, string>> = {
  government_fund: 'government_fund_expenditure',
  state_capital: 'state_capital_expenditure',
  three_public: 'three_public_total',
};

/** The title an entry names, without numbering and brackets: “八、《政府性基金预算支出表》” → 政府性基金预算支出表. */
const entryTitle = (e: string) => e.replace(/^(?:[一二三四五六七八九十\d]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|表\s*\d+[-—－]?\d*[、.．:：]?)/, '').replace(/[《》“”"]/g, '');

function tocMissing(doc: CheckDoc, text: CheckText, notes: ParseNote[]): Finding[] {
  const lines = flatten(text.seg);
  const toc = tocRange(lines);
  if (!toc) return [];
  const disclosure = checkDisclosure(doc, text.seg);
  const missing = disclosure.filter((d) => d.group === 'table' && d.required && d.status === 'missing');
  const present = disclosure.filter((d) => d.group === 'table' && d.status !== 'missing' && d.status !== 'published_separately').length;
  if (missing.length === 0 || present < 3) return [];
  const inToc = lines.filter((l) => l.no >= toc[0] && l.no <= toc[1] && !l.table);
  const body = lines.filter((l) => l.no < toc[0] || l.no > toc[1]);
  const pages = new Set(text.seg.lines.filter((l) => l.text.trim() !== '').map((l) => l.page).filter((p): p is number => p !== undefined));
  const lastPage = Math.max(0, ...pages);
  const blankPages = doc.source_format === 'pdf' && lastPage > 0 && pages.size < lastPage;
  const out: Finding[] = [];
  for (const item of missing) {
    const rule = TABLE_RULES.find((r) => r.item === item.item);
    if (!rule) continue;
    const entry = inToc.find((l) => l.text.length <= 60 && rule.title.test(l.text) && !(rule.not && rule.not.test(l.text)));
    if (!entry) continue;
    // a contents line may hold several entries (“一、收支总表……1二、收入总表……2”): the one naming this table
    const parts = entry.text.split(/[.．…·]{2,}\s*\d*|(?=[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])/).filter(Boolean);
    const title = entryTitle(parts.find((x) => rule.title.test(x)) ?? '').replace(/\d+$/, '');
    if (title.length < 4 || body.some((l) => compact(l.text).includes(title))) continue;
    // a title broken over two lines (“一般公共预算财政拨款支出决” / “算表”)
    if (body.some((l, i) => !l.table && rule.title.test(l.text + (body[i + 1]?.text ?? '')) && !(rule.not && rule.not.test(l.text)))) continue;
    const msg = `目录列出了《${title}》（第 ${entry.no} 行），正文中没有这张表`;
    const source = { file: doc.source_file, line_start: entry.no, line_end: entry.no };
    if (doc.source_format !== 'pdf' || blankPages) {
      // text converted from a PDF elsewhere, or pages the reader sees no text on: the table may have been an image
      notes.push({ check: CHECK_TOC, message: `${msg}：可能是原文缺表，也可能是转换时未能读出（${blankPages ? '文档有无文字的页面' : '来源为转换后的文本'}），未作为原文的问题`, source });
      continue;
    }
    out.push(finding(CHECK_TOC, 'warning', msg, null, null, source));
  }
  return out;
}

function emptyContradicted(doc: CheckDoc, notes: ParseNote[]): Finding[] {
  const out: Finding[] = [];
  for (const [kind, key] of Object.entries(FACT_OF) as Array<[TableKind, string]>) {
    const tables = doc.tables.filter((t) => t.kind === kind);
    if (tables.length !== 1 || !tables[0].empty) continue; // several (one per unit): which one is unclear
    const t = tables[0];
    const fact = doc.facts.find((f) => f.key === key && f.unit === '万元' && f.value > 0);
    if (!fact) continue;
    const msg = `${tableLabel(t)}为空表（第 ${t.source.line_start} 行），但说明文字称${fact.label} ${fmt(fact.value)} 万元（第 ${fact.source.line_start} 行）`;
    const issues = readingIssues(doc, t);
    if (issues.length > 0) {
      notes.push({ check: CHECK_EMPTY, message: `${tableLabel(t)}未能完整读取（${issues.join('；')}），以下核对结果不作为原文的问题：${msg}`, source: fact.source });
      continue;
    }
    out.push(finding(CHECK_EMPTY, 'warning', msg, 0, fact.value, { ...fact.source }));
  }
  return out;
}

export function checkTablePresence(doc: CheckDoc, notes: ParseNote[], text: CheckText | null): Finding[] {
  if (!text) return [];
  return [...tocMissing(doc, text, notes), ...emptyContradicted(doc, notes)];
}
