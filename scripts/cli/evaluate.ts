/**
 * npm run evaluate -- --sources DIR [--sources DIR …] [--labels FILE …] [--facts FILE …] [--json FILE] [--quiet]
 *
 * How well the pipeline reads a folder of real documents, per document and overall: recognized,
 * reconciled (基本支出 + 项目支出 = 支出总计, 收入总计 = 支出总计), department plausible, findings
 * by check and severity, parse notes, and refusals with their reason. With a labels file (hand-read
 * department / year / kind per file, see tests/fixtures/evaluate/), also whether each of those is right;
 * with a facts file (headline figures read by hand off a sample of documents), how many the pipeline
 * got right.
 * Nothing is written besides the optional JSON report; the parse cache is not used.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { runPipeline } from '../pipeline/run.js';
import { assertNodeVersion } from './node-version.js';
import { evaluateDocument, summarize, type DocumentEvaluation, type Label } from '../validate/evaluate.js';
import { checkFacts, type FactCheck, type HandReadFacts } from '../validate/evaluate-facts.js';

assertNodeVersion();
const { values } = parseArgs({
  options: {
    sources: { type: 'string', multiple: true, default: ['content/sources'] },
    labels: { type: 'string', multiple: true, default: [] },
    facts: { type: 'string', multiple: true, default: [] },
    json: { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
});

const labels = new Map<string, Label>();
for (const file of values.labels ?? []) {
  const parsed = parseYaml(readFileSync(resolve(file), 'utf8')) as Record<string, Label>;
  for (const [k, v] of Object.entries(parsed ?? {})) labels.set(k, v);
}

const handRead = new Map<string, HandReadFacts>();
for (const file of values.facts ?? []) {
  const parsed = parseYaml(readFileSync(resolve(file), 'utf8')) as Record<string, HandReadFacts>;
  for (const [k, v] of Object.entries(parsed ?? {})) handRead.set(k, v);
}

const all: DocumentEvaluation[] = [];
const factChecks: FactCheck[] = [];
for (const dirArg of values.sources ?? []) {
  const dir = resolve(dirArg);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    console.error(`来源目录不存在：${dir}`);
    process.exit(2);
  }
  const set = basename(dir);
  const result = await runPipeline(dir, { cache: false, log: () => {} });
  const byFile = new Map(result.documents.map((d) => [d.source_file, d]));
  for (const path of result.files) {
    // a corpus folder's own README describes the files; it is not one of them
    if (basename(path).toLowerCase() === 'readme.md') continue;
    const rel = path.slice(dir.length + 1).split('\\').join('/');
    const doc = byFile.get(rel) ?? null;
    const errors = result.errors.filter((e) => e.file === rel);
    all.push(evaluateDocument(`${set}/${rel}`, doc, errors, labels.get(`${set}/${rel}`) ?? labels.get(rel)));
    const facts = handRead.get(`${set}/${rel}`) ?? handRead.get(rel);
    if (facts) factChecks.push(...checkFacts(`${set}/${rel}`, doc, facts));
  }
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : '—');
if (!values.quiet) {
  for (const e of all) {
    if (e.refused) {
      console.log(`✗ ${e.file}  拒绝：${e.refusal}${e.label ? (e.label.disclosure === false ? (e.label_ok ? '  [标注：非公开文件 ✓]' : '  [标注：非公开文件，但拒绝理由不对 ✗]') : '  [标注：公开文件 ✗]') : ''}`);
      continue;
    }
    const flags = [
      e.reconciled ? '平衡' : `未平衡(${e.reconcile_detail})`,
      e.department_plausible ? '' : '部门名称可疑',
      e.label_ok === null ? '' : e.label_ok ? '标注一致' : `标注不符(${e.label_mismatch.join('、')})`,
    ].filter(Boolean);
    const f = Object.entries(e.findings).map(([k, n]) => `${k}×${n}`).join(' ');
    console.log(`✓ ${e.file}  ${e.department} ${e.fiscal_year ?? '?'} ${e.kind}  ${flags.join(' ')}${f ? `  发现：${f}` : ''}${e.parse_notes ? `  未能完整读取：${e.parse_notes}` : ''}${e.previous_figures ? `  上年数：${e.previous_figures}` : ''}${e.budget_execution ? `  预决算对比：${e.budget_execution}` : ''}`);
  }
}
const s = summarize(all);
console.log('');
console.log(`文件 ${s.files}：识别为公开文件 ${s.recognized}，拒绝 ${s.refused}`);
console.log(`平衡（基本+项目=支出总计，收入总计=支出总计）：${s.reconciled}/${s.recognized}（${pct(s.reconciled, s.recognized)}）`);
console.log(`部门名称可信：${s.department_plausible}/${s.recognized}（${pct(s.department_plausible, s.recognized)}）`);
if (s.labelled > 0) {
  console.log(`标注：${s.labelled} 个文件；公开文件 ${s.labelled_disclosures}，其中平衡且部门、年度、类型均正确 ${s.reconciled_and_right}（${pct(s.reconciled_and_right, s.labelled_disclosures)}）；部门、年度、类型正确 ${s.label_right}（${pct(s.label_right, s.labelled_disclosures)}）`);
  console.log(`非公开文件 ${s.labelled_non_disclosures}，正确拒绝 ${s.refused_right}；公开文件被误拒 ${s.refused_wrong}`);
}
console.log(`核对发现：${Object.entries(s.findings).map(([k, n]) => `${k} ${n}`).join('，') || '无'}`);
console.log(`按严重程度：error ${s.severity.error}，warning ${s.severity.warning}，info ${s.severity.info}；未能完整读取的说明 ${s.parse_notes}`);
console.log(`对比：${s.documents_with_previous} 个文档列出上年数（${s.previous_figures} 行），${s.documents_with_budget_execution} 个决算给出预算与决算对比（${s.budget_execution} 项），${s.documents_with_function_changes} 个文档的说明逐项写明功能科目比上年增减（${s.function_changes} 项）`);
if (factChecks.length > 0) {
  const right = factChecks.filter((f) => f.right).length;
  const docs = new Set(factChecks.map((f) => f.file)).size;
  console.log(`人工读数：${docs} 个文件的 ${factChecks.length} 个数字，提取正确 ${right}（${pct(right, factChecks.length)}）`);
  for (const f of factChecks.filter((x) => !x.right)) console.log(`  ✗ ${f.file} ${f.label}：应为 ${f.expected}，提取为 ${f.actual ?? '（无）'}`);
}
if (values.json) writeFileSync(resolve(values.json), JSON.stringify({ summary: s, documents: all, facts: factChecks }, null, 2) + '\n');
