import { describe, expect, it, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync, existsSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { writeOutputs, outputPaths } from '../../scripts/emit/index.js';
import { listFiles } from './files.js';
import { documentEntry, projectEntry } from '../../scripts/emit/markdown.js';
import { safeCell } from '../../scripts/emit/csv.js';
import type { DocumentRecord } from '../../scripts/model/schema.js';
import { DocumentEntry, ProjectEntry } from '../../scripts/model/schema.js';
import { emptyDoc, fn, project, ref, table } from '../fixtures/validate/records.js';

const HOSTILE = '名称: # --- | > \' " 换行\n第二行 <script>alert(1)</script>';

function sample(): DocumentRecord {
  const base = emptyDoc({
    title: HOSTILE,
    department: '=cmd|\' /C calc\'!A0',
    totals: { ...emptyDoc().totals, expenditure_total: 14783.86, basic_expenditure: 1053.02, project_expenditure: 13730.84, current_year_expenditure: 14783.86 },
    totals_sources: { expenditure_total: ref(130) },
    tables: [table('t01', 'expenditure', '部门支出总表', ['科目编码', '科目名称', '合计', '基本支出', '项目支出'], [['', '合计', '14,783.86', '1,053.02', '13,730.84'], ['201', '@SUM(1)', '12,976.39', '861.34', '12,115.05']], 130)],
    expenditure_by_function: [fn('201', '一般公共服务支出', 12976.39, 861.34, 12115.05, 131)],
    projects: [
      project({
        id: '2022-budget-ce-shi--yun',
        name: '云计算服务基本服务费',
        code: '360700228888020000521',
        budget: 5392,
        aliases: ['+1', '-2'],
        indicators: [
          { level1: '产出指标', level2: '数量', level3: '服务云平台数量', target_raw: '=3个', operator: '=', value: 3, value_max: null, unit: '个', actual_raw: null, weight: null, score: null, note: '\tTAB', source: ref(291) },
          { level1: '满意度', level2: null, level3: 'x\0y', target_raw: '\r换行', operator: '>=', value: 90, value_max: null, unit: '%', actual_raw: '\n90%', weight: 10, score: 9.5, note: null, source: ref(292) },
        ],
      }),
    ],
  });
  return {
    ...base,
    findings: [{ check: 'cross_table', severity: 'error', message: '不一致', expected: 12977.06, actual: 12976.39, source: ref(88, 135) }],
    parse_notes: [{ check: 'children_sum', message: '《部门支出总表》未能完整读取（表格跨页分成了几段读取，可能有行未接上）', source: ref(140, 150) }],
    disclosure: [{ item: 'table_income', label: '收入总表', group: 'table', required: true, status: 'present', source: ref(78, 123) }],
  };
}

const errors = [{ file: 'bad.txt', line: 3, severity: 'error' as const, action: 'skipped' as const, message: '-空文件' }];

function csv(dir: string, name: string): { text: string; records: string[][] } {
  const text = readFileSync(join(outputPaths(dir).data, name), 'utf8');
  return { text, records: parseCsv(text, { bom: true, relax_column_count: false }) };
}

describe('writeOutputs', () => {
  let a: string;
  let b: string;
  beforeAll(async () => {
    a = mkdtempSync(join(tmpdir(), 'emit-a-'));
    b = mkdtempSync(join(tmpdir(), 'emit-b-'));
    // a stale file from an earlier run must disappear
    mkdirSync(join(outputPaths(a).collections, 'projects'), { recursive: true });
    writeFileSync(join(outputPaths(a).collections, 'projects', 'stale.md'), 'old');
    await writeOutputs({ documents: [sample()], errors }, a);
    await writeOutputs({ documents: [sample()], errors }, b);
  });

  it('is deterministic: two runs give byte-identical files', () => {
    const fa = listFiles(a).map((p) => relative(a, p));
    const fb = listFiles(b).map((p) => relative(b, p));
    expect(fa).toEqual(fb);
    for (const f of fa) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
    expect(existsSync(join(outputPaths(a).collections, 'projects', 'stale.md'))).toBe(false);
  });

  it('writes CSV with BOM, ASCII snake_case headers, CRLF records, unquoted numbers', () => {
    const { text, records } = csv(a, 'documents.csv');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('\r\n');
    for (const h of records[0]) expect(h).toMatch(/^[a-z][a-z0-9_]*$/);
    const row = Object.fromEntries(records[0].map((h, i) => [h, records[1][i]]));
    expect(row.expenditure_total).toBe('14783.86');
    expect(text).toContain(',14783.86,');
    expect(row.project_count).toBe('1');
    const ef = csv(a, 'expenditure_by_function.csv');
    expect(ef.text).toContain(',12976.39,861.34,12115.05,');
  });

  it('writes parse notes apart from the findings: parse_notes.csv with provenance, a count in documents.csv, a separate Markdown section', () => {
    const notes = csv(a, 'parse_notes.csv').records;
    expect(notes[0]).toEqual(['document_id', 'check', 'message', 'source_file', 'source_line_start', 'source_line_end', 'source_page']);
    expect(notes.slice(1)).toEqual([['2022-budget-ce-shi', 'children_sum', '《部门支出总表》未能完整读取（表格跨页分成了几段读取，可能有行未接上）', 'test.txt', '140', '150', '']]);
    // the finding is still the only finding
    expect(csv(a, 'findings.csv').records).toHaveLength(2);
    const docs = csv(a, 'documents.csv').records;
    expect(docs[1][docs[0].indexOf('parse_note_count')]).toBe('1');
    expect(docs[1][docs[0].indexOf('finding_count')]).toBe('1');
    const md = readFileSync(join(outputPaths(a).collections, 'documents', `${sample().id}.md`), 'utf8');
    expect(md).toContain('## 核对发现（1）');
    expect(md).toContain('## 未能完整读取的部分（1，供维护者参考）');
    const pkg = JSON.parse(readFileSync(join(outputPaths(a).data, 'datapackage.json'), 'utf8')) as { resources: Array<{ path: string }> };
    expect(pkg.resources.map((r) => r.path)).toContain('parse_notes.csv');
  });

  it('escapes every string cell that could be read as a formula (OWASP), keeps numbers as numbers', () => {
    const docs = csv(a, 'documents.csv').records;
    expect(docs[1][docs[0].indexOf('department')]).toBe("'=cmd|' /C calc'!A0");
    const ind = csv(a, 'indicators.csv').records;
    const col = (r: string[], h: string) => r[ind[0].indexOf(h)];
    expect(col(ind[1], 'target_raw')).toBe("'=3个");
    expect(col(ind[1], 'operator')).toBe("'=");
    expect(col(ind[1], 'value')).toBe('3');
    expect(col(ind[1], 'note')).toBe("'\tTAB");
    expect(col(ind[2], 'target_raw')).toBe("'\r换行");
    expect(col(ind[2], 'actual_raw')).toBe("'\n90%");
    expect(col(ind[2], 'level3')).toBe('xy');
    expect(csv(a, 'projects.csv').records[1][6]).toBe("+1|-2".replace(/^/, "'"));
    expect(csv(a, 'ingest_errors.csv').records[1][4]).toBe("'-空文件");
    const t = csv(a, 'tables/2022-budget-ce-shi/t01.csv').records;
    expect(t[0]).toEqual(['科目编码', '科目名称', '合计', '基本支出', '项目支出', 'source_line']);
    // amounts as plain numbers (no thousands separators), text as printed
    expect(t[2]).toEqual(['201', "'@SUM(1)", '12976.39', '861.34', '12115.05', '131']);
    // no cell anywhere starts with a formula character
    for (const p of listFiles(outputPaths(a).data).filter((x) => x.endsWith('.csv'))) {
      for (const r of parseCsv(readFileSync(p, 'utf8'), { bom: true }) as string[][]) {
        for (const c of r) if (!/^-?\d+(\.\d+)?$/.test(c)) expect(c, p).not.toMatch(/^[=+\-@\t\r\n\0]/);
      }
    }
    expect(safeCell('-')).toBe("'-");
    expect(safeCell('正常')).toBe('正常');
  });

  it('keeps multi-line text in one quoted field (CSV parses back to the same rows)', () => {
    const docs = csv(a, 'documents.csv').records;
    expect(docs).toHaveLength(2);
    expect(docs[1][docs[0].indexOf('title')]).toBe(HOSTILE);
  });

  it('writes Markdown whose YAML front matter round-trips to the schema entry and whose body has no raw HTML', () => {
    const d = sample();
    const md = readFileSync(join(outputPaths(a).collections, 'documents', `${d.id}.md`), 'utf8');
    const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(md);
    expect(m).not.toBeNull();
    const front = parseYaml(m![1]);
    expect(front).toEqual(JSON.parse(JSON.stringify(documentEntry(d))));
    expect(DocumentEntry.safeParse(front).success).toBe(true);
    expect(m![2]).not.toMatch(/(?<!\\)<script/);
    expect(m![2]).toContain('\\<script>');
    const p = d.projects[0];
    const pmd = readFileSync(join(outputPaths(a).collections, 'projects', `${p.id}.md`), 'utf8');
    const pf = parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(pmd)![1]);
    expect(pf).toEqual(JSON.parse(JSON.stringify(projectEntry(d, p))));
    expect(ProjectEntry.safeParse(pf).success).toBe(true);
    expect(pmd).toContain('# 云计算服务基本服务费');
  });

  it('lists every CSV written in datapackage.json with typed, titled fields', () => {
    const dir = outputPaths(a).data;
    const pkg = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8'));
    const paths = pkg.resources.map((r: { path: string }) => r.path).sort();
    const written = listFiles(dir).filter((p) => p.endsWith('.csv')).map((p) => relative(dir, p)).sort();
    expect(paths).toEqual(written);
    const docs = pkg.resources.find((r: { name: string }) => r.name === 'documents');
    expect(docs).toMatchObject({ format: 'csv', encoding: 'utf-8', mediatype: 'text/csv' });
    const f = docs.schema.fields.find((x: { name: string }) => x.name === 'expenditure_total');
    expect(f).toMatchObject({ type: 'number', title: '支出总计', unit: '万元' });
    // every header in every CSV is declared, in order
    for (const r of pkg.resources) {
      const header = (parseCsv(readFileSync(join(dir, r.path), 'utf8'), { bom: true, to: 1 }) as string[][])[0];
      expect(header.map((h) => h.replace(/^'/, ''))).toEqual(r.schema.fields.map((x: { name: string }) => x.name));
    }
    const index = JSON.parse(readFileSync(join(dir, 'documents.json'), 'utf8'));
    expect(index[0]).toMatchObject({ id: '2022-budget-ce-shi', project_count: 1, finding_count: 1 });
  });
});

describe('per-document table downloads', async () => {
  const { xlsxWorkbook, zipFiles, sheetNames, columnName } = await import('../../scripts/emit/xlsx.js');
  const { unzipSync, strFromU8 } = await import('fflate');
  it('an XLSX keeps codes as text and amounts as numbers, with the same bytes every time', () => {
    const sheet = { name: 't01 部门支出总表', header: ['科目编码', '科目名称', '合计'], rows: [['201', '一般公共服务支出', 12976.39], ['03', 'A&B <办公>', 1.5]] };
    const a = xlsxWorkbook([sheet]);
    expect(xlsxWorkbook([sheet])).toEqual(a);
    const parts = unzipSync(a);
    expect(Object.keys(parts).sort()).toEqual(['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
    const xml = strFromU8(parts['xl/worksheets/sheet1.xml']);
    expect(xml).toContain('<c r="A3" t="inlineStr"><is><t xml:space="preserve">03</t></is></c>');
    expect(xml).toContain('<c r="C2"><v>12976.39</v></c>');
    expect(xml).toContain('A&amp;B &lt;办公&gt;');
    expect(strFromU8(parts['xl/workbook.xml'])).toContain('name="t01 部门支出总表"');
  });
  it('sheet names are valid and unique; columns are lettered like Excel', () => {
    expect(sheetNames(['a/b', 'A/B', 'x'.repeat(40), ''])).toEqual(['a b', 'A B~2', 'x'.repeat(31), 'Sheet4']);
    expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
  it('a ZIP holds the CSVs byte for byte', () => {
    const z = unzipSync(zipFiles([{ name: 't01.csv', content: '\uFEFFa,b\r\n1,2\r\n' }]));
    expect(Buffer.from(z['t01.csv']).toString('utf8')).toBe('\uFEFFa,b\r\n1,2\r\n');
  });
});
