/** Optional `<file>.meta.yaml` beside a source: sets or corrects document fields the text cannot tell. */
import { existsSync, readFileSync } from 'node:fs';
import { parse, YAMLParseError } from 'yaml';
import { Sidecar } from '../model/schema.js';

export type SidecarResult = { ok: true; value: Sidecar | null } | { ok: false; line: number | null; message: string };

export function sidecarPath(sourcePath: string): string {
  return `${sourcePath}.meta.yaml`;
}

export function readSidecar(sourcePath: string): SidecarResult {
  const path = sidecarPath(sourcePath);
  if (!existsSync(path)) return { ok: true, value: null };
  let data: unknown;
  try {
    data = parse(readFileSync(path, 'utf8'));
  } catch (e) {
    const line = e instanceof YAMLParseError ? (e.linePos?.[0]?.line ?? null) : null;
    return { ok: false, line, message: `元数据文件 YAML 语法错误：${(e as Error).message.split('\n')[0]}` };
  }
  if (data === null || data === undefined) return { ok: true, value: null };
  const parsed = Sidecar.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(根)'}: ${i.message}`).join('；');
    return { ok: false, line: null, message: `元数据文件字段无效：${issues}` };
  }
  return { ok: true, value: parsed.data };
}
