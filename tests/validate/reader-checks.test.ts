/**
 * The careful reader's checks (#14.6) on real documents altered on purpose. Each test makes an altered
 * copy of one embedded document (content/sources) by string replacement, keeps it under
 * tests/fixtures/checks/altered/ (rewritten by every run: the fixture is what the test read), runs the
 * whole pipeline on it and asserts the finding: check id, severity, source line, the figures.
 * The unaltered documents give only the findings listed at the end (each true in the text).
 */
import { readFileSync } from 'node:fs';
import { alter, lineOf } from '../fixtures/checks/alter.js';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestFile } from '../../scripts/pipeline/ingest-file.js';
import { checkDocument } from '../../scripts/validate/checks.js';
import { segment, toLines } from '../../scripts/segment/segment.js';
import type { DocumentRecord, Finding } from '../../scripts/model/schema.js';

const SOURCES = 'content/sources';
const NEW_CHECKS = ['narrative_direction', 'narrative_percentage', 'stated_total_vs_table', 'fiscal_year_mismatch', 'template_leftover', 'toc_table_missing', 'empty_table_vs_text'];


async function ingest(path: string, name: string): Promise<DocumentRecord> {
  const r = await ingestFile(path, name);
  expect(r.document, `${name} is read`).not.toBeNull();
  return r.document!;
}

const ours = (d: DocumentRecord, check?: string): Finding[] => d.findings.filter((f) => (check ? f.check === check : NEW_CHECKS.includes(f.check)));

describe('direction words against the figures the sentence states', () => {
  it('“比上年X万元增加” where the figures decrease is an error (the stated change equals the gap)', async () => {
    const name = 'direction-base.txt';
    const path = alter('001_61b0ae60a82e587b.txt', name, [['收入预算总额为895.2万元，较上年减少238.23万元，下降21.02%', '收入预算总额为895.2万元，较上年1133.43万元增加238.23万元']]);
    const f = ours(await ingest(path, name), 'narrative_direction');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', expected: 1133.43, actual: 895.2, source: { line_start: lineOf(path, '较上年1133.43万元增加') } });
    expect(f[0].message).toContain('说明文字称“增加”，但所述金额 895.2 万元与上年 1133.43 万元相比为减少（差 -238.23 万元）');
  });
  it('“与上年Y万元持平” where the two figures differ is a warning', async () => {
    const name = 'direction-flat.txt';
    const path = alter('003_58a7e03076f93090.txt', name, [['公务接待费 0 万元，与上年预算持平', '公务接待费 5 万元，与上年预算 3 万元持平']]);
    const f = ours(await ingest(path, name), 'narrative_direction');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', expected: 3, actual: 5, source: { line_start: lineOf(path, '与上年预算 3 万元持平') } });
    expect(f[0].message).toContain('说明文字称“持平”，但所述金额 5 万元与上年 3 万元相比为增加（差 +2 万元）');
  });
  it('one change told as 减少 and 增长 is a warning', async () => {
    const name = 'direction-two-words.txt';
    const path = alter('001_61b0ae60a82e587b.txt', name, [['支出预算总额为895.2万元，较上年预算安排减少238.23万元，下降21.02%', '支出预算总额为895.2万元，较上年预算安排减少238.23万元，增长21.02%']]);
    const f = ours(await ingest(path, name), 'narrative_direction');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ check: 'narrative_direction', severity: 'warning', source: { line_start: lineOf(path, '减少238.23万元，增长21.02%') } });
    expect(f[0].message).toContain('“减少238.23万元”与“增长21.02%”');
  });
  it('决算数较年初预算数“增加” while 7.11 < 8 is a warning', async () => {
    const name = 'direction-final.txt';
    const path = alter('002_3e97706fd429c0f0.txt', name, [['决算数较年初预算减少的主要原因是：压缩一般性支出', '决算数较年初预算增加的主要原因是：压缩一般性支出']]);
    const f = ours(await ingest(path, name), 'narrative_direction');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', expected: 8, actual: 7.11, source: { line_start: lineOf(path, '决算数较年初预算增加的主要原因是：压缩') } });
    expect(f[0].message).toContain('决算数 7.11 万元与年初预算数 8 万元相比为减少');
  });
});

describe('a budget’s 三公 sentence against the 上年 column of its 三公 table', () => {
  it('公务接待“比上年增0.1万元” while the table prints 上年 3.10, 本年 3.00 is an error', async () => {
    const name = 'direction-three-public.txt';
    const text = readFileSync(join(SOURCES, '000_9099790eb74de9ed.txt'), 'utf8');
    // 000's 三公 table (one row per unit) printed instead as 上年 / 本年 / 增减, as many departments do
    const start = text.indexOf('部门编码\t部门名称\t合计\t因公出国(境)费');
    const end = text.indexOf('\n\n', text.indexOf('118\t赣州市行政审批局\t3.00', start));
    const table = ['项目\t上年预算数\t本年预算数\t增减', '合计\t3.10\t3.00\t-0.10', '因公出国（境）费\t0.00\t0.00\t0.00', '公务接待费\t3.10\t3.00\t-0.10', '公务用车购置及运行维护费\t0.00\t0.00\t0.00'].join('\n');
    const path = alter('000_9099790eb74de9ed.txt', name, [
      [text.slice(start, end), table],
      ['公务接待3万元，比上年减0.1万元', '公务接待3万元，比上年增0.1万元'],
    ]);
    const doc = await ingest(path, name);
    expect(doc.three_public.find((r) => r.item === 'reception')).toMatchObject({ budget: 3, previous: 3.1 });
    const f = ours(doc, 'narrative_direction');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', expected: -0.1, actual: 0.1, source: { line_start: lineOf(path, '比上年增0.1万元') } });
    expect(f[0].message).toContain('比上年增加 0.1 万元，但“三公”经费表中上年为 3.1 万元、本年为 3 万元，实为减少');
    // “持平” while the table's two years differ: info (the size cannot confirm the column was read right)
    const flat = alter('000_9099790eb74de9ed.txt', 'direction-three-public-flat.txt', [
      [text.slice(start, end), table],
      ['公务接待3万元，比上年减0.1万元', '公务接待3万元，与上年持平'],
    ]);
    const g = ours(await ingest(flat, 'direction-three-public-flat.txt'), 'narrative_direction');
    expect(g).toHaveLength(1);
    expect(g[0]).toMatchObject({ severity: 'info', expected: -0.1, actual: 0, source: { line_start: lineOf(flat, '公务接待3万元，与上年持平') } });
    // the unaltered sentence agrees with the table
    const ok = alter('000_9099790eb74de9ed.txt', 'direction-three-public-ok.txt', [[text.slice(start, end), table]]);
    expect(ours(await ingest(ok, 'direction-three-public-ok.txt'), 'narrative_direction')).toEqual([]);
  });
});

describe('percentages recomputed', () => {
  it('下降 25.02% where 238.23 of 1133.43 is 21.02% is a warning', async () => {
    const name = 'percentage-change.txt';
    const path = alter('001_61b0ae60a82e587b.txt', name, [['较上年减少238.23万元，下降21.02%。其中', '较上年减少238.23万元，下降25.02%。其中']]);
    const f = ours(await ingest(path, name), 'narrative_percentage').filter((x) => x.actual === 25.02);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', expected: 21.02, source: { line_start: lineOf(path, '下降25.02%') } });
    expect(f[0].message).toContain('895.2 万元较上年减少 238.23 万元，上年应为 1133.43 万元，下降幅度应为 21.02%，文中为 25.02%');
  });
  it('one share “占 P%” off the whole the other shares of its paragraph use is a warning', async () => {
    const name = 'percentage-share.txt';
    // 001's own 32.2% (a true slip: 588.28 ÷ 895.2 = 65.72%) corrected, and 19.77% made wrong instead
    const path = alter('001_61b0ae60a82e587b.txt', name, [
      ['工资福利支出177.01万元，占支出预算总额的19.77%', '工资福利支出177.01万元，占支出预算总额的29.77%'],
      ['商品和服务支出588.28万元，占支出预算总额的32.2%', '商品和服务支出588.28万元，占支出预算总额的65.72%'],
    ]);
    const f = ours(await ingest(path, name), 'narrative_percentage');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', expected: 19.77, actual: 29.77, source: { line_start: lineOf(path, '占支出预算总额的29.77%') } });
    expect(f[0].message).toContain('177.01 万元占 895.2 万元（同段其他各项占比所依据的总数）应为 19.77%，文中为 29.77%');
  });
  it('完成预算的 79% where 7.11 ÷ 8 is 88.9% is a warning', async () => {
    const name = 'percentage-rate.txt';
    const path = alter('002_3e97706fd429c0f0.txt', name, [['决算数为 7.11 万元，完成预算的 89%', '决算数为 7.11 万元，完成预算的 79%']]);
    const f = ours(await ingest(path, name), 'narrative_percentage');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', expected: 88.88, actual: 79, source: { line_start: lineOf(path, '完成预算的 79%') } });
    expect(f[0].message).toContain('决算数 7.11 万元 ÷ 年初预算数 8 万元应为 88.9%');
  });
});

describe('stated 收支总计 against the tables', () => {
  it('a 收入支出总计 of 0.3 万元 against the 收支预算总表 is an error', async () => {
    const name = 'stated-total.txt';
    const path = alter('003_58a7e03076f93090.txt', name, [['2022 年部门总预算 4679.36 万元,', '2022 年收入支出总计 0.3 万元。2022 年部门总预算 4679.36 万元,']]);
    const f = ours(await ingest(path, name), 'stated_total_vs_table');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', expected: 4679.36, actual: 0.3, source: { line_start: lineOf(path, '收入支出总计 0.3 万元') } });
    expect(f[0].message).toContain('说明文字中的收支总计');
  });
});

describe('fiscal year in headings and 截至 dates', () => {
  it('截至2020年12月31日 in a 2022 budget (assets are counted at 2021-12-31) is a warning', async () => {
    const name = 'year-as-of.txt';
    const path = alter('001_61b0ae60a82e587b.txt', name, [['截至2021年12月31日，部门共有车辆0辆', '截至2020年12月31日，部门共有车辆0辆']]);
    const f = ours(await ingest(path, name), 'fiscal_year_mismatch');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ check: 'fiscal_year_mismatch', severity: 'warning', expected: 2021, actual: 2020, source: { line_start: lineOf(path, '截至2020年12月31日') } });
  });
  it('a 2020 heading in a 2021 决算 whose other headings say 2021 is a warning', async () => {
    const name = 'year-heading.txt';
    const path = alter('002_3e97706fd429c0f0.txt', name, [['## 第三部分 2021 年度部门决算情况说明', '## 第三部分 2020 年度部门决算情况说明']]);
    const f = ours(await ingest(path, name), 'fiscal_year_mismatch');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', expected: 2021, actual: 2020, source: { line_start: lineOf(path, '## 第三部分 2020 年度部门决算情况说明') } });
  });
});

describe('template leftovers', () => {
  it('an XX placeholder is a warning; a doubled full stop is info', async () => {
    const name = 'template-xx.txt';
    const path = alter('004_621bbfa1d5d95dac.txt', name, [
      ['2023年南昌市西湖区政务服务数据管理局支出预算总额', '2023年XX区政务服务数据管理局支出预算总额'],
      ['本部门没有政府性基金预算。', '本部门没有政府性基金预算。。'],
    ]);
    const f = ours(await ingest(path, name), 'template_leftover');
    expect(f.map((x) => [x.severity, x.source.line_start])).toEqual([
      ['warning', lineOf(path, 'XX区政务服务')],
      ['info', lineOf(path, '没有政府性基金预算。。')],
    ]);
    expect(f[0].message).toContain('未填写的模板占位符“XX”');
  });
  it('a heading naming another department than the cover is a warning', async () => {
    const name = 'template-department.txt';
    const path = alter('002_3e97706fd429c0f0.txt', name, [['# 第一部分大数据发展管理局概况', '# 第一部分上饶市财政局概况']]);
    const f = ours(await ingest(path, name), 'template_leftover');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', source: { line_start: lineOf(path, '第一部分上饶市财政局概况') } });
    expect(f[0].message).toContain('此标题写作“#第一部分上饶市财政局概况”'.replace('#', ''));
  });
});

describe('tables listed and tables printed empty', () => {
  it('a 政府性基金 table printed empty while the text states 120.5 万元 is a warning', async () => {
    const name = 'empty-table.txt';
    const path = alter('000_9099790eb74de9ed.txt', name, [
      ['2022 年赣州市行政审批局政府性基金支出预算为 0', '2022 年赣州市行政审批局政府性基金支出预算为 120.5 万元。'],
      ['无,没有使用政府性基金预算拨款安排的支出。', '主要用于项目建设。'],
    ]);
    const f = ours(await ingest(path, name), 'empty_table_vs_text');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', expected: 0, actual: 120.5, source: { line_start: lineOf(path, '政府性基金支出预算为 120.5 万元') } });
    expect(f[0].message).toContain('《政府性基金预算支出表》为空表');
  });
  it('the “三公” table blanked (its one data row removed) while the text states 3 万元 is a warning', async () => {
    const name = 'empty-three-public.txt';
    const path = alter('000_9099790eb74de9ed.txt', name, [['118\t赣州市行政审批局\t3.00\t\t3.00\t\t\n', '']]);
    const doc = await ingest(path, name);
    expect(doc.tables.find((t) => t.kind === 'three_public')?.empty).toBe(true);
    const f = ours(doc, 'empty_table_vs_text');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', expected: 0, actual: 3, source: { line_start: lineOf(path, '“三公”经费一般公共预算安排3万元') } });
    expect(f[0].message).toContain('《一般公共预算“三公”经费支出表》为空表');
  });
  it('a table the contents list and the body lacks: a finding for a PDF, a parse note for converted text', async () => {
    const name = 'toc-missing.txt';
    // 003 lists 五、2022 年财政拨款收支预算总表 and prints it; the altered copy drops the table's title and rows
    const original = readFileSync(join(SOURCES, '003_58a7e03076f93090.txt'), 'utf8');
    const lines = original.split('\n');
    const title = lines.findIndex((l, i) => i > 60 && /^2022 ?年财政拨款收支预算总表$/.test(l.trim()));
    expect(title).toBeGreaterThan(0);
    let end = title + 1;
    while (end < lines.length && !/^2022 ?年一般公共预算支出表$/.test(lines[end].trim())) end++;
    const block = lines.slice(title, end).join('\n');
    const path = alter('003_58a7e03076f93090.txt', name, [[block, '']]);
    const doc = await ingest(path, name);
    expect(ours(doc, 'toc_table_missing')).toEqual([]);
    const note = doc.parse_notes.find((n) => n.check === 'toc_table_missing');
    expect(note?.message).toContain('目录列出了《2022年财政拨款收支预算总表》');
    // the same text read from a PDF (every page with text): a warning at the contents line
    const seg = segment(name, toLines(readFileSync(path, 'utf8')));
    const { findings: _f, parse_notes: _n, disclosure: _d, ...base } = doc;
    const f = checkDocument({ ...base, source_format: 'pdf' }, seg).findings.filter((x) => x.check === 'toc_table_missing');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', source: { line_start: lineOf(path, '五、2022 年财政拨款收支预算总表') } });
  });
});

describe('the unaltered embedded documents', () => {
  let found: Array<[string, string, string, number, number | null, number | null]>;
  beforeAll(async () => {
    found = [];
    for (const file of ['000_9099790eb74de9ed.txt', '001_61b0ae60a82e587b.txt', '002_3e97706fd429c0f0.txt', '003_58a7e03076f93090.txt', '004_621bbfa1d5d95dac.txt']) {
      const d = await ingest(join(SOURCES, file), file);
      for (const f of ours(d)) found.push([file.slice(0, 3), f.check, f.severity, f.source.line_start, f.expected, f.actual]);
    }
  });
  it('give only the inconsistencies their text really has', () => {
    expect(found).toEqual([
      // “减少 0.38 万元;。” and “关系。。”: punctuation left by editing
      ['000', 'template_leftover', 'info', 603, null, null],
      ['000', 'template_leftover', 'info', 898, null, null],
      // 商品和服务支出 588.28 万元“占支出预算总额的 32.2%”: 588.28 ÷ 895.2 = 65.7% (the other three shares use 895.2)
      ['001', 'narrative_percentage', 'warning', 28, 65.71, 32.2],
      // 项目支出 3625.62 万元，较 2021 年增加 1233.51 万元，“增长 50.93%”: 1233.51 ÷ 2392.11 = 51.57%
      ['003', 'narrative_percentage', 'info', 128, 51.57, 50.93],
    ]);
  });
});
