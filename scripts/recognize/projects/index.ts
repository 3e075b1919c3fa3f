/** Projects gathered from every place a document mentions them, merged into one record each. (stub) */
import type { Project, Table } from '../../model/schema.js';
import type { RecognizeContext } from '../context.js';

export function recognizeProjects(ctx: RecognizeContext, tables: Table[], document_id: string): Project[] {
  void ctx;
  void tables;
  void document_id;
  return [];
}
