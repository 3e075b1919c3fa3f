/**
 * The data of one synthetic disclosure, built before any text is written so that every figure
 * reconciles: amounts are integers in hundredths of 万元 (0.01 万元), children sum to parents,
 * basic + project = total, project budgets sum to project expenditure.
 */
import type { DocumentKind } from '../model/schema.js';
import { Rng } from './prng.js';
import { pickRegion, type Region } from './regions.js';
import {
  DEPARTMENTS, ECONOMIC, FUNCTION_CLASSES, INDICATORS, IMPLEMENTERS, PROJECT_SUFFIXES, PROJECT_TOPICS, QUALITATIVE_TARGETS,
  type FnItem,
} from './vocab.js';

export type Layout = 'budget_tables' | 'budget_narrative' | 'final_account' | 'budget_public_tables' | 'budget_draft';
export const LAYOUT_KIND: Record<Layout, DocumentKind> = {
  budget_tables: 'budget',
  budget_narrative: 'budget',
  final_account: 'final_account',
  budget_public_tables: 'budget',
  budget_draft: 'budget_draft',
};

export interface GenIndicator { l1: string; l2: string; name: string; target: string; actual: string | null; weight: number | null; score: number | null }
export interface GenProject {
  name: string;
  code: string;
  fn: FnItem;
  /** hundredths of 万元; for final accounts this is 全年预算数 */
  budget: number;
  initial: number;
  executed: number | null;
  frequency: string;
  implementer: string;
  indicators: GenIndicator[];
}
export interface FnRow { code: string; name: string; level: 1 | 2 | 3; basic: number; project: number; fiscalBasic: number; fiscalProject: number }
export interface EconRow { code: string; name: string; level: 1 | 2; personnel: number; public: number }

export interface GenDocument {
  index: number;
  layout: Layout;
  kind: DocumentKind;
  year: number;
  region: Region;
  department: string;
  unitTables: '万元' | '元';
  staffing: { authorized: number; actual: number; inService: number; retired: number };
  /** all amounts below in hundredths of 万元 */
  carryIn: number;
  carryOut: number;
  fiscal: number;
  other: number;
  basic: number;
  project: number;
  personnel: number;
  publicExp: number;
  threePublic: { overseas: number; vehiclePurchase: number; vehicleOperation: number; reception: number; budget: number };
  procurement: { goods: number; works: number; services: number };
  fnRows: FnRow[];
  econRows: EconRow[];
  projects: GenProject[];
  prevChange: number;
}

const LAYOUTS: Layout[] = ['budget_tables', 'budget_narrative', 'final_account', 'budget_public_tables', 'budget_draft'];

function makeIndicators(rng: Rng, n: number, final: boolean): GenIndicator[] {
  // Keep the 一级/二级 order of real forms: 产出 → 效益 → 满意度.
  const chosen = rng.sample(INDICATORS, Math.min(n, INDICATORS.length));
  const order = (l1: string) => ['产出指标', '效益指标', '满意度指标'].indexOf(l1);
  chosen.sort((a, b) => order(a.l1) - order(b.l1) || a.l2.localeCompare(b.l2));
  const out: GenIndicator[] = [];
  // More than the template list: repeat names with a numbered qualifier so every name is distinct.
  for (let i = 0; i < n; i++) {
    const t = chosen[i % chosen.length];
    const name = i < chosen.length ? t.name : `${t.name}（${Math.floor(i / chosen.length) + 1}）`;
    let target: string;
    if (t.op === 'text') target = rng.pick(QUALITATIVE_TARGETS);
    else {
      const v = rng.int(t.min, t.max);
      target = `${t.op}${v}${t.unit}`;
    }
    const weight = final ? rng.pick([5, 10]) : null;
    out.push({ l1: t.l1, l2: t.l2, name, target, actual: final ? target.replace(/^[≥≤=]/, '') : null, weight, score: weight });
  }
  out.sort((a, b) => order(a.l1) - order(b.l1));
  return out;
}

/** Build document `index` of the corpus seeded with `seed`. Independent of every other index. */
export function buildDocument(seed: number, index: number): GenDocument {
  const rng = new Rng(`${seed}:${index}`);
  const layout = LAYOUTS[index % LAYOUTS.length];
  const kind = LAYOUT_KIND[layout];
  const year = rng.int(2015, 2025);
  const region = pickRegion(rng);
  let dept = rng.pick(DEPARTMENTS);
  if (region.level === 'province') dept = dept.replace(/局$/, '厅');
  const department = `${region.prefix}${dept}`;

  const scale = rng.pick([1, 2, 5, 10]);
  const nProjects = rng.chance(0.1) ? 0 : rng.int(1, rng.chance(0.2) ? 60 : 12);
  const final = kind === 'final_account';

  // Projects first: their budgets add up to project expenditure.
  const topics = rng.sample(PROJECT_TOPICS, PROJECT_TOPICS.length);
  const names = new Set<string>();
  const projectItems = FUNCTION_CLASSES.flatMap((c) => c.kuan.flatMap((k) => k.items)).filter((i) => i.use === 'project');
  const fnChoices = rng.sample(projectItems, rng.int(1, 3));
  const projects: GenProject[] = [];
  for (let i = 0; i < nProjects; i++) {
    let name = '';
    for (let t = 0; t < 50 && (!name || names.has(name)); t++) {
      const topic = topics[(i + t * 7) % topics.length];
      // Avoid doubled morphemes (建设建设项目, 运维运维费) that no real form prints.
      const suffixes = PROJECT_SUFFIXES.filter((x) => !topic.endsWith(x.slice(0, 2)) && !topic.endsWith(x.slice(0, 1)));
      name = `${topic}${rng.pick(suffixes.length ? suffixes : ['经费'])}`;
    }
    if (names.has(name)) name = `${name}（${i + 1}）`;
    names.add(name);
    // 0.5–2,000 万元, half of them whole 万元 as forms often state them
    const raw = rng.int(50, rng.chance(0.7) ? 30000 : 200000);
    const budget = rng.chance(0.5) ? Math.max(100, Math.round(raw / 100) * 100) : raw;
    const initial = final ? Math.round(budget * (0.8 + rng.next() * 0.4)) : budget;
    const executed = final ? Math.round(budget * (0.6 + rng.next() * 0.4)) : null;
    projects.push({
      name,
      code: `${rng.int(100000, 999999)}${year}${String(i + 1).padStart(4, '0')}`,
      fn: rng.pick(fnChoices),
      budget,
      initial,
      executed,
      frequency: rng.pick(['当年项目', '延续项目', '经常性项目', '一次性项目']),
      implementer: rng.pick(IMPLEMENTERS),
      indicators: makeIndicators(rng, rng.chance(0.08) ? 0 : rng.int(3, rng.chance(0.1) ? 40 : 14), final),
    });
  }
  // Final accounts report what was spent: the project expenditure is the executed amount.
  const project = projects.reduce((s, p) => s + (final ? (p.executed ?? 0) : p.budget), 0);

  // Basic expenditure by economic classification.
  const econRows: EconRow[] = [];
  let personnel = 0;
  let publicExp = 0;
  for (const g of ECONOMIC) {
    const k = rng.int(2, g.items.length);
    const items = g.items.slice(0, k);
    const total = rng.int(g.group === 'public' ? 20 : 100, g.group === 'public' ? 300 : 1500) * scale * 10 * (g.code === '303' ? 0.1 : 1);
    const parts = rng.split(Math.round(total), items.length);
    const sum = parts.reduce((a, b) => a + b, 0);
    const isP = g.group === 'personnel';
    econRows.push({ code: g.code, name: g.name, level: 1, personnel: isP ? sum : 0, public: isP ? 0 : sum });
    items.forEach(([code, name], j) => econRows.push({ code, name, level: 2, personnel: isP ? parts[j] : 0, public: isP ? 0 : parts[j] }));
    if (isP) personnel += sum;
    else publicExp += sum;
  }
  const basic = personnel + publicExp;

  // Function classification: basic money over 运行-type items, project money over the projects' items.
  const basicItems = rng.sample(FUNCTION_CLASSES.flatMap((c) => c.kuan.flatMap((k) => k.items)).filter((i) => i.use === 'basic'), rng.int(2, 6));
  const basicParts = rng.split(basic, basicItems.length);
  const itemBasic = new Map<string, number>();
  basicItems.forEach((it, j) => itemBasic.set(it.code, basicParts[j]));
  const itemProject = new Map<string, number>();
  for (const p of projects) itemProject.set(p.fn.code, (itemProject.get(p.fn.code) ?? 0) + (final ? (p.executed ?? 0) : p.budget));

  // Non-fiscal money (carry-over, other income) funds part of the project spending.
  const nonFiscalShare = rng.chance(0.5) ? 0 : rng.next() * 0.3;
  const fnRows: FnRow[] = [];
  for (const c of FUNCTION_CLASSES) {
    const kuanRows: FnRow[] = [];
    for (const k of c.kuan) {
      const itemRows: FnRow[] = [];
      for (const it of k.items) {
        const b = itemBasic.get(it.code) ?? 0;
        const p = itemProject.get(it.code) ?? 0;
        if (b === 0 && p === 0) continue;
        const nf = Math.floor(p * nonFiscalShare);
        itemRows.push({ code: it.code, name: it.name, level: 3, basic: b, project: p, fiscalBasic: b, fiscalProject: p - nf });
      }
      if (!itemRows.length) continue;
      const sum = (f: keyof FnRow) => itemRows.reduce((s, r) => s + (r[f] as number), 0);
      kuanRows.push({ code: k.code, name: k.name, level: 2, basic: sum('basic'), project: sum('project'), fiscalBasic: sum('fiscalBasic'), fiscalProject: sum('fiscalProject') }, ...itemRows);
    }
    if (!kuanRows.length) continue;
    const lvl2 = kuanRows.filter((r) => r.level === 2);
    const sum = (f: keyof FnRow) => lvl2.reduce((s, r) => s + (r[f] as number), 0);
    fnRows.push({ code: c.code, name: c.name, level: 1, basic: sum('basic'), project: sum('project'), fiscalBasic: sum('fiscalBasic'), fiscalProject: sum('fiscalProject') }, ...kuanRows);
  }
  const fiscalExp = fnRows.filter((r) => r.level === 1).reduce((s, r) => s + r.fiscalBasic + r.fiscalProject, 0);
  const nonFiscal = basic + project - fiscalExp;
  const carryIn = Math.floor(nonFiscal * rng.next());
  const other = nonFiscal - carryIn;
  // Final accounts may end the year with money left over; budgets balance.
  const carryOut = final && rng.chance(0.4) ? rng.int(1, 500) * scale * 10 : 0;

  const reception = rng.chance(0.3) ? 0 : rng.int(1, 80) * scale;
  const vehicleOperation = rng.chance(0.5) ? 0 : rng.int(1, 200) * scale;
  const vehiclePurchase = rng.chance(0.8) ? 0 : rng.int(10, 40) * 100 * scale;
  const overseas = rng.chance(0.85) ? 0 : rng.int(1, 50) * scale * 10;
  const tpActual = overseas + vehiclePurchase + vehicleOperation + reception;
  const procurementTotal = rng.chance(0.2) ? 0 : rng.int(1, Math.max(1, Math.floor((basic + project) / 100))) * 100;
  const [goods, works, services] = procurementTotal ? rng.split(procurementTotal, 3, 0.05) : [0, 0, 0];
  const authorized = rng.int(5, 300);
  const actual = Math.max(1, authorized - rng.int(0, Math.floor(authorized / 5)));
  const retired = rng.int(0, Math.floor(actual / 3));
  return {
    index, layout, kind, year, region, department,
    unitTables: (layout === 'budget_tables' || layout === 'budget_public_tables') && rng.chance(0.15) ? '元' : '万元',
    staffing: { authorized, actual, inService: actual - retired, retired },
    carryIn, carryOut: carryOut, fiscal: fiscalExp + carryOut, other, basic, project, personnel, publicExp,
    threePublic: { overseas, vehiclePurchase, vehicleOperation, reception, budget: final ? tpActual + rng.int(0, 20) * scale : tpActual },
    procurement: { goods, works, services },
    fnRows, econRows, projects,
    prevChange: rng.int(-3000, 3000) * scale,
  };
}
