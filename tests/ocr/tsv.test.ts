/**
 * Tesseract's TSV word boxes → the glyph reader's lines (scripts/read/pdf/ocr.ts), without Tesseract:
 * Chinese characters Tesseract writes as separate words are joined, numbers split at a separator are
 * joined back, cells far apart stay apart, rules read as characters are dropped.
 */
import { describe, expect, it } from 'vitest';
import { lineText } from '../../scripts/read/pdf/geometry.js';
import { cleanWord, fullWidthPunctuation, tsvToPage } from '../../scripts/read/pdf/ocr.js';

const HEAD = 'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext';

/** A TSV of one page (2000 × 1000 px) with one line of words: [left, width, text], 50 px high at top 100. */
function tsv(words: Array<[number, number, string]>): string {
  const rows = [HEAD, '1\t1\t0\t0\t0\t0\t0\t0\t2000\t1000\t-1\t', '4\t1\t1\t1\t1\t0\t100\t100\t1800\t50\t-1\t'];
  words.forEach(([left, width, text], i) => rows.push(`5\t1\t1\t1\t1\t${i + 1}\t${left}\t100\t${width}\t50\t95\t${text}`));
  return rows.join('\n');
}

describe('OCR words → lines', () => {
  it('joins Chinese characters and a split number; keeps cells apart; page size in points', () => {
    const page = tsvToPage(
      tsv([
        [100, 50, '一'],
        [152, 50, '般'],
        [204, 100, '公共'],
        [306, 100, '服务'],
        [900, 40, '1,'],
        [945, 150, '234.56'],
        [1500, 20, '|'],
        [1600, 130, '2,777.'],
        [1745, 40, '95'],
      ]),
      200,
    );
    expect(page.height).toBeCloseTo(360);
    expect(page.lines).toHaveLength(1);
    expect(page.lines[0].runs.map((r) => r.text)).toEqual(['一般公共服务', '1,234.56', '2,777.95']);
    expect(lineText(page.lines[0])).toBe('一般公共服务 1,234.56 2,777.95');
  });

  it('cleans words: rules at the ends, quotes that cannot be text, full-width digits; keeps “三公”', () => {
    expect(cleanWord('|4034.10')).toBe('4034.10');
    expect(cleanWord('”3794.10')).toBe('3794.10');
    expect(cleanWord('基本支出“')).toBe('基本支出');
    expect(cleanWord('１２３.４５')).toBe('123.45');
    expect(cleanWord('“三公”')).toBe('“三公”');
    expect(fullWidthPunctuation('部门:山东省示例厅')).toBe('部门：山东省示例厅');
    expect(fullWidthPunctuation('政府办公厅(室)及相关机构事务')).toBe('政府办公厅（室）及相关机构事务');
    expect(fullWidthPunctuation('1,234.56')).toBe('1,234.56');
    expect(fullWidthPunctuation('收支总表（预算表1)')).toBe('收支总表（预算表1）');
    expect(fullWidthPunctuation('长春市信访局〈本级）')).toBe('长春市信访局（本级）');
    expect(fullWidthPunctuation('《预算法》〈修正〉')).toBe('《预算法》〈修正〉');
  });
});
