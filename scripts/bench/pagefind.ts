/**
 * Bytes a browser fetches for a Pagefind query, computed from the files Pagefind wrote. The search
 * has one bundle per fiscal year (scripts/postbuild/search-bundles.ts); its manifest already holds
 * the estimate for a first query over the default scope and over all years:
 * pagefind.js + worker (gzip, as GitHub Pages serves them) + wasm + entry + every loaded metadata
 * file + the largest index chunk of each loaded bundle + one fragment per shown result. A second
 * query adds only its own chunk(s) and fragments. Chunk and fragment sizes are the largest/average
 * of the real files (a conservative estimate, since which chunk a term lands in depends on the term).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type BundleManifest, CHUNKS_PER_QUERY } from '../postbuild/search-bundles.js';

export interface PagefindFigures {
  index_bytes: number;
  files: number;
  index_chunks: number;
  fragments: number;
  first_query_bytes: number;
  /** a first query after choosing 全部年份 (same as first_query_bytes when that is the default) */
  first_query_all_years_bytes: number;
  second_query_bytes: number;
  /** the scope a first visit searches: "all" or a year */
  default_scope: string;
  bundles: number;
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
  const manifestPath = join(pagefindDir, 'bundles.json');
  if (!existsSync(manifestPath)) return null;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as BundleManifest;
  const files = walk(pagefindDir);
  const sum = (xs: { size: number }[]) => xs.reduce((s, f) => s + f.size, 0);
  const chunks = files.filter((f) => f.path.endsWith('.pf_index'));
  const fragments = files.filter((f) => f.path.endsWith('.pf_fragment'));
  const scope = manifest.default === 'all' ? (manifest.all ? [manifest.all] : manifest.bundles) : manifest.bundles.filter((b) => b.key === manifest.default);
  const avgFragment = fragments.length ? sum(fragments) / fragments.length : 0;
  return {
    index_bytes: sum(files),
    files: files.length,
    index_chunks: chunks.length,
    fragments: fragments.length,
    first_query_bytes: manifest.first_query_default_bytes,
    first_query_all_years_bytes: manifest.first_query_all_bytes,
    second_query_bytes: scope.reduce((s, b) => s + b.query_chunk_bytes, 0) + Math.round(avgFragment * resultsShown),
    default_scope: manifest.default,
    bundles: manifest.bundles.length,
    method: `per-year bundles; pagefind.js+worker (gzip)+entry+wasm+meta of each loaded bundle+its ${CHUNKS_PER_QUERY} largest chunks+${resultsShown}×avg fragment`,
  };
}
