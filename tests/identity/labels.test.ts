/**
 * The pipeline's identity of every hand-labelled file in ../shared (tests/fixtures/evaluate/labels.yaml,
 * read off the documents themselves) equals the label: disclosures are read with the labelled
 * department, fiscal year and kind; non-disclosures are refused, each with the reason its kind of file
 * calls for. Skipped when ../shared is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ingestFile } from '../../scripts/pipeline/ingest-file.js';
import { departmentPlausible } from '../../scripts/recognize/document/department.js';
import { refusalFitsNote } from '../../scripts/recognize/document/refusal.js';
import type { Label } from '../../scripts/validate/evaluate.js';
import { DocumentRecord } from '../../scripts/model/schema.js';

const shared = resolve(import.meta.dirname, '../../../shared');
const labels = parseYaml(readFileSync(resolve(import.meta.dirname, '../fixtures/evaluate/labels.yaml'), 'utf8')) as Record<string, Label>;
const files = Object.keys(labels).filter((k) => k.endsWith('.pdf') && existsSync(join(shared, k)));
if (files.length === 0) console.warn(`跳过标注对照测试：未找到 ${shared}/pdf-samples、pdf-more`);

/**
 * Known remaining mismatches: file → why the pipeline still differs from its label. Keep this short;
 * every entry needs a reason a reader can check against the document.
 */
const KNOWN: Record<string, string> = {};

/** Same comparison as `npm run evaluate`: parenthesised remarks such as （本级） and spaces aside. */
const normalizeName = (s: string) => s.replace(/[（(].*?[)）]/g, '').replace(/\s+/g, '');

describe.skipIf(files.length === 0)('identity against the hand-read labels', () => {
  it('every labelled file: department, year and kind right, or refused for the right reason', { timeout: 900_000 }, async () => {
    const wrong: string[] = [];
    let disclosures = 0;
    for (const f of files) {
      const label = labels[f];
      const { document: d, errors } = await ingestFile(join(shared, f), f.split('/').pop()!);
      const refusal = errors.find((e) => e.severity === 'error' && e.action === 'skipped')?.message ?? '';
      const problems: string[] = [];
      if (label.disclosure) {
        disclosures++;
        if (!d) problems.push(`误拒：${refusal}`);
        else {
          if (!departmentPlausible(d.department)) problems.push(`部门名称可疑 ${d.department}`);
          if (label.department && normalizeName(label.department) !== normalizeName(d.department)) problems.push(`部门 ${d.department} ≠ ${label.department}`);
          if (label.fiscal_year && label.fiscal_year !== d.fiscal_year) problems.push(`年度 ${d.fiscal_year} ≠ ${label.fiscal_year}`);
          if (label.kind && label.kind !== d.kind) problems.push(`类型 ${d.kind} ≠ ${label.kind}`);
          // the site reads the record through the same schema: a hole in it breaks the whole build
          const parsed = DocumentRecord.safeParse(d);
          if (!parsed.success) problems.push(`不符合数据模型：${parsed.error.issues.slice(0, 3).map((i) => i.path.join('.')).join('，')}`);
        }
      } else if (d) {
        problems.push(`非公开文件未拒绝（读成 ${d.department}）`);
      } else if (!refusalFitsNote(refusal, label.note)) {
        problems.push(`拒绝理由不对：${refusal}`);
      }
      if (problems.length > 0 && !KNOWN[f]) wrong.push(`${f}: ${problems.join('；')}`);
      if (problems.length === 0 && KNOWN[f]) wrong.push(`${f}: 已经正确，请从 KNOWN 中删去`);
    }
    expect(disclosures).toBeGreaterThan(0);
    expect(wrong).toEqual([]);
  });
});
