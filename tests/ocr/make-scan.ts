/**
 * A scanned PDF made from a text PDF, as a department's scanner would: every page rendered by poppler's
 * `pdftoppm` to a greyscale JPEG and placed, as the page's only content, on a page of the same size
 * (pdfkit). The result has no text layer at all.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';

/** Page sizes in points of a PDF (pdfinfo). */
function pageSizes(pdf: string): Array<[number, number]> {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '9999', pdf], { encoding: 'utf8' });
  return [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) => [Number(m[1]), Number(m[2])]);
}

export async function scanPdf(bytes: Uint8Array, dpi = 200): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), 'make-scan-'));
  try {
    const src = join(dir, 'text.pdf');
    writeFileSync(src, bytes);
    execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-jpeg', src, join(dir, 'page')]);
    const images = readdirSync(dir).filter((f) => f.startsWith('page')).sort();
    const sizes = pageSizes(src);
    return await new Promise<Uint8Array>((resolve) => {
      const doc = new PDFDocument({ autoFirstPage: false, margin: 0 });
      const chunks: Buffer[] = [];
      doc.on('data', (c: Buffer) => chunks.push(c));
      doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
      images.forEach((f, i) => {
        const [w, h] = sizes[i];
        doc.addPage({ size: [w, h], margin: 0 });
        doc.image(readFileSync(join(dir, f)), 0, 0, { width: w, height: h });
      });
      doc.end();
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
