/**
 * Facts every page states in its footer: when the data was last changed, under what licence it may be
 * reused, and where to report an error. Build-time only; the same commit always gives the same text.
 */
import { execFileSync } from 'node:child_process';

/**
 * The Content-Security-Policy every page sets in a <meta>: only the site's own scripts, styles and
 * fetches (the search's WebAssembly and worker; the embed page's fetch of the chart's page).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

let cached: string | null | undefined;

/**
 * The data's date (YYYY-MM-DD): SOURCE_DATE_EPOCH when set (the reproducible-builds convention), else
 * the date of the last commit, else null. Never the build time, so two builds of a commit agree.
 */
export function dataDate(): string | null {
  if (cached !== undefined) return cached;
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return (cached = new Date(Number(epoch) * 1000).toISOString().slice(0, 10));
  try {
    const out = execFileSync('git', ['log', '-1', '--format=%cs'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    cached = /^\d{4}-\d{2}-\d{2}$/.test(out) ? out : null;
  } catch {
    cached = null;
  }
  return cached;
}

/** Where readers report an error: REPORT_URL, else the repository's issues on GitHub Actions, else null. */
export function reportUrl(): string | null {
  if (process.env.REPORT_URL) return process.env.REPORT_URL;
  const repo = process.env.GITHUB_REPOSITORY;
  const server = process.env.GITHUB_SERVER_URL || 'https://github.com';
  return repo ? `${server}/${repo}/issues/new` : null;
}

export const DATA_LICENCE = { name: '知识共享署名 4.0 国际许可协议（CC BY 4.0）', url: 'https://creativecommons.org/licenses/by/4.0/deed.zh-hans' };
