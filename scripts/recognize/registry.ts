/**
 * The recognizer registry: every recognizer is a unit with an id, the ids it depends on, and a typed
 * output. A recognizer gets the context and its dependencies' outputs, nothing else, so no two share
 * state behind each other's back; it can be run (with what it needs) on a fixture alone.
 *
 * Adding a layout: one module exporting a `defineRecognizer(…)`, its output type in
 * `RecognizerOutputs`, one line in `RECOGNIZERS` (scripts/recognize/index.ts), one fixture folder in
 * tests/fixtures/recognize/<id>/.
 */
import type {
  BudgetExecution,
  StatedChange,
  EconomicExpenditure,
  FunctionExpenditure,
  GlossaryEntry,
  NarrativeFact,
  Procurement,
  Project,
  SourceRef,
  StatCount,
  Table,
  ThreePublic,
  Totals,
} from '../model/schema.js';
import type { RecognizeContext } from './context.js';
import type { Profile } from './document/profile.js';
import type { OutlineEntry } from './document/outline.js';
import type { ProjectDraft } from './projects/draft.js';

/** Each recognizer's output, by id. */
export interface RecognizerOutputs {
  profile: Profile;
  outline: OutlineEntry[];
  tables: Table[];
  'function-classification': FunctionExpenditure[];
  'economic-classification': EconomicExpenditure[];
  'three-public': { items: ThreePublic[]; stats: StatCount[] };
  procurement: Procurement[];
  /** headline totals read from the summary tables, with the source row of each */
  'table-totals': Partial<Record<keyof Totals, { value: number; source: SourceRef; previous?: number; initial_budget?: number; final_budget?: number }>>;
  facts: NarrativeFact[];
  /** a 决算's budget-against-actual lines from its running text */
  'budget-execution': BudgetExecution[];
  /** function lines whose change from the previous year the text states */
  'function-changes': StatedChange[];
  glossary: GlossaryEntry[];
  'project-forms': ProjectDraft[];
  /** drafts, and the table blocks they were read from (project tables skip those) */
  'project-goal-tables': { drafts: ProjectDraft[]; covered: Array<[number, number]> };
  'project-goal-matrices': ProjectDraft[];
  'project-tables': ProjectDraft[];
  'project-narrative-lists': ProjectDraft[];
  'project-spending-list': ProjectDraft[];
  'project-evaluations': ProjectDraft[];
  projects: Project[];
}
export type RecognizerId = keyof RecognizerOutputs;

export interface Recognizer<Id extends RecognizerId = RecognizerId, D extends RecognizerId = RecognizerId> {
  id: Id;
  /** Chinese, for the warning when it fails on a document */
  label: string;
  deps: readonly D[];
  run(ctx: RecognizeContext, inputs: Pick<RecognizerOutputs, D>): RecognizerOutputs[Id];
  /** what its dependents get when it fails on a document */
  empty(): RecognizerOutputs[Id];
}

/** Typed constructor: `inputs` holds exactly the outputs named in `deps`. */
export function defineRecognizer<Id extends RecognizerId, D extends RecognizerId = never>(r: Recognizer<Id, D>): Recognizer<Id, D> {
  return r;
}

// Recognizers of any id, as the runner sees them (each one's own typing is checked where it is defined).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRecognizer = Recognizer<RecognizerId, any>;

/** Checks a registry: ids unique, and every dependency listed before the recognizer that needs it. */
export function assertOrdered(list: readonly AnyRecognizer[]): void {
  const seen = new Set<string>();
  for (const r of list) {
    if (seen.has(r.id)) throw new Error(`recognizer ${r.id} is registered twice`);
    for (const d of r.deps) if (!seen.has(d)) throw new Error(`recognizer ${r.id} depends on ${d}, which is not registered before it`);
    seen.add(r.id);
  }
}

/** The recognizers `target` needs (itself included), in registry order. */
export function closure(list: readonly AnyRecognizer[], target: RecognizerId): AnyRecognizer[] {
  const byId = new Map(list.map((r) => [r.id, r]));
  const need = new Set<string>();
  const visit = (id: RecognizerId) => {
    if (need.has(id)) return;
    const r = byId.get(id);
    if (!r) throw new Error(`no recognizer ${id}`);
    need.add(id);
    for (const d of r.deps) visit(d);
  };
  visit(target);
  return list.filter((r) => need.has(r.id));
}

/**
 * Runs recognizers in registry order. One that throws does not take the document down: it is
 * reported as a warning and its dependents get its empty output.
 */
export function runRecognizers(ctx: RecognizeContext, list: readonly AnyRecognizer[]): Partial<RecognizerOutputs> {
  const out: Partial<Record<RecognizerId, unknown>> = {};
  for (const r of list) {
    const inputs = Object.fromEntries(r.deps.map((d: RecognizerId) => [d, out[d]]));
    try {
      out[r.id] = r.run(ctx, inputs as never);
    } catch (e) {
      ctx.warn(null, `识别${r.label}时出错，已跳过：${e instanceof Error ? e.message : String(e)}`);
      out[r.id] = r.empty();
    }
  }
  return out as Partial<RecognizerOutputs>;
}
