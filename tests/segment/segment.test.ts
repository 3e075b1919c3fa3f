import { describe, expect, it } from 'vitest';
import { segment, toLines } from '../../scripts/segment/segment.js';
import { cleanText } from '../../scripts/normalize/text.js';

describe('segment', () => {
  it('groups tab-separated lines into one table block and keeps line numbers', () => {
    const text = '# 部门支出总表\n\n单位：万元\n\n科目编码\t科目名称\t合计\n201\t一般公共服务支出\t12,976.39\n\n后记';
    const seg = segment('x.txt', toLines(text));
    const table = seg.blocks.find((b) => b.type === 'table');
    expect(table).toMatchObject({ type: 'table', line_start: 5, line_end: 6 });
    expect(table && table.type === 'table' && table.rows[1].cells).toEqual(['201', '一般公共服务支出', '12,976.39']);
    expect(seg.blocks[0]).toMatchObject({ type: 'heading', text: '部门支出总表', line_start: 1 });
  });
  it('keeps one-cell-per-line runs separated by blank lines in one table', () => {
    const text = '8.绩效指标：\n\t一级指标\n\t二级指标\n\n\t成本指标\n\t=36万元\n';
    const seg = segment('x.txt', toLines(text));
    const tables = seg.blocks.filter((b) => b.type === 'table');
    expect(tables).toHaveLength(1);
    expect(tables[0].type === 'table' && tables[0].rows.map((r) => r.line)).toEqual([2, 3, 5, 6]);
  });
});

describe('cleanText', () => {
  it('normalizes LaTeX, HTML and invisible characters', () => {
    expect(cleanText('社会效益指标：平台受理率 $\\geq 90\\%$')).toBe('社会效益指标：平台受理率≥90%');
    expect(cleanText('系统故障率 \\leq 10%')).toBe('系统故障率≤10%');
    expect(cleanText('<b>399</b>')).toBe('399');
    expect(cleanText('<p>项目</p><input type="checkbox" checked>是')).toBe('项目☑是');
    expect(cleanText('a\u200Bb\u00A0c')).toBe('ab c');
  });
});
