/**
 * Build the Pagefind index after `astro build` (Node API; the npm package ships the extended binary,
 * which segments Chinese). Language comes from <html lang="zh-CN">.
 *   tsx scripts/cli/search-index.ts [--dist dist]
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
const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
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
