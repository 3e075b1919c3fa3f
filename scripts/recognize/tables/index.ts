/** Tables: grid reconstruction, kind, and the structured rows extracted from each kind. (stub) */
import type {
  EconomicExpenditure,
  FunctionExpenditure,
  Procurement,
  SourceRef,
  StatCount,
  Table,
  ThreePublic,
  Totals,
} from '../../model/schema.js';
import type { RecognizeContext } from '../context.js';

export interface TablesResult {
  tables: Table[];
  expenditure_by_function: FunctionExpenditure[];
  basic_expenditure_by_economic: EconomicExpenditure[];
  three_public: ThreePublic[];
  stats: StatCount[];
  procurement: Procurement[];
  /** Totals read from the summary tables, with the source row of each. */
  totals: Partial<Record<keyof Totals, { value: number; source: SourceRef }>>;
}

export function recognizeTables(ctx: RecognizeContext): TablesResult {
  void ctx;
  return {
    tables: [],
    expenditure_by_function: [],
    basic_expenditure_by_economic: [],
    three_public: [],
    stats: [],
    procurement: [],
    totals: {},
  };
}
