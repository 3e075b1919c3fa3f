/** Grids printed one cell per line (004 indicator tables) and shifted indicator rows. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { segment } from '../../scripts/segment/segment.js';
import type { TableBlock } from '../../scripts/segment/ir.js';
import { isCellPerLine, rebuildCellPerLine } from '../../scripts/recognize/tables/cell-per-line.js';
import { newIndicatorState, parseIndicatorHeader, readIndicatorRow } from '../../scripts/recognize/indicators/table.js';

const ROOT = join(import.meta.dirname, '..', '..');
function blocksOf(rel: string, text: string) {
  const lines = text.split('\n').map((t, i) => ({ no: i + 1, text: t }));
  return segment(rel, lines).blocks;
}

describe('rebuildCellPerLine on 004 (lines 98–151)', () => {
  const text = readFileSync(join(ROOT, 'content/sources/004_621bbfa1d5d95dac.txt'), 'utf8');
  const block = blocksOf('004.txt', text).find((b): b is TableBlock => b.type === 'table' && b.line_start === 98)!;

  it('detects the layout and rebuilds rows of 4 cells', () => {
    expect(isCellPerLine(block)).toBe(true);
    const rows = rebuildCellPerLine(block);
    expect(rows[0].cells).toEqual(['一级指标', '二级指标', '三级指标', '指标值']);
    expect(rows[1]).toMatchObject({ cells: ['成本指标', '经济成本指标', '总成本控制', '=53万元'], line: 103 });
    // merged 一级/二级 cells are blank (line 113–116)
    expect(rows[3].cells.slice(2)).toEqual(['办理行政许可服务事项', '=126项']);
    expect(rows[3].cells.slice(0, 2).every((c) => c === '')).toBe(true);
    expect(rows).toHaveLength(11);
  });
});

describe('synthetic one-cell-per-line with missing merged cells', () => {
  const text = readFileSync(join(ROOT, 'tests/fixtures/indicators/cell-per-line.txt'), 'utf8');
  const block = blocksOf('f.txt', text).find((b): b is TableBlock => b.type === 'table')!;

  it('right-aligns short rows so the value column stays aligned', () => {
    const rows = rebuildCellPerLine(block);
    expect(rows.map((r) => r.cells)).toEqual([
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '培训人次', '≥200人次'],
      ['', '', '培训场次', '≥4场'],
      ['', '时效指标', '完成及时率', '=100%'],
    ]);
    const header = parseIndicatorHeader(rows[0].cells)!;
    const st = newIndicatorState(header);
    const src = { file: 'f.txt', line_start: 1, line_end: 1 };
    const inds = rows.slice(1).map((r) => readIndicatorRow(r, st, src)!);
    expect(inds.map((i) => [i.level1, i.level2, i.level3, i.operator, i.value, i.unit])).toEqual([
      ['产出指标', '数量指标', '培训人次', '>=', 200, '人次'],
      ['产出指标', '数量指标', '培训场次', '>=', 4, '场'],
      ['产出指标', '时效指标', '完成及时率', '=', 100, '%'],
    ]);
  });
});

describe('shifted rows in tab tables (000 lines 306–307, 449–451)', () => {
  const header = parseIndicatorHeader(['一级指标', '二级指标', '三级指标', '指标值'])!;
  const src = { file: 'x', line_start: 1, line_end: 1 };
  const row = (cells: string[]) => ({ cells, raw: cells, line: 1 });

  it('keeps the levels of merged cells for a name in the first column', () => {
    const st = newIndicatorState(header);
    readIndicatorRow(row(['效益指标', '社会效益', '提升公共服务能力效率', '基本达成']), st, src);
    readIndicatorRow(row(['', '满意度', '第三方单位满意度', '>=95%']), st, src);
    const shifted = readIndicatorRow(row(['工作人员满意度', '', '>=95%', '']), st, src)!;
    expect(shifted).toMatchObject({ level1: '效益指标', level2: '满意度', level3: '工作人员满意度', operator: '>=', value: 95 });
  });

  it('reads self-evaluation roles: target, actual, 分值, 得分, note (002 line 480)', () => {
    const h = parseIndicatorHeader(['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'])!;
    const st = newIndicatorState(h);
    const ind = readIndicatorRow(row(['', '', '', '“惠企政策兑现”专区', '1', '1', '4', '4', '变更成6个自然人一件事建设']), st, src)!;
    expect(ind).toMatchObject({ level3: '“惠企政策兑现”专区', target_raw: '1', actual_raw: '1', weight: 4, score: 4, note: '变更成6个自然人一件事建设' });
  });
});
