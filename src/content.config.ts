/**
 * The two collections the pipeline writes (content/generated/{documents,projects}/*.md). Every file's
 * front matter is validated with the canonical model (scripts/model/schema.ts) when the collections
 * load; the store keeps a light projection of each entry (src/lib/entries.ts explains why) and the
 * document and project pages read their full entry from the file.
 */
import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { lightDocument, lightProject, readDocument, readProject } from './lib/entries';

const base = resolve(process.env.SITE_CONTENT_DIR || 'content/generated');

function markdownEntries(dir: string, project: (file: string) => { id: string } & Record<string, unknown>): Loader {
  return {
    name: 'budget-site-markdown',
    load: async ({ store, watcher }) => {
      const loadAll = () => {
        store.clear();
        if (!existsSync(dir)) return;
        for (const name of readdirSync(dir).filter((n) => n.endsWith('.md')).sort()) {
          const data = project(join(dir, name));
          store.set({ id: data.id, data });
        }
      };
      loadAll();
      // dev server: a new ingest run rewrites the folder; reload it when one of its files changes
      if (watcher) {
        watcher.add(dir);
        const onChange = (path: string) => {
          if (path.startsWith(dir) && path.endsWith('.md')) loadAll();
        };
        watcher.on('change', onChange);
        watcher.on('add', onChange);
        watcher.on('unlink', onChange);
      }
    },
  };
}

const documents = defineCollection({
  loader: markdownEntries(join(base, 'documents'), (file) => lightDocument(readDocument(file), file)),
});
const projects = defineCollection({
  loader: markdownEntries(join(base, 'projects'), (file) => lightProject(readProject(file), file)),
});

export const collections = { documents, projects };
