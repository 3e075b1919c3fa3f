/**
 * The fast front-matter and Markdown writers must give exactly the bytes of the libraries they
 * replace (yaml, remark-stringify), on the real documents and on hostile, randomly built inputs.
 */
import { describe, expect, it, beforeAll, afterEach } from 'vitest';
import { stringify as yamlStringify } from 'yaml';
import type { PhrasingContent, RootContent } from 'mdast';
import { fastYaml } from '../../scripts/emit/yaml-fast.js';
import { fastBody, useReferenceMarkdown } from '../../scripts/emit/markdown-fast.js';
import { documentEntry, documentMarkdown, projectEntry, projectMarkdown, renderMarkdown } from '../../scripts/emit/markdown.js';
import { runPipeline } from '../../scripts/pipeline/run.js';
import type { DocumentRecord } from '../../scripts/model/schema.js';

const lib = (d: unknown) => yamlStringify(d, { lineWidth: 0, aliasDuplicateObjects: false, version: '1.1' }).trimEnd();

function prng(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
}

let docs: DocumentRecord[] = [];
beforeAll(async () => {
  docs = (await runPipeline('content/sources', { log: () => {}, cache: false, workers: 0 })).documents;
}, 120_000);
afterEach(() => useReferenceMarkdown(false));

describe('fastYaml', () => {
  it('writes the real documents’ and projects’ front matter exactly as the yaml library does', () => {
    expect(docs.length).toBe(5);
    let projects = 0;
    for (const d of docs) {
      const e = documentEntry(d);
      const fast = fastYaml(e);
      expect(fast).not.toBeNull();
      expect(fast).toBe(lib(e));
      for (const p of d.projects) {
        const pe = projectEntry(d, p);
        expect(fastYaml(pe)).toBe(lib(pe));
        projects++;
      }
    }
    expect(projects).toBeGreaterThan(20);
  });

  it('quotes what YAML 1.1 would misread and declines what it cannot reproduce', () => {
    expect(fastYaml({ start_date: '2019-01-01', a: 'yes', b: 'y', c: '1:20', d: '0x1F', e: '%', f: '', g: "a'b", h: 'a"b', i: '≥90%' })).toBe(
      [`start_date: "2019-01-01"`, `a: "yes"`, `b: "y"`, `c: "1:20"`, `d: "0x1F"`, `e: "%"`, `f: ""`, `g: a'b`, `h: a"b`, `i: ≥90%`].join('\n'),
    );
    expect(fastYaml({ y: 1, n: [], o: {} })).toBe('"y": 1\n"n": []\no: {}');
    // multi-line, control characters, document markers and -0 are left to the library
    for (const v of ['a\nb', 'x\u0001', '---', '...x', -0, Number.NaN]) expect(fastYaml({ v })).toBeNull();
    expect(fastYaml({ '<<': 1 })).toBeNull();
  });

  it('matches the library on 8,000 random nested records', () => {
    const rnd = prng(20261123);
    const pick = <T>(a: T[]) => a[Math.floor(rnd() * a.length)];
    const atoms = ['', ' ', 'y', 'No', 'on', 'null', '~', 'true', '1', '-1', '+1', '0b101', '017', '1_000', '1:20', '.5', '1e5', '.inf', '2019-01-01', '<<', '-', '?', '- a', 'a: b', 'a:b', 'a #b', '#a', 'a ', ' a', 'a:', '%', "'", '"', `a'"b`, '\\', '[', '{', ',', '&a', '*a', '!a', '|', '>', '@', '`', '\t', '预算', '≥1567人次', '“三公”经费', '\u00a0', '=1', '0', '1.5', 'OFF', 'a\nb', '\x01', '---'];
    const str = () => Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => pick(atoms)).join('');
    const val = (depth: number): unknown => {
      const r = rnd();
      if (depth > 3 || r < 0.45) return pick<unknown>([str(), str(), 0, 1.5, -3, 123456789012, 0.1 + 0.2, null, true, false, undefined]);
      if (r < 0.7) return Array.from({ length: Math.floor(rnd() * 4) }, () => val(depth + 1));
      const o: Record<string, unknown> = {};
      for (let i = Math.floor(rnd() * 5); i > 0; i--) o[rnd() < 0.7 ? pick(['a', 'id', 'y', 'on', '1', 'a b', 'x: y']) : str()] = val(depth + 1);
      return o;
    };
    let compared = 0;
    for (let k = 0; k < 8_000; k++) {
      const d: Record<string, unknown> = {};
      for (let i = 1 + Math.floor(rnd() * 5); i > 0; i--) d[pick(['id', 'name', 'list', str()])] = val(0);
      const fast = fastYaml(d);
      if (fast === null) continue;
      compared++;
      if (fast !== lib(d)) expect({ d, fast }).toEqual({ d, fast: lib(d) });
    }
    expect(compared).toBeGreaterThan(4_000);
  });
});

describe('fastBody', () => {
  it('gives remark’s bytes for the real documents and projects', () => {
    const fastOut: string[] = [];
    for (const d of docs) {
      fastOut.push(documentMarkdown(d));
      for (const p of d.projects) fastOut.push(projectMarkdown(d, p));
    }
    useReferenceMarkdown(true);
    const refOut: string[] = [];
    for (const d of docs) {
      refOut.push(documentMarkdown(d));
      for (const p of d.projects) refOut.push(projectMarkdown(d, p));
    }
    expect(fastOut.length).toBe(refOut.length);
    for (let i = 0; i < fastOut.length; i++) expect(fastOut[i]).toBe(refOut[i]);
  });

  it('declines Markdown syntax, and matches remark on 10,000 random bodies', () => {
    const t = (value: string): PhrasingContent => ({ type: 'text', value });
    expect(fastBody([{ type: 'paragraph', children: [t('1. 第一')] }], () => null)).toBeNull();
    expect(fastBody([{ type: 'paragraph', children: [t('a*b')] }], () => null)).toBeNull();
    expect(fastBody([{ type: 'heading', depth: 2, children: [t('收入 ≥ 90%，同比 -3.5')] }], () => null)).toBe('## 收入 ≥ 90%，同比 -3.5');

    const rnd = prng(7);
    const pick = <T>(a: T[]) => a[Math.floor(rnd() * a.length)];
    const ascii = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));
    const common = ['预算', '收入', '：', '1', '23', '4.5', ' ', '-', '=', '>', '(', ')', '.', '~', '+', '!', '?', '"', "'"];
    const rare = [...ascii, '，', '（', '“', '1.', '1)', '- ', '\u3000', '\u00a0', '\t', '𠀀', '≥', '%', '\u200b'];
    const txt = () => Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => (rnd() < 0.6 ? pick(common) : pick(rare))).join('');
    const phr = (): PhrasingContent[] => (rnd() < 0.5 ? [t(txt())] : [{ type: 'strong', children: [t(txt())] }, t(txt())]);
    const block = (): RootContent => {
      const r = rnd();
      if (r < 0.3) return { type: 'heading', depth: (1 + Math.floor(rnd() * 3)) as 1 | 2 | 3, children: [t(txt())] };
      if (r < 0.6) return { type: 'paragraph', children: phr() };
      return { type: 'list', ordered: false, spread: false, children: Array.from({ length: Math.floor(rnd() * 4) }, () => ({ type: 'listItem' as const, spread: false, children: [{ type: 'paragraph' as const, children: phr() }] })) };
    };
    let fastCount = 0;
    for (let k = 0; k < 10_000; k++) {
      const body = Array.from({ length: rnd() < 0.5 ? 1 : 1 + Math.floor(rnd() * 4) }, block);
      useReferenceMarkdown(false);
      const fast = renderMarkdown({ a: 1 }, body);
      if (fastBody(body, () => null) !== null) fastCount++;
      useReferenceMarkdown(true);
      const ref = renderMarkdown({ a: 1 }, body);
      if (fast !== ref) expect({ body, fast }).toEqual({ body, fast: ref });
    }
    expect(fastCount).toBeGreaterThan(1000);
  });
});
