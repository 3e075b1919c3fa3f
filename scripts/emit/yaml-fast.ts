/**
 * A fast block-YAML writer for front matter that produces exactly what
 * `yaml.stringify(data, { lineWidth: 0, aliasDuplicateObjects: false, version: '1.1' }).trimEnd()`
 * produces, for the plain JSON-like data the emitters write (objects, arrays, finite numbers,
 * booleans, null, single-line strings). Building a yaml Document per file made front matter the
 * largest cost of writing the site's collections (≈ 35 s of 75 s at 1,000 documents).
 *
 * Anything outside that subset (multi-line strings, control characters, document markers, very long
 * keys, -0, non-plain objects…) returns null and the caller uses the yaml library for the whole
 * document, so the output never differs; tests/emit compare the two on real and fuzzed data.
 */
import { Document } from 'yaml';

/** Tag tests of the YAML 1.1 schema: a plain scalar matching one of them would not read back as a string. */
const NON_STRING_TESTS: RegExp[] = (() => {
  const schema = new Document(null, { version: '1.1' }).schema as unknown as {
    tags: Array<{ default?: unknown; tag: string; test?: RegExp }>;
    compat?: Array<{ default?: unknown; tag: string; test?: RegExp }> | null;
  };
  const out: RegExp[] = [];
  for (const t of [...schema.tags, ...(schema.compat ?? [])]) {
    if (t.default && t.tag !== 'tag:yaml.org,2002:str' && t.test) out.push(t.test);
  }
  return out;
})();

/** Characters that make yaml force double quotes (or need escapes): handled by the library instead. */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u;
/** Same test as yaml's plainString: such a value cannot be written plain. */
const NOT_PLAIN = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;
const DOC_MARKER = /^(%|---|\.\.\.)/m;

class Unsupported extends Error {}

const scalarCache = new Map<string, string>();

/** A single-line string as yaml writes it in block context (as a value or an implicit key). */
function str(value: string): string {
  const hit = scalarCache.get(value);
  if (hit !== undefined) return hit;
  if (value.includes('\n') || value.includes('\r') || CONTROL.test(value)) throw new Unsupported();
  let out: string;
  // a single-line quoted string does not depend on its place; a plain one starting like a document
  // marker (`---`, `...`, `%`) does, so that case is left to the library
  if (value === '' || NOT_PLAIN.test(value)) out = quoted(value);
  else if (DOC_MARKER.test(value)) throw new Unsupported();
  else if (NON_STRING_TESTS.some((re) => re.test(value))) out = quoted(value);
  else out = value;
  if (scalarCache.size > 200_000) scalarCache.clear();
  scalarCache.set(value, out);
  return out;
}

/** yaml's quotedString for a single-line value without control characters (singleQuote option unset). */
function quoted(value: string): string {
  const hasDouble = value.includes('"');
  const hasSingle = value.includes("'");
  if (hasDouble && !hasSingle) return `'${value}'`;
  // JSON.stringify escapes only " and \ here: control characters and lone surrogates were excluded.
  return JSON.stringify(value);
}

function num(n: number): string {
  if (!Number.isFinite(n) || Object.is(n, -0) || Math.abs(n) >= 1e21) throw new Unsupported();
  return String(n);
}

function isPlainObject(v: object): v is Record<string, unknown> {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Inline text of a scalar, or null when `v` is a non-empty collection. */
function inline(v: unknown): string | null {
  if (v === null || v === undefined) return 'null';
  switch (typeof v) {
    case 'string':
      return str(v);
    case 'number':
      return num(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'object':
      if (Array.isArray(v)) return v.length ? null : '[]';
      if (!isPlainObject(v)) throw new Unsupported();
      for (const k in v) if (v[k] !== undefined) return null;
      return '{}';
    default:
      throw new Unsupported();
  }
}

function key(k: string): string {
  // long keys become explicit (`? key`); `<<` is YAML 1.1's merge key, written differently
  if (k.length > 1000 || k === '<<') throw new Unsupported();
  return str(k);
}

/** Lines of a non-empty map at `indent`; the first line carries no indent (the caller places it). */
function map(o: Record<string, unknown>, indent: string, out: string[], first: boolean): void {
  for (const k of Object.keys(o)) {
    const v = o[k];
    if (v === undefined) continue;
    const head = `${first ? '' : indent}${key(k)}:`;
    first = false;
    const s = inline(v);
    if (s !== null) out.push(`${head} ${s}`);
    else {
      out.push(head);
      block(v as object, `${indent}  `, out);
    }
  }
}

function seq(a: unknown[], indent: string, out: string[], first: boolean): void {
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    const s = inline(v);
    const dash = `${first ? '' : indent}- `;
    first = false;
    if (s !== null) {
      out.push(dash + s);
      continue;
    }
    // a non-empty collection starts on the dash line, its other lines two spaces in
    const start = out.length;
    if (Array.isArray(v)) seq(v, `${indent}  `, out, true);
    else map(v as Record<string, unknown>, `${indent}  `, out, true);
    out[start] = dash + out[start];
  }
}

function block(v: object, indent: string, out: string[]): void {
  if (Array.isArray(v)) seq(v, indent, out, false);
  else map(v as Record<string, unknown>, indent, out, false);
}

let referenceOnly = false;

/** Tests and benchmarks: make fastYaml always decline, so callers use the yaml library (the reference). */
export function useReferenceYaml(on: boolean): void {
  referenceOnly = on;
}

/** The YAML text, or null when `data` is outside what this writer reproduces exactly. */
export function fastYaml(data: unknown): string | null {
  if (referenceOnly || data === null || typeof data !== 'object') return null;
  try {
    const s = inline(data);
    if (s !== null) return s;
    const out: string[] = [];
    block(data as object, '', out);
    return out.join('\n');
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}
