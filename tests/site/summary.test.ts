/** Corpus summaries behind the home page and the paginated lists, checked against the sample documents. */
import { describe, expect, it } from 'vitest';
import { headline, largestDocuments, pagerNumbers, pages, yearStartPages, yearSummaries } from '../../src/lib/summary';
import { csvRecordCount, parseCsv } from '../../src/lib/csv';
import { buildSample } from '../fixtures/site/make-sample';

const sample = buildSample();
const docs = sample.documents;

describe('year summaries', () => {
  it('adds the 支出总计 of each year and kind only (2022 budgets: 赣州 14,783.86 + 南昌经开区 895.2 + 江汉区 4,679.36 万元)', () => {
    const ys = yearSummaries(docs);
    expect(ys.map((y) => `${y.year} ${y.kind}`)).toEqual(['2021 final_account', '2022 budget', '2023 budget_draft']);
    const y2022 = ys.find((y) => y.year === 2022)!;
    expect(y2022.documents).toBe(3);
    expect(y2022.with_total).toBe(3);
    expect(y2022.total).toBe(20358.42);
    expect(y2022.basic).toBe(2702.05);
    expect(y2022.project).toBe(17656.37);
    // 上饶 2021 final account states 本年支出 (1,664.55) but no 支出总计 and no basic/project split:
    // nothing of another scope is added in, and unknown stays unknown, not 0
    const y2021 = ys.find((y) => y.year === 2021)!;
    expect(y2021.with_total).toBe(0);
    expect(y2021.total).toBeNull();
    expect(y2021.basic).toBeNull();
  });

  it('largest documents are ranked by 支出总计 only (no fallback to a figure of another scope)', () => {
    const top = largestDocuments(docs, 2);
    expect(top.map((d) => d.department)).toEqual(['赣州市行政审批局', '江汉区行政审批局']);
    expect(headline(top[0])).toBe(14783.86);
    expect(largestDocuments(docs, 100).length).toBe(docs.filter((d) => d.totals.expenditure_total !== null).length);
  });
});

describe('pagination', () => {
  it('cuts a list into pages that cover every item once', () => {
    const items = Array.from({ length: 250 }, (_, i) => i);
    const ps = pages(items, 100);
    expect(ps.map((p) => p.items.length)).toEqual([100, 100, 50]);
    expect(ps.every((p) => p.last === 3)).toBe(true);
    expect(ps.flatMap((p) => p.items)).toEqual(items);
    expect(pages([], 100)).toEqual([{ number: 1, last: 1, items: [] }]);
  });

  it('pager shows first, last and the pages around the current one', () => {
    expect(pagerNumbers(1, 1)).toEqual([1]);
    expect(pagerNumbers(5, 10)).toEqual([1, null, 3, 4, 5, 6, 7, null, 10]);
    expect(pagerNumbers(1, 10)).toEqual([1, 2, 3, null, 10]);
    expect(pagerNumbers(10, 10)).toEqual([1, null, 8, 9, 10]);
  });

  it('finds the page where each year of a newest-first list starts', () => {
    const list = [2024, 2024, 2024, 2023, 2023, 2022].map((y) => ({ fiscal_year: y }));
    expect(yearStartPages(list, 2)).toEqual([
      { year: 2024, page: 1, count: 3 },
      { year: 2023, page: 2, count: 2 },
      { year: 2022, page: 3, count: 1 },
    ]);
  });
});

describe('CSV record count without parsing', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  it('agrees with the parser on quoted newlines, CRLF, BOM and blank lines', () => {
    const text = '\uFEFFdocument,name,budget\r\n"a","多行\n项目名称",1\r\n\r\nb,"含""引号"",逗号",2\n,,\nc,x,3';
    const nonEmpty = parseCsv(text).filter((r) => r.some((c) => c !== '')).length;
    expect(nonEmpty).toBe(4);
    expect(csvRecordCount(enc(text))).toBe(4);
  });
  it('counts an empty file as no records', () => {
    expect(csvRecordCount(enc(''))).toBe(0);
    expect(csvRecordCount(enc('\uFEFF'))).toBe(0);
  });
});
