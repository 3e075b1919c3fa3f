import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeText } from '../../scripts/read/decode.js';

const sample = '赣州市行政审批局机关 2022 年部门预算\n单位：万元\n合计\t14,783.86\n';

describe('decodeText', () => {
  it('decodes UTF-8 with and without BOM', () => {
    const bytes = new TextEncoder().encode(sample);
    expect(decodeText(bytes)).toMatchObject({ ok: true, text: sample, encoding: 'utf-8' });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
    expect(decodeText(bom)).toMatchObject({ ok: true, text: sample });
  });
  it('detects GB18030/GBK', () => {
    const r = decodeText(new Uint8Array(iconv.encode(sample, 'gbk')));
    expect(r).toMatchObject({ ok: true, text: sample, encoding: 'gb18030' });
  });
  it('detects UTF-16 with BOM', () => {
    const r = decodeText(new Uint8Array(iconv.encode(sample, 'utf-16le', { addBOM: true })));
    expect(r).toMatchObject({ ok: true, text: sample, encoding: 'utf-16le' });
  });
  it('refuses empty and binary input with a reason', () => {
    expect(decodeText(new Uint8Array())).toMatchObject({ ok: false });
    const pdf = new TextEncoder().encode('%PDF-1.7\n\u0000\u0001binary');
    const r = decodeText(pdf);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain('PDF');
  });
});
