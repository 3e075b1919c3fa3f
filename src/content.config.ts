/**
 * The two collections the pipeline writes. Front matter is validated with the canonical model
 * (scripts/model/schema.ts), so pages get exactly the DocumentEntry / ProjectEntry types.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { DocumentEntry, ProjectEntry } from '../scripts/model/schema';

const base = process.env.SITE_CONTENT_DIR || 'content/generated';

/**
 * Astro reads front matter as YAML 1.1, where an unquoted 2022-01-01 becomes a Date. The model only
 * has strings there, so dates are turned back into the text the document printed.
 */
function undate(v: unknown): unknown {
  if (v instanceof Date) {
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (Array.isArray(v)) return v.map(undate);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, undate(x)]));
  return v;
}

const documents = defineCollection({
  loader: glob({ pattern: '*.md', base: `${base}/documents`, retainBody: false }),
  schema: z.preprocess(undate, DocumentEntry),
});
const projects = defineCollection({
  loader: glob({ pattern: '*.md', base: `${base}/projects`, retainBody: false }),
  schema: z.preprocess(undate, ProjectEntry),
});

export const collections = { documents, projects };
