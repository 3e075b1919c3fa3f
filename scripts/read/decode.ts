/**
 * Bytes → text. Detects UTF-8 (with or without BOM), UTF-16 (BOM or NUL pattern) and GB18030/GBK,
 * and refuses binary input with a reason, never returning silently garbled text.
 */
import iconv from 'iconv-lite';

export type Decoded =
  | { ok: true; text: string; encoding: string; note: string | null }
  | { ok: false; reason: string };

function looksLikeUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  // Without a BOM, UTF-16 text of mostly ASCII/CJK has NUL bytes in alternate positions.
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Share of characters that are control/replacement characters: a sign of binary or wrong decoding. */
function junkRatio(text: string): number {
  if (text.length === 0) return 0;
  let junk = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c === 0xfffd || (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || (c >= 0xe000 && c <= 0xf8ff)) junk++;
  }
  return junk / text.length;
}

function cjkRatio(text: string): number {
  const sample = text.slice(0, 20000);
  const letters = sample.replace(/[\s\d\p{P}\p{S}]/gu, '');
  if (letters.length === 0) return 0;
  const cjk = letters.match(/\p{Script=Han}/gu)?.length ?? 0;
  return cjk / letters.length;
}

const MAGIC: Array<[number[], string]> = [
  [[0x25, 0x50, 0x44, 0x46], 'PDF 文件'],
  [[0x89, 0x50, 0x4e, 0x47], 'PNG 图片'],
  [[0xff, 0xd8, 0xff], 'JPEG 图片'],
  [[0x47, 0x49, 0x46, 0x38], 'GIF 图片'],
  [[0x50, 0x4b, 0x03, 0x04], 'ZIP/Office 文件'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'Office 97-2003 文件'],
];

/** Identify well-known binary formats by their magic bytes. */
export function sniffBinary(bytes: Uint8Array): string | null {
  for (const [sig, name] of MAGIC) if (sig.every((b, i) => bytes[i] === b)) return name;
  return null;
}

export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: '文件为空（0 字节）' };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { ok: true, text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', note: null };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { ok: true, text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), encoding: 'utf-16le', note: '按 UTF-16LE（带 BOM）解码' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { ok: true, text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), encoding: 'utf-16be', note: '按 UTF-16BE（带 BOM）解码' };
  }
  const binary = sniffBinary(bytes);
  if (binary) return { ok: false, reason: `内容是${binary}，不是文本（扩展名与内容不符）` };
  const utf16 = looksLikeUtf16(bytes);
  if (utf16) {
    const text = iconv.decode(Buffer.from(bytes), utf16);
    if (junkRatio(text) < 0.01) return { ok: true, text, encoding: utf16, note: `按 ${utf16.toUpperCase()}（无 BOM）解码` };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (junkRatio(text) > 0.05) return { ok: false, reason: '含大量控制字符，疑似二进制文件' };
    return { ok: true, text, encoding: 'utf-8', note: null };
  } catch {
    // Not valid UTF-8: try the Chinese national encoding (GB18030 is a superset of GBK and GB2312).
  }
  const gb = iconv.decode(Buffer.from(bytes), 'gb18030');
  if (junkRatio(gb) < 0.01 && cjkRatio(gb) > 0.3) {
    return { ok: true, text: gb, encoding: 'gb18030', note: '按 GB18030/GBK 解码' };
  }
  return { ok: false, reason: '无法识别文本编码（既不是 UTF-8/UTF-16，也不是 GB18030/GBK），疑似二进制或损坏文件' };
}
