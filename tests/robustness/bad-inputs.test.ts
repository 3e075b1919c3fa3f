/**
 * Bad input, each case paired with one good document in the same run: the bad file gets a clear
 * message naming the file (and line where there is one) and what was done; the good document still
 * builds completely — its record is identical to the record it gets when ingested alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { runPipeline, type RunResult } from '../../scripts/pipeline/run.js';
import type { DocumentRecord } from '../../scripts/model/schema.js';

const GOOD = 'content/sources/000_9099790eb74de9ed.txt';
const goodText = readFileSync(GOOD, 'utf8');
let root: string;
let alone: DocumentRecord;

async function runWith(name: string, files: Record<string, string | Uint8Array>): Promise<RunResult> {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  copyFileSync(GOOD, join(dir, 'good.txt'));
  for (const [file, content] of Object.entries(files)) writeFileSync(join(dir, file), content);
  return runPipeline(dir, { log: () => {} });
}

function goodDoc(r: RunResult): DocumentRecord {
  const d = r.documents.find((x) => x.source_file === 'good.txt');
  expect(d, 'the good document must still build').toBeDefined();
  return d!;
}

/** The good document is unaffected by its neighbour (ids may differ only when the neighbour collides). */
function expectGoodIntact(r: RunResult) {
  const d = goodDoc(r);
  expect(d.tables.length).toBe(alone.tables.length);
  expect(d.projects.map((p) => [p.name, p.budget])).toEqual(alone.projects.map((p) => [p.name, p.budget]));
  expect(d.totals).toEqual(alone.totals);
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'bad-inputs-'));
  const dir = join(root, 'alone');
  mkdirSync(dir);
  copyFileSync(GOOD, join(dir, 'good.txt'));
  const r = await runPipeline(dir, { log: () => {} });
  alone = r.documents[0];
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('bad input is reported, the good document still builds', () => {
  it('empty file', async () => {
    const r = await runWith('empty', { 'empty.txt': '' });
    expectGoodIntact(r);
    const e = r.errors.find((x) => x.file === 'empty.txt');
    expect(e).toMatchObject({ severity: 'error', action: 'skipped' });
    expect(e!.message).toContain('空');
  });

  it('binary file renamed .txt (PDF and PNG)', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const r = await runWith('binary', { 'image.txt': png, 'doc.txt': new TextEncoder().encode('%PDF-1.4\n%\u00e2\u00e3\n1 0 obj') });
    expectGoodIntact(r);
    expect(r.errors.find((x) => x.file === 'image.txt')?.message).toContain('PNG');
    expect(r.errors.find((x) => x.file === 'doc.txt')?.message).toContain('PDF');
  });

  it('GBK / GB18030 text is decoded and parsed like its UTF-8 original', async () => {
    const r = await runWith('gbk', { 'gbk.txt': new Uint8Array(iconv.encode(goodText, 'gb18030')) });
    const gbk = r.documents.find((d) => d.source_file === 'gbk.txt');
    expect(gbk?.source_encoding).toBe('gb18030');
    expect(r.errors.find((x) => x.file === 'gbk.txt')).toMatchObject({ action: 'decoded' });
    expect(gbk?.totals).toEqual(alone.totals);
    expect(gbk?.projects.length).toBe(alone.projects.length);
  });

  it('UTF-16 with BOM is decoded', async () => {
    const r = await runWith('utf16', { 'utf16.txt': new Uint8Array(iconv.encode(goodText, 'utf-16le', { addBOM: true })) });
    const d = r.documents.find((x) => x.source_file === 'utf16.txt');
    expect(d?.source_encoding).toBe('utf-16le');
    expect(d?.totals).toEqual(alone.totals);
  });

  it('a truncated document (cut mid-table) keeps what it has', async () => {
    const cut = goodText.slice(0, goodText.indexOf('2010350'));
    const r = await runWith('truncated', { 'cut.txt': cut });
    expectGoodIntact(r);
    const d = r.documents.find((x) => x.source_file === 'cut.txt');
    expect(d, 'a truncated document still yields a record').toBeDefined();
    expect(d!.department).toBe(alone.department);
    expect(d!.tables.length).toBeGreaterThan(0);
  });

  it('a document with no tables at all', async () => {
    const r = await runWith('no-tables', { 'narrative.txt': readFileSync('content/sources/001_61b0ae60a82e587b.txt', 'utf8') });
    expectGoodIntact(r);
    const d = r.documents.find((x) => x.source_file === 'narrative.txt');
    expect(d?.tables).toEqual([]);
    expect(d?.projects.length).toBeGreaterThan(0);
  });

  it('names with YAML/Markdown-breaking characters and HTML/JS payloads survive as text', async () => {
    const hostile = goodText
      .replace('云计算服务基本服务费', '云计算: #服务 --- | > \' " <script>alert(1)</script>')
      .replace('赣政通赣州分行及安全接入平台项目', '<img src=x onerror=alert(1)>javascript:alert(1)');
    const r = await runWith('hostile', { 'hostile.txt': hostile });
    expectGoodIntact(r);
    const d = r.documents.find((x) => x.source_file === 'hostile.txt');
    expect(d).toBeDefined();
    const names = d!.projects.map((p) => p.name).join('\n');
    expect(names).toContain('云计算: #服务 --- | > \' "');
  });

  it('CSV-injection strings and malformed numbers are flagged, not guessed', async () => {
    const evil = goodText.replace('746.61\t181.12', '=cmd|\' /C calc\'!A0\t1,2345.6').replace('5,351.61\t413.98', '@SUM(1)\t12.3.4');
    const r = await runWith('injection', { 'evil.txt': evil });
    expectGoodIntact(r);
    const warnings = r.errors.filter((x) => x.file === 'evil.txt');
    expect(warnings.some((w) => w.line !== null && /1,2345\.6|12\.3\.4|数字|数值/.test(w.message))).toBe(true);
  });

  it('full-width digits, NBSP and zero-width characters read as the plain text', async () => {
    const fw = goodText.replace(/14,783\.86/g, '１４，７８３．８６').replace(/赣州市行政审批局/, '赣州市\u200B行政审批局');
    const r = await runWith('fullwidth', { 'fw.txt': fw });
    const d = r.documents.find((x) => x.source_file === 'fw.txt');
    expect(d?.totals.income_total ?? d?.totals.current_year_income).toBe(alone.totals.income_total ?? alone.totals.current_year_income);
  });

  it('the same document twice is built once', async () => {
    const r = await runWith('twice', { 'copy.txt': goodText });
    expect(r.documents.filter((d) => d.department === alone.department)).toHaveLength(1);
    const dup = r.errors.find((x) => (x.file === 'good.txt' || x.file === 'copy.txt') && x.message.includes('相同'));
    expect(dup).toMatchObject({ severity: 'warning', action: 'skipped' });
  });

  it('two documents for the same department and year both build with distinct ids', async () => {
    const r = await runWith('same-year', { 'variant.txt': goodText.replace('14,783.86', '14,783.87') });
    const ids = r.documents.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(r.documents).toHaveLength(2);
  });

  it('an invalid sidecar is reported with its file and ignored', async () => {
    const r = await runWith('sidecar', { 'good.txt.meta.yaml': 'fiscal_year: [unclosed\nkind: nonsense' });
    expectGoodIntact(r);
    const e = r.errors.find((x) => x.file === 'good.txt.meta.yaml');
    expect(e).toMatchObject({ severity: 'error' });
    expect(e!.message).toContain('YAML');
  });

  it('a valid sidecar corrects document fields', async () => {
    const r = await runWith('sidecar-ok', { 'good.txt.meta.yaml': 'fiscal_year: 2023\ncounty: 章贡区\n' });
    const d = goodDoc(r);
    expect(d.fiscal_year).toBe(2023);
    expect(d.county).toBe('章贡区');
  });

  it('a 20 MB document builds', async () => {
    const chunk = goodText;
    const big = chunk.repeat(Math.ceil((20 * 1024 * 1024) / Buffer.byteLength(chunk)));
    const r = await runWith('big', { 'big.txt': big });
    expectGoodIntact(r);
    const d = r.documents.find((x) => x.source_file === 'big.txt');
    expect(d).toBeDefined();
    expect(d!.tables.length).toBeGreaterThan(alone.tables.length);
  }, 300_000);
});
