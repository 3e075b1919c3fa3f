// Site configuration. Everything deploy-specific comes from the environment:
//   SITE_URL   absolute origin of the published site, e.g. https://<user>.github.io
//   BASE_PATH  sub-path the site is served from, e.g. /budget-site/ (default /)
//   SITE_CONTENT_DIR / SITE_DATA_DIR / SITE_SOURCES_DIR / SITE_OUT_DIR  (defaults: content/generated,
//   public/data, content/sources, dist) let tests build a copy elsewhere without touching the tree.
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
// Astro's own Markdown processor (a dependency of astro); smart punctuation off keeps quotes exact.
import { satteri } from '@astrojs/markdown-satteri';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const site = process.env.SITE_URL || 'http://localhost:4321';
const rawBase = process.env.BASE_PATH || '/';
const base = ('/' + rawBase.replace(/^\/+|\/+$/g, '') + '/').replace(/\/+/g, '/');
const dataDir = resolve(process.env.SITE_DATA_DIR || 'public/data');
const sourcesDir = resolve(process.env.SITE_SOURCES_DIR || 'content/sources');
const outDir = resolve(process.env.SITE_OUT_DIR || 'dist');

// Same rule as scripts/normalize/privacy.ts: personal mobile numbers never reach the published site.
const MOBILE = /(?<![\d])(1[3-9]\d)(\d{4})(\d{4})(?![\d])/g;

/** Copy one source file; UTF-8 text gets mobile numbers masked, anything else is copied as is. */
function copySource(from, to) {
  if (statSync(from).isDirectory()) {
    cpSync(from, to, { recursive: true });
    return;
  }
  const bytes = readFileSync(from);
  let text = null;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = null;
  }
  if (text === null || /\.pdf$/i.test(from)) cpSync(from, to);
  else writeFileSync(to, text.replace(MOBILE, (_m, a, _b, c) => `${a}****${c}`));
}

/** Copy the original source files (and the downloads when they live outside public/) into the build. */
function copyInputs() {
  return {
    name: 'budget-site-copy-inputs',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const out = fileURLToPath(dir);
        if (existsSync(sourcesDir)) {
          mkdirSync(join(out, 'sources'), { recursive: true });
          for (const name of readdirSync(sourcesDir)) {
            if (name.startsWith('.') || name.endsWith('.meta.yaml')) continue;
            copySource(join(sourcesDir, name), join(out, 'sources', name));
          }
        }
        if (existsSync(dataDir) && dataDir !== resolve('public/data')) {
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
  integrations: [sitemap({ filter: (page) => !page.endsWith('/404/') }), copyInputs()],
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
});
