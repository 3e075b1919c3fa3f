/**
 * One source file → one checked DocumentRecord. Stages run in order: read & decode → segment →
 * recognize (meta, profile, tables, narrative, projects, glossary) → assemble totals → validate.
 * Never throws for bad input: problems come back as IngestErrors naming the file and line.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { DocumentRecord, IngestError, SourceRef, Totals } from '../model/schema.js';
import { readForIngest, SCAN_REFUSAL_PREFIX } from './read-scan.js';
import { readSidecar } from '../read/sidecar.js';
import { segment } from '../segment/segment.js';
import { makeContext } from '../recognize/context.js';
import { recognizeMeta } from '../recognize/document/meta.js';
import { refusalReason } from '../recognize/document/refusal.js';
import { inferRegion } from '../recognize/document/region.js';
import { RECOGNIZERS, runRecognizers, type RecognizerOutputs } from '../recognize/index.js';
import { checkDocument } from '../validate/checks.js';
import { checkDisclosure } from '../validate/disclosure.js';
import { assembleTotals } from './totals.js';
import { computeCoverage } from './coverage.js';
import { slugify, shortHash } from '../normalize/slug.js';

export interface IngestFileResult {
  document: DocumentRecord | null;
  errors: IngestError[];
}

export interface IngestOptions {
  /** Mask personal mobile numbers (default true). */
  maskPhones?: boolean;
}

export async function ingestFile(path: string, relFile: string, options: IngestOptions = {}): Promise<IngestFileResult> {
  const errors: IngestError[] = [];
  const read = await readForIngest(path, relFile);
  if (!read.ok) {
    errors.push({ file: relFile, line: read.line, severity: 'error', action: 'skipped', message: read.reason });
    return { document: null, errors };
  }
  if (read.note) errors.push({ file: relFile, line: null, severity: 'warning', action: 'decoded', message: read.note });

  const sidecar = readSidecar(path);
  if (!sidecar.ok) {
    errors.push({
      file: `${relFile}.meta.yaml`,
      line: sidecar.line,
      severity: 'error',
      action: 'flagged',
      message: `${sidecar.message}（已忽略该元数据文件，按正文识别）`,
    });
  }
  const override = sidecar.ok ? (sidecar.value ?? {}) : {};

  const seg = segment(relFile, read.lines);
  const meta = recognizeMeta(seg);
  const department = override.department ?? meta.department;
  if (!department) {
    errors.push({
      file: relFile,
      line: null,
      severity: 'error',
      action: 'skipped',
      message: (read.format === 'pdf_ocr' ? SCAN_REFUSAL_PREFIX : '') + refusalReason(seg, looksLikeDisclosure(seg)),
    });
    return { document: null, errors };
  }
  const fiscal_year = override.fiscal_year ?? meta.fiscal_year;
  const kind = override.kind ?? meta.kind ?? 'budget';
  if (!override.kind && !meta.kind) {
    errors.push({ file: relFile, line: null, severity: 'warning', action: 'flagged', message: '无法识别文档类型（预算/决算/预算草案），按部门预算处理；可在 .meta.yaml 中设置 kind' });
  }
  if (fiscal_year === null) {
    errors.push({ file: relFile, line: null, severity: 'warning', action: 'flagged', message: '无法识别预算年度；可在 .meta.yaml 中设置 fiscal_year' });
  }
  const unit = override.unit ?? meta.unit ?? '万元';

  const claims = new Map<number, string>();
  const warnings: Array<{ line: number | null; message: string }> = [];
  const departmentId = slugify(department);
  const id = `${departmentId}-${fiscal_year ?? 'nian-fen-wei-zhi'}-${kind.replace('_', '-')}`;
  const ctx = makeContext(seg, { kind, fiscal_year, unit, department, document_id: id }, claims, warnings);
  if (meta.title_lines) ctx.claim(meta.title_lines[0], meta.title_lines[1], 'title');

  const fullText = seg.blocks.map((b) => (b.type === 'table' ? '' : b.text)).join('\n');
  const region = inferRegion(department, fullText);
  // every recognizer runs (one that fails gives its empty output), so each output is there
  const r = runRecognizers(ctx, RECOGNIZERS) as RecognizerOutputs;
  const { totals, sources, previous } = assembleTotals(r['table-totals'], r.facts, kind);

  const sha = createHash('sha256').update(read.bytes).digest('hex');
  const base: Omit<DocumentRecord, 'findings' | 'parse_notes' | 'disclosure'> = {
    id,
    title: override.title ?? meta.title ?? `${department}${fiscal_year ?? ''}年${kind === 'final_account' ? '部门决算' : '部门预算'}`,
    department,
    department_id: departmentId,
    province: override.province !== undefined ? override.province : region.province,
    city: override.city !== undefined ? override.city : region.city,
    county: override.county !== undefined ? override.county : region.county,
    fiscal_year,
    kind,
    unit,
    budget_units: r.profile.budget_units,
    staffing: r.profile.staffing,
    responsibilities: r.profile.responsibilities,
    totals,
    totals_sources: sources,
    ...(Object.keys(previous).length > 0 ? { totals_previous: previous } : {}),
    facts: r.facts,
    // read by OCR: every table of a scan, and those on the scanned pages of a text PDF
    tables: r.tables.map((t) => (read.format === 'pdf_ocr' || read.ocrPages?.includes(t.source.page ?? 0) ? { ...t, ocr: true } : t)),
    expenditure_by_function: r['function-classification'],
    basic_expenditure_by_economic: r['economic-classification'],
    three_public: r['three-public'].items,
    ...(r['budget-execution'].length > 0 ? { budget_execution: r['budget-execution'] } : {}),
    ...(r['function-changes'].length > 0 ? { function_changes: r['function-changes'] } : {}),
    stats: r['three-public'].stats,
    procurement: r.procurement,
    projects: r.projects,
    glossary: r.glossary,
    coverage: { lines_total: 0, lines_claimed: 0, unclaimed: [] },
    source_file: relFile,
    source_format: read.format,
    source_encoding: read.encoding,
    source_sha256: sha,
  };
  base.coverage = computeCoverage(seg, claims);
  const { findings, parse_notes } = checkDocument(base, seg);
  const disclosure = checkDisclosure(base, seg);
  for (const w of warnings) {
    errors.push({ file: relFile, line: w.line, severity: 'warning', action: 'flagged', message: w.message });
  }
  void basename;
  void shortHash;
  return { document: { ...base, findings, parse_notes, disclosure }, errors };
}

export type TotalsSources = Record<string, SourceRef>;
export type { Totals };

/**
 * Whether a text reads like a budget/final-account disclosure at all, so a notice or an application
 * form dropped among the sources is told apart from a disclosure whose title the recognizer missed.
 */
export function looksLikeDisclosure(seg: { blocks: Array<{ type: string; text?: string; rows?: Array<{ cells: string[] }> }> }): boolean {
  const KEYS = /部门(?:预算|决算)|(?:预算|决算)草案|收支(?:预算)?总(?:表|体情况表)|支出(?:预算)?总表|收入(?:预算)?总表|财政拨款收支|三公.{0,2}经费/;
  let hits = 0;
  for (const b of seg.blocks) {
    const text = b.type === 'table' ? (b.rows ?? []).map((r) => r.cells.join(' ')).join('\n') : (b.text ?? '');
    if (KEYS.test(text) && ++hits >= 2) return true;
  }
  return false;
}
