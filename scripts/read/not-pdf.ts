/**
 * A file named .pdf whose bytes are something else: most often a web page saved under the PDF's name
 * (a download link that returned the site's HTML page, or "另存为" of the page), sometimes an image, an
 * Office file or plain text. Said plainly, instead of "PDF 文件已损坏".
 */
import { sniffBinary } from './decode.js';

/** The PDF header may follow up to 1 KB of junk (the PDF specification's allowance). */
function hasPdfHeader(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

/** Start of the content as text, without BOM and leading blanks, lowercased. */
function textHead(bytes: Uint8Array): string {
  let b = bytes.subarray(0, 4096);
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
  return Buffer.from(b).toString('utf8').replace(/^[\s\u0000\ufeff]+/, '').toLowerCase();
}

export function looksLikeHtml(bytes: Uint8Array): boolean {
  const t = textHead(bytes);
  if (/^<!doctype\s+html|^<html[\s>]|^<head[\s>]|^<meta[\s>]|^<title[\s>]|^<body[\s>]/.test(t)) return true;
  // a web archive ("网页另存为" .mht): MIME headers, then the page
  if (/^(?:from:[^\n]*\n)?(?:[\w-]+:[^\n]*\n){0,8}mime-version:/.test(t) && /text\/html/.test(t)) return true;
  // an XML prolog or a comment before the page
  if (/^(?:<\?xml[^>]*>\s*|<!--[\s\S]*?-->\s*)+<(?:!doctype\s+html|html[\s>])/.test(t)) return true;
  return /<html[\s>]/.test(t) && /<\/?(?:head|body|div|script|meta)[\s>]/.test(t);
}

/**
 * Why bytes in a .pdf file are not a PDF, or null when they are (or may be: a damaged PDF is left to
 * the PDF reader, which says so).
 */
export function notPdfReason(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return '文件为空（0 字节）';
  if (hasPdfHeader(bytes)) return null;
  if (looksLikeHtml(bytes)) {
    return '文件扩展名是 .pdf，但内容是 HTML 网页（下载时保存的是网页而不是 PDF 原文），不是部门预算/决算 PDF：请在浏览器中打开该网页找到 PDF 原件的链接重新下载，或把网页正文另存为文本后放入来源目录';
  }
  if (sniffBinary(bytes) === 'ZIP/Office 文件' && Buffer.from(bytes.subarray(0, 512)).toString('latin1').includes('OFD.xml')) {
    return '文件扩展名是 .pdf，但内容是 OFD 版式文件（不是 PDF）：请用 OFD 阅读器打开后另存为 PDF，或下载部门发布的 PDF 版本';
  }
  const binary = sniffBinary(bytes);
  if (binary) return `文件扩展名是 .pdf，但内容是${binary}，不是 PDF：请下载 PDF 原件，或把文件改成正确的扩展名`;
  const head = textHead(bytes);
  const printable = head.replace(/[\s\x21-\x7e\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/g, '');
  if (head.length > 0 && printable.length < head.length * 0.05) {
    return '文件扩展名是 .pdf，但内容是纯文本，不是 PDF：请把扩展名改为 .txt 后再放入来源目录';
  }
  return null;
}
