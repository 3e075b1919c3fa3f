import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { recognizeGlossary } from '../../scripts/recognize/narrative/glossary.js';
import { D000, D001, D002, D003, D004, FIXTURES, load } from '../document/helpers.js';

const run = (path: string) => {
  const l = load(path);
  return { entries: recognizeGlossary(l.ctx), claims: l.claims };
};

describe('glossary (名词解释)', () => {
  it('赣州: 9 income terms after an intro note, not the table of contents', () => {
    const { entries, claims } = run(D000);
    expect(entries.map((e) => e.term)).toEqual([
      '财政拨款', '教育收费资金收入', '事业收入', '事业单位经营收入', '附属单位上缴收入', '上级补助收入', '其他收入', '使用非财政拨款结余', '上年结转和结余',
    ]);
    expect(entries[0]).toMatchObject({ definition: '指市级财政当年拨付的资金。', source: { line_start: 946 } });
    expect(claims.get(944)).toBe('glossary'); // 各部门结合实际进行解释。
  });
  it('南昌经开区: 16 entries incl. 类/款/项 terms with an ideographic space', () => {
    const { entries } = run(D001);
    expect(entries).toHaveLength(16);
    expect(entries[11].term).toBe('社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）');
    expect(entries[15]).toMatchObject({ term: '政务公开审批', definition: '反映各级政府政务公开审批方面的支出。' });
  });
  it('上饶: 8 entries; a definition wrapped onto the next line is joined', () => {
    const { entries } = run(D002);
    expect(entries).toHaveLength(8);
    expect(entries.map((e) => e.term)).toContain('“三公”经费支出');
    const last = entries[7];
    expect(last.term).toBe('机关运行经费支出');
    expect(last.definition).toContain('为保障行政单位（包括参照公务员法管理的事业单位）运行');
    expect(last.source).toMatchObject({ line_start: 803, line_end: 805 });
  });
  it('江汉区: 11 entries, the phone line after them is not a term', () => {
    const { entries } = run(D003);
    expect(entries).toHaveLength(11);
    expect(entries.map((e) => e.term)).not.toContain('公开咨询电话');
    expect(entries[4].definition).toContain('收回已核销应收及预付款项、无法偿付的应付及预收款项等。');
  });
  it('西湖区: 16 entries', () => {
    const { entries } = run(D004);
    expect(entries).toHaveLength(16);
    expect(entries[0]).toMatchObject({ term: '财政拨款', definition: '指省级财政当年拨付的资金。' });
  });
  it('synthetic: numbered group entry, wrapped definition, trailing contact line', () => {
    const { entries } = run(join(FIXTURES, 'narrative/final-account.txt'));
    expect(entries.map((e) => e.term)).toEqual(['财政拨款收入', '机关运行经费', '“三公”经费']);
    expect(entries[1].definition).toBe('为保障行政单位运行用于购买货物和服务的各项资金，包括办公费、印刷费等。');
  });
});
