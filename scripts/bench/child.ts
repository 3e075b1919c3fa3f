/**
 * One measured step, run in its own process so its peak RSS is its own:
 *   floor  --dir D                       read + decode every source (the floor ingest is compared with)
 *   ingest --dir D [--workers N] [--cache-dir C | --no-cache]
 * Prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { decodeText } from '../read/decode.js';
import { listSources, runPipeline } from '../pipeline/run.js';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { dir: { type: 'string' }, workers: { type: 'string' }, 'cache-dir': { type: 'string' }, 'no-cache': { type: 'boolean', default: false } },
});
const mode = positionals[0];
const dir = values.dir!;
const t0 = performance.now();
if (mode === 'floor') {
  let bytes = 0;
  let chars = 0;
  const files = listSources(dir);
  for (const f of files) {
    const b = new Uint8Array(readFileSync(f));
    bytes += b.length;
    const d = decodeText(b);
    if (d.ok) chars += d.text.split('\n').length;
  }
  console.log(JSON.stringify({ mode, files: files.length, bytes, lines: chars, ms: performance.now() - t0 }));
} else {
  const r = await runPipeline(dir, {
    log: () => {},
    workers: values.workers === undefined ? undefined : Number(values.workers),
    cache: !values['no-cache'],
    cacheDir: values['cache-dir'],
  });
  const ms = performance.now() - t0;
  const errors = r.errors.filter((e) => e.severity === 'error').length;
  console.log(JSON.stringify({ mode, files: r.files.length, documents: r.documents.length, errors, ms, ...r.stats }));
}
