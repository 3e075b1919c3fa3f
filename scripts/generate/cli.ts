/** npx tsx scripts/generate/cli.ts --n 1000 [--seed 1] [--out bench/tmp/corpus-1000] */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { generateCorpus } from './index.js';

const { values } = parseArgs({ options: { n: { type: 'string', default: '100' }, seed: { type: 'string', default: '1' }, out: { type: 'string' } } });
const n = Number(values.n);
const out = resolve(values.out ?? `bench/tmp/corpus-${n}`);
const started = Date.now();
const r = generateCorpus({ n, seed: Number(values.seed), outDir: out });
console.log(`已生成 ${r.files.length} 个文档（${(r.bytes / 1e6).toFixed(1)} MB）：${out}；标准答案：${r.truthDir}；用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`);
