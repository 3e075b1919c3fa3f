/**
 * npm run ingest -- --sources DIR --out DIR [--strict] [--no-mask-phones] [--no-cache]
 * Exit codes: 0 ok (warnings allowed); 1 --strict and some error; 2 bad arguments or no sources.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runPipeline } from '../pipeline/run.js';
import { writeOutputs } from '../emit/index.js';
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
const result = await runPipeline(sources, { maskPhones: !values['no-mask-phones'], cache: !values['no-cache'] });
await writeOutputs({ documents: result.documents, errors: result.errors }, out);
const errs = result.errors.filter((e) => e.severity === 'error');
const warns = result.errors.filter((e) => e.severity === 'warning');
for (const e of result.errors) {
  console.log(`${e.severity === 'error' ? '错误' : '警告'} ${e.file}${e.line ? `:${e.line}` : ''} [${e.action}] ${e.message}`);
}
const projects = result.documents.reduce((n, d) => n + d.projects.length, 0);
const findings = result.documents.reduce((n, d) => n + d.findings.length, 0);
console.log(
  `完成：${result.files.length} 个文件，成功 ${result.documents.length} 个文档，项目 ${projects} 个，核对发现 ${findings} 条；错误 ${errs.length}，警告 ${warns.length}；用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒。输出：${out}`,
);
if (values.strict && errs.length > 0) process.exit(1);
if (result.files.length === 0) {
  console.error('来源目录中没有可读取的文档（.txt/.md/.pdf）');
  process.exit(2);
}
