import { describe, expect, it } from 'vitest';
import { recognizeOutline } from '../../scripts/recognize/document/outline.js';
import { D000, D002, load } from './helpers.js';

describe('recognizeOutline', () => {
  it('claims the table of contents and finds the part/section headings (000)', () => {
    const { ctx, claims } = load(D000);
    const outline = recognizeOutline(ctx);
    // 目 录 at line 5, its entries up to the first body heading at line 32
    expect(claims.get(5)).toBe('outline');
    expect(claims.get(18)).toBe('outline'); // 五、《一般公共预算支出表》
    expect(outline.filter((e) => e.level === 1).map((e) => e.title)).toEqual([
      '第一部分 赣州市行政审批局概况',
      '第二部分 赣州市行政审批局机关2022年预算表',
      '第三部分 赣州市行政审批局机关 2022 年预算情况说明',
      '第四部分 名词解释',
    ]);
    expect(outline.some((e) => e.level === 2 && e.title === '一、部门主要职责' && e.line === 34)).toBe(true);
    // a sentence with figures is not a heading
    expect(outline.some((e) => /万元/.test(e.title))).toBe(false);
  });

  it('takes Markdown headings with their depth (002)', () => {
    const { ctx } = load(D002);
    const outline = recognizeOutline(ctx);
    expect(outline.find((e) => e.title === '收入支出决算总表')).toMatchObject({ level: 3 });
  });
});
