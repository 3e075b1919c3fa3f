/**
 * Reading the pipeline's Markdown collections (content/generated/{documents,projects}/*.md) for the
 * site. Front matter is parsed with js-yaml's core schema (dates stay the text the document printed)
 * and validated with the canonical model (scripts/model/schema.ts).
 *
 * Scale: list, overview and navigation pages use a light projection of each entry (its listing),
 * taken from the listing the pipeline writes beside each folder; a document or project page reads its
 * own full entry from its file when it is rendered (src/lib/data.ts). Holding every table of every
 * document in memory was most of the build's memory and time at 1,000 documents.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import jsyaml from 'js-yaml';
import { DocumentEntry, type DocumentListing, ProjectEntry, type ProjectListing, documentListing, projectListing } from '../../scripts/model/schema';

/** A document's listing (scripts/model/schema.ts) and its Markdown file (absolute path). */
export type DocumentLight = DocumentListing & { file: string };
/** A project's listing and its Markdown file (absolute path). */
export type ProjectLight = ProjectListing & { file: string };

/** The first few schema violations, for an error message. */
function describeIssues(issues: Array<{ path: PropertyKey[]; message: string }>): string {
  return issues.slice(0, 5).map((i) => `${i.path.join('.') || '（根）'}：${i.message}`).join('；');
}

/** Front matter of a Markdown file as an object (null when the file has none). */
export function frontMatter(text: string): unknown {
  const t = text.replace(/^\uFEFF/, '');
  if (!/^---\r?\n/.test(t)) return null;
  const end = t.search(/\r?\n---\s*(\r?\n|$)/);
  if (end < 0) return null;
  return jsyaml.load(t.slice(t.indexOf('\n') + 1, end), { schema: jsyaml.CORE_SCHEMA });
}

function read<T>(file: string, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } } }): T {
  const data = frontMatter(readFileSync(file, 'utf8'));
  const r = schema.safeParse(data);
  if (!r.success) {
    const issues = describeIssues(r.error.issues);
    throw new Error(`内容文件不符合数据模型：${file}：${issues}`);
  }
  return r.data;
}

export function readDocument(file: string): DocumentEntry {
  return read(file, DocumentEntry);
}

export function readProject(file: string): ProjectEntry {
  return read(file, ProjectEntry);
}

export function lightDocument(d: DocumentEntry, file: string): DocumentLight {
  return { ...documentListing(d), file };
}

export function lightProject(p: ProjectEntry, file: string): ProjectLight {
  return { ...projectListing(p), file };
}

interface ListingLine<T> {
  file: string;
  entry: T;
}

/**
 * The light entries of one collection folder, as fast as the pipeline's listing allows: every
 * Markdown file that its listing (<dir>.jsonl) describes and that is not newer than the listing is
 * taken from it, validated against the listing schema; any other file (added or edited by hand,
 * or no listing at all) is read and validated whole. The result does not depend on which path a file
 * took. Sorted by file name.
 */
export function loadLight<T extends { id: string }>(
  dir: string,
  listingSchema: { safeParse(v: unknown): { success: true; data: unknown } | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } } },
  fromFile: (file: string) => T,
): T[] {
  if (!existsSync(dir)) return [];
  const listingPath = `${dir}.jsonl`;
  const listed = new Map<string, unknown>();
  let listedAt = -Infinity;
  if (existsSync(listingPath)) {
    listedAt = statSync(listingPath).mtimeMs;
    const text = readFileSync(listingPath, 'utf8');
    let line = 0;
    for (const raw of text.split('\n')) {
      line++;
      if (!raw) continue;
      let parsed: ListingLine<unknown>;
      try {
        parsed = JSON.parse(raw) as ListingLine<unknown>;
      } catch {
        throw new Error(`内容索引无法解析：${listingPath}：第 ${line} 行`);
      }
      listed.set(parsed.file, parsed.entry);
    }
  }
  const out: T[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.md')).sort()) {
    const file = join(dir, name);
    const entry = listed.get(name);
    if (entry !== undefined && statSync(file).mtimeMs <= listedAt) {
      const r = listingSchema.safeParse(entry);
      if (!r.success) {
        const issues = describeIssues(r.error.issues);
        throw new Error(`内容索引不符合数据模型：${listingPath}（${name}）：${issues}`);
      }
      out.push({ ...(r.data as T), file });
    } else out.push(fromFile(file));
  }
  return out;
}
