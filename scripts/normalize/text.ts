/**
 * Text cleaning shared by every recognizer: what PDF-to-text conversion leaves in cells and lines
 * (HTML fragments, LaTeX, Markdown emphasis, full-width digits, NBSP, zero-width characters).
 * Pure functions; the cleaned text is what pages show and what numbers are parsed from.
 */

const LATEX_SYMBOLS: Array<[RegExp, string]> = [
  [/\\geqslant|\\geq|\\ge(?![a-z])/g, '≥'],
  [/\\leqslant|\\leq|\\le(?![a-z])/g, '≤'],
  [/\\neq|\\ne(?![a-z])/g, '≠'],
  [/\\times/g, '×'],
  [/\\sim/g, '~'],
  [/\\pm/g, '±'],
  [/\\cdot/g, '·'],
  [/\\%/g, '%'],
  [/\\text\{([^}]*)\}/g, '$1'],
  [/\\mathrm\{([^}]*)\}/g, '$1'],
  [/\\left|\\right/g, ''],
  [/\\,|\\;|\\!|\\quad|\\qquad/g, ' '],
];

const ENTITIES: Record<string, string> = {
  '&nbsp;': ' ',
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&ldquo;': '“',
  '&rdquo;': '”',
};

/** Replace LaTeX math written by converters (`$\geq 90\%$`, bare `\leq`) with plain symbols. */
export function normalizeLatex(s: string): string {
  if (!s.includes('\\') && !s.includes('$')) return s;
  let out = s;
  for (const [re, rep] of LATEX_SYMBOLS) out = out.replace(re, rep);
  // Inline math delimiters: `$ ≥ 90% $` → `≥90%`; keep a lone `$` that is not math.
  out = out.replace(/\$([^$]{0,80})\$/g, (_, inner: string) => inner.replace(/\s+/g, ''));
  // Spaces around comparison symbols come from the LaTeX source (`系统故障率 \leq 10%`).
  out = out.replace(/\s*([≥≤≠])\s*/g, '$1');
  return out;
}

/** Strip HTML tags, keeping checkbox state as ☑/☐ and decoding common entities. */
export function stripHtml(s: string): string {
  if (!s.includes('<') && !s.includes('&')) return s;
  let out = s.replace(/<input\b[^>]*>/gi, (tag) => (/\bchecked\b/i.test(tag) ? '☑' : '☐'));
  out = out.replace(/<br\s*\/?>/gi, ' ');
  out = out.replace(/<\/?[a-zA-Z][^<>]*>/g, '');
  out = out.replace(/&(nbsp|amp|lt|gt|quot|#39|ldquo|rdquo);/g, (e) => ENTITIES[e] ?? e);
  out = out.replace(/&#(\d{1,6});/g, (_, d: string) => safeFromCodePoint(Number(d)));
  return out;
}

function safeFromCodePoint(n: number): string {
  return n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : '';
}

/** Full-width ASCII (digits, letters, ％ ． － ＋) → half-width; other CJK punctuation is kept. */
export function halfWidthAscii(s: string): string {
  return s.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF05\uFF0E\uFF0B\uFF1D\uFF1C\uFF1E]/g, (c) =>
    String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

// Zero-width and BOM characters, other invisible format characters, and C0 controls except tab/newline.
const INVISIBLE = /[\u200B-\u200F\u2028\u2029\u202A-\u202E\u2060-\u2064\uFEFF\u00AD]|[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Remove Markdown emphasis markers that converters wrap around table titles and cells. */
export function stripEmphasis(s: string): string {
  return s.replace(/\*\*([^*]+)\*\*/g, '$1').replace(/__([^_]+)__/g, '$1');
}

/**
 * Any character some step of cleanText would change (or a space run/edge it would collapse or trim).
 * Recognizers call cleanText again on cells segment() already cleaned; those return at once.
 */
const NEEDS_CLEANING =
  /[\u200B-\u200F\u2028\u2029\u202A-\u202E\u2060-\u2064\uFEFF\u00AD\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u00A0\u3000\u2002-\u200A\u202F<&\\$\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF05\uFF0E\uFF0B\uFF1D\uFF1C\uFF1E*_\t]| {2}|^\s|\s$/;

/** Clean one cell or line of source text for display and matching. */
export function cleanText(s: string): string {
  if (!NEEDS_CLEANING.test(s)) return s;
  let out = s.replace(INVISIBLE, '').replace(/[\u00A0\u3000\u2002-\u200A\u202F]/g, ' ');
  out = stripHtml(out);
  out = normalizeLatex(out);
  out = halfWidthAscii(out);
  out = stripEmphasis(out);
  return out.replace(/[ \t]+/g, ' ').trim();
}

/** Text without any whitespace: for matching labels broken by PDF extraction ("事业单位 经营收入"). */
export function compact(s: string): string {
  return s.replace(/\s+/g, '');
}
