/** Department profile: responsibilities, budget units, staffing. (stub — to be implemented) */
import type { Staffing } from '../../model/schema.js';
import type { RecognizeContext } from '../context.js';

export interface Profile {
  responsibilities: string[];
  budget_units: string[];
  staffing: Staffing;
}

export function recognizeProfile(ctx: RecognizeContext): Profile {
  void ctx;
  return {
    responsibilities: [],
    budget_units: [],
    staffing: { authorized: null, actual: null, in_service: null, retired: null, source: null },
  };
}
