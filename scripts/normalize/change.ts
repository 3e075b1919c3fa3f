/**
 * Year-over-year change and budget execution, computed exactly from the figures a document prints
 * (上年 beside 本年; 年初/调整预算 beside 决算数). Shared by the CSV writers and the pages, so both
 * show the same numbers.
 */
import Decimal from 'decimal.js';

type Amount = number | null | undefined;

/** 本年 − 上年, exactly; null when either is not printed. */
export function changeOf(current: Amount, previous: Amount): number | null {
  if (current === null || current === undefined || previous === null || previous === undefined) return null;
  return new Decimal(current).minus(previous).toNumber();
}

/** (本年 − 上年) ÷ 上年 in percent, to 2 decimals; null when either is missing or 上年 is 0. */
export function changePctOf(current: Amount, previous: Amount): number | null {
  const d = changeOf(current, previous);
  if (d === null || !previous) return null;
  return new Decimal(d).div(previous).times(100).toDecimalPlaces(2).toNumber();
}

/** The budget an execution rate is measured against: the final (调整/全年) budget, else the 年初预算. */
export function baseBudget(r: { initial_budget?: Amount; final_budget?: Amount }): number | null {
  return r.final_budget ?? r.initial_budget ?? null;
}

/** 决算数 ÷ budget in percent, to 2 decimals; null when either is missing or the budget is 0. */
export function executionRate(actual: Amount, budget: Amount): number | null {
  if (actual === null || actual === undefined || !budget) return null;
  return new Decimal(actual).div(budget).times(100).toDecimalPlaces(2).toNumber();
}
