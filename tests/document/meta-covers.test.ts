/**
 * Cover layouts of PDF budgets (text as the PDF reader returns it from real 2026 covers): a title set in
 * two sizes and split over lines, the year before the department, a unit written after the title, and
 * no cover at all (the department named by the first 主要职责 sentence).
 */
import { describe, expect, it } from 'vitest';
import { recognizeMeta } from '../../scripts/recognize/document/meta.js';
import { segment, toLines } from '../../scripts/segment/segment.js';

const meta = (text: string) => recognizeMeta(segment('cover.txt', toLines(text)));

describe('cover titles split over lines', () => {
  it('"××局 2026 年度" / "部门预算信息公开"', () => {
    expect(meta('北京市人力资源和社会保障局 2026 年度\n部门预算信息公开\n\n目录\n\n第一部分 2026 年度部门预算情况说明\n')).toMatchObject({
      department: '北京市人力资源和社会保障局',
      fiscal_year: 2026,
      kind: 'budget',
      title_lines: [1, 2],
    });
  });

  it('"2026 年度××局（本级）" / blank / "单位预算公开"', () => {
    expect(meta('2026 年度无锡市交通运输局（本级）\n\n单位预算公开\n目录\n第一部分单位概况\n')).toMatchObject({
      department: '无锡市交通运输局',
      fiscal_year: 2026,
      kind: 'budget',
      title_lines: [1, 3],
    });
  });

  it('"2026年度××办公室" / "部门预算"', () => {
    expect(meta('2026年度泉州市人民政府办公室\n\n部门预算\n目录\n')).toMatchObject({
      department: '泉州市人民政府办公室',
      fiscal_year: 2026,
      kind: 'budget',
    });
  });

  it('cuts a unit written after the title', () => {
    expect(meta('佛山市轨道交通局2019年部门决算 单位：万元\n目录\n')).toMatchObject({
      title: '佛山市轨道交通局2019年部门决算',
      department: '佛山市轨道交通局',
      fiscal_year: 2019,
      kind: 'final_account',
    });
  });

  it('no cover: the department of the first 主要职责 sentence, the year from the contents', () => {
    const m = meta(
      '第一部分 2026 年度部门预算情况说明\n一、部门情况说明\n（一）本部门职责情况\n北京市人民政府办公厅主要职责包括：\n1.协助市政府领导同志处理市政府日常工作。\n',
    );
    expect(m).toMatchObject({ department: '北京市人民政府办公厅', fiscal_year: 2026, kind: 'budget' });
  });

  it('a year line followed by an unrelated line is not a title', () => {
    const m = meta('2026 年度\n工作要点\n');
    expect(m.department).toBeNull();
  });
});
