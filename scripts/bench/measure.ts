/** Run a command as a child process and measure wall time and peak RSS (GNU time -v, else /proc polling). */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

export interface Measured {
  code: number | null;
  ms: number;
  /** peak resident set size in MB of the largest process in the tree (GNU time), or of the polled tree */
  peak_rss_mb: number | null;
  stdout: string;
  stderr: string;
}

const GNU_TIME = '/usr/bin/time';

/** Sum of RSS over a process and its descendants, from /proc (Linux). */
function treeRssKb(pid: number): number {
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      const m = status.match(/VmRSS:\s+(\d+)/);
      if (m) total += Number(m[1]);
      const kids = readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim();
      if (kids) stack.push(...kids.split(/\s+/).map(Number));
    } catch {
      // process ended between reads
    }
  }
  return total;
}

export function measure(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<Measured> {
  const useTime = existsSync(GNU_TIME);
  const [c, a] = useTime ? [GNU_TIME, ['-v', cmd, ...args]] : [cmd, args];
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(c, a, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    // Poll the whole tree too: GNU time reports the largest single process, polling sees the sum.
    let polledKb = 0;
    const timer = setInterval(() => {
      if (child.pid) polledKb = Math.max(polledKb, treeRssKb(child.pid));
    }, 200);
    const kill = opts.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs) : null;
    child.on('close', (code) => {
      clearInterval(timer);
      if (kill) clearTimeout(kill);
      const m = stderr.match(/Maximum resident set size \(kbytes\): (\d+)/);
      const timeKb = m ? Number(m[1]) : 0;
      const kb = Math.max(timeKb, polledKb);
      // Keep the command's own messages only, not GNU time's report.
      const cut = stderr.indexOf('\tCommand being timed:');
      if (cut >= 0) stderr = stderr.slice(0, cut);
      resolve({ code, ms: performance.now() - t0, peak_rss_mb: kb ? Math.round(kb / 102.4) / 10 : null, stdout, stderr });
    });
  });
}

/** Last JSON line a child printed. */
export function lastJson<T>(out: string): T | null {
  const lines = out.trim().split('\n').reverse();
  for (const l of lines) {
    try {
      return JSON.parse(l) as T;
    } catch {
      // not JSON
    }
  }
  return null;
}
