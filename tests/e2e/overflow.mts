// Dev aid (not a test): list elements wider than a 390px phone viewport on key pages of the last e2e build.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve, CHROMIUM_ARGS, BASE, DIST } from './harness.ts';
const { server, origin } = await serve(DIST);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const docs = readdirSync(join(DIST, 'documents'));
const paths = ['', 'search/?q=一网通办', 'projects/', 'data/', 'disclosure/', 'about/', 'functions/', ...docs.map((d) => `documents/${d}/`)];
const ctx = await b.newContext({ viewport: { width: 390, height: 900 } });
for (const p of paths) {
  const pg = await ctx.newPage();
  await pg.goto(origin + BASE + p);
  await pg.waitForTimeout(500);
  const r = await pg.evaluate(() => {
    const W = document.documentElement.clientWidth;
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const b = el.getBoundingClientRect();
      if (b.right > W + 1 && b.width > 0 && !el.closest('.table-wrap')) out.push(`${el.tagName.toLowerCase()}.${(el as HTMLElement).className} right=${Math.round(b.right)} ${(el.textContent ?? '').slice(0, 40)}`);
    }
    return { sw: document.documentElement.scrollWidth, out: out.slice(0, 6) };
  });
  console.log(p, r.sw, r.out.join('\n   '));
  await pg.close();
}
await b.close(); server.close();
