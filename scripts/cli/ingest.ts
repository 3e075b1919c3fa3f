/**
 * npm run ingest -- --sources DIR --out DIR [--strict] [--no-mask-phones] [--no-cache]
 * Exit codes: 0 ok (warnings allowed); 1 --strict and some error; 2 bad arguments or no sources.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runPipeline } from '../pipeline/run.js';
import { OutputWriter } from '../emit/index.js';
import { assertNodeVersion } from './node-version.js';

assertNodeVersion();
const { values } = parseArgs({
  options: {
    sources: { type: 'string', default: 'content/sources' },
    out: { type: 'string', default: '.' },
    strict: { type: 'boolean', default: false },
    'no-mask-phones': { type: 'boolean', default: false },
    'no-cache': { type: 'boolean', default: false },
  },
});
const sources = resolve(values.sources!);
const out = resolve(values.out!);
if (!existsSync(sources) || !statSync(sources).isDirectory()) {
  console.error(`来源目录不存在：${sources}`);
  process.exit(2);
}
const started = Date.now();
// outputs are written as documents come in (rendered by the parse workers); the run-wide files at the end
const writer = new OutputWriter(out);
const result = await runPipeline(sources, {
  maskPhones: !values['no-mask-phones'],
  cache: !values['no-cache'],
  keepDocuments: false,
  onDocument: (_d, rendered) => writer.add(rendered),
});
await writer.finish(result.errors);
const errs = result.errors.filter((e) => e.severity === 'error');
const warns = result.errors.filter((e) => e.severity === 'warning');
for (const e of result.errors) {
  console.log(`${e.severity === 'error' ? '错误' : '警告'} ${e.file}${e.line ? `:${e.line}` : ''} [${e.action}] ${e.message}`);
}
const { documents, projects, findings } = result.summary;
console.log(
  `完成：${result.files.length} 个文件，成功 ${documents} 个文档，项目 ${projects} 个，核对发现 ${findings} 条；错误 ${errs.length}，警告 ${warns.length}；用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒。输出：${out}`,
);
if (values.strict && errs.length > 0) process.exit(1);
if (result.files.length === 0) {
  console.error('来源目录中没有可读取的文档（.txt/.md/.pdf）');
  process.exit(2);
}
