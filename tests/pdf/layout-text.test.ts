/** `pdftotext -layout` style text (hand-written fixture): detection and the same cell rebuilding as PDFs. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { layoutTextToLines, looksLikeLayoutText } from '../../scripts/read/layout-text.js';

const fixture = readFileSync(new URL('../fixtures/pdf/layout-budget.txt', import.meta.url), 'utf8');

describe('layout text', () => {
  it('is detected conservatively', () => {
    expect(looksLikeLayoutText(fixture)).toBe(true);
    // The real text sources (tab-separated tables) are never read as layout text.
    for (const f of ['000_9099790eb74de9ed.txt', '001_61b0ae60a82e587b.txt', '004_621bbfa1d5d95dac.txt']) {
      const text = readFileSync(new URL(`../../content/sources/${f}`, import.meta.url), 'utf8');
      expect(looksLikeLayoutText(text)).toBe(false);
    }
    expect(looksLikeLayoutText('第一段文字。\n\n第二段  有两个空格的文字。\n- 列表项\n')).toBe(false);
  });

  it('maps aligned columns to cells, keeps prose, drops page furniture and TOC leaders', () => {
    const lines = layoutTextToLines(fixture);
    const texts = lines.map((l) => l.text);
    expect(texts.some((t) => t.includes('- 1 -') || t.includes('某某市交通运输局2026年部门预算'))).toBe(false);
    expect(texts).toContain('2026 年收入预算 1234.56 万元，比上年增加 12.00 万元。');
    expect(texts).toContain('一般公共预算支出表');
    expect(texts).toContain('编制单位：某某市交通运输局 单位：万元');
    const row = (first: string) => texts.find((t) => t.startsWith(first))?.split('\t');
    expect(row('201\t40\t01')).toEqual(['201', '40', '01', '行政运行', '1,234.56', '1,234.56', '']);
    expect(row('201\t40\t02')).toEqual(['201', '40', '02', '一般行政管理事务', '50.00', '', '50.00']);
    expect(row('\t\t\t合计')).toEqual(['', '', '', '合计', '1,284.56', '1,234.56', '50.00']);
    expect(row('类')).toEqual(['类', '款', '项', '', '', '', '']);
    expect(texts).toContain('目录');
    expect(texts).toContain('一、收支总表');
    expect(texts).toContain('二、项目支出表');
    expect(lines.find((l) => l.text === '二、项目支出表')!.page).toBe(2);
    expect(lines.find((l) => l.text === '三、其他说明')!.page).toBe(3);
  });
});

describe('a table running over three pages', () => {
  // hand-written pdftotext-layout fixture: title, unit line and header repeated on every page
  const lines = layoutTextToLines(readFileSync(new URL('../fixtures/pdf/layout-continued-table.txt', import.meta.url), 'utf8'));
  const texts = lines.map((l) => l.text);

  it('drops the repeated title and header on every continuation page, not only the second', () => {
    expect(texts.filter((t) => t === '一般公共预算支出表')).toHaveLength(1);
    expect(texts.filter((t) => t.startsWith('科目编码'))).toHaveLength(1);
    expect(texts.filter((t) => t.startsWith('部门名称：'))).toHaveLength(1);
  });

  it('keeps every row with its amounts and page', () => {
    const row = (code: string) => lines.find((l) => l.text.startsWith(`${code}\t`));
    expect(row('205')?.text.split('\t')).toEqual(['205', '教育支出', '13,184.10', '10.00', '13,174.10']);
    expect(row('20508')?.page).toBe(2);
    expect(row('2050899')?.text.split('\t')).toEqual(['2050899', '其他进修及培训', '442.70', '0.00', '442.70']);
    expect(row('2050899')?.page).toBe(3);
  });
});
