// Dev aid (not a test): screenshot elements of the last e2e build: npx tsx tests/e2e/shot-elements.mts '[["name","path/",390,"#css"]]' → /tmp/el-name.png
import { chromium } from 'playwright-core';
import { serve, CHROMIUM_ARGS, BASE, DIST } from './harness.ts';
const { server, origin } = await serve(DIST);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const jobs = JSON.parse(process.argv[2]!) as Array<[string, string, number, string]>;
for (const [name, path, w, sel] of jobs) {
  const ctx = await b.newContext({ viewport: { width: w, height: 900 } });
  const pg = await ctx.newPage();
  await pg.goto(origin + BASE + path);
  await pg.waitForTimeout(800);
  if (sel) await pg.locator(sel).first().screenshot({ path: `/tmp/el-${name}.png` });
  else await pg.screenshot({ path: `/tmp/el-${name}.png` });
  await ctx.close();
}
await b.close(); server.close();
