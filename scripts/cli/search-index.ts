/**
 * Build the Pagefind index after `astro build` (Node API; the npm package ships the extended binary,
 * which segments Chinese). Language comes from <html lang="zh-CN">.
 *   tsx scripts/cli/search-index.ts [--dist dist]
 *
 * Only document and project pages are indexed (their <article data-pagefind-body>). Inside them the
 * copies of the source tables and the charts' data are left out: they are numbers already published
 * as tables and CSV, and they made up most of the index (every amount is a distinct term) and of the
 * fragment a result loads. Project names, document titles, departments, text passages, findings,
 * table titles and glossary stay searchable.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as pagefind from 'pagefind';

const { values } = parseArgs({ options: { dist: { type: 'string', default: process.env.SITE_OUT_DIR || 'dist' } } });
const dist = resolve(values.dist!);
if (!existsSync(join(dist, 'index.html'))) {
  console.error(`没有找到构建结果：${dist}（请先运行 astro build）`);
  process.exit(2);
}
const EXCLUDE_SELECTORS = ['.src-table', 'figure.chart'];
const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn', excludeSelectors: EXCLUDE_SELECTORS });
if (!index) {
  console.error(`无法创建搜索索引：${errors.join('；')}`);
  process.exit(1);
}
const added = await index.addDirectory({ path: dist });
if (added.errors.length) console.error(`索引警告：${added.errors.join('；')}`);
const written = await index.writeFiles({ outputPath: join(dist, 'pagefind') });
if (written.errors.length) {
  console.error(`写入搜索索引失败：${written.errors.join('；')}`);
  process.exit(1);
}
console.log(`搜索索引：${added.page_count} 个页面 → ${join(dist, 'pagefind')}`);
await pagefind.close();
