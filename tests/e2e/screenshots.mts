// Dev aid (not a test): builds (if stale) and takes PNG screenshots of key pages at desktop (1280) and
// phone (390) width → /tmp/shot-*.png.   npx tsx tests/e2e/screenshots.mts
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve, buildSite, CHROMIUM_ARGS, BASE } from './harness.ts';
const built = await buildSite();
const { server, origin } = await serve(built.dist);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const docs = readdirSync(join(built.dist, 'documents')).filter((d) => d !== built.hostile.documentId).sort();
const projs = readdirSync(join(built.dist, 'projects')).filter((d) => d.includes('--') && !d.startsWith(built.hostile.documentId)).sort();
const doc = process.env.SHOT_DOC ?? docs[0];
const pages: Array<[string, string]> = [
  ['home', ''],
  ['doc', `documents/${doc}/`],
  ['project', `projects/${projs[0]}/`],
  ['search', 'search/?q=%E4%B8%80%E7%BD%91%E9%80%9A%E5%8A%9E'],
  ['projects', 'projects/'],
];
const full = process.env.SHOT_FULL !== '0';
for (const [n, p] of pages) {
  for (const [suffix, w] of [['', 1280], ['-m', 390]] as const) {
    const ctx = await b.newContext({ viewport: { width: w, height: 900 }, deviceScaleFactor: 1 });
    const pg = await ctx.newPage();
    await pg.goto(origin + BASE + p);
    await pg.waitForTimeout(1200);
    await pg.screenshot({ path: `/tmp/shot-${n}${suffix}.png`, fullPage: full });
    await ctx.close();
  }
}
console.log(`文档：${doc}；项目：${projs[0]}`);
await b.close();
server.close();
