/** Empty tables printed as a title, a header line and a note only (no grid), as PDF exports often do. */
import { describe, expect, it } from 'vitest';
import { runText } from './harness.js';

const DOC = [
  '表6',
  '政府性基金预算支出表',
  '单位：万元',
  '科目编码 科目名称 合计 基本支出 项目支出',
  '注：本单位2026年无政府性基金预算拨款安排的支出，故本表无数据。',
  '',
  '表7',
  '国有资本经营预算支出表',
  '部门：某市某局',
  '本部门无国有资本经营预算收支，此表以空表列示。',
  '',
  '表8',
  '一般公共预算“三公”经费支出表',
  '单位：万元',
  '合计\t因公出国（境）费\t公务接待费',
  '12.50\t2.00\t10.50',
].join('\n');

describe('empty tables without a grid', () => {
  const r = runText(DOC);
  it('gives each its kind, the note and the lines it came from, in document order', () => {
    expect(r.tables.map((t) => [t.kind, t.empty, t.unit])).toEqual([
      ['government_fund', true, '万元'],
      ['state_capital', true, '万元'],
      ['three_public', false, '万元'],
    ]);
    expect(r.tables[0]).toMatchObject({ title: '政府性基金预算支出表', note: '注：本单位2026年无政府性基金预算拨款安排的支出，故本表无数据。', source: { line_start: 2, line_end: 5 } });
    expect(r.tables[1].note).toContain('此表以空表列示');
    // title, unit, header and note lines are claimed
    for (const l of [2, 3, 4, 5, 8, 9, 10]) expect(r.claims.get(l), `line ${l}`).toBe('tables');
  });
  it('does not take a title followed by prose (no empty note) for an empty table', () => {
    const t = runText('政府性基金预算支出表\n单位：万元\n本年度政府性基金支出主要用于城市建设。\n');
    expect(t.tables).toEqual([]);
  });
});
