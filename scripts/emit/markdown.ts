/**
 * Content collections: one Markdown file per document and per project. Front matter is the schema's
 * DocumentEntry / ProjectEntry serialized with the `yaml` library (round-trips any string); the body
 * is an mdast tree stringified by remark, so source text only ever appears as escaped text nodes —
 * never as raw HTML.
 */
import { unified } from 'unified';
import remarkStringify from 'remark-stringify';
import remarkFrontmatter from 'remark-frontmatter';
import { stringify as yamlStringify } from 'yaml';
import type { Root, RootContent, PhrasingContent, ListItem } from 'mdast';
import type { DocumentEntry, DocumentRecord, ProjectEntry, Project } from '../model/schema.js';
import { DOCUMENT_KIND_LABELS, TABLE_KIND_LABELS, TOTAL_KEYS, TOTAL_LABELS } from '../model/schema.js';
import { fastYaml } from './yaml-fast.js';
import { fastBody, type PhrasingRenderer } from './markdown-fast.js';

const processor = unified().use(remarkStringify, { bullet: '-', fences: true }).use(remarkFrontmatter, ['yaml']);

/** YAML text for front matter: no line folding, no anchors/aliases, keys in schema order. YAML 1.1 quoting,
 * because Astro reads front matter as YAML 1.1 (an unquoted 2022-01-01 would come back as a Date). */
export function toYaml(data: unknown): string {
  // the fast writer reproduces the library's output for plain data and returns null otherwise
  return fastYaml(data) ?? yamlStringify(data, { lineWidth: 0, aliasDuplicateObjects: false, version: '1.1' }).trimEnd();
}

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] });
const heading = (depth: 1 | 2 | 3, value: string): RootContent => ({ type: 'heading', depth, children: [text(value)] });
const para = (...children: PhrasingContent[]): RootContent => ({ type: 'paragraph', children });
const item = (...children: PhrasingContent[]): ListItem => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children }] });
const list = (items: ListItem[]): RootContent => ({ type: 'list', ordered: false, spread: false, children: items });

function wan(n: number | null): string {
  return n === null ? '未说明' : `${n} 万元`;
}

/** remark's rendering of one paragraph or list item's content (the fast path asks for label pieces). */
const phrasingReference: PhrasingRenderer = (container, children) => {
  const para: RootContent = { type: 'paragraph', children };
  const tree: Root = { type: 'root', children: container === 'paragraph' ? [para] : [list([{ type: 'listItem', spread: false, children: [para] }])] };
  const out = processor.stringify(tree).replace(/\n$/, '');
  const prefix = container === 'paragraph' ? '' : '- ';
  return out.startsWith(prefix) && !out.includes('\n') ? out.slice(prefix.length) : null;
};

export function renderMarkdown(front: unknown, body: RootContent[]): string {
  const yaml = toYaml(front);
  // bodies made only of inert text are written directly (same bytes as remark); others go through remark
  const fast = fastBody(body, phrasingReference);
  if (fast !== null) return `---\n${yaml}\n---\n\n${fast}\n`;
  const tree: Root = { type: 'root', children: [{ type: 'yaml', value: yaml }, ...body] };
  return processor.stringify(tree);
}

export function documentEntry(d: DocumentRecord): DocumentEntry {
  const { projects, ...rest } = d;
  return {
    ...rest,
    projects: projects.map((p) => ({ id: p.id, name: p.name, code: p.code, budget: p.budget, executed: p.executed, implementing_unit: p.implementing_unit, indicator_count: p.indicators.length, page: p.sources.find((r) => r.page != null)?.page ?? null })),
  };
}

export function projectEntry(d: DocumentRecord, p: Project): ProjectEntry {
  return {
    ...p,
    department: d.department,
    department_id: d.department_id,
    document_title: d.title,
    fiscal_year: d.fiscal_year,
    kind: d.kind,
    province: d.province,
    city: d.city,
    county: d.county,
    source_file: d.source_file,
  };
}

// 本年收入合计 is left out of the summary: beside 收入总计 it rarely tells a reader more
const SUMMARY_TOTALS = TOTAL_KEYS.filter((k) => k !== 'current_year_income');

const SEVERITY_LABEL = { error: '错误', warning: '提醒', info: '信息' } as const;
const STATUS_LABEL = { present: '已公开', empty_with_note: '空表（有说明）', empty: '空表（无说明）', published_separately: '另行公开', missing: '未找到' } as const;

export function documentMarkdown(d: DocumentRecord): string {
  const region = [d.province, d.city, d.county].filter((x, i, a) => x && a.indexOf(x) === i).join(' ');
  const body: RootContent[] = [
    heading(1, d.title),
    para(text(`${d.department}${region ? `（${region}）` : ''}，${d.fiscal_year ?? '年度未知'} 年${DOCUMENT_KIND_LABELS[d.kind]}。原文表格金额单位：${d.unit}；以下金额均为万元。`)),
    heading(2, '主要数字'),
    list(SUMMARY_TOTALS.filter((k) => d.totals[k] !== null).map((k) => item(strong(`${TOTAL_LABELS[k]}：`), text(wan(d.totals[k]))))),
  ];
  if (d.tables.length) {
    body.push(heading(2, `表格（${d.tables.length}）`));
    body.push(list(d.tables.map((t) => item(text(`${t.title || TABLE_KIND_LABELS[t.kind]}（${TABLE_KIND_LABELS[t.kind]}${t.empty ? '，空表' : `，${t.rows.length} 行`}；第 ${t.source.line_start}–${t.source.line_end} 行）`)))));
  }
  if (d.projects.length) {
    body.push(heading(2, `项目（${d.projects.length}）`));
    body.push(list(d.projects.map((p) => item(text(`${p.name}${p.code ? `（${p.code}）` : ''}：${wan(d.kind === 'final_account' ? (p.executed ?? p.budget) : p.budget)}`)))));
  }
  body.push(heading(2, `核对发现（${d.findings.length}）`));
  body.push(
    d.findings.length
      ? list(d.findings.map((f) => item(strong(`${SEVERITY_LABEL[f.severity]}：`), text(`${f.message}（${f.source.file} 第 ${f.source.line_start} 行）`))))
      : para(text('未发现不一致（容差 0.01 万元）。')),
  );
  if (d.parse_notes.length) {
    // apart from the findings: these are the reading's limits, not the department's inconsistencies
    body.push(heading(2, `未能完整读取的部分（${d.parse_notes.length}，供维护者参考）`));
    body.push(para(text('以下部分程序未能完整读取，因而未作核对；它们不是原文的问题，也不计入核对发现。')));
    body.push(list(d.parse_notes.map((n) => item(text(`${n.message}（${n.source.file} 第 ${n.source.line_start} 行）`)))));
  }
  if (d.disclosure.length) {
    body.push(heading(2, '公开完整性'));
    body.push(list(d.disclosure.map((x) => item(text(`${x.label}：${STATUS_LABEL[x.status]}`)))));
  }
  if (d.glossary.length) {
    body.push(heading(2, '名词解释'));
    body.push(list(d.glossary.map((g) => item(strong(`${g.term}：`), text(g.definition)))));
  }
  body.push(para(text(`来源：${d.source_file}（SHA-256 ${d.source_sha256.slice(0, 16)}…）；已识别 ${d.coverage.lines_claimed}/${d.coverage.lines_total} 个非空行。`)));
  return renderMarkdown(documentEntry(d), body);
}

export function projectMarkdown(d: DocumentRecord, p: Project): string {
  const body: RootContent[] = [heading(1, p.name), para(text(`${d.title}中的项目。`))];
  const facts: Array<[string, string | null]> = [
    ['项目编码', p.code],
    ['当年预算', p.budget === null ? null : wan(p.budget)],
    ['年初预算', p.initial_budget === null ? null : wan(p.initial_budget)],
    ['执行数', p.executed === null ? null : wan(p.executed)],
    ['项目总金额', p.total_budget === null ? null : wan(p.total_budget)],
    ['项目类别', p.category],
    ['项目性质', p.frequency],
    ['实施周期', p.period],
    ['实施单位', p.implementing_unit],
    ['其他名称', p.aliases.length ? p.aliases.join('、') : null],
  ];
  const shown = facts.filter(([, v]) => v);
  if (shown.length) body.push(list(shown.map(([k, v]) => item(strong(`${k}：`), text(v!)))));
  for (const [label, value] of [
    ['项目概述', p.overview],
    ['立项依据', p.basis],
    ['实施方案', p.plan],
    ['年度绩效目标', p.annual_goal],
  ] as const) {
    if (value) body.push(heading(2, label), para(text(value)));
  }
  if (p.indicators.length) {
    body.push(heading(2, `绩效指标（${p.indicators.length}）`));
    body.push(
      list(
        p.indicators.map((x) =>
          item(text(`${[x.level1, x.level2, x.level3].filter(Boolean).join(' / ')}：${x.target_raw}${x.actual_raw ? `；实际 ${x.actual_raw}` : ''}${x.score !== null ? `；得分 ${x.score}` : ''}`)),
        ),
      ),
    );
  }
  body.push(para(text(`来源：${d.source_file} ${p.sources.map((r) => `第 ${r.line_start}–${r.line_end} 行`).join('、')}`)));
  return renderMarkdown(projectEntry(d, p), body);
}
