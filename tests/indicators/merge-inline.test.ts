/**
 * A narrative indicator written with no separator between name and target ("长效机制建设逐步完善")
 * merges with the same indicator from the form table, whatever the target word is.
 */
import { describe, expect, it } from 'vitest';
import { mergeIndicators } from '../../scripts/recognize/projects/merge.js';
import { splitNameTarget } from '../../scripts/recognize/indicators/target.js';
import type { Indicator } from '../../scripts/model/schema.js';

const src = { file: 'x.txt', line_start: 1, line_end: 1 } as Indicator['source'];
function ind(level2: string, level3: string, target_raw: string): Indicator {
  return {
    level1: null, level2, level3, target_raw, operator: target_raw ? 'qualitative' : 'qualitative',
    value: null, value_max: null, unit: null, actual_raw: null, weight: null, score: null, note: null, source: src,
  } as Indicator;
}

describe('inline indicator with name and target run together', () => {
  it('splits known qualitative words', () => {
    expect(splitNameTarget('长效机制建设逐步完善')).toEqual({ name: '长效机制建设', target: '逐步完善' });
    expect(splitNameTarget('政务服务效能 逐步完善')).toEqual({ name: '政务服务效能', target: '逐步完善' });
  });

  it('splits at the name of the table indicator, table first or narrative first', () => {
    const table = [ind('可持续影响', '长效机制建设', '初见成效'), ind('数量', '设备数量', '=3台')];
    const narrative = [ind('可持续影响指标', '长效机制建设初见成效', '')];
    for (const lists of [[table, narrative], [narrative, table]]) {
      const out = mergeIndicators(lists);
      expect(out).toHaveLength(2);
      const m = out.find((o) => o.level3 === '长效机制建设')!;
      expect(m.target_raw).toBe('初见成效');
    }
  });

  it('does not merge when the tail differs from the table target', () => {
    const out = mergeIndicators([[ind('可持续影响', '长效机制建设', '初见成效')], [ind('可持续影响指标', '长效机制建设全面落实', '')]]);
    expect(out).toHaveLength(2);
  });
});
