/**
 * Synthetic corpus: N documents in the layouts of real disclosures, each with a ground-truth JSON of
 * what the pipeline should recover. Seeded and deterministic: document i depends only on (seed, i),
 * so a corpus of 1,000 is the first 1,000 documents of a corpus of 10,000.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentKind } from '../model/schema.js';
import { buildDocument, type GenDocument, type Layout } from './model.js';
import { renderDocument } from './layouts.js';
import { Rng } from './prng.js';

export interface GroundTruth {
  file: string;
  layout: Layout;
  department: string;
  province: string;
  city: string | null;
  county: string | null;
  fiscal_year: number;
  kind: DocumentKind;
  /** money unit of the document's tables */
  unit: '万元' | '元';
  /** in 万元, as the model states them */
  totals: {
    income_total: number;
    current_year_income: number;
    expenditure_total: number;
    current_year_expenditure: number;
    basic_expenditure: number;
    project_expenditure: number;
    fiscal_appropriation: number;
    operating_expenses: number;
    three_public_total: number;
    procurement_total: number;
  };
  projects: { name: string; budget: number; executed: number | null; indicator_count: number }[];
  indicator_count: number;
}

const toWan = (h: number) => h / 100;

export function groundTruth(doc: GenDocument, file: string): GroundTruth {
  const t = doc.threePublic;
  const tpActual = t.overseas + t.vehiclePurchase + t.vehicleOperation + t.reception;
  const p = doc.procurement;
  return {
    file,
    layout: doc.layout,
    department: doc.department,
    province: doc.region.province,
    city: doc.region.city,
    county: doc.region.county,
    fiscal_year: doc.year,
    kind: doc.kind,
    unit: doc.layout === 'budget_narrative' || doc.layout === 'budget_draft' ? '万元' : doc.unitTables,
    totals: {
      income_total: toWan(doc.fiscal + doc.other + doc.carryIn),
      current_year_income: toWan(doc.fiscal + doc.other),
      expenditure_total: toWan(doc.basic + doc.project + doc.carryOut),
      current_year_expenditure: toWan(doc.basic + doc.project),
      basic_expenditure: toWan(doc.basic),
      project_expenditure: toWan(doc.project),
      fiscal_appropriation: toWan(doc.fiscal),
      operating_expenses: toWan(doc.publicExp),
      // schema: budget for budgets, actual for final accounts
      three_public_total: toWan(doc.kind === 'final_account' ? tpActual : t.budget),
      procurement_total: toWan(p.goods + p.works + p.services),
    },
    projects: doc.projects.map((x) => ({ name: x.name, budget: toWan(x.budget), executed: x.executed === null ? null : toWan(x.executed), indicator_count: x.indicators.length })),
    indicator_count: doc.projects.reduce((s, x) => s + x.indicators.length, 0),
  };
}

export function fileName(index: number): string {
  return `doc-${String(index).padStart(6, '0')}.txt`;
}

/** Text and truth of document `index` (pure: no file system). */
export function generateOne(seed: number, index: number): { file: string; text: string; truth: GroundTruth } {
  const doc = buildDocument(seed, index);
  const file = fileName(index);
  const text = renderDocument(doc, new Rng(`${seed}:${index}:render`));
  return { file, text, truth: groundTruth(doc, file) };
}

export interface GenerateOptions {
  n: number;
  seed?: number;
  outDir: string;
  /** where truth files go (default: <outDir>/../<basename>.truth); kept out of the sources folder */
  truthDir?: string;
}

export function generateCorpus(opts: GenerateOptions): { files: string[]; bytes: number; truthDir: string } {
  const seed = opts.seed ?? 1;
  const truthDir = opts.truthDir ?? `${opts.outDir.replace(/\/+$/, '')}.truth`;
  mkdirSync(opts.outDir, { recursive: true });
  mkdirSync(truthDir, { recursive: true });
  const files: string[] = [];
  let bytes = 0;
  for (let i = 0; i < opts.n; i++) {
    const { file, text, truth } = generateOne(seed, i);
    writeFileSync(join(opts.outDir, file), text);
    writeFileSync(join(truthDir, file.replace(/\.txt$/, '.json')), JSON.stringify(truth, null, 1));
    files.push(file);
    bytes += Buffer.byteLength(text);
  }
  return { files, bytes, truthDir };
}
