/**
 * Bytes a browser fetches for a Pagefind query, computed from the files Pagefind wrote:
 * first query = pagefind.js + worker + wasm + entry + metadata + the index chunk(s) the term needs
 * + one fragment per shown result; a second query adds only its own chunk(s) and fragments.
 * Chunk and fragment sizes are the largest/average of the real files (a conservative estimate,
 * since which chunk a term lands in depends on the term).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface PagefindFigures {
  index_bytes: number;
  files: number;
  index_chunks: number;
  fragments: number;
  first_query_bytes: number;
  second_query_bytes: number;
  method: string;
}

function walk(dir: string): { path: string; size: number }[] {
  const out: { path: string; size: number }[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) out.push(...walk(p));
    else out.push({ path: p, size: st.size });
  }
  return out;
}

export function pagefindFigures(pagefindDir: string, resultsShown = 5): PagefindFigures | null {
  if (!existsSync(pagefindDir)) return null;
  const files = walk(pagefindDir);
  const sum = (xs: { size: number }[]) => xs.reduce((s, f) => s + f.size, 0);
  const one = (re: RegExp) => files.filter((f) => re.test(f.path.slice(pagefindDir.length)));
  const core = [...one(/^\/pagefind\.js$/), ...one(/^\/pagefind-worker\.js$/), ...one(/^\/pagefind-entry\.json$/)];
  // One wasm file per language: the browser loads only the one for the page language.
  const wasm = one(/\.pagefind$/).filter((f) => /wasm/.test(f.path));
  const wasmZh = wasm.find((f) => /zh/.test(f.path)) ?? wasm.sort((a, b) => b.size - a.size)[0];
  const meta = one(/\.pf_meta$/);
  const chunks = one(/\.pf_index$/);
  const fragments = one(/\.pf_fragment$/);
  const maxChunk = chunks.reduce((m, f) => Math.max(m, f.size), 0);
  const avgFragment = fragments.length ? sum(fragments) / fragments.length : 0;
  const first = sum(core) + (wasmZh?.size ?? 0) + sum(meta) + maxChunk + Math.round(avgFragment * resultsShown);
  const second = maxChunk + Math.round(avgFragment * resultsShown);
  return {
    index_bytes: sum(files),
    files: files.length,
    index_chunks: chunks.length,
    fragments: fragments.length,
    first_query_bytes: first,
    second_query_bytes: second,
    method: `pagefind.js+worker+entry+${wasmZh ? 'wasm' : 'no wasm'}+meta+largest chunk+${resultsShown}×avg fragment`,
  };
}
