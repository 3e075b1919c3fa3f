// Dev aid (not a test): PNG screenshots of key pages from the last e2e build → /tmp/shot-*.png
//   npx tsx tests/e2e/screenshots.mts
import { chromium } from 'playwright-core';
import { serve, CHROMIUM_ARGS, DIST, BASE } from './harness.ts';
const { server, origin } = await serve(DIST);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const shots: Array<[string, string, number]> = [
  ['home', '', 1280], ['home-m', '', 390],
  ['doc', 'documents/gan-zhou-shi-xing-zheng-shen-pi-ju-2022-budget/', 1280],
  ['doc-m', 'documents/shang-rao-shi-da-shu-ju-fa-zhan-guan-li-ju-2021-final-account/', 390],
  ['search', 'search/?q=%E4%B8%80%E7%BD%91%E9%80%9A%E5%8A%9E', 1280],
  ['projects', 'projects/', 1280],
];
for (const [n, p, w] of shots) {
  const ctx = await b.newContext({ viewport: { width: w, height: 900 } });
  const pg = await ctx.newPage();
  await pg.goto(origin + BASE + p);
  await pg.waitForTimeout(1200);
  await pg.screenshot({ path: `/tmp/shot-${n}.png`, fullPage: n !== 'doc', clip: n === 'doc' ? undefined : undefined });
  await ctx.close();
}
await b.close(); server.close();
