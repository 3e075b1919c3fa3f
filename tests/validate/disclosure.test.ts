import { describe, expect, it } from 'vitest';
import { checkDisclosure } from '../../scripts/validate/disclosure.js';
import { buildFromSource } from '../fixtures/validate/from-source.js';
import { emptyDoc } from '../fixtures/validate/records.js';

function statusOf(file: string, withTables: boolean) {
  const { doc, seg } = buildFromSource(`content/sources/${file}`, file);
  const items = checkDisclosure(withTables ? doc : emptyDoc({ source_file: file }), seg);
  return Object.fromEntries(items.map((x) => [x.item, x.status]));
}

describe('disclosure completeness', () => {
  for (const withTables of [false, true]) {
    describe(withTables ? 'with recognized tables' : 'from the text alone', () => {
      it('000: lists 收支总表 and 财政拨款收支总表 in its contents but does not publish them', () => {
        const s = statusOf('000_9099790eb74de9ed.txt', withTables);
        expect(s.table_income_expenditure_summary).toBe('missing');
        expect(s.table_fiscal_appropriation_summary).toBe('missing');
        expect(s.table_income).toBe('present');
        expect(s.table_general_budget_basic_expenditure).toBe('present');
        // header-only 政府性基金 table + “没有使用政府性基金预算拨款安排的支出”
        expect(s.table_government_fund).toBe('empty_with_note');
        expect(s.narrative_glossary).toBe('present');
        expect(s.narrative_operating_expenses).toBe('present');
      });
      it('003: the “三公” table is empty with 注：本部门无“三公”经费支出', () => {
        const s = statusOf('003_58a7e03076f93090.txt', withTables);
        expect(s.table_three_public).toBe('empty_with_note');
        expect(s.table_fiscal_appropriation_summary).toBe('present');
        expect(s.table_income_expenditure_summary).toBe('present');
      });
    });
  }
  it('001 (narrative only) publishes no tables; 004 says 没有政府性基金预算 and “部门预算表（详见附表）”', () => {
    // without its totals (see disclosure-separate.test.ts), a text with no table and no word about attached tables: missing
    const s1 = statusOf('001_61b0ae60a82e587b.txt', false);
    expect(s1.table_income).toBe('missing');
    expect(s1.table_general_budget_expenditure).toBe('missing');
    expect(s1.narrative_responsibilities).toBe('present');
    const s4 = statusOf('004_621bbfa1d5d95dac.txt', false);
    expect(s4.table_government_fund).toBe('empty_with_note');
    expect(s4.table_expenditure).toBe('published_separately');
  });
  it('a document without any of the items reports every one as missing', () => {
    const { seg } = buildFromSource('content/sources/000_9099790eb74de9ed.txt', 'x');
    const items = checkDisclosure(emptyDoc(), { ...seg, blocks: [], lines: [] });
    expect(items.length).toBe(17);
    expect(items.every((x) => x.status === 'missing' && x.source === null)).toBe(true);
  });
});

describe('the table of contents does not hide the body it lists', async () => {
  const { segment, toLines } = await import('../../scripts/segment/segment.js');
  const status = (text: string) => Object.fromEntries(checkDisclosure(emptyDoc({ source_file: 'toc.txt' }), segment('toc.txt', toLines(text))).map((x) => [x.item, x.status]));
  it('entries with dot leaders, two on a line, and a body that joins two titles', () => {
    const s = status(
      [
        '某市交通运输局2026年度部门预算',
        '目录',
        '第一部分部门概况.........1一、部门主要职责',
        '二、机构设置情况.........2三、部门主要工作任务',
        '第二部分 2026 年度部门预算情况说明........5',
        '第一部分部门概况一、部门主要职责',
        '贯彻实施全市交通运输行业发展战略，负责全市综合交通运输体系的规划协调工作。',
        '（二）机构设置情况',
        '本部门内设机构 8 个。',
        '2026 年支出预算 1448787.35 万元，比 2025 年年初预',
        '算数 1,389,000.00 万元增加 59,787.35 万元。',
      ].join('\n'),
    );
    expect(s.narrative_responsibilities).toBe('present');
    expect(s.narrative_organization).toBe('present');
    // a sentence broken over two lines
    expect(s.narrative_changes).toBe('present');
  });
});
