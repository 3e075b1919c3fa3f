/** Write every output of a run under `outDir`. (stub — collections, CSV, datapackage) */
import type { DocumentRecord, IngestError } from '../model/schema.js';

export interface EmitInput {
  documents: DocumentRecord[];
  errors: IngestError[];
}

export interface EmitPaths {
  /** content collections: <out>/content/generated/{documents,projects}/*.md */
  collections: string;
  /** downloads served under /data: <out>/public/data */
  data: string;
}

export function outputPaths(outDir: string): EmitPaths {
  return { collections: `${outDir}/content/generated`, data: `${outDir}/public/data` };
}

export async function writeOutputs(input: EmitInput, outDir: string): Promise<void> {
  void input;
  void outDir;
}
