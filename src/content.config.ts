/**
 * The two collections the pipeline writes. Front matter is validated with the canonical model
 * (scripts/model/schema.ts), so pages get exactly the DocumentEntry / ProjectEntry types.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { DocumentEntry, ProjectEntry } from '../scripts/model/schema';

const base = process.env.SITE_CONTENT_DIR || 'content/generated';

const documents = defineCollection({
  loader: glob({ pattern: '*.md', base: `${base}/documents`, retainBody: false }),
  schema: DocumentEntry,
});
const projects = defineCollection({
  loader: glob({ pattern: '*.md', base: `${base}/projects`, retainBody: false }),
  schema: ProjectEntry,
});

export const collections = { documents, projects };
