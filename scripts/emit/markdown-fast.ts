/**
 * A fast path for the Markdown bodies the emitters build (headings, paragraphs and tight bullet
 * lists whose content is a text, or a strong label followed by a text). remark-stringify costs
 * ≈ 1 ms per file, most of it in escaping; this writes the same bytes directly when every text is
 * "inert" — it contains no character Markdown could read as syntax in any position — and returns
 * null otherwise, so the caller falls back to remark for that file.
 *
 * A strong label followed by text needs attention rules (remark may encode the character after the
 * closing `**` as a character reference): that piece is rendered once by remark itself for each
 * (label, first character of the text) pair and reused, so those rules are never re-implemented here.
 */
import type { PhrasingContent, RootContent } from 'mdast';

/**
 * No character that Markdown reads as syntax inside a line (`&`, `*`, `<`, `[`, `\\`, `]`, `_`, `` ` ``,
 * `#`), no control character, no whitespace at either end. Characters that only matter at the start
 * of a line (`-`, `+`, `=`, `>`, `~`, `.`, `)`) are checked by BAD_START where a text starts a block.
 */
const INERT = /^[^\s\x00-\x1f\x7f&*<[\\\]_`#]([^\x00-\x1f\x7f&*<[\\\]_`#]*[^\s\x00-\x1f\x7f&*<[\\\]_`#])?$/u;
/** A text starting a block must not look like a list item, quote, heading underline or ordered-list marker. */
const BAD_START = /^(?:[-+=>~.):(!?"'{}|^]|\d+[.)])/;

export type PhrasingRenderer = (container: 'paragraph' | 'listItem', children: PhrasingContent[]) => string | null;

let referenceOnly = false;

/** Tests and benchmarks: make fastBody always decline, so callers use remark (the reference). */
export function useReferenceMarkdown(on: boolean): void {
  referenceOnly = on;
}

class Unsupported extends Error {}

function inert(value: string, atStart: boolean): string {
  if (!INERT.test(value) || (atStart && BAD_START.test(value))) throw new Unsupported();
  return value;
}

const labelCache = new Map<string, string>();

function firstChar(s: string): string {
  const cp = s.codePointAt(0)!;
  return String.fromCodePoint(cp);
}

/** Text of a phrasing run: [text] or [strong[text], text]. */
function phrasing(container: 'paragraph' | 'listItem', children: PhrasingContent[], reference: PhrasingRenderer): string {
  if (children.length === 1 && children[0].type === 'text') return inert(children[0].value, true);
  if (children.length === 2 && children[0].type === 'strong' && children[1].type === 'text') {
    const inner = children[0].children;
    if (inner.length !== 1 || inner[0].type !== 'text') throw new Unsupported();
    const label = inert(inner[0].value, true);
    const rest = inert(children[1].value, false);
    const c = firstChar(rest);
    const key = `${container}\u0000${label}\u0000${c}`;
    let head: string | undefined = labelCache.get(key);
    if (head === undefined) {
      const probe = reference(container, [{ type: 'strong', children: [{ type: 'text', value: label }] }, { type: 'text', value: c }]);
      if (probe === null) throw new Unsupported();
      head = probe;
      if (labelCache.size > 100_000) labelCache.clear();
      labelCache.set(key, head);
    }
    return head + rest.slice(c.length);
  }
  throw new Unsupported();
}

/**
 * The Markdown of `body` (no front matter, no trailing newline) as remark-stringify with
 * `{ bullet: '-' }` writes it, or null when the body is outside the fast path.
 */
export function fastBody(body: RootContent[], reference: PhrasingRenderer): string | null {
  if (referenceOnly) return null;
  try {
    const out: string[] = [];
    let previous: string | null = null;
    for (const node of body) {
      if (node.type === 'heading') {
        if (node.depth < 1 || node.depth > 6 || node.children.length !== 1 || node.children[0].type !== 'text') return null;
        out.push(`${'#'.repeat(node.depth)} ${inert(node.children[0].value, true)}`);
      } else if (node.type === 'paragraph') {
        out.push(phrasing('paragraph', node.children, reference));
      } else if (node.type === 'list') {
        // an empty list, a loose or ordered list, or two lists in a row are written differently
        if (node.ordered || node.spread || !node.children.length || previous === 'list') return null;
        const items: string[] = [];
        for (const item of node.children) {
          if (item.spread || item.checked != null || item.children.length !== 1 || item.children[0].type !== 'paragraph') return null;
          items.push(`- ${phrasing('listItem', item.children[0].children, reference)}`);
        }
        out.push(items.join('\n'));
      } else return null;
      previous = node.type;
    }
    return out.join('\n\n');
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}
