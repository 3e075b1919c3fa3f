/**
 * Render a GenDocument as text in one of the layout families of real disclosures: tab-separated
 * tables with multi-row headers, project forms, numbered project lists, narrative with totals,
 * one-cell-per-line indicator tables, and 决算 tables with side-by-side groups.
 */
import { cell, cnNum, pct, wan } from './format.js';
import type { GenDocument, GenIndicator, GenProject, FnRow } from './model.js';
import { GLOSSARY } from './vocab.js';
import type { Rng } from './prng.js';

type L = string[];
const T = (...cells: (string | number)[]) => cells.join('\t');

function incomeSplit(doc: GenDocument): Map<string, { carry: number; other: number }> {
  // Non-fiscal money per 项 is assigned to 上年结转 first, then 其他收入; parents add up their children.
  const out = new Map<string, { carry: number; other: number }>();
  let carry = doc.carryIn;
  for (const r of doc.fnRows.filter((x) => x.level === 3)) {
    const nf = r.basic + r.project - r.fiscalBasic - r.fiscalProject;
    const c = Math.min(carry, nf);
    carry -= c;
    out.set(r.code, { carry: c, other: nf - c });
  }
  for (const level of [2, 1] as const) {
    for (const r of doc.fnRows.filter((x) => x.level === level)) {
      const kids = doc.fnRows.filter((x) => x.level === level + 1 && x.code.startsWith(r.code));
      out.set(r.code, kids.reduce((a, k) => ({ carry: a.carry + out.get(k.code)!.carry, other: a.other + out.get(k.code)!.other }), { carry: 0, other: 0 }));
    }
  }
  return out;
}

/** Codes as printed: full (201 / 20103 / 2010301) or split (201 / 03 / 2010301). */
function code(r: FnRow | { code: string; level: number }, split: boolean): string {
  return split && r.level === 2 ? r.code.slice(3) : r.code;
}

function responsibilities(doc: GenDocument, rng: Rng): L {
  const n = rng.int(2, 6);
  const duties = ['贯彻执行国家和上级有关方针政策、法律法规，拟订本部门工作规划并组织实施。', '负责本领域行政审批、公共服务事项的办理和监督管理。',
    '负责统筹推进本部门信息化建设和数据资源管理。', '负责本部门预算编制、财务管理和国有资产管理工作。', '负责指导、协调、监督下级单位相关业务工作。',
    '完成上级交办的其他任务。'];
  return duties.slice(0, n).map((d, i) => `（${cnNum(i + 1)}）${d}`);
}

function staffingLine(doc: GenDocument): string {
  const s = doc.staffing;
  return `编制人数${s.authorized}人，实有人数${s.actual}人，其中：在职人数${s.inService}人，退休人数${s.retired}人。`;
}

function indicatorTarget(i: GenIndicator, latex: boolean): string {
  if (!latex) return i.target;
  return i.target.replace(/^≥(.*)%$/, '$\\geq $1\\%$').replace(/^≤(.*)%$/, '$\\leq $1\\%$');
}

/** Indicator rows with 一级/二级 printed once and left blank below, as forms do. */
function indicatorRows(inds: GenIndicator[], mapL1 = (s: string) => s, mapL2 = (s: string) => s): string[][] {
  let l1 = '';
  let l2 = '';
  return inds.map((i) => {
    const a = i.l1 === l1 ? '' : mapL1(i.l1);
    const b = i.l1 === l1 && i.l2 === l2 ? '' : mapL2(i.l2);
    l1 = i.l1;
    l2 = i.l2;
    return [a, b, i.name, i.target];
  });
}

/** "数量指标：系统建设数量=3个" lines; indicators sharing a 二级 continue without the prefix when `compact`. */
function indicatorLines(inds: GenIndicator[], compact: boolean, latex: boolean): L {
  let prev = '';
  return inds.map((i) => {
    const t = indicatorTarget(i, latex);
    const line = compact && i.l2 === prev ? `${i.name} ${t}` : `${i.l2}：${i.name}${latex ? ' ' : ''}${t}`;
    prev = i.l2;
    return line;
  });
}

function glossary(): L {
  return GLOSSARY.map(([t, d], i) => `（${cnNum(i + 1)}）${t}：${d}`);
}

function threePublicNarrative(doc: GenDocument, sp: string): L {
  const t = doc.threePublic;
  const total = t.overseas + t.vehiclePurchase + t.vehicleOperation + t.reception;
  return [
    `${doc.year}${sp}年${doc.department}“三公”经费一般公共预算安排${sp}${wan(total)}${sp}万元，其中：`,
    `1、因公出国（境）费${wan(t.overseas)}万元。`,
    `2、公务接待费${wan(t.reception)}万元。`,
    `3、公务用车运行维护费${wan(t.vehicleOperation)}万元。`,
    `4、公务用车购置费${wan(t.vehiclePurchase)}万元。`,
  ];
}

function procurementSentence(doc: GenDocument, sp: string, verb = '预算'): string {
  const p = doc.procurement;
  return `${doc.year}${sp}年部门所属各单位政府采购总额${sp}${wan(p.goods + p.works + p.services)}${sp}万元，其中：政府采购货物${verb}${sp}${wan(p.goods)}${sp}万元，政府采购工程${verb}${sp}${wan(p.works)}${sp}万元，政府采购服务${verb}${sp}${wan(p.services)}${sp}万元。`;
}

/* ------------------------------------------------------------------------------------------ */

/** 000-like: 部门收入/支出总表 with multi-row headers, split codes, 绩效目标表 forms, narrative, numbered list. */
function budgetTables(doc: GenDocument, rng: Rng): L {
  const u = doc.unitTables;
  const sp = rng.chance(0.5) ? ' ' : '';
  const split = rng.chance(0.5);
  const d = doc.department;
  const total = doc.basic + doc.project;
  const inc = incomeSplit(doc);
  const out: L = ['', '', `${d}${sp}${doc.year}${sp}年部门预算`, '', '目 录', '', `第一部分 ${d}概况`, '', '- 一、部门主要职责', '- 二、机构设置及人员情况', '',
    `第二部分 ${d}${sp}${doc.year}${sp}年预算表`, '', `第三部分 ${d}${sp}${doc.year}${sp}年预算情况说明`, '', '第四部分 名词解释', '',
    `第一部分 ${d}概况`, '', '一、部门主要职责', '', ...responsibilities(doc, rng).flatMap((x) => [x, '']),
    '二、机构设置及人员情况', '', `${doc.year}年${d}共有预算单位${rng.int(1, 5)}个。`, '', staffingLine(doc), '',
    `第二部分 ${d}${doc.year}年预算表`, ''];
  const code6 = String(rng.int(100001, 999999));
  // 部门收入总表
  out.push('部门收入总表', '', `[${code6}] ${d}`, '', `单位：${u}`, '');
  out.push(T('功能科目编码', '功能科目名称', '合计', '上年结转', '财政拨款', '', '事业收入', '其他收入'));
  out.push(T('', '', '', '', '小计', '一般公共预算拨 款收入', '', ''));
  out.push(T('**', '**', 1, 2, 3, 4, 5, 6));
  out.push(T('', '合计', cell(total, u), cell(doc.carryIn, u), cell(doc.fiscal, u), cell(doc.fiscal, u), '', cell(doc.other, u)));
  for (const r of doc.fnRows) {
    const s = inc.get(r.code)!;
    const f = r.fiscalBasic + r.fiscalProject;
    out.push(T(code(r, split), r.name, cell(r.basic + r.project, u), cell(s.carry, u), cell(f, u), cell(f, u), '', cell(s.other, u)));
  }
  // 部门支出总表
  out.push('', '部门支出总表', '', `填报单位[${code6}]${d}`, '', `单位：${u}`, '');
  out.push(T('支出功能分类科目', '', '合计', '基本支出', '项目支出'), T('科目编码', '科目名称', '', '', ''), T('**', '**', 1, 2, 3));
  out.push(T('', '合计', cell(total, u), cell(doc.basic, u), cell(doc.project, u)));
  for (const r of doc.fnRows) out.push(T(code(r, split), r.name, cell(r.basic + r.project, u), cell(r.basic, u), cell(r.project, u)));
  // 一般公共预算支出表
  out.push('', '一般公共预算支出表', '', `单位：${u}`, '');
  out.push(T('支出功能分类科目', '', `${doc.year}年预算数`, '', ''), T('科目编码', '科目名称', '合计', '基本支出', '项目支出'), T('**', '**', 1, 2, 3));
  const fb = doc.fnRows.filter((r) => r.level === 1).reduce((s, r) => s + r.fiscalBasic, 0);
  const fp = doc.fnRows.filter((r) => r.level === 1).reduce((s, r) => s + r.fiscalProject, 0);
  out.push(T('', '合计', cell(fb + fp, u), cell(fb, u), cell(fp, u)));
  for (const r of doc.fnRows) if (r.fiscalBasic + r.fiscalProject > 0) out.push(T(code(r, split), r.name, cell(r.fiscalBasic + r.fiscalProject, u), cell(r.fiscalBasic, u), cell(r.fiscalProject, u)));
  // 一般公共预算基本支出表
  out.push('', '一般公共预算基本支出表', '', `单位：${u}`, '');
  out.push(T('支出经济分类科目', '', `${doc.year}年基本支出`, '', ''), T('科目编码', '科目名称', '合计', '人员经费', '公用经费'), T('**', '**', 1, 2, 3));
  out.push(T('', '合计', cell(doc.basic, u), cell(doc.personnel, u), cell(doc.publicExp, u)));
  for (const r of doc.econRows) out.push(T(r.code, r.name, cell(r.personnel + r.public, u), cell(r.personnel, u), cell(r.public, u)));
  // 三公
  const t = doc.threePublic;
  out.push('', '一般公共预算“三公”经费支出表', '', `单位：${u}`, '');
  out.push(T('部门编码', '部门名称', '合计', '因公出国(境)费', '公务接待费', '公务用车运行维护费', '公务用车购置'), T('**', '**', 1, 2, 3, 4, 5));
  out.push(T(code6.slice(0, 3), d, cell(t.budget, u), cell(t.overseas, u), cell(t.reception, u), cell(t.vehicleOperation, u), cell(t.vehiclePurchase, u)));
  out.push('', '政府性基金预算支出表', '', `单位：${u}`, '', T('支出功能分类科目', '', `${doc.year}年预算数`, '', ''), T('科目编码', '科目名称', '合计', '基本支出', '项目支出'), T('**', '**', 1, 2, 3), '');
  // 项目支出绩效目标表
  for (const p of doc.projects) {
    out.push('项目支出绩效目标表', '', `(${doc.year}年度)`, '', d, '', '基本信息', '');
    out.push(T('项目名称:', p.name, '项目编码:', p.code), T('项目类别:', p.frequency, '资金用途:', '业务类'), T('开始日期:', `${doc.year}-01-01`, '结束日期:', `${doc.year}-12-31`));
    out.push(T('项目总金额:', wan(p.budget), '本年度预算金额:', wan(p.budget)), '', '年度绩效目标', '', `保障${p.name}顺利实施。`, '');
    if (p.indicators.length) {
      out.push(T('一级指标', '二级指标', '三级指标', '指标值'));
      for (const r of indicatorRows(p.indicators, (s) => s, (s) => s.replace(/指标$/, ''))) out.push(T(...r));
    }
    out.push('');
  }
  // 说明
  out.push(`第三部分 ${d}${sp}${doc.year}${sp}年预算情况说明`, '', `一、${doc.year}${sp}年部门预算收支情况说明`, '', '(一) 收入预算情况', '');
  out.push(`${doc.year}${sp}年${d}收入预算总额${sp}${wan(total)}${sp}万元，较上年预算安排增加${sp}${wan(Math.abs(doc.prevChange))}${sp}万元；财政拨款收入${sp}${wan(doc.fiscal)}${sp}万元；其他收入${sp}${wan(doc.other)}${sp}万元；上年结转${sp}${wan(doc.carryIn)}${sp}万元。`, '');
  out.push('(二) 支出预算情况', '', `${doc.year}${sp}年${d}支出预算总额为${sp}${wan(total)}${sp}万元，其中：基本支出${sp}${wan(doc.basic)}${sp}万元，项目支出${sp}${wan(doc.project)}${sp}万元。`, '');
  out.push('(三)财政拨款支出情况', '', `${doc.year}${sp}年${d}财政拨款支出预算总额${sp}${wan(fb + fp)}${sp}万元。`, '');
  out.push('（六）机关运行经费等重要事项的说明', '', `${doc.year}${sp}年部门机关运行费预算${sp}${wan(doc.publicExp)}${sp}万元。`, '');
  out.push('（七）政府采购情况', '', procurementSentence(doc, sp), '');
  if (doc.projects.length) {
    out.push('（九）项目支出情况说明', '');
    const latex = rng.chance(0.5);
    doc.projects.forEach((p, i) => {
      out.push(`${i + 1}. ${p.name}`, `(1) 项目概述：保障${p.name}顺利实施。`, `(3) 实施主体：${d}`, `(5) 实施周期：${p.frequency}`, `(6) 年度预算安排：${wan(p.budget)}${sp}万元`);
      if (p.indicators.length) out.push('(7) 绩效目标和指标', ...indicatorLines(p.indicators, true, latex));
      out.push('');
    });
  }
  out.push(`二、${doc.year}${sp}年“三公”经费预算情况说明`, '', ...threePublicNarrative(doc, sp), '', '第四部分 名词解释', '', ...glossary(), '');
  return out;
}

/** 001-like: narrative only, numbered project descriptions with 1）…7） items. */
function budgetNarrative(doc: GenDocument, rng: Rng): L {
  const d = doc.department;
  const total = doc.basic + doc.project;
  const y = doc.year;
  const out: L = rng.chance(0.5) ? [d, `${y}年部门预算`] : [`${d}${y}年部门预算`];
  out.push(` 第一部分  ${d}概况`, '1、 部门主要职责', `${d}是主管本级相关工作的部门，主要职责是：`, ...responsibilities(doc, rng).map((x, i) => `${i + 1}、${x.replace(/^（.+?）/, '')}`));
  out.push('二、部门基本情况', `${d}预算单位1个，${staffingLine(doc)}`);
  out.push(`第2部分  ${d}`, `${y}年部门预算情况说明`, `一、${y}年部门预算收支情况说明`, '（一）收入预算情况');
  out.push(`${y}年${d}收入预算总额为${wan(total)}万元，较上年${doc.prevChange < 0 ? '减少' : '增加'}${wan(Math.abs(doc.prevChange))}万元。其中：财政拨款收入${wan(doc.fiscal)}万元；其他收入${wan(doc.other)}万元；上年结转${wan(doc.carryIn)}万元。`);
  out.push('（二）支出预算情况', `${y}年${d}支出预算总额为${wan(total)}万元。`);
  out.push(`其中：按支出项目类别划分：基本支出${wan(doc.basic)}万元，包括工资福利支出${wan(doc.econRows.find((r) => r.code === '301')!.personnel)}万元。项目支出${wan(doc.project)}万元。`);
  out.push('（六）机关运行经费等重要事项的说明', `${y}年本部门机关运行经费为${wan(doc.publicExp)}万元。`);
  out.push('（七）政府采购情况', procurementSentence(doc, ''));
  if (doc.projects.length) {
    out.push('（九）项目情况说明');
    doc.projects.forEach((p, i) => {
      out.push(`${i + 1}. ${p.name}`, `1）项目概述：保障${p.name}顺利实施，提升服务质量。`, `2）立项依据：关于${p.name}的请示。`, `3）实施主体：${p.implementer}。`,
        `4）实施方案：按计划组织实施${p.name}。`, `5）实施周期：${y}-01-01至${y}-12-31`, `6）年度预算安排：${wan(p.budget)}万元`);
      if (p.indicators.length) out.push('7）绩效目标和指标：', ...indicatorLines(p.indicators, false, false));
    });
  }
  out.push(`二、${y}年“三公”经费预算情况说明`, ...threePublicNarrative(doc, ''), ' 第四部分   名词解释', ...glossary());
  return out.flatMap((x) => [x, '']);
}

const FN_CLASS_NAMES = ['一般公共服务支出', '外交支出', '国防支出', '公共安全支出', '教育支出', '科学技术支出', '文化旅游体育与传媒支出', '社会保障和就业支出',
  '卫生健康支出', '节能环保支出', '城乡社区支出', '农林水支出', '交通运输支出', '资源勘探工业信息等支出', '商业服务业等支出', '金融支出', '住房保障支出', '其他支出'];

/** 002-like: Markdown headings, 公开01–07表 with 行次, side-by-side groups, 项目支出绩效自评表. */
function finalAccount(doc: GenDocument, rng: Rng): L {
  const d = doc.department;
  const y = doc.year;
  const u = '万元';
  const z = (h: number) => cell(h, u, '0.00');
  const exp = doc.basic + doc.project;
  const incomeTotal = doc.fiscal + doc.other + doc.carryIn;
  const out: L = [`# ${d} ${y} 年度部门决算`, '## 目录', `### 第一部分${d}概况`, `### 第二部分 ${y} 年度部门决算表`, `### 第三部分 ${y} 年度部门决算情况说明`, '**第四部分名词解释**',
    `# 第一部分${d}概况`, '## 一、部门主要职能', ...responsibilities(doc, rng), '## 二、部门基本情况', `纳入本套部门决算汇编范围的单位共 1 个。本部门 ${y} 年年末${staffingLine(doc)}`,
    `## 第二部分 ${y} 年度部门决算表`, '### 收入支出决算总表'];
  out.push(T(`编制单位：${d}`, '', `${y}年度`, '', `公开01表 金额单位：${u}`, ''), T('收 入', '', '', '支 出', '', ''), T('项 目', '行次', '决算数', '项目（按功能分类）', '行次', '决算数'), T('栏 次', '', 1, '栏 次', '', 2));
  const incomeRows: [string, number][] = [['一、一般公共预算财政拨款收入', doc.fiscal], ['二、政府性基金预算财政拨款收入', 0], ['三、国有资本经营预算财政拨款收入', 0], ['四、上级补助收入', 0], ['五、事业收入', doc.other], ['六、经营收入', 0], ['七、其他收入', 0]];
  const classAmount = (name: string) => doc.fnRows.filter((r) => r.level === 1 && r.name === name).reduce((s, r) => s + r.basic + r.project, 0);
  const n = Math.max(incomeRows.length, FN_CLASS_NAMES.length);
  for (let i = 0; i < n; i++) {
    const [iname, iv] = incomeRows[i] ?? ['', null];
    const cname = FN_CLASS_NAMES[i];
    out.push(T(iname, i + 1, iv === null ? '' : z(iv), cname ? `${cnNum(i + 1)}、${cname}` : '', n + 2 + i, cname ? z(classAmount(cname)) : ''));
  }
  out.push(T('本年收入合计', n + 1, z(doc.fiscal + doc.other), '本年支出合计', 2 * n + 2, z(exp)));
  out.push(T('年初结转和结余', n + 2, z(doc.carryIn), '年末结转和结余', 2 * n + 3, z(doc.carryOut)));
  out.push(T('<b>总计</b>', `<b>${n + 3}</b>`, `<b>${z(incomeTotal)}</b>`, '<b>总计</b>', `<b>${2 * n + 4}</b>`, `<b>${z(exp + doc.carryOut)}</b>`));
  out.push('注：本表反映部门本年度的总收支和年末结转结余情况。', '### 支出决算表');
  out.push(T(`编制单位：${d}`, '', `${y}年度`, '', `公开03表 金额单位：${u}`, ''), T('项 目', '', '本年支出合计', '基本支出', '项目支出', '经营支出'), T('支出功能分类 科目编码', '科目名称', '', '', '', ''), T('类 款 项', '栏次', 1, 2, 3, 4));
  out.push(T('', '合计', z(exp), z(doc.basic), z(doc.project), '0.00'));
  for (const r of doc.fnRows) out.push(T(r.code, r.name, z(r.basic + r.project), z(r.basic), z(r.project), '0.00'));
  out.push('# 一般公共预算财政拨款支出决算表', T(`编制单位：${d}`, '', `${y}年度`, '', '公开05表', ''), T('', '', `金额单位：${u}`, '', '', ''));
  out.push(T('项 目', '', '本年支出合计', '基本支出', '项目支出', ''), T('类', '款', '项', 1, 2, 3));
  const fb = doc.fnRows.filter((r) => r.level === 1).reduce((s, r) => s + r.fiscalBasic, 0);
  const fp = doc.fnRows.filter((r) => r.level === 1).reduce((s, r) => s + r.fiscalProject, 0);
  out.push(T('合计', '', '', z(fb + fp), z(fb), z(fp)));
  for (const r of doc.fnRows) if (r.fiscalBasic + r.fiscalProject) out.push(T(r.code, r.name, '', z(r.fiscalBasic + r.fiscalProject), z(r.fiscalBasic), z(r.fiscalProject)));
  // Side-by-side groups: 人员经费 (301, 303) | 公用经费 (302) | 资本性支出 (310, zero).
  out.push('## 一般公共预算财政拨款基本支出决算表', T(`编制单位：${d}`, '', '', '', `${y}年度`, '', '', '', `金额单位：${u}`, ''));
  out.push(T('人员经费', '', '', '公用经费', '', '', '', '', '', ''), T('经济分类科目编码', '科目名称', '金额', '经济分类科目编码', '科目名称', '金额', '经济分类科目编码', '科目名称', '金额', ''));
  const bold = (r: { code: string; name: string; level: number }) => (r.level === 1 ? [`<b>${r.code}</b>`, `<b>${r.name}</b>`] : [r.code, r.name]);
  const g1 = doc.econRows.filter((r) => r.code.startsWith('301') || r.code.startsWith('303'));
  const g2 = doc.econRows.filter((r) => r.code.startsWith('302'));
  const g3 = [{ code: '310', name: '资本性支出', level: 1 }, { code: '31002', name: '办公设备购置', level: 2 }];
  for (let i = 0; i < Math.max(g1.length, g2.length, g3.length); i++) {
    const a = g1[i] ? [...bold(g1[i]), z(g1[i].personnel)] : ['', '', ''];
    const b = g2[i] ? [...bold(g2[i]), z(g2[i].public)] : ['', '', ''];
    const c = g3[i] ? [...bold(g3[i]), '0.00'] : ['', '', ''];
    out.push(T(...a, ...b, ...c, ''));
  }
  out.push(T('人员经费合计', '', z(doc.personnel), '公用支出合计', '', '', '', '', '', z(doc.publicExp)));
  const t = doc.threePublic;
  const actual = t.overseas + t.vehiclePurchase + t.vehicleOperation + t.reception;
  out.push('## 一般公共预算财政拨款“三公”经费支出决算表', T(`编制单位：${d}`, '', `${y}年度`, `公开07表 金额单位：${u}`, ''), T('项目', '栏次', '年初预算数', '决算数', ''), T('行次', '', 1, 2, ''));
  out.push(T('一、“三公”经费支出', 1, z(t.budget), z(actual), ''), T('1.因公出国（境）费', 2, '0.00', z(t.overseas), ''), T('2.公务用车购置及运行维护费', 3, '0.00', z(t.vehiclePurchase + t.vehicleOperation), ''));
  out.push(T('（1）公务用车购置费', 4, '0.00', z(t.vehiclePurchase), ''), T('（2）公务用车运行维护费', 5, '0.00', z(t.vehicleOperation), ''), T('3.公务接待费', 6, '0.00', z(t.reception), ''));
  out.push(`## 第三部分 ${y} 年度部门决算情况说明`, '### 一、收入决算情况说明');
  out.push(`本部门 ${y} 年度收入总计 ${wan(incomeTotal)} 万元，其中年初结转和结余 ${wan(doc.carryIn)} 万元；本年收入合计 ${wan(doc.fiscal + doc.other)} 万元。`);
  out.push('### 二、支出决算情况说明', `本部门 ${y} 年度支出总计 ${wan(exp + doc.carryOut)} 万元，其中本年支出合计 ${wan(exp)} 万元；年末结转和结余 ${wan(doc.carryOut)} 万元。`);
  out.push(`本年支出的具体构成为：基本支出 ${wan(doc.basic)} 万元，占 ${pct(doc.basic, exp)}；项目支出 ${wan(doc.project)} 万元，占 ${pct(doc.project, exp)}。`);
  out.push('### 五、一般公共预算财政拨款“三公”经费支出决算情况说明', `本部门 ${y} 年度一般公共预算财政拨款“三公”经费支出年初预算数为 ${wan(t.budget)} 万元，决算数为 ${wan(actual)} 万元。`);
  out.push('## 六、机关运行经费支出情况说明', `本部门 ${y} 年度机关运行经费支出 ${wan(doc.publicExp)} 万元。`);
  const p = doc.procurement;
  out.push('## 七、政府采购支出情况说明', `本部门 ${y} 年度政府采购支出总额 ${wan(p.goods + p.works + p.services)} 万元，其中：政府采购货物支出 ${wan(p.goods)} 万元、政府采购工程支出 ${wan(p.works)} 万元、政府采购服务支出 ${wan(p.services)} 万元。`);
  if (doc.projects.length) out.push('## 九、预算绩效情况说明', `我部门对纳入${y}年度部门预算范围的${doc.projects.length}个项目开展绩效自评。`);
  for (const pr of doc.projects) out.push(...selfEvaluation(doc, pr));
  return out.flatMap((x) => [x, '']);
}

function selfEvaluation(doc: GenDocument, p: GenProject): L {
  const exec = p.executed ?? 0;
  const rate = p.budget ? (100 * exec) / p.budget : 0;
  const out: L = [T('项目支出绩效自评表', '', '', '', '', '', '', ''), T(`( ${doc.year} 年度 )`, '', '', '', '', '', '', '')];
  out.push(T('项目名称', '', p.name, '', '实施单位', '', doc.department, ''), T('主管部门', '', doc.department, '', '实施单位', '', p.implementer, ''));
  out.push(T('项目资金(万元)', '', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'));
  out.push(T('', '', '年度资金总额:', wan(p.initial), wan(p.budget), wan(exec), 10, `${rate.toFixed(2)}%`, (Math.min(100, rate) / 10).toFixed(1)));
  out.push(T('一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'));
  let l1 = '';
  let l2 = '';
  for (const i of p.indicators) {
    out.push(T(i.l1 === l1 ? '' : i.l1, i.l1 === l1 && i.l2 === l2 ? '' : i.l2, i.name, i.target, i.actual ?? '', i.weight ?? '', i.score ?? '', ''));
    l1 = i.l1;
    l2 = i.l2;
  }
  const w = p.indicators.reduce((s, i) => s + (i.weight ?? 0), 0);
  out.push(T('总分', '', '', '', '', w, w, ''));
  return out;
}

/** 003-like: narrative first, then 预算公开报表 with joined codes, 项目支出预算表, 申报表 with <p> and checkboxes. */
function budgetPublicTables(doc: GenDocument, rng: Rng): L {
  const d = doc.department;
  const y = doc.year;
  const u = doc.unitTables;
  const total = doc.basic + doc.project;
  const out: L = [`${d} ${y} 年预算`, '目 录', '第一部分 基本概况', '第二部分 预算情况说明', '第五部分 预算公开报表', '第一部分 基本概况', '一、主要职能',
    ...responsibilities(doc, rng).map((x, i) => `${i + 1}、${x.replace(/^（.+?）/, '')}`), '三、人员构成', `${d}共有${staffingLine(doc)}`, '第二部分 预算情况说明', '一、收支预算总体安排情况'];
  out.push(`${y} 年部门总预算 ${wan(total)} 万元。`);
  out.push(`${y} 年部门预算收入 ${wan(total)} 万元,其中:一般公共预算财政拨款收入 ${wan(doc.fiscal)} 万元,占 ${pct(doc.fiscal, total)}。`);
  out.push(`${y} 年部门预算支出 ${wan(total)} 万元,其中:基本支出 ${wan(doc.basic)} 万元,占 ${pct(doc.basic, total)};项目支出 ${wan(doc.project)} 万元,占 ${pct(doc.project, total)}。`);
  out.push('六、其他重要事项说明', '(一) 机关运行经费情况', `${y} 年机关运行经费 ${wan(doc.publicExp)} 万元。`, '（二）政府采购预算情况');
  const pr = doc.procurement;
  out.push(`${y}年预算中纳入政府采购预算支出合计${wan(pr.goods + pr.works + pr.services)}万元，包括：物类${wan(pr.goods)}万元，服务类${wan(pr.services)}万元，工程类${wan(pr.works)}万元。`);
  out.push('第三部分 一般公共预算“三公”经费预算情况说明', `${y}年一般公共预算安排“三公”经费预算${wan(doc.threePublic.budget)}万元。`);
  out.push('第四部分 名词解释', ...glossary(), '第五部分 预算公开报表');
  // 收支预算总表: three side-by-side groups (收入 | 支出（功能） | 支出（经济分类）).
  out.push(`${y}年收支预算总表`, `单位名称：${d}`, `单位：${u}`, T('收入', '', '支出（功能）', '', '支出（经济分类）', ''), T('项目', '预算数', '项目', '预算数', '项目', '预算数'));
  const incomeRows: [string, number][] = [['一、一般公共预算财政拨款收入', doc.fiscal], ['二、政府性基金预算财政拨款收入', 0], ['三、事业收入', 0], ['四、其他收入', doc.other]];
  const fnRows = doc.fnRows.filter((r) => r.level === 1).map((r) => [`${r.code}${r.name}`, r.basic + r.project] as [string, number]);
  const p302 = Math.floor(doc.project * 0.7);
  const econRows: [string, number][] = [['301工资福利支出', doc.econRows.find((r) => r.code === '301')!.personnel], ['302商品和服务支出', doc.publicExp + p302],
    ['303对个人和家庭的补助', doc.econRows.find((r) => r.code === '303')!.personnel], ['310资本性支出', doc.project - p302]];
  for (let i = 0; i < Math.max(incomeRows.length, fnRows.length, econRows.length); i++) {
    const a = incomeRows[i] ?? ['', 0];
    const b = fnRows[i] ?? ['', 0];
    const c = econRows[i] ?? ['', 0];
    out.push(T(a[0], cell(a[1], u), b[0], cell(b[1], u), c[0], cell(c[1], u)));
  }
  out.push(T('本年收入合计', cell(doc.fiscal + doc.other, u), '本年支出合计', cell(total, u), '本年支出合计', cell(total, u)));
  out.push(T('上年结转', cell(doc.carryIn, u), '结转下年', '', '结转下年', ''), T('收入总计', cell(total, u), '支出总计', cell(total, u), '支出总计', cell(total, u)));
  out.push(`${y}年支出预算总表`, `单位：${u}`, T('功能科目编码', '功能科目名称', '总计', '基本支出', '项目支出', '结转下年'));
  out.push(T('合计', '', cell(total, u), cell(doc.basic, u), cell(doc.project, u), ''));
  for (const r of doc.fnRows) out.push(T(r.code, r.name, cell(r.basic + r.project, u), cell(r.basic, u), cell(r.project, u), ''));
  if (doc.projects.length) {
    out.push(`${y}年项目支出预算表`, `单位：${u}`, T('单位名称', '功能科目编码', '功能科目名称', '项目名称', '总计', '本年拨款', '', '上年结转结余'), T('', '', '', '', '', '一般公共预算财政拨款收入', '政府性基金预算财政拨款收入', ''));
    out.push(T('合计', '', '', '', cell(doc.project, u), cell(doc.project, u), '', ''));
    for (const p of doc.projects) out.push(T(`${d}（行政）`, p.fn.code, p.fn.name, p.name, cell(p.budget, u), cell(p.budget, u), '', ''));
  }
  out.push(`${y}年一般公共预算基本支出表`, `单位：${u}`, T('经济科目编码', '经济科目名称', '基本支出', '', ''), T('', '', '小计', '人员经费', '公用经费'));
  out.push(T('合计', '', cell(doc.basic, u), cell(doc.personnel, u), cell(doc.publicExp, u)));
  for (const r of doc.econRows) out.push(T(r.code, r.name, cell(r.personnel + r.public, u), cell(r.personnel, u), cell(r.public, u)));
  const t = doc.threePublic;
  out.push(`${y}年一般公共预算“三公”经费支出表`, `单位：${u}`, T('单位', '合计', '因公出国（境）费用', '公务用车购置及运行维护费', '', '', '公务接待费'), T('', '', '', '小计', '公务用车购置', '公务用车运行维护费', ''));
  out.push(T(d, cell(t.budget, u), cell(t.overseas, u), cell(t.vehiclePurchase + t.vehicleOperation, u), cell(t.vehiclePurchase, u), cell(t.vehicleOperation, u), cell(t.reception, u)));
  const l1map: Record<string, string> = { 产出指标: '项目产出', 效益指标: '项目效益', 满意度指标: '满意度' };
  const l2map: Record<string, string> = { 数量指标: '产出数量', 质量指标: '产出质量', 时效指标: '完成时效', 成本指标: '成本控制' };
  for (const p of doc.projects) {
    const box = (on: boolean) => (on ? '<input checked="" type="checkbox"/>' : '<input type="checkbox"/>');
    const once = p.frequency === '一次性项目';
    out.push(`${y}年项目支出(绩效目标)申报表`, T('项目名称', p.name, '项目代码', ''), T('项目主管部门', d, '项目执行单位', p.implementer));
    out.push(T('项目安排频度', `1. 一次性项目 ${box(once)} 2. 常年项目 ${box(!once)} 3. 延续性项目 ${box(false)}`, '', ''));
    out.push(T('项目实施方案', `<p>按计划组织实施${p.name}。</p>`, '', ''), T('项目总预算', `${wan(p.budget)}万元`, '项目当年预算', `${wan(p.budget)}万元`, ''));
    if (p.indicators.length) {
      out.push(T('一级指标', '二级指标', '明细指标内容（三级指标）', '指标值', '指标值确定依据'));
      for (const r of indicatorRows(p.indicators, (s) => l1map[s] ?? s, (s) => l2map[s] ?? s)) out.push(T(...r, ''));
    }
  }
  return out.flatMap((x) => [x, '']);
}

/** 004-like: 预算草案 narrative; projects described twice; indicator tables with one cell per line. */
function budgetDraft(doc: GenDocument, rng: Rng): L {
  const d = doc.department;
  const y = doc.year;
  const total = doc.basic + doc.project;
  const out: L = [d, `${y}年部门预算草案编制说明`, ` 第一部分  ${d}概况`, '一、部门主要职责', ...responsibilities(doc, rng), '二、机构设置及人员情况', `${d}共有预算单位1个。${staffingLine(doc)}`,
    `第三部分  ${d}${y}年部门预算情况说明`, `一、${y}年部门预算收支情况说明`, '（一）收入预算情况'];
  out.push(`${y}年收入预算总额为${wan(total)}万元，比上年预算安排${doc.prevChange < 0 ? '减少' : '增加'}${wan(Math.abs(doc.prevChange))}万元。其中：财政拨款${wan(doc.fiscal)}万元,其他收入${wan(doc.other)}万元,上年结转${wan(doc.carryIn)}万元。`);
  out.push('（二）支出预算情况', `${y}年${d}支出预算总额为${wan(total)} 万元。其中：`, `按支出项目类别划分：基本支出${wan(doc.basic)}万元，项目支出${wan(doc.project)}万元。`);
  if (doc.projects.length) {
    out.push('（四）项目支出预算情况');
    doc.projects.forEach((p, i) => {
      const variant = p.name.endsWith('项目') ? p.name : `${p.name}项目`;
      out.push(`${i + 1}.${variant}`, '   1）项目概述', `保障${p.name}顺利实施。`, '   4）资金来源', `年度预算安排金额：${wan(p.budget)}万元。`);
    });
  }
  out.push('（五）机关运行经费等重要事项的说明', `${y}年部门机关运行费预算${wan(doc.publicExp)}万元。`, '（六）政府采购情况', procurementSentence(doc, ''));
  if (doc.projects.length) {
    out.push('（九）项目绩效情况');
    for (const p of doc.projects) {
      out.push(p.name, `1.项目概述：保障${p.name}顺利实施。`, `3.实施主体：${d}`, `5.实施周期：${y}年1月1日-12月31日 `, `6.年度预算安排：${wan(p.budget)}万元`);
      if (p.indicators.length) {
        // One cell per line, a blank line after each row of four (as extracted from Word tables).
        out.push('8.绩效指标：', ['一级指标', '二级指标', '三级指标', '指标值'].map((c) => `\t${c}`).join('\n'));
        for (const r of indicatorRows(p.indicators)) out.push(r.map((c) => `\t${c}`).join('\n'));
      }
    }
  }
  out.push(`二、${y}年“三公”经费预算情况说明`, ...threePublicNarrative(doc, ''), '第四部分 名词解释', ...glossary());
  return out.flatMap((x) => [x, '']);
}

export function renderDocument(doc: GenDocument, rng: Rng): string {
  const lines =
    doc.layout === 'budget_tables' ? budgetTables(doc, rng)
    : doc.layout === 'budget_narrative' ? budgetNarrative(doc, rng)
    : doc.layout === 'final_account' ? finalAccount(doc, rng)
    : doc.layout === 'budget_public_tables' ? budgetPublicTables(doc, rng)
    : budgetDraft(doc, rng);
  return lines.join('\n');
}
