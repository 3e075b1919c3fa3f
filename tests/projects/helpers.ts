/** Test helpers: run the project recognizers on a text (a real source or a synthetic fixture). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { segment } from '../../scripts/segment/segment.js';
import { makeContext, type RecognizeContext } from '../../scripts/recognize/context.js';
import { recognizeProjects } from '../../scripts/recognize/projects/index.js';
import type { DocumentKind, MoneyUnit, Project, Table } from '../../scripts/model/schema.js';

export const ROOT = join(import.meta.dirname, '..', '..');

export function sourceText(file: string): string {
  return readFileSync(join(ROOT, 'content', 'sources', file), 'utf8');
}

export function fixtureText(area: string, file: string): string {
  return readFileSync(join(ROOT, 'tests', 'fixtures', area, file), 'utf8');
}

export interface Run {
  projects: Project[];
  claims: Map<number, string>;
  warnings: Array<{ line: number | null; message: string }>;
  ctx: RecognizeContext;
}

export function runProjects(
  file: string,
  text: string,
  opts: { kind?: DocumentKind; unit?: MoneyUnit; tables?: Table[] } = {},
): Run {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map((t, i) => ({ no: i + 1, text: t }));
  const seg = segment(file, lines);
  const claims = new Map<number, string>();
  const warnings: Array<{ line: number | null; message: string }> = [];
  const ctx = makeContext(
    seg,
    { kind: opts.kind ?? 'budget', fiscal_year: 2022, unit: opts.unit ?? '万元', department: '测试部门' },
    claims,
    warnings,
  );
  const projects = recognizeProjects(ctx, opts.tables ?? [], 'doc');
  return { projects, claims, warnings, ctx };
}

export function byName(projects: Project[], name: string): Project {
  const p = projects.find((x) => x.name === name || x.aliases.includes(name));
  if (!p) throw new Error(`project ${name} not found among: ${projects.map((x) => x.name).join(', ')}`);
  return p;
}
