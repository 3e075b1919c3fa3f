// Site configuration. Everything deploy-specific comes from the environment:
//   SITE_URL   absolute origin of the published site, e.g. https://<user>.github.io
//   BASE_PATH  sub-path the site is served from, e.g. /budget-site/ (default /)
//   SITE_CONTENT_DIR / SITE_DATA_DIR / SITE_SOURCES_DIR / SITE_OUT_DIR  (defaults: content/generated,
//   public/data, content/sources, dist) let tests build a copy elsewhere without touching the tree.
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
// Astro's own Markdown processor (a dependency of astro); smart punctuation off keeps quotes exact.
import { satteri } from '@astrojs/markdown-satteri';
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const site = process.env.SITE_URL || 'http://localhost:4321';
const rawBase = process.env.BASE_PATH || '/';
const base = ('/' + rawBase.replace(/^\/+|\/+$/g, '') + '/').replace(/\/+/g, '/');
const dataDir = resolve(process.env.SITE_DATA_DIR || 'public/data');
const outDir = resolve(process.env.SITE_OUT_DIR || 'dist');

/**
 * Copy the downloads into the build when they live outside public/. The original source files are
 * copied by scripts/cli/site-build.ts after the build: reading a PDF needs modules that Astro's module
 * runner can no longer load once the build is done.
 */
function copyInputs() {
  return {
    name: 'budget-site-copy-inputs',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const out = fileURLToPath(dir);
        // When the downloads live outside public/, the copy Astro made of public/data is not this
        // site's data: drop it (the data page, data/index.html, stays). Build shards
        // (scripts/cli/site-build.ts): the first copies the downloads.
        const [k, n] = (process.env.SITE_SHARD || '0/1').split('/').map(Number);
        const publicData = resolve('public/data');
        if (dataDir !== publicData && existsSync(publicData)) {
          for (const name of readdirSync(publicData)) rmSync(join(out, 'data', name), { recursive: true, force: true });
        }
        if (k === 0 && existsSync(dataDir) && dataDir !== publicData) {
          cpSync(dataDir, join(out, 'data'), { recursive: true });
        }
      },
    },
  };
}

export default defineConfig({
  site,
  base,
  outDir,
  cacheDir: process.env.SITE_CACHE_DIR || './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  markdown: { processor: satteri({ features: { smartPunctuation: false } }) },
  integrations: [sitemap({ filter: (page) => !page.endsWith('/404/') && !page.endsWith('/embed/') }), copyInputs()],
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
});
