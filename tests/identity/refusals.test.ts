/**
 * Every non-disclosure is refused with the right reason: a web page saved under a .pdf name, a PDF
 * with no real text layer (scanned), a list of file names (a folder's README), a notice or a form.
 * The bytes are made here.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../scripts/pipeline/ingest-file.js';
import { notPdfReason } from '../../scripts/read/not-pdf.js';
import { documentGenre, looksLikeFileList, refusalFitsNote } from '../../scripts/recognize/document/refusal.js';
import { toLines } from '../../scripts/segment/segment.js';

const dir = mkdtempSync(join(tmpdir(), 'identity-refusal-'));
async function refuse(name: string, bytes: Uint8Array | string): Promise<string> {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  const r = await ingestFile(p, name);
  expect(r.document, name).toBeNull();
  const e = r.errors.find((x) => x.severity === 'error');
  expect(e, name).toBeDefined();
  return e!.message;
}

/** A minimal valid PDF whose pages draw only the given strings (Helvetica), xref offsets computed. */
function pdfWithPages(texts: string[]): Uint8Array {
  const objs: string[] = [];
  const n = texts.length;
  const pageIds = texts.map((_, i) => 3 + i * 2);
  objs[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objs[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${n} >>`;
  const fontId = 3 + n * 2;
  texts.forEach((t, i) => {
    const stream = `BT /F1 12 Tf 280 40 Td (${t}) Tj ET`;
    objs[pageIds[i]] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${fontId} 0 R >> >> /Contents ${pageIds[i] + 1} 0 R >>`;
    objs[pageIds[i] + 1] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  });
  objs[fontId] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objs.length; id++) {
    offsets[id] = out.length;
    out += `${id} 0 obj\n${objs[id]}\nendobj\n`;
  }
  const xref = out.length;
  out += `xref\n0 ${objs.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objs.length; id++) out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objs.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

describe('files named .pdf that are not PDFs', () => {
  const html = '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>2026年某某局部门预算</title></head><body><div>部门预算</div></body></html>';

  it('an HTML page saved as .pdf is refused as a web page, not as a damaged PDF', async () => {
    const msg = await refuse('page.pdf', html);
    expect(msg).toContain('HTML 网页');
    expect(msg).not.toContain('已损坏');
  });

  it('with a BOM, leading blank lines or an XML prolog as well', () => {
    expect(notPdfReason(new TextEncoder().encode(`\ufeff\n\n  ${html}`))).toContain('HTML 网页');
    expect(notPdfReason(new TextEncoder().encode(`<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body></body></html>`))).toContain('HTML 网页');
    expect(notPdfReason(new TextEncoder().encode('<HTML><BODY>x</BODY></HTML>'))).toContain('HTML 网页');
  });

  it('a saved web archive (.mht) or an OFD file under a .pdf name says so', () => {
    const mht = 'From: <Saved by Blink>\r\nSnapshot-Content-Location: http://example.gov.cn/a.html\r\nSubject: 部门预算\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\r\n------\r\nContent-Type: text/html\r\n\r\n<html></html>';
    expect(notPdfReason(new TextEncoder().encode(mht))).toContain('HTML 网页');
    const ofd = new Uint8Array(64);
    ofd.set([0x50, 0x4b, 0x03, 0x04]);
    ofd.set(new TextEncoder().encode('OFD.xml'), 30);
    expect(notPdfReason(ofd)).toContain('OFD');
  });

  it('an image or plain text under a .pdf name says what it is', () => {
    expect(notPdfReason(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toContain('PNG 图片');
    expect(notPdfReason(new TextEncoder().encode('某某局2026年部门预算\n一、收支总表\n'))).toContain('纯文本');
  });

  it('a real PDF header (even after a little junk) is left to the PDF reader', () => {
    expect(notPdfReason(pdfWithPages(['1']))).toBeNull();
    expect(notPdfReason(new TextEncoder().encode('\r\n\r\n%PDF-1.7\n%junk'))).toBeNull();
  });
});

describe('PDFs without a text layer', () => {
  it('pages carrying only page numbers are refused as scanned', async () => {
    const msg = await refuse('scan.pdf', pdfWithPages(['- 1 -', '- 2 -', '- 3 -']));
    expect(msg).toMatch(/扫描件/);
  });
});

describe('text files that are not documents', () => {
  const readme = [
    '# 85 more real department budget PDFs (2026)',
    '',
    '| file | path in that repository | pages |',
    '|---|---|---|',
    '| 018.pdf | 预算数据/002_北京/2026年北京市人民政府国有资产监督管理委员会部门预算.pdf | 6 |',
    '| 019.pdf | 预算数据/002_北京/2026年北京市住房和城乡建设委员会部门预算.pdf | 9 |',
    '| 020.pdf | 预算数据/002_北京/2026年北京市信访办公室部门预算.pdf | 7 |',
    '| 021.pdf | 预算数据/002_北京/2026年北京市公安局交通管理局部门预算.pdf | 8 |',
  ].join('\n');

  it('a README listing file names is refused as a file list, never given a department', async () => {
    const msg = await refuse('README.md', readme);
    expect(msg).toContain('文件清单');
    expect(looksLikeFileList({ lines: toLines(readme) })).toBe(true);
  });

  it('a disclosure mentioning its attachments is not a file list', () => {
    const text = '某某局2026年部门预算\n附件：1.收支总表.xlsx\n一、部门职责\n负责全市某某工作。\n二、机构设置\n内设机构 5 个。\n三、收支预算\n收入 10 万元。\n';
    expect(looksLikeFileList({ lines: toLines(text) })).toBe(false);
  });

  it('a notice says it is a notice, with its title', async () => {
    const msg = await refuse(
      'notice.txt',
      '杭州市人民政府办公厅文件\n杭政办函〔2025〕30 号\n杭州市人民政府办公厅关于\n印发全面加强新时代消防安全工作\n实施办法的通知\n各区、县（市）人民政府：\n现将有关事项通知如下。\n',
    );
    expect(msg).toContain('看起来不是部门预算/决算公开文件');
    expect(msg).toContain('通知：“杭州市人民政府办公厅关于印发全面加强新时代消防安全工作实施办法的通知”');
  });

  it('forms, flow charts and statistics are named as such', () => {
    const g = (t: string) => documentGenre({ lines: toLines(t) })?.genre;
    expect(g('济南市审计局政府信息公开申请表\n姓名\t工作单位\n')).toMatch(/申请表/);
    expect(g('济南市应急管理局依申请信息公开流程图\n申请\n受理\n')).toBe('流程图');
    expect(g('2026年1—2月泉州市国民经济主要指标\n指标\t单位\t数值\n')).toBe('统计资料');
  });
});

describe('a region\'s overall budget is not a department disclosure', () => {
  it('the budget report to a people\'s congress is refused as such, never given the city as department', async () => {
    const msg = await refuse(
      'city-budget.txt',
      '关于南昌市2025年预算执行情况与2026年预算草案的报告\n——2026年1月8日在南昌市第十六届人民代表大会第五次会议上\n南昌市财政局\n各位代表：\n一、2025年预算执行情况\n全市一般公共预算收入完成 520.3 亿元，增长 3.1%。市本级一般公共预算支出 210.5 亿元。\n二、2026年预算草案\n收支总表见附件。部门预算按规定公开。\n',
    );
    expect(msg).toContain('财政总预算');
  });

  it('a city name alone is never a department', async () => {
    const msg = await refuse('city-total.txt', '南昌市2026年财政总预算\n一、收支总表\n收入\t金额\t支出\t金额\n税收收入\t10.00\t一般公共服务支出\t10.00\n部门预算汇总说明。\n');
    expect(msg).toContain('财政总预算');
  });
});

describe('PDFs whose only text is page furniture', () => {
  it('a stamp repeated on every scanned page is refused as scanned, not as a non-disclosure', async () => {
    const stamp = 'Official copy for public information only';
    const msg = await refuse('stamped-scan.pdf', pdfWithPages([stamp, stamp, stamp, stamp]));
    expect(msg).toMatch(/扫描件/);
  });
});

describe('refusalFitsNote (the measure `npm run evaluate` and the label test use)', () => {
  it('a scan must be refused as a scan, HTML as a web page, anything else as not a disclosure', () => {
    expect(refusalFitsNote('PDF 没有文字层（共 19 页，可能是扫描件或图片）', '扫描件无文字层')).toBe(true);
    expect(refusalFitsNote('这份文件看起来不是部门预算/决算公开文件', '扫描件无文字层')).toBe(false);
    // once OCR has read the scan, its content decides: a notice is not a disclosure
    expect(refusalFitsNote('PDF 没有文字层（扫描件），经文字识别（OCR）后：这份文件看起来不是部门预算/决算公开文件，而是一份通知', '扫描件无文字层')).toBe(true);
    expect(refusalFitsNote('PDF 没有文字层（扫描件），经文字识别（OCR）后：无法识别部门名称', '扫描件无文字层')).toBe(false);
    expect(refusalFitsNote('PDF 文件已损坏或不完整', 'HTML 网页另存为 PDF')).toBe(false);
    expect(refusalFitsNote('文件扩展名是 .pdf，但内容是 HTML 网页', 'HTML 网页另存为 PDF')).toBe(true);
    expect(refusalFitsNote('这份文件看起来不是部门预算/决算公开文件，而是一份通知', '通知')).toBe(true);
    expect(refusalFitsNote('无法识别部门名称', '通知')).toBe(false);
  });
});
