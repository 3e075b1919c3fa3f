/**
 * Real published budget PDFs in ../shared/pdf-samples (not part of the repository): every file is read
 * or refused with a reason, never a crash; then the whole pipeline runs and a per-file table is printed.
 * Skipped with a message when the folder is absent. Opt out of the pipeline part with PDF_SAMPLES=read.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPdf } from '../../scripts/read/pdf/index.js';
import { ingestFile } from '../../scripts/pipeline/ingest-file.js';

const dir = resolve(import.meta.dirname, '../../../shared/pdf-samples');
const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort() : [];
if (files.length === 0) console.warn(`跳过真实 PDF 样本测试：未找到 ${dir}`);

describe.skipIf(files.length === 0)('real PDF samples', () => {
  it('every file is read or refused with a reason', { timeout: 600_000 }, async () => {
    for (const f of files) {
      const r = await readPdf(new Uint8Array(readFileSync(join(dir, f))));
      if (r.ok) {
        expect(r.lines.length, f).toBeGreaterThan(0);
        expect(r.lines.every((l) => typeof l.page === 'number' && l.page >= 1), f).toBe(true);
      } else {
        expect(r.reason, f).toMatch(/PDF/);
      }
    }
  });

  it.skipIf(process.env.PDF_SAMPLES === 'read')('runs the pipeline on every file and prints a table', { timeout: 900_000 }, async () => {
    const rows: string[] = ['file | department | year | kind | tables | projects | totals | reconciled | note'];
    let recognized = 0;
    let reconciled = 0;
    for (const f of files) {
      let row: string;
      try {
        const { document: d, errors } = await ingestFile(join(dir, f), f);
        if (!d) {
          row = `${f} | — | — | — | — | — | — | — | ${errors.map((e) => e.message).join('；').slice(0, 80)}`;
        } else {
          const totals = Object.entries(d.totals ?? {}).filter(([, v]) => v !== null && v !== undefined).length;
          const failed = (d.findings ?? []).filter((x: { severity?: string }) => x.severity === 'error').length;
          row = `${f} | ${d.department} | ${d.fiscal_year ?? '?'} | ${d.kind} | ${d.tables.length} | ${d.projects.length} | ${totals} | ${failed === 0 ? 'yes' : `no (${failed})`} |`;
          recognized++;
          if (failed === 0) reconciled++;
        }
      } catch (e) {
        row = `${f} | CRASH ${(e as Error).message.slice(0, 100)}`;
      }
      rows.push(row);
      expect(row, f).not.toMatch(/CRASH/);
    }
    rows.push(`reconciled: ${reconciled} of ${recognized} recognized documents (${recognized ? Math.round((1000 * reconciled) / recognized) / 10 : 0}%)`);
    console.log(rows.join('\n'));
  });
});
