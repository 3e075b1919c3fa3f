import { describe, expect, it } from 'vitest';
import { moneyToWan, parseNumber, parseMoneyText, sumExact } from '../../scripts/normalize/amount.js';

describe('parseNumber', () => {
  it('reads thousands separators and decimals exactly', () => {
    const p = parseNumber('14,783.86');
    expect(p.ok && p.value.toString()).toBe('14783.86');
  });
  it('treats blank and dash cells as empty', () => {
    for (const t of ['', ' ', '-', '—', '**']) expect(parseNumber(t)).toEqual({ ok: false, reason: 'empty' });
  });
  it('rejects malformed numbers instead of guessing', () => {
    expect(parseNumber('1,2345.6').ok).toBe(false);
    expect(parseNumber('12.3.4').ok).toBe(false);
  });
  it('reads parenthesized and full-width numbers', () => {
    const neg = parseNumber('（123）');
    expect(neg.ok && neg.value.toNumber()).toBe(-123);
    const fw = parseNumber('１２３．４５');
    expect(fw.ok && fw.value.toNumber()).toBe(123.45);
  });
});

describe('money conversion', () => {
  it('converts 元 to 万元 without float noise', () => {
    expect(moneyToWan('1,234,567.89', '元')).toBe(123.456789);
    expect(moneyToWan('300', '元')).toBe(0.03);
  });
  it('sums exactly', () => {
    expect(sumExact([0.1, 0.2])).toBe(0.3);
  });
  it('reads amounts in running text', () => {
    expect(parseMoneyText('收入预算总额为895.2万元，较上年')).toEqual({ value: 895.2, unit: '万元' });
    expect(parseMoneyText('控制数608元')).toEqual({ value: 0.0608, unit: '万元' });
  });
});

describe('plainAmount (per-table downloads)', async () => {
  const { plainAmount } = await import('../../scripts/normalize/amount.js');
  it('turns published amounts into numbers', () => {
    expect(plainAmount('12,976.39')).toBe(12976.39);
    expect(plainAmount(' 600.00 ')).toBe(600);
    expect(plainAmount('-1,234.5')).toBe(-1234.5);
    expect(plainAmount('2010301')).toBe(2010301);
  });
  it('leaves codes with a leading zero, dashes, text and malformed numbers alone', () => {
    expect(plainAmount('03')).toBeNull();
    expect(plainAmount('0.5')).toBe(0.5);
    expect(plainAmount('-')).toBeNull();
    expect(plainAmount('1,2345.6')).toBeNull();
    expect(plainAmount('一般公共服务支出')).toBeNull();
    expect(plainAmount('')).toBeNull();
    // project codes: as numbers they would lose digits
    expect(plainAmount('360700228888020000052')).toBeNull();
    expect(plainAmount('4401002100000012')).toBeNull();
    expect(plainAmount('123,456,789,012.34')).toBe(123456789012.34);
  });
});
